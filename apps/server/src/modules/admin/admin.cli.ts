// `netcourt admin …`: provisions a real court on the configured database (DATABASE_URL, or the PGlite
// folder under DATA_DIR): the court network, divisions, staff invitations and the TOTP key rotation.
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { errorCatalog } from "@netcourt/shared";
import {
  AppError,
  loadConfig,
  withConfiguredDatabase,
  staffRoles,
  systemMeta,
  type Database,
  type StaffRole,
} from "../../platform";
import { findCourtByCode } from "../courts/index";
import { loadTotpSecretBox, prependTotpKey, resealTotpSecrets, type TotpSecretBox } from "../identity/index";
import type { AdminDependencies } from "./admin.dependencies";
import { findDivisionByCode, findStaffUserIdByPhone, listCourtStaff } from "./admin.repository";
import { presentStaffMember } from "./admin.presenter";
import { courtLevels, divisionKinds, ZCourtImport } from "./admin.schemas";
import { addCourts } from "./commands/add-courts";
import { addDivision } from "./commands/add-division";
import { deactivateStaff } from "./commands/deactivate-staff";
import { inviteStaff } from "./commands/invite-staff";
import { resetSecondFactor } from "./commands/reset-second-factor";

const USAGE = `usage: netcourt admin <command> [options]
  courts import --file <courts.json>      add the court network (an array shaped like courts.seed-data.ts;
                                          parents first; courts that exist are skipped)
  court add --code C --name-zh … --name-en … --level supreme|high|intermediate|basic
            [--parent CODE] [--internet] [--province-zh …] [--province-en …] [--address-zh …]
  division add --court CODE --code C --name-zh … --name-en … --kind ${divisionKinds.join("|")}
  staff invite --court CODE --role ${staffRoles.join("|")} [--division CODE]
            --name … --id-number … --phone … [--email …] [--title-zh …] [--title-en …]
                                          prints a one-time invitation link (valid 72 hours)
  staff list --court CODE
  staff deactivate --court CODE --phone P
  staff reset-second-factor --court CODE --phone P   ends sessions; prints a new invitation link
  keys rotate-totp [--generate]           re-encrypt every TOTP secret under the first configured key;
                                          --generate first adds a new key to the key file
Works on DATABASE_URL, or the PGlite database in DATA_DIR.
`;

/** Where the command writes and what it reads; the defaults are the process's. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
}

const processIo: CliIo = {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => new Date(),
};

/** Bad input on the command line: one line on stderr and exit code 2. */
class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value.trim();
}

