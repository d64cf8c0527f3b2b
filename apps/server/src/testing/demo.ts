import { decodeBase32, totpCode } from "../modules/identity/index";
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoIdNumber,
  seedDemoNetwork,
  type DemoAccount,
} from "../seed/demo-seed";
import type { SimulatedPaymentGateway } from "../modules/filing/index";
import { TestClient, type TestApp, type TestResponse } from "./test-app";

/** Seeds the demo network (a subset of courts keeps tests fast) and returns its accounts by login. */
export async function seedDemo(app: TestApp, courts?: string[]): Promise<Map<string, DemoAccount>> {
  const accounts = await seedDemoNetwork(app.context, {
    now: app.clock.now(),
    ...(courts ? { courts } : {}),
  });
  return new Map((accounts ?? []).map((a) => [a.login, a]));
}

/**
 * Signs in a demo account and returns its client. Staff answer the TOTP step; the clock moves on one
 * step first because a code may be used only once per account.
 */
export async function signIn(app: TestApp, login: string): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.post<{ user: { needsSecondFactor: boolean } }>("/api/auth/login", {
    login,
    password: DEMO_PASSWORD,
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
  if (response.body.user.needsSecondFactor) {
    app.clock.advance(30_000);
    const code = totpCode(decodeBase32(DEMO_TOTP_SECRET)!, app.clock.now());
    const verified = await client.post("/api/auth/totp/verify", { code });
    if (verified.status !== 200)
      throw new Error(`TOTP of ${login} failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return client;
}

/** A complete online-shopping complaint by 张三 against a company, ready to submit once evidence is attached. */
export function shoppingComplaint(options: { evidenceAttachmentId?: string | null; amount?: number } = {}) {
  return {
    causeCode: "online-sale-contract",
    procedure: "ordinary" as const,
    parties: [
      {
        role: "plaintiff" as const,
        kind: "natural_person" as const,
        name: "张三",
        idNumber: demoIdNumber("330106", "1990-03-07", 213),
        sex: "male" as const,
        phone: "13800001111",
        address: "浙江省杭州市西湖区文三路1号",
        isFiler: true,
      },
      {
        role: "defendant" as const,
        kind: "legal_person" as const,
        name: "杭州某某电子商务有限公司",
        creditCode: null as string | null,
        legalRepresentative: "钱七",
        address: "浙江省杭州市余杭区五常街道2号",
      },
    ],
    claims: [
      { text: "判令被告退还货款人民币5000元", amount: options.amount ?? 5000 },
      { text: "判令被告承担本案诉讼费用", amount: null },
    ],
    factsAndReasons: "2026年1月5日原告在被告网店购买手机一部，收货后发现系翻新机，被告拒绝退货。",
    evidence: [
      {
        name: "订单截图",
        source: "电商平台",
        purpose: "证明买卖合同关系",
        attachmentId: options.evidenceAttachmentId ?? null,
      },
    ],
  };
}

/** Throws with the answer's body unless the request answered `status`. */
function expectStatus(what: string, response: TestResponse, status: number): void {
  if (response.status !== status)
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
}

/** Pays a submitted filing's acceptance fee through the simulated gateway, as its signed notification would. */
export async function payFilingFee(app: TestApp, payer: TestClient, caseId: string): Promise<void> {
  const start = await payer.post<{ orderId: string; amount: number }>(`/api/filings/${caseId}/payment`);
  expectStatus("starting the fee payment", start, 200);
  const gateway = app.context.ports.payment as SimulatedPaymentGateway;
  const body = JSON.stringify({
    reference: `SIM-${caseId}`,
    orderId: start.body.orderId,
    amountFen: Math.round(start.body.amount * 100),
    status: "paid",
  });
  const notified = await app.http.inject({
    method: "POST",
    url: "/api/payments/simulator/notify",
    payload: body,
    headers: gateway.signatureHeaders(body),
  });
  if (notified.statusCode !== 200)
    throw new Error(`the payment notification answered ${notified.statusCode}`);
}

/**
 * A complaint filed by `filer` at the court, its fee paid and the filing accepted by `clerk` (with the
 * procedure given, else the filer's); returns the case id. The complaint is saved as given, so its
 * evidence must already carry the attachments it names.
 */
export async function acceptedCase(
  app: TestApp,
  options: {
    filer: TestClient;
    clerk: TestClient;
    courtId: string;
    /** The complaint to save; or `prepare` returns it. */
    complaint?: unknown;
    procedure?: "ordinary" | "simplified" | "small_claims";
    /** Called with the new draft's id before the complaint is saved (to upload its attachments). */
    prepare?: (caseId: string) => Promise<unknown>;
  },
): Promise<string> {
  const { filer, clerk } = options;
  const created = await filer.post<{ caseId: string }>("/api/filings", { courtId: options.courtId });
  expectStatus("creating the draft", created, 201);
  const caseId = created.body.caseId;
  const complaint = options.prepare ? await options.prepare(caseId) : options.complaint;
  expectStatus("saving the complaint", await filer.put(`/api/filings/${caseId}`, complaint), 200);
  expectStatus("submitting", await filer.post(`/api/filings/${caseId}/submit`), 200);
  await payFilingFee(app, filer, caseId);
  const accepted = await clerk.post(
    `/api/filings/${caseId}/accept`,
    options.procedure ? { procedure: options.procedure } : {},
  );
  expectStatus("accepting", accepted, 200);
  return caseId;
}

/**
 * Makes the case's defendant the demo account 李四 (`defendantUserId`) with the demo lawyer 王律师
 * (`lawyerUserId`) as its active agent, as if both had linked and been appointed; and, when given, makes
 * `judgeId` the judge in charge. For tests of what comes after service.
 */
export async function withDefendantAndLawyer(
  app: TestApp,
  caseId: string,
  users: { defendantUserId: string; lawyerUserId: string; judgeId?: string },
): Promise<void> {
  const db = app.context.db;
  const party = await db
    .selectFrom("case_parties")
    .select("id")
    .where("case_id", "=", caseId)
    .where("role", "=", "defendant")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("case_parties")
    .set({ user_id: users.defendantUserId })
    .where("id", "=", party.id)
    .execute();
  await db
    .insertInto("case_agents")
    .values({
      case_id: caseId,
      party_id: party.id,
      user_id: users.lawyerUserId,
      kind: "lawyer",
      name: "王律师",
      phone: "13700003333",
      law_firm: "浙江示范律师事务所",
      licence_number: "13301201010000001",
      power_of_attorney_sha256: null,
      status: "active",
      created_at: app.clock.now(),
    })
    .execute();
  if (users.judgeId)
    await db.updateTable("cases").set({ judge_id: users.judgeId }).where("id", "=", caseId).execute();
}

/**
 * Runs the jobs that serve the complaint, then links `client`'s verified account to the party the case
 * code was issued for (the only one, or the one named).
 */
export async function linkByCaseCode(
  app: TestApp,
  client: TestClient,
  caseId: string,
  partyName?: string,
): Promise<void> {
  await app.jobs.runDue();
  const codes = await app.context.db
    .selectFrom("case_party_codes")
    .innerJoin("case_parties", "case_parties.id", "case_party_codes.party_id")
    .select(["case_party_codes.code", "case_parties.name"])
    .where("case_party_codes.case_id", "=", caseId)
    .execute();
  const code = partyName === undefined ? codes[0] : codes.find((c) => c.name === partyName);
  if (!code) throw new Error(`no case code for ${partyName ?? "the case"}`);
  expectStatus(
    "linking with the case code",
    await client.post("/api/cases/link", { caseCode: code.code }),
    200,
  );
}
