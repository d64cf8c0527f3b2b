import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedEmailSender } from "../../platform/ports/email";
import type { SimulatedSmsSender } from "../../platform/ports/sms";
import { demoCreditCode } from "../../seed/demo-seed";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TMediationView } from "./mediation.schemas";

const RESPONDENT_PHONE = "13900005555";
const RESPONDENT_EMAIL = "legal@yunqi-demo.example";
/** The credit code of the demo company 杭州云栖示范网络科技有限公司 (yunqi@netcourt.demo). */
const YUNQI_CREDIT_CODE = demoCreditCode("330106", "MA2DEM01");

describe.each(testDatabaseKinds())("inviting the respondent to a mediation on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let mediatorId: string;
  let caseId: string;
  let mediationId: string;
  let caseCode: string;
  let zhangsan: TestClient;
  let yunqi: TestClient;
  let lisi: TestClient;
  let clerk: TestClient;
  let mediator: TestClient;
  let otherClerk: TestClient;

  const workspace = (client: TestClient) => client.get<TMediationView>(`/api/mediations/${mediationId}`);
  const sms = () => app.context.ports.sms as SimulatedSmsSender;
  const email = () => app.context.ports.email as SimulatedEmailSender;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const courts = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    yunqi = await signIn(app, "yunqi@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    mediator = await signIn(app, "hzhlw.mediator1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
    const admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    const registered = await admin.post<{ id: string }>(`/api/courts/${courtId}/mediators`, {
      userId: accounts.get("hzhlw.mediator1@netcourt.demo")!.userId,
      displayName: "调解员甲",
      caseTypes: [],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    mediatorId = registered.body.id;

    // 张三's draft names the company by its credit code and gives its phone and e-mail.
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId });
    caseId = created.body.caseId;
    const complaint = shoppingComplaint();
    const [plaintiff, defendant] = complaint.parties;
    const saved = await zhangsan.put(`/api/filings/${caseId}`, {
      ...complaint,
      parties: [
        plaintiff,
        {
          ...defendant,
          name: "杭州云栖示范网络科技有限公司",
          creditCode: YUNQI_CREDIT_CODE,
          phone: RESPONDENT_PHONE,
          email: RESPONDENT_EMAIL,
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it("gives the respondent a case code and sends it by SMS with the invitation to mediate", async () => {
    const applied = await zhangsan.post<{ mediationId: string }>(`/api/filings/${caseId}/mediation`, {
      mediatorId,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    mediationId = applied.body.mediationId;
    await app.jobs.runDue();
    const invitation = sms().sent.find((m) => m.to === RESPONDENT_PHONE);
    expect(invitation).toBeDefined();
    const link = /\/cases\/link\?code=([0-9A-Z]+)/.exec(invitation!.text);
    expect(link).not.toBeNull();
    caseCode = link![1]!;
    expect(invitation!.text).toContain(`${app.context.config.publicUrl}/cases/link?code=${caseCode}`);
    expect(invitation!.text).toContain("调解");
    expect(invitation!.text).toContain("invites you to mediate online");
    // The SMS reached the addressee: no e-mail as well, and nothing of the applicant's data.
    expect(email().sent.some((m) => m.to === RESPONDENT_EMAIL)).toBe(false);
    expect(invitation!.text).not.toContain("张三");
    expect(invitation!.text).not.toContain("13800001111");
    // Sent once, even when the jobs run again.
    await app.jobs.runDue();
    expect(sms().sent.filter((m) => m.to === RESPONDENT_PHONE)).toHaveLength(1);
  });

  it("shows the unused code to the mediator and the court's clerk, and to no party", async () => {
    const respondentOf = (view: TMediationView) => view.parties.find((p) => p.role === "defendant")!;
    expect(respondentOf((await workspace(mediator)).body).caseCode).toBe(caseCode);
    expect(respondentOf((await workspace(clerk)).body).caseCode).toBe(caseCode);
    expect(respondentOf((await workspace(zhangsan)).body).caseCode).toBeNull();
    expect((await workspace(otherClerk)).status).toBe(404);
    expect((await workspace(yunqi)).status).toBe(404);
  });

  it("refuses the code to an account of another identity, and links the company's verified account", async () => {
    const wrong = await lisi.post<ErrorBody>("/api/cases/link", { caseCode });
    expect(wrong.body.error).toBe("party_identity_mismatch");
    expect((await workspace(lisi)).status).toBe(404);

    const linked = await yunqi.post<{ caseId: string; partyId: string }>("/api/cases/link", { caseCode });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.caseId).toBe(caseId);
    const view = await workspace(yunqi);
    expect(view.status).toBe(200);
    expect(view.body.myRelation).toBe("party");
    expect(view.body.mySides).toEqual(["respondent"]);
    expect(view.body.actions).toContain("answer_consent");
    expect(view.body.parties.find((p) => p.role === "defendant")?.hasAccount).toBe(true);
    // A used code is no longer shown.
    expect((await workspace(mediator)).body.parties.every((p) => p.caseCode === null)).toBe(true);
    const again = await lisi.post<ErrorBody>("/api/cases/link", { caseCode });
    expect(again.status).toBe(409);
  });

  it("lets the linked respondent agree, and offers the draft to the mediator alone once mediation runs", async () => {
    const consent = await yunqi.post<TMediationView>(`/api/mediations/${mediationId}/consent`, {
      answer: "agreed",
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    const accepted = await mediator.post<TMediationView>(`/api/mediations/${mediationId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe("in_progress");
    expect(accepted.body.actions).toContain("draft_agreement");
    expect(accepted.body.mySides).toEqual([]);
    const applicant = (await workspace(zhangsan)).body;
    expect(applicant.mySides).toEqual(["applicant"]);
    expect(applicant.actions).not.toContain("draft_agreement");
    expect((await workspace(yunqi)).body.actions).not.toContain("draft_agreement");
    expect((await workspace(clerk)).body.actions).not.toContain("draft_agreement");
  });
});