function optional(values: Record<string, string | boolean | undefined>, name: string): string | null {
  const value = values[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

async function courtIdOf(database: Database, code: string): Promise<string> {
  const court = await findCourtByCode(database.db, code);
  if (!court) throw new UsageError(`no court with code ${code}`);
  return court.id;
}

const options = {
  file: { type: "string" },
  code: { type: "string" },
  "name-zh": { type: "string" },
  "name-en": { type: "string" },
  level: { type: "string" },
  parent: { type: "string" },
  internet: { type: "boolean" },
  "province-zh": { type: "string" },
  "province-en": { type: "string" },
  "address-zh": { type: "string" },
  court: { type: "string" },
  kind: { type: "string" },
  role: { type: "string" },
  division: { type: "string" },
  name: { type: "string" },
  "id-number": { type: "string" },
  phone: { type: "string" },
  email: { type: "string" },
  "title-zh": { type: "string" },
  "title-en": { type: "string" },
  generate: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** `netcourt admin`: exit 0 on success, 2 on bad input with one line saying why. */
export async function runAdmin(argv: string[], io: CliIo = processIo): Promise<number> {
  const [group, action, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options, strict: true }).values;
  } catch (error) {
    io.err(`error: ${(error as Error).message}\n`);
    return 2;
  }
  if (!group || values.help || group === "help") {
    io.err(USAGE);
    return values.help || group === "help" ? 0 : 2;
  }
  const command = `${group} ${action ?? ""}`.trim();
  const config = loadConfig(io.env);
  try {
    const { box, source, file } = await loadTotpSecretBox(config);
    if (source === "generated") io.err(`generated a TOTP encryption key in ${file}\n`);
    return await withConfiguredDatabase(config, async (database) => {
      const deps: AdminDependencies = { db: database.db, totpSecrets: box, publicUrl: config.publicUrl };
      const meta = systemMeta("admin-cli", io.now());
      // The server seals older clear secrets at start; the CLI may be the first to open the database.
      await resealTotpSecrets(database.db, box, meta, { onlyClear: true });
      return run(command, values, { database, deps, meta, io, box, keyFile: file });
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      const fields = error.details.map((d) => d.path).filter((p): p is string => Boolean(p));
      io.err(
        `error: ${error.code}: ${errorCatalog[error.code].en}${fields.length > 0 ? ` (${fields.join(", ")})` : ""}\n`,
      );
      return 2;
    }
    throw error;
  }
}

async function run(
  command: string,
  values: Record<string, string | boolean | undefined>,
  ctx: {
    database: Database;
    deps: AdminDependencies;
    meta: ReturnType<typeof systemMeta>;
    io: CliIo;
    box: TotpSecretBox;
    keyFile: string | null;
  },
): Promise<number> {
  const { database, deps, meta, io } = ctx;
  switch (command) {
    case "courts import": {
      const file = required(values, "file");
      let parsed: unknown;
      try {
        parsed = JSON.parse(await fs.readFile(path.resolve(file), "utf8"));
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const courts = ZCourtImport.safeParse(parsed);
      if (!courts.success) {
        const issue = courts.error.issues[0]!;
        throw new UsageError(`${file}: ${issue.path.join(".")}: ${issue.message}`);
      }
      const result = await addCourts(deps, meta, courts.data, { skipExisting: true });
      io.out(`added ${result.added.length} courts, ${result.skipped.length} already present\n`);
      return 0;
    }
    case "court add": {
      const level = oneOf(required(values, "level"), courtLevels, "level");
      await addCourts(deps, meta, [
        {
          code: required(values, "code"),
          nameZh: required(values, "name-zh"),
          nameEn: required(values, "name-en"),
          level,
          parentCode: optional(values, "parent"),
          isInternetCourt: values.internet === true,
          provinceZh: optional(values, "province-zh"),
          provinceEn: optional(values, "province-en"),
          addressZh: optional(values, "address-zh"),
          smallClaimsLimitYuan: null,
        },
      ]);
      io.out(`added court ${required(values, "code")}\n`);
      return 0;
    }
    case "division add": {
      const courtId = await courtIdOf(database, required(values, "court"));
      const code = required(values, "code");
      await addDivision(deps, meta, {
        courtId,
        code,
        nameZh: required(values, "name-zh"),
        nameEn: required(values, "name-en"),
        kind: oneOf(required(values, "kind"), divisionKinds, "kind"),
      });
      io.out(`added division ${code}\n`);
      return 0;
    }
    case "staff invite": {
      const courtId = await courtIdOf(database, required(values, "court"));
      const role: StaffRole = oneOf(required(values, "role"), staffRoles, "role");
      const divisionCode = optional(values, "division");
      let divisionId: string | null = null;
      if (divisionCode !== null) {
        const division = await findDivisionByCode(database.db, courtId, divisionCode);
        if (!division) throw new UsageError(`no division ${divisionCode} at this court`);
        divisionId = division.id;
      }
      const invited = await inviteStaff(deps, meta, {
        courtId,
        role,
        divisionId,
        name: required(values, "name"),
        idNumber: required(values, "id-number"),
        phone: required(values, "phone"),
        email: optional(values, "email"),
        titleZh: optional(values, "title-zh"),
        titleEn: optional(values, "title-en"),
      });
      io.out(`invitation (valid until ${invited.expiresAt.toISOString()}, shown once):\n${invited.url}\n`);
      return 0;
    }
    case "staff list": {
      const courtId = await courtIdOf(database, required(values, "court"));
      const rows = await listCourtStaff(database.db, courtId, meta.now);
      for (const row of rows) {
        const member = presentStaffMember(row, "");
        io.out(
          `${row.phone}\t${member.role}\t${member.divisionCode ?? "-"}\t${member.status}\t${member.name}\n`,
        );
      }
      return 0;
    }
    case "staff deactivate":
    case "staff reset-second-factor": {
      const courtId = await courtIdOf(database, required(values, "court"));
      const phone = required(values, "phone");
      const userId = await findStaffUserIdByPhone(database.db, courtId, phone);
      if (!userId) throw new UsageError(`no staff member with phone ${phone} at this court`);
      if (command === "staff deactivate") {
        await deactivateStaff(deps, meta, { courtId, userId });
        io.out(`deactivated ${phone}\n`);
      } else {
        const invitation = await resetSecondFactor(deps, meta, { courtId, userId });
        io.out(
          `invitation (valid until ${invitation.expiresAt.toISOString()}, shown once):\n${invitation.url}\n`,
        );
      }
      return 0;
    }
    case "keys rotate-totp": {
      let box = ctx.box;
      if (values.generate) {
        if (!ctx.keyFile)
          throw new UsageError("--generate needs a key file (TOTP_ENCRYPTION_KEY_FILE or DATA_DIR)");
        await prependTotpKey(ctx.keyFile);
        box = (await loadTotpSecretBox(loadConfig(io.env))).box;
      }
      const result = await resealTotpSecrets(database.db, box, meta, { onlyClear: false });
      io.out(
        `TOTP secrets under key ${box.currentKeyId}: ${result.reencrypted} re-encrypted, ${result.sealedClear} sealed from clear\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

/** The entry point `cli.ts` loads. */
export async function runAdminCommand(argv: string[]): Promise<number> {
  return runAdmin(argv);
}
