import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedSmsSender } from "../../platform/ports/sms";
import { demoCreditCode } from "../../seed/demo-seed";
import { acceptedCase, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";

/** A service record as `GET /api/cases/:id/services` answers it (the fields read here). */
interface ServiceJson {
  id: string;
  kind: string;
  addressBasis: string;
  status: string;
  servedHow: string | null;
  openedAt: string | null;
  servedAt: string | null;
  recipient: { userId: string | null; phone: string | null };
  attempts: unknown[];
}

/** The demo company 杭州云栖示范网络科技有限公司 (yunqi@netcourt.demo) and the address it confirms. */
const YUNQI_CREDIT_CODE = demoCreditCode("330106", "MA2DEM01");
const CONFIRMED_PHONE = "13900008888";
/** The number the plaintiff wrote down for the company: not the address the company confirmed. */
const PROVIDED_PHONE = "13900006666";

// 互联网法院规定第十七条, 在线诉讼规则第三十一条第一款: a defendant whose own verified account confirmed an
// electronic service address is served there when the complaint is served, complete on arrival.
describe.each(testDatabaseKinds())("serving a defendant at its confirmed address on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let yunqi: TestClient;
  let clerk: TestClient;
  let caseId: string;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    yunqi = await signIn(app, "yunqi@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    const consent = await yunqi.get<{ confirmation: { version: string } }>("/api/me/service-address");
    const confirmed = await yunqi.put("/api/me/service-address", {
      phone: CONFIRMED_PHONE,
      email: null,
      consentVersion: consent.body.confirmation.version,
      agree: true,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  async function registeredCaseAgainst(defendant: Record<string, unknown>): Promise<string> {
    const base = shoppingComplaint();
    const complaint = {
      ...base,
      evidence: base.evidence.map((e) => ({ ...e, attachmentId: null })),
      parties: [base.parties[0], { ...base.parties[1], ...defendant }],
    };
    return acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint });
  }

  const defendantOf = (id: string) =>
    app.context.db
      .selectFrom("case_parties")
      .select(["id", "user_id"])
      .where("case_id", "=", id)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();

  it("links the company's account and serves it at the confirmed address, complete on arrival though never opened", async () => {
    caseId = await registeredCaseAgainst({
      name: "杭州云栖示范网络科技有限公司",
      creditCode: YUNQI_CREDIT_CODE,
      phone: PROVIDED_PHONE,
    });
    expect((await defendantOf(caseId)).user_id).toBeNull();
    // The job at registration serves the complaint; the jobs it queues send the messages.
    await app.jobs.runDue();
    await app.jobs.runDue();

    const defendant = await defendantOf(caseId);
    expect(defendant.user_id).toBe(accounts.get("yunqi@netcourt.demo")!.userId);
    const services = (await clerk.get<{ items: ServiceJson[] }>(`/api/cases/${caseId}/services`)).body.items;
    const copy = services.find((s) => s.kind === "complaint_copy")!;
    expect(copy.addressBasis).toBe("confirmed");
    expect(copy.recipient.userId).toBe(defendant.user_id);
    expect(copy.recipient.phone).toBe(CONFIRMED_PHONE);
    expect(copy.status, JSON.stringify(copy.attempts)).toBe("served");
    expect(copy.servedHow).toBe("delivered");
    expect(copy.openedAt).toBeNull();
    // Served on arrival, the Monday it was sent (not when opened: it never is).
    expect(copy.servedAt?.slice(0, 10)).toBe("2026-03-02");
    // The notice went to the confirmed number, not the one the plaintiff gave, and without a case code.
    const sms = app.context.ports.sms as SimulatedSmsSender;
    expect(sms.sent.some((m) => m.to === CONFIRMED_PHONE && m.text.includes(`/served/${copy.id}`))).toBe(
      true,
    );
    expect(sms.sent.some((m) => m.to === PROVIDED_PHONE)).toBe(false);
    // 民事诉讼法第一百二十八条, 第八十五条: 15 days from the day after Monday 2 March end Tuesday 17 March.
    const period = await app.context.db
      .selectFrom("case_deadlines")
      .select(["due_at", "status"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "answer_period")
      .executeTakeFirstOrThrow();
    expect(period.due_at.toISOString()).toBe("2026-03-17T15:59:59.999Z");
    // The link is recorded: audit and ledger, and the case is the company's to see.
    const linked = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "party_linked")
      .execute();
    expect(linked).toHaveLength(1);
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .where("action", "=", "cases.party_linked")
      .execute();
    expect(audit).toHaveLength(1);
    expect((await yunqi.get(`/api/cases/${caseId}`)).status).toBe(200);
  });

  it("leaves a defendant of another identity unlinked, served at the address the plaintiff gave", async () => {
    const other = await registeredCaseAgainst({
      name: "杭州另一家网络科技有限公司",
      creditCode: demoCreditCode("330106", "MA2DEM02"),
      phone: PROVIDED_PHONE,
    });
    await app.jobs.runDue();
    await app.jobs.runDue();
    expect((await defendantOf(other)).user_id).toBeNull();
    const services = (await clerk.get<{ items: ServiceJson[] }>(`/api/cases/${other}/services`)).body.items;
    const copy = services.find((s) => s.kind === "complaint_copy")!;
    expect(copy.addressBasis).toBe("provided");
    expect(copy.status).toBe("delivered");
    expect(copy.servedAt).toBeNull();
    expect((await yunqi.get(`/api/cases/${other}`)).status).toBe(404);
  });
});
