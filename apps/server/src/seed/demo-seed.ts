import { fileURLToPath } from "node:url";
import {
  creditCodeCheckCharacter,
  organisationCodeCheckCharacter,
  residentIdCheckCharacter,
} from "@netcourt/shared/identity-checks";
import type { AppContext } from "../context";
import {
  countCourts,
  demoCourts,
  demoDivisions,
  demoSmallClaimsBasis,
  insertCourt,
  insertDivision,
  insertCourtroom,
  insertStaff,
  listDivisions,
} from "../modules/courts/index";
import { createAccount } from "../modules/identity/index";
import { insertMediator, insertOrganisation } from "../modules/mediation/index";
import { importJudgments, type ImportJudgmentsResult } from "../modules/search/index";
import { inTransaction, systemMeta, type StaffRole } from "../platform";

/** The password of every demo account (printed on first start). */
export const DEMO_PASSWORD = "Netcourt2026";
/** The TOTP secret of every demo staff account (add it to an authenticator app, or `npx netcourt totp`). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export interface DemoAccount {
  login: string;
  name: string;
  role: StaffRole | "litigant" | "lawyer";
  courtCode: string | null;
  userId: string;
}

/** A valid 18-digit resident ID number (GB 11643) for demo people. */
export function demoIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A valid unified social credit code (GB 32100) for demo organisations. */
export function demoCreditCode(region: string, organisationBody: string): string {
  const organisation = organisationBody + organisationCodeCheckCharacter(organisationBody);
  const first17 = `91${region}${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

interface StaffPlan {
  role: StaffRole;
  division: string | null;
  titleZh: string;
  titleEn: string;
  nameZh: string;
}

const internetCourtStaff: StaffPlan[] = [
  {
    role: "court_admin",
    division: "GL",
    titleZh: "审判管理办公室主任",
    titleEn: "Head of Trial Management",
    nameZh: "管理员",
  },
  { role: "clerk", division: "LA", titleZh: "立案庭书记员", titleEn: "Filing clerk", nameZh: "书记员甲" },
  { role: "clerk", division: "LA", titleZh: "立案庭书记员", titleEn: "Filing clerk", nameZh: "书记员乙" },
  { role: "judge", division: "MS1", titleZh: "审判员", titleEn: "Judge", nameZh: "法官甲" },
  { role: "judge", division: "MS1", titleZh: "审判员", titleEn: "Judge", nameZh: "法官乙" },
  { role: "judge", division: "MS2", titleZh: "审判员", titleEn: "Judge", nameZh: "法官丙" },
  { role: "judge", division: "XZ", titleZh: "审判员", titleEn: "Judge", nameZh: "法官丁" },
  { role: "mediator", division: "TJ", titleZh: "特邀调解员", titleEn: "Mediator", nameZh: "调解员" },
  {
    role: "enforcement_officer",
    division: "ZX",
    titleZh: "执行员",
    titleEn: "Enforcement officer",
    nameZh: "执行员",
  },
];

const higherCourtStaff: StaffPlan[] = [
  {
    role: "court_admin",
    division: "GL",
    titleZh: "审判管理办公室主任",
    titleEn: "Head of Trial Management",
    nameZh: "管理员",
  },
  { role: "judge", division: "MS1", titleZh: "审判员", titleEn: "Judge", nameZh: "法官" },
];

/** Demo login names: `<court slug>.<role><n>@netcourt.demo`. */
const courtSlugs: Record<string, string> = {
  最高法: "spc",
  浙: "zj",
  浙01: "hzzy",
  浙0192: "hzhlw",
  京: "bj",
  京04: "bj4zy",
  京0491: "bjhlw",
  粤: "gd",
  粤01: "gzzy",
  粤0192: "gzhlw",
};

const roleSlugs: Record<StaffRole, string> = {
  court_admin: "admin",
  clerk: "clerk",
  judge: "judge",
  mediator: "mediator",
  enforcement_officer: "enforcement",
};

/** The public judgment sample of the demo (300 LeCaRD criminal judgments; see its README.md). */
export const DEMO_JUDGMENTS_FILE = fileURLToPath(
  new URL("../../corpora/judgments-sample/lecard-sample.jsonl.gz", import.meta.url),
);

/**
 * Loads the demo's public judgment sample into the judgments archive (published, no court), which the
 * judgment index follows, so the judge's similar-case tools have material on a first start.
 */
export async function seedDemoJudgments(
  context: Pick<AppContext, "db">,
  options: { now: Date; file?: string },
): Promise<ImportJudgmentsResult> {
  return importJudgments(context.db, {
    file: options.file ?? DEMO_JUDGMENTS_FILE,
    format: "lecard",
    published: true,
    now: options.now,
  });
}

/**
 * Seeds the demo court network on an empty database: the courts of DESIGN.md with their hierarchy and
 * divisions, staff for each (TOTP enabled with the demo secret), and verified demo litigants; the
 * whole network (no `courts` subset) also gets the public judgment sample unless `judgments` is false.
 * Returns the accounts created, or null when courts already exist.
 */
export async function seedDemoNetwork(
  context: Pick<AppContext, "db" | "totpSecrets">,
  options: { now: Date; courts?: string[]; judgments?: boolean; mediators?: boolean } = { now: new Date() },
): Promise<DemoAccount[] | null> {
  if ((await countCourts(context.db)) > 0) return null;
  const meta = systemMeta("demo-seed", options.now);
  const chosen = options.courts ? demoCourts.filter((c) => options.courts!.includes(c.code)) : demoCourts;
  const accounts: DemoAccount[] = [];
  let phone = 13_900_000_000;
  let sequence = 100;

  await inTransaction(context.db, async (trx) => {
    const ids = new Map<string, string>();
    for (const court of chosen) {
      const parentId = court.parentCode ? (ids.get(court.parentCode) ?? null) : null;
      const id = await insertCourt(trx, {
        code: court.code,
        nameZh: court.nameZh,
        nameEn: court.nameEn,
        level: court.level,
        parentId,
        isInternetCourt: court.isInternetCourt,
        provinceZh: court.provinceZh,
        provinceEn: court.provinceEn,
        addressZh: court.addressZh,
        smallClaimsLimitFen: court.smallClaimsLimitYuan === null ? null : court.smallClaimsLimitYuan * 100,
        smallClaimsBasis: court.smallClaimsLimitYuan === null ? null : demoSmallClaimsBasis,
        reviewsAllVerifications: court.isInternetCourt,
        now: options.now,
      });
      ids.set(court.code, id);
      for (const division of demoDivisions.filter((d) => court.isInternetCourt || !d.internetOnly)) {
        await insertDivision(trx, {
          courtId: id,
          code: division.code,
          nameZh: division.nameZh,
          nameEn: division.nameEn,
          kind: division.kind,
        });
      }
      const divisions = new Map((await listDivisions(trx, id)).map((d) => [d.code, d.id]));
      const plan = court.isInternetCourt ? internetCourtStaff : higherCourtStaff;
      const counters = new Map<StaffRole, number>();
      const shortName = court.nameZh.replace(/^(浙江省|广东省|北京市)/, "").replace(/人民法院$/, "");
      for (const staff of plan) {
        const n = (counters.get(staff.role) ?? 0) + 1;
        counters.set(staff.role, n);
        const login = `${courtSlugs[court.code] ?? court.code}.${roleSlugs[staff.role]}${n}@netcourt.demo`;
        sequence += 1;
        const { userId } = await createAccount(
          trx,
          meta,
          {
            kind: "person",
            name: `${shortName}${staff.nameZh}`,
            idNumber: demoIdNumber("330106", "1985-06-15", sequence),
            phone: String((phone += 1)),
            email: login,
            password: DEMO_PASSWORD,
            // Demo staff are enrolled at creation with the published demo secret; a real court's staff
            // enrol through an invitation (npx netcourt admin staff invite).
            totpSecret: DEMO_TOTP_SECRET,
            isVerified: true,
          },
          { totpSecrets: context.totpSecrets },
        );
        await insertStaff(trx, {
          userId,
          courtId: id,
          role: staff.role,
          divisionId: staff.division ? (divisions.get(staff.division) ?? null) : null,
          titleZh: staff.titleZh,
          titleEn: staff.titleEn,
          now: options.now,
        });
        accounts.push({
          login,
          name: `${shortName}${staff.nameZh}`,
          role: staff.role,
          courtCode: court.code,
          userId,
        });
      }
    }

    // 在线调解规则第五条: each Internet court's demo mediator is on its register of invited mediators, in
    // an organisation, so applicants can choose them on a first start (tests keep their own registers).
    if (options.mediators ?? options.courts === undefined) {
      for (const court of chosen.filter((c) => c.isInternetCourt)) {
        const courtId = ids.get(court.code)!;
        const organisation = await insertOrganisation(trx, {
          courtId,
          name: `${court.nameZh}特邀调解工作室`,
          nameEn: `Invited Mediation Office of the ${court.nameEn}`,
          description: "网络购物、网络服务、金融借款等互联网纠纷的诉前调解，不收费。",
          caseTypes: [],
          now: options.now,
        });
        for (const mediator of accounts.filter((a) => a.role === "mediator" && a.courtCode === court.code)) {
          await insertMediator(trx, {
            courtId,
            userId: mediator.userId,
            organisationId: organisation.id,
            displayName: mediator.name,
            specialties: "网络购物合同纠纷、网络服务合同纠纷",
            caseTypes: [],
            now: options.now,
          });
        }
      }
    }

    // 在线诉讼规则第二十四条: each Internet court's demo has an online courtroom and a courtroom for the
    // hearings that must sit offline (互联网法院规定第十二条), so judges can fix hearings on a first start.
    if (options.courts === undefined) {
      for (const court of chosen.filter((c) => c.isInternetCourt)) {
        const courtId = ids.get(court.code)!;
        for (const room of [
          { code: "ZX1", nameZh: "第一在线法庭", nameEn: "Online Courtroom A", kind: "online" as const },
          { code: "T1", nameZh: "第一法庭", nameEn: "Courtroom 1", kind: "physical" as const },
        ]) {
          await insertCourtroom(trx, courtId, { ...room, locationZh: null, locationEn: null }, options.now);
        }
      }
    }

    const litigants = [
      {
        login: "zhangsan@netcourt.demo",
        name: "张三",
        idNumber: demoIdNumber("330106", "1990-03-07", 213),
        role: "litigant" as const,
      },
      {
        login: "lisi@netcourt.demo",
        name: "李四",
        idNumber: demoIdNumber("110105", "1988-11-20", 124),
        role: "litigant" as const,
      },
      {
        login: "wanglawyer@netcourt.demo",
        name: "王律师",
        idNumber: demoIdNumber("330102", "1982-01-09", 315),
        role: "lawyer" as const,
        lawyerLicenceNumber: "13301201810123456",
        lawFirm: "浙江示范律师事务所",
      },
    ];
    for (const person of litigants) {
      const { userId } = await createAccount(trx, meta, {
        kind: "person",
        name: person.name,
        idNumber: person.idNumber,
        phone: String((phone += 1)),
        email: person.login,
        password: DEMO_PASSWORD,
        isVerified: true,
        ...("lawyerLicenceNumber" in person
          ? { lawyerLicenceNumber: person.lawyerLicenceNumber, lawFirm: person.lawFirm }
          : {}),
      });
      accounts.push({ login: person.login, name: person.name, role: person.role, courtCode: null, userId });
    }
    const company = { login: "yunqi@netcourt.demo", name: "杭州云栖示范网络科技有限公司" };
    const { userId } = await createAccount(trx, meta, {
      kind: "organisation",
      name: company.name,
      creditCode: demoCreditCode("330106", "MA2DEM01"),
      organisationKind: "legal_person",
      legalRepresentative: "赵六",
      phone: String((phone += 1)),
      email: company.login,
      password: DEMO_PASSWORD,
      isVerified: true,
    });
    accounts.push({ login: company.login, name: company.name, role: "litigant", courtCode: null, userId });
  });
  if (options.judgments ?? options.courts === undefined) await seedDemoJudgments(context, options);
  return accounts;
}

/** The console text listing the demo accounts. */
export function describeDemoAccounts(accounts: DemoAccount[]): string {
  const lines = [
    "",
    "Demo court network seeded. Every account's password: " + DEMO_PASSWORD,
    "Court staff sign in with TOTP; demo secret " + DEMO_TOTP_SECRET + " (current code: npx netcourt totp)",
    "",
    ...accounts
      .filter((a) => a.courtCode === null || a.courtCode.endsWith("92") || a.courtCode.endsWith("91"))
      .map((a) => `  ${a.role.padEnd(20)} ${a.login.padEnd(36)} ${a.name}`),
    `  … and ${accounts.filter((a) => a.courtCode !== null && !a.courtCode.endsWith("92") && !a.courtCode.endsWith("91")).length} accounts at the higher courts (admin1, judge1 per court).`,
    "",
  ];
  return lines.join("\n");
}
