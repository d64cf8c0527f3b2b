import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TConfirmationView } from "./mediation.confirmation.schemas";
import { confirmationAcceptanceDueKey, confirmationDecisionDueKey } from "./mediation.job-kinds";
import { CLERK, LAWYER, MEDIATOR, YUNQI, ZHANGSAN, mediationWorld } from "./mediation.test-support";

describe.each(testDatabaseKinds())("withdrawing an application for judicial confirmation on %s", (kind) => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof mediationWorld>>;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    world = await mediationWorld(app);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const withdraw = async (login: string | null, confirmationId: string, body?: unknown) =>
    (login ? await world.as(login) : new TestClient(app)).post<TConfirmationView & { error?: string }>(
      `/api/confirmations/${confirmationId}/withdraw`,
      body,
    );
  const confirmation = (id: string) =>
    app.context.db
      .selectFrom("judicial_confirmations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const mediationStatus = async (id: string) =>
    (
      await app.context.db
        .selectFrom("mediations")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;

  it("refuses strangers, the mediator, the public, the clerk and an agent without special authority", async () => {
    const c = await world.applied();
    // Neither a stranger nor the mediator sees the confirmation (404); the public is not signed in (401).
    expect((await withdraw("lisi@netcourt.demo", c.confirmationId)).status).toBe(404);
    expect((await withdraw(MEDIATOR, c.confirmationId)).status).toBe(404);
    expect((await withdraw(null, c.confirmationId)).status).toBe(401);
    const byClerk = await withdraw(CLERK, c.confirmationId);
    expect(byClerk.status).toBe(403);
    expect(byClerk.body).toMatchObject({ error: "forbidden", details: [{ code: "applicant_only" }] });
    // 民事诉讼法第六十二条: withdrawing for 云栖 needs its special authority.
    const byAgent = await withdraw(LAWYER, c.confirmationId);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body).toMatchObject({ details: [{ code: "special_authority_required" }] });
    expect((await confirmation(c.confirmationId)).status).toBe("applied");
    expect(await world.courtEvents(c.caseId)).not.toContain("confirmation_withdrawn");
  });

  it("closes an application not yet accepted, without a ruling, and cancels the deadline job", async () => {
    const c = await world.applied();
    expect(await world.jobs(confirmationAcceptanceDueKey(c.confirmationId))).toMatchObject([
      { status: "pending" },
    ]);
    const withdrawn = await withdraw(ZHANGSAN, c.confirmationId, { reason: "双方已自行履行完毕" });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: "withdrawn",
      actions: [],
      withdrawal: { partyNames: ["张三"], reason: "双方已自行履行完毕", rulingIssueId: null },
    });
    expect(await world.jobs(confirmationAcceptanceDueKey(c.confirmationId))).toEqual([]);
    expect(await mediationStatus(c.mediationId)).toBe("agreed");
    const deadlines = await app.context.db
      .selectFrom("case_deadlines")
      .select(["kind", "status"])
      .where("case_id", "=", c.caseId)
      .where("kind", "=", "confirmation_acceptance")
      .execute();
    expect(deadlines).toEqual([{ kind: "confirmation_acceptance", status: "cancelled" }]);
    expect(await world.inbox(c.caseId, "confirmation_withdrawn")).toEqual(
      expect.arrayContaining([world.id(ZHANGSAN), world.id(YUNQI), world.id(CLERK)]),
    );
    expect(await world.courtEvents(c.caseId)).toContain("confirmation_withdrawn");
    expect(await world.audit(c.confirmationId)).toContain("confirmation.withdrawn");
    const rulings = await app.context.db
      .selectFrom("case_documents")
      .select("id")
      .where("case_id", "=", c.caseId)
      .where("kind", "=", "confirmation_ruling")
      .execute();
    expect(rulings).toEqual([]);
    // Once withdrawn there is nothing left to withdraw.
    const again = await withdraw(YUNQI, c.confirmationId);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("confirmation_status_conflict");
    // The agreement offers a fresh application to each side.
    const agreementView = await (
      await world.as(ZHANGSAN)
    ).get<{ actions: string[] }>(`/api/mediations/${c.mediationId}/agreement`);
    expect(agreementView.body.actions).toContain("apply_for_confirmation");
    // Nor to join; but the parties may apply afresh within the period (民诉法解释第三百五十七条).
    const join = await (await world.as(YUNQI)).post(`/api/mediations/${c.mediationId}/confirmation/join`);
    expect(join.body).toMatchObject({ error: "confirmation_not_started" });
    const fresh = await (
      await world.as(ZHANGSAN)
    ).post<{ confirmationId: string }>(`/api/mediations/${c.mediationId}/confirmation`);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect(fresh.body.confirmationId).not.toBe(c.confirmationId);
    const twice = await (await world.as(YUNQI)).post(`/api/mediations/${c.mediationId}/confirmation`);
    expect(twice.body).toMatchObject({ error: "confirmation_status_conflict" });
  });

  it("lets only a party that applied withdraw an application still awaiting the other party", async () => {
    const c = await world.started();
    const notApplied = await withdraw(YUNQI, c.confirmationId);
    expect(notApplied.status).toBe(403);
    expect(notApplied.body).toMatchObject({ details: [{ code: "applicant_only" }] });
    const view = await (
      await world.as(ZHANGSAN)
    ).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`);
    expect(view.body.actions).toContain("withdraw");
    const withdrawn = await withdraw(ZHANGSAN, c.confirmationId);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe("withdrawn");
  });

  it("rules to allow the withdrawal of an accepted application and serves the ruling on the parties (民诉法解释第三百五十七条)", async () => {
    const c = await world.accepted();
    const party = await (
      await world.as(YUNQI)
    ).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`);
    expect(party.body.actions).toEqual(["withdraw"]);
    const judgeView = await (
      await world.as(c.judge)
    ).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`);
    expect(judgeView.body.actions).not.toContain("withdraw");

    const withdrawn = await withdraw(YUNQI, c.confirmationId);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe("withdrawn");
    expect(withdrawn.body.caseNumber).toBe(c.view.caseNumber);
    const rulingIssueId = withdrawn.body.withdrawal?.rulingIssueId;
    expect(rulingIssueId).toBeTruthy();
    const row = await confirmation(c.confirmationId);
    expect(row).toMatchObject({
      status: "withdrawn",
      withdrawal_ruling_issue_id: rulingIssueId,
      decision: null,
    });
    expect(await world.jobs(confirmationDecisionDueKey(c.confirmationId))).toEqual([]);

    const documents = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "model", "case_number", "signed_by"])
      .where("issue_id", "=", rulingIssueId!)
      .execute();
    expect(documents.map((d) => d.locale).sort()).toEqual(["en", "zh-CN"]);
    const zh = documents.find((d) => d.locale === "zh-CN")!;
    expect(zh.case_number).toBe(c.view.caseNumber);
    expect(zh.signed_by).toBe(world.id(c.judge));
    const zhText = JSON.stringify(zh.model);
    expect(zhText).toContain("准许申请人杭州云栖示范网络科技有限公司撤回司法确认申请");
    expect(zhText).toContain("第三百五十七条第一款");
    expect(JSON.stringify(documents.find((d) => d.locale === "en")!.model)).toContain(
      "The withdrawal of the application for judicial confirmation by",
    );
    const services = await app.context.db
      .selectFrom("service_records")
      .select(["kind", "recipient_name"])
      .where("document_issue_id", "=", rulingIssueId!)
      .execute();
    expect(services.map((s) => s.recipient_name).sort()).toEqual(
      ["张三", "杭州云栖示范网络科技有限公司"].sort(),
    );
    expect(services.every((s) => s.kind === "ruling")).toBe(true);
    expect(await world.inbox(c.caseId, "confirmation_withdrawn")).toEqual(
      expect.arrayContaining([world.id(ZHANGSAN), world.id(YUNQI), world.id(c.judge)]),
    );
    expect(await world.courtEvents(c.caseId)).toEqual(
      expect.arrayContaining(["confirmation_withdrawn", "document_issued"]),
    );
  });

  it("refuses a withdrawal after the ruling with confirmation_already_decided and changes nothing", async () => {
    const c = await world.accepted();
    const decided = await (
      await world.as(c.judge)
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "confirm",
      reasons: "",
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const late = await withdraw(ZHANGSAN, c.confirmationId);
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("confirmation_already_decided");
    expect(await confirmation(c.confirmationId)).toMatchObject({
      status: "confirmed",
      withdrawn_at: null,
      is_enforceable: true,
    });
    expect(await mediationStatus(c.mediationId)).toBe("confirmed");
    expect(await world.courtEvents(c.caseId)).not.toContain("confirmation_withdrawn");
  });
});
