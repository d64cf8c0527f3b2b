import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../../testing/test-app";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { SimulatedPaymentGateway } from "../adapters/simulated-payment";
import type { TFilingView } from "../filing.schemas";

interface CourtEvent {
  kind: string;
  caseId: string | null;
  openingCaseId: string;
  payload: Record<string, unknown>;
}

interface Filing {
  caseId: string;
  orderId?: string;
  amountFen?: number;
}

interface Step {
  name: string;
  /** The audit action written last in the command's transaction. */
  auditAction: string;
  kind: string;
  /** Brings a new filing to the state the command starts from. */
  prepare: () => Promise<Filing>;
  run: (filing: Filing) => Promise<{ status: number }>;
  /** The status the filing is in before and after the command. */
  statusBefore: string;
  statusAfter: string;
}

// 全流程留痕: every state change of a filing leaves exactly its court event in the evidence ledger, in
// the same transaction as the change, its audit event and its inbox messages.
describe.each(testDatabaseKinds())("court events of filing state changes on %s", (kind) => {
  let app: TestApp;
  let courtId: string;
  let zhangsan: TestClient;
  let clerk: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const courts = await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>(
      "/api/courts",
    );
    courtId = courts.body.items.find((c) => c.code === "浙0192")!.id;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  /**
   * The court events recorded for a case, oldest first. Documents a command issues are recorded as
   * their own `document_issued` events and files as evidence leaves; neither is a state change.
   */
  async function courtEventsOf(caseId: string): Promise<CourtEvent[]> {
    const rows = await app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "case_id", "opening", "leaf_type"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute();
    return rows
      .filter(
        (row) =>
          row.leaf_type === "court_event" &&
          row.kind !== "document_issued" &&
          row.kind !== "document_rendered",
      )
      .map((row) => {
        const opening = JSON.parse(row.opening) as { caseId: string; payload: Record<string, unknown> };
        return {
          kind: row.kind,
          caseId: row.case_id,
          openingCaseId: opening.caseId,
          payload: opening.payload,
        };
      });
  }

  async function statusOf(caseId: string): Promise<string> {
    const row = await app.context.db
      .selectFrom("cases")
      .select("status")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  async function draft(): Promise<Filing> {
    const created = await zhangsan.post<TFilingView>("/api/filings", { courtId });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId;
    const saved = await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return { caseId };
  }

  async function submitted(): Promise<Filing> {
    const filing = await draft();
    const response = await zhangsan.post(`/api/filings/${filing.caseId}/submit`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return filing;
  }

  async function paymentStarted(): Promise<Filing> {
    const filing = await submitted();
    const start = await zhangsan.post<{ orderId: string; amount: number }>(
      `/api/filings/${filing.caseId}/payment`,
    );
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    return { ...filing, orderId: start.body.orderId, amountFen: Math.round(start.body.amount * 100) };
  }

  async function correctionRequested(): Promise<Filing> {
    const filing = await submitted();
    const asked = await clerk.post(`/api/filings/${filing.caseId}/request-correction`, {
      items: ["补充被告的统一社会信用代码。"],
      note: null,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    return filing;
  }

  async function notifyPaid(filing: Filing): Promise<{ status: number }> {
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({
      reference: `SIM-${filing.caseId}`,
      orderId: filing.orderId,
      amountFen: filing.amountFen,
      status: "paid",
    });
    const response = await app.http.inject({
      method: "POST",
      url: "/api/payments/simulator/notify",
      payload: body,
      headers: gateway.signatureHeaders(body),
    });
    return { status: response.statusCode };
  }

  const steps: Step[] = [
    {
      name: "submission",
      auditAction: "filing.submitted",
      kind: "filing_submitted",
      prepare: draft,
      run: (f) => zhangsan.post(`/api/filings/${f.caseId}/submit`),
      statusBefore: "draft",
      statusAfter: "under_review",
    },
    {
      name: "the start of a fee payment",
      auditAction: "filing.fee_payment_started",
      kind: "fee_payment_started",
      prepare: submitted,
      run: (f) => zhangsan.post(`/api/filings/${f.caseId}/payment`),
      statusBefore: "under_review",
      statusAfter: "under_review",
    },
    {
      name: "the confirmation of a fee payment",
      auditAction: "filing.fee_paid",
      kind: "fee_paid",
      prepare: paymentStarted,
      run: notifyPaid,
      statusBefore: "under_review",
      statusAfter: "under_review",
    },
    {
      name: "a request for corrections",
      auditAction: "filing.correction_requested",
      kind: "correction_requested",
      prepare: submitted,
      run: (f) =>
        clerk.post(`/api/filings/${f.caseId}/request-correction`, {
          items: ["补充证据目录。"],
          note: "请补正。",
        }),
      statusBefore: "under_review",
      statusAfter: "correction_requested",
    },
    {
      name: "the submission of corrections",
      auditAction: "filing.correction_submitted",
      kind: "correction_submitted",
      prepare: correctionRequested,
      run: (f) => zhangsan.post(`/api/filings/${f.caseId}/resubmit`),
      statusBefore: "correction_requested",
      statusAfter: "under_review",
    },
    {
      name: "a withdrawal",
      auditAction: "filing.withdrawn",
      kind: "filing_withdrawn",
      prepare: submitted,
      run: (f) => zhangsan.post(`/api/filings/${f.caseId}/withdraw`),
      statusBefore: "under_review",
      statusAfter: "withdrawn",
    },
  ];

  /** Makes the database refuse one audit action, so the command fails after writing its court event. */
  async function refuseAuditAction(action: string): Promise<void> {
    await sql`
      create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.action = ${sql.lit(action)} then
          raise exception 'audit refused by the test';
        end if;
        return new;
      end $$`.execute(app.context.db);
    await sql`drop trigger if exists test_refuse_audit on audit_events`.execute(app.context.db);
    await sql`create trigger test_refuse_audit before insert on audit_events
      for each row execute function test_refuse_audit()`.execute(app.context.db);
  }

  async function allowAuditActions(): Promise<void> {
    await sql`drop trigger if exists test_refuse_audit on audit_events`.execute(app.context.db);
  }

  it.each(steps.map((step) => [step.name, step] as const))(
    "records %s as exactly one court event of its case, and none when it fails",
    async (_name, step) => {
      const filing = await step.prepare();
      const before = await courtEventsOf(filing.caseId);
      expect(await statusOf(filing.caseId)).toBe(step.statusBefore);

      // The audit event is the last write of the transaction: when it fails, the court event written
      // before it is rolled back with the change itself.
      await refuseAuditAction(step.auditAction);
      try {
        const failed = await step.run(filing);
        expect(failed.status).toBe(500);
      } finally {
        await allowAuditActions();
      }
      expect(await courtEventsOf(filing.caseId)).toEqual(before);
      expect(await statusOf(filing.caseId)).toBe(step.statusBefore);

      const done = await step.run(filing);
      expect(done.status).toBe(200);
      expect(await statusOf(filing.caseId)).toBe(step.statusAfter);
      const after = await courtEventsOf(filing.caseId);
      expect(after.slice(0, before.length)).toEqual(before);
      const added = after.slice(before.length);
      expect(added.map((e) => e.kind)).toEqual([step.kind]);
      expect(added[0]).toMatchObject({ caseId: filing.caseId, openingCaseId: filing.caseId });
    },
  );

  it("leaves a court event for each step of a filing's life, in order, with what the step decided", async () => {
    const filing = await paymentStarted();
    expect((await notifyPaid(filing)).status).toBe(200);
    const accepted = await clerk.post<TFilingView>(`/api/filings/${filing.caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const events = await courtEventsOf(filing.caseId);
    expect(events.map((e) => e.kind)).toEqual([
      "filing_submitted",
      "fee_payment_started",
      "fee_paid",
      "filing_accepted",
      "case_number_assigned",
    ]);
    const [submission, start, paid] = events;
    // Submitted Monday 2026-03-02: 7 days to register and 7 to pay end Monday 2026-03-09
    // (民事诉讼法第一百二十六条, 诉讼费用交纳办法第二十二条).
    expect(submission!.payload).toMatchObject({
      procedure: "ordinary",
      feeFen: filing.amountFen,
      reviewDueOn: "2026-03-09",
      feeDueOn: "2026-03-09",
    });
    expect(start!.payload).toMatchObject({ orderId: filing.orderId, amountFen: filing.amountFen });
    expect(paid!.payload).toMatchObject({
      orderId: filing.orderId,
      amountFen: filing.amountFen,
      reference: `SIM-${filing.caseId}`,
    });

    // Every period the filing opened is the rule's (cases/procedure.rules.ts): its end and its article.
    const detail = await zhangsan.get<{ deadlines: Array<{ kind: string; dueAt: string; basis: string }> }>(
      `/api/cases/${filing.caseId}`,
    );
    const deadlineOf = (kind: string) => detail.body.deadlines.find((d) => d.kind === kind)!;
    expect(deadlineOf("registration_review")).toMatchObject({
      dueAt: "2026-03-09T15:59:59.999Z",
      basis: "民事诉讼法第一百二十六条",
    });
    expect(deadlineOf("fee_payment")).toMatchObject({
      dueAt: "2026-03-09T15:59:59.999Z",
      basis: "诉讼费用交纳办法第二十二条",
    });
    // Registered Monday 2026-03-02: five days end Saturday 03-07, a rest day, so Monday 03-09.
    expect(deadlineOf("serve_complaint")).toMatchObject({
      dueAt: "2026-03-09T15:59:59.999Z",
      basis: "民事诉讼法第一百二十八条第一款",
    });
    expect(deadlineOf("trial_limit")).toMatchObject({
      dueAt: "2026-09-02T15:59:59.999Z",
      basis: "民事诉讼法第一百五十二条",
    });
  });

  it("runs the review period again from the completed complaint (民诉法解释第一百二十六条)", async () => {
    const filing = await correctionRequested();
    // Completed on Wednesday 2026-03-04 (later tests run from this day on).
    app.clock.set(new Date("2026-03-04T10:00:00+08:00"));
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const resubmitted = await zhangsan.post<TFilingView>(`/api/filings/${filing.caseId}/resubmit`);
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.reviewDueOn).toBe("2026-03-11");
    const detail = await zhangsan.get<{
      deadlines: Array<{ kind: string; status: string; dueAt: string; basis: string }>;
    }>(`/api/cases/${filing.caseId}`);
    expect(
      detail.body.deadlines.find((d) => d.kind === "registration_review" && d.status === "open"),
    ).toMatchObject({
      dueAt: "2026-03-11T15:59:59.999Z",
      basis: "民事诉讼法第一百二十六条；民诉法解释第一百二十六条",
    });
    const [, , resubmission] = await courtEventsOf(filing.caseId);
    expect(resubmission).toMatchObject({
      kind: "correction_submitted",
      payload: { reviewDueOn: "2026-03-11" },
    });
  });

  it("writes no court event for a command the filing's state or the actor's role refuses", async () => {
    const incomplete = (await zhangsan.post<TFilingView>("/api/filings", { courtId })).body.caseId;
    expect((await zhangsan.post(`/api/filings/${incomplete}/submit`)).status).toBe(422);

    const filing = await submitted();
    const before = await courtEventsOf(filing.caseId);
    const refused: Array<[() => Promise<{ status: number }>, number]> = [
      [() => zhangsan.post(`/api/filings/${filing.caseId}/submit`), 409],
      [() => zhangsan.post(`/api/filings/${filing.caseId}/resubmit`), 409],
      [() => clerk.post(`/api/filings/${filing.caseId}/withdraw`), 403],
      [
        () => zhangsan.post(`/api/filings/${filing.caseId}/request-correction`, { items: ["x"], note: null }),
        403,
      ],
      [() => clerk.post(`/api/filings/${filing.caseId}/payment`), 403],
    ];
    for (const [run, status] of refused) expect((await run()).status).toBe(status);
    expect(await courtEventsOf(filing.caseId)).toEqual(before);
    expect(await courtEventsOf(incomplete)).toEqual([]);
  });

  it("records a filing treated as withdrawn for an unpaid fee (民诉法解释第二百一十三条)", async () => {
    const filing = await submitted();
    const view = await zhangsan.get<TFilingView>(`/api/filings/${filing.caseId}`);
    app.clock.set(new Date(new Date(view.body.fee!.dueAt).getTime() + 1000));
    await app.jobs.runDue();
    expect(await statusOf(filing.caseId)).toBe("deemed_withdrawn");
    const events = await courtEventsOf(filing.caseId);
    expect(events.map((e) => e.kind)).toEqual(["filing_submitted", "filing_deemed_withdrawn"]);
    expect(events[1]).toMatchObject({
      caseId: filing.caseId,
      openingCaseId: filing.caseId,
      payload: { reason: "fee_unpaid", basis: "民诉法解释第二百一十三条" },
    });
  });
});
