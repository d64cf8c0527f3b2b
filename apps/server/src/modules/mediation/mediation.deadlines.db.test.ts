import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shoppingComplaint } from "../../testing/demo";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { TConfirmationView } from "./mediation.confirmation.schemas";
import {
  acceptanceDueJob,
  appointmentDueJob,
  confirmationAcceptanceDueJob,
  confirmationDecisionDueJob,
} from "./mediation.jobs";
import {
  acceptanceDueKey,
  appointmentDueKey,
  confirmationAcceptanceDueKey,
  confirmationDecisionDueKey,
} from "./mediation.job-kinds";
import type { TMediationView } from "./mediation.schemas";
import { ADMIN, CLERK, MEDIATOR, ZHANGSAN, mediationWorld } from "./mediation.test-support";

/** The next court day at 09:00 (Asia/Shanghai). */
const dayAfter = (isoDate: string) => {
  const next = new Date(`${isoDate}T09:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

describe.each(testDatabaseKinds())("deadlines of mediation and judicial confirmation on %s", (kind) => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof mediationWorld>>;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    world = await mediationWorld(app);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const jobContext = (now: Date) => ({ now, attempt: 1, jobId: 0 });
  const mediationRow = (id: string) =>
    app.context.db.selectFrom("mediations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const caseDeadline = (caseId: string, kindOf: string) =>
    app.context.db
      .selectFrom("case_deadlines")
      .select("status")
      .where("case_id", "=", caseId)
      .where("kind", "=", kindOf)
      .orderBy("created_at")
      .execute();

  let caseId: string;
  let mediationId: string;

  it("marks the court's appointment overdue after three working days and tells the clerks and administration (在线调解规则第十条)", async () => {
    const zhangsan = await world.as(ZHANGSAN);
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: world.courtId });
    caseId = created.body.caseId;
    expect((await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint())).status).toBe(200);
    const applied = await zhangsan.post<{ mediationId: string; appointmentDueOn: string }>(
      `/api/filings/${caseId}/mediation`,
    );
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    mediationId = applied.body.mediationId;
    // Monday 2 March + three working days; the job is queued with the application.
    expect(applied.body.appointmentDueOn).toBe("2026-03-05");
    const [job] = await world.jobs(appointmentDueKey(mediationId));
    expect(job).toMatchObject({ status: "pending" });
    expect(job!.run_at.getTime()).toBe(new Date("2026-03-06T00:00:00+08:00").getTime());

    // On the last day nothing happens.
    app.clock.set("2026-03-05T20:00:00+08:00");
    await app.jobs.runDue();
    expect((await mediationRow(mediationId)).appointment_overdue_at).toBeNull();

    app.clock.set("2026-03-06T09:00:00+08:00");
    await app.jobs.runDue();
    const row = await mediationRow(mediationId);
    expect(row.appointment_overdue_at).not.toBeNull();
    expect(row.status).toBe("awaiting_mediator");
    const clerkView = await (await world.as(CLERK)).get<TMediationView>(`/api/mediations/${mediationId}`);
    expect(clerkView.body.appointmentOverdue).toBe(true);
    const list = await (
      await world.as(CLERK)
    ).get<{ items: Array<{ id: string; appointmentOverdue: boolean }> }>("/api/mediations");
    expect(list.body.items.find((i) => i.id === mediationId)?.appointmentOverdue).toBe(true);
    expect(await world.inbox(caseId, "mediation_appointment_overdue")).toEqual(
      expect.arrayContaining([world.id(CLERK), world.id(ADMIN)]),
    );
    expect(await world.courtEvents(caseId)).toContain("mediation_appointment_overdue");
    expect(await world.audit(mediationId)).toContain("mediation.appointment_overdue");
    expect((await caseDeadline(caseId, "mediator_appointment")).map((d) => d.status)).toEqual(["missed"]);

    // A rerun changes nothing.
    const before = (await world.courtEvents(caseId)).length;
    const told = (await world.inbox(caseId, "mediation_appointment_overdue")).length;
    await appointmentDueJob(app.context).handle({ mediationId }, jobContext(app.clock.now()));
    expect((await world.courtEvents(caseId)).length).toBe(before);
    expect(await world.inbox(caseId, "mediation_appointment_overdue")).toHaveLength(told);
  });

  it("clears the mark on appointment, and lapses an assignment the mediator does not confirm (在线调解规则第十二条)", async () => {
    const assigned = await (
      await world.as(CLERK)
    ).post<TMediationView>(`/api/mediations/${mediationId}/mediator`, { mediatorId: world.mediatorId });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.appointmentOverdue).toBe(false);
    // Friday 6 March + three working days.
    expect(assigned.body.acceptanceDueOn).toBe("2026-03-11");
    expect(await world.jobs(appointmentDueKey(mediationId))).toEqual([]);
    expect(await world.jobs(acceptanceDueKey(mediationId))).toMatchObject([{ status: "pending" }]);

    app.clock.set("2026-03-12T09:00:00+08:00");
    await app.jobs.runDue();
    const row = await mediationRow(mediationId);
    expect(row).toMatchObject({
      status: "awaiting_mediator",
      mediator_id: null,
      mediator_user_id: null,
      acceptance_due_on: null,
      appointment_due_on: "2026-03-17",
      appointment_overdue_at: null,
    });
    const caseRow = await app.context.db
      .selectFrom("cases")
      .select("mediator_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow.mediator_id).toBeNull();
    // The released mediator no longer sees the mediation; the clerks are told to appoint again.
    expect((await (await world.as(MEDIATOR)).get(`/api/mediations/${mediationId}`)).status).toBe(404);
    expect(await world.inbox(caseId, "mediator_assignment_lapsed")).toContain(world.id(CLERK));
    expect(await world.inbox(caseId, "mediation_assignment_lapsed_notice")).toEqual(
      expect.arrayContaining([world.id(MEDIATOR), world.id(ZHANGSAN)]),
    );
    expect(await world.courtEvents(caseId)).toContain("mediator_assignment_lapsed");
    expect(await world.audit(mediationId)).toContain("mediation.assignment_lapsed");
    expect((await caseDeadline(caseId, "mediator_acceptance")).map((d) => d.status)).toEqual(["missed"]);
    // The court's new three working days are watched again.
    expect(await world.jobs(appointmentDueKey(mediationId))).toMatchObject([{ status: "pending" }]);

    // A rerun, or the job of a replaced mediator, changes nothing.
    const before = (await world.courtEvents(caseId)).length;
    await acceptanceDueJob(app.context).handle(
      { mediationId, mediatorUserId: world.id(MEDIATOR) },
      jobContext(app.clock.now()),
    );
    expect((await world.courtEvents(caseId)).length).toBe(before);
  });

  it("leaves an assignment the mediator confirmed in time alone", async () => {
    const assigned = await (
      await world.as(CLERK)
    ).post<TMediationView>(`/api/mediations/${mediationId}/mediator`, { mediatorId: world.mediatorId });
    expect(assigned.status).toBe(200);
    const accepted = await (
      await world.as(MEDIATOR)
    ).post<TMediationView>(`/api/mediations/${mediationId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await world.jobs(acceptanceDueKey(mediationId))).toEqual([]);
    const before = (await world.courtEvents(caseId)).length;
    await acceptanceDueJob(app.context).handle(
      { mediationId, mediatorUserId: world.id(MEDIATOR) },
      jobContext(new Date("2026-04-30T09:00:00+08:00")),
    );
    expect((await mediationRow(mediationId)).status).toBe("in_progress");
    expect((await world.courtEvents(caseId)).length).toBe(before);
  });

  it("marks a joint application not accepted in three days overdue for the clerks (若干规定第四条), and clears it on acceptance", async () => {
    const c = await world.applied();
    const view = (
      await (await world.as(CLERK)).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`)
    ).body;
    expect(view.acceptanceOverdue).toBe(false);
    expect(await world.jobs(confirmationAcceptanceDueKey(c.confirmationId))).toMatchObject([
      { status: "pending" },
    ]);
    app.clock.set(dayAfter(view.acceptanceDueOn!));
    await app.jobs.runDue();
    const overdue = (
      await (await world.as(CLERK)).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`)
    ).body;
    expect(overdue).toMatchObject({ status: "applied", acceptanceOverdue: true });
    expect(await world.inbox(c.caseId, "confirmation_acceptance_overdue")).toEqual(
      expect.arrayContaining([world.id(CLERK), world.id(ADMIN)]),
    );
    expect(await world.courtEvents(c.caseId)).toContain("confirmation_acceptance_overdue");
    expect(await world.audit(c.confirmationId)).toContain("confirmation.acceptance_overdue");

    const before = (await world.courtEvents(c.caseId)).length;
    await confirmationAcceptanceDueJob(app.context).handle(
      { confirmationId: c.confirmationId },
      jobContext(app.clock.now()),
    );
    expect((await world.courtEvents(c.caseId)).length).toBe(before);

    const accepted = await (
      await world.as(CLERK)
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptanceOverdue).toBe(false);
    expect(await world.jobs(confirmationDecisionDueKey(c.confirmationId))).toMatchObject([
      { status: "pending" },
    ]);
  });

  it("marks a ruling not made in time overdue for the judge and administration (若干规定第五条); an extension clears it, the ruling cancels the job", async () => {
    const c = await world.accepted();
    // The acceptance deadline was met: its job is gone and, run anyway, changes nothing.
    expect(await world.jobs(confirmationAcceptanceDueKey(c.confirmationId))).toEqual([]);
    await confirmationAcceptanceDueJob(app.context).handle(
      { confirmationId: c.confirmationId },
      jobContext(new Date("2026-12-01T09:00:00+08:00")),
    );
    expect(
      (await (await world.as(c.judge)).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`)).body
        .acceptanceOverdue,
    ).toBe(false);

    app.clock.set(dayAfter(c.view.decisionDueOn!));
    await app.jobs.runDue();
    const overdue = (
      await (await world.as(c.judge)).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`)
    ).body;
    expect(overdue).toMatchObject({ status: "accepted", decisionOverdue: true });
    expect(await world.inbox(c.caseId, "confirmation_decision_overdue")).toEqual(
      expect.arrayContaining([world.id(c.judge), world.id(ADMIN)]),
    );
    expect(await world.inbox(c.caseId, "confirmation_decision_overdue")).not.toContain(world.id(ZHANGSAN));
    expect(await world.courtEvents(c.caseId)).toContain("confirmation_decision_overdue");
    expect(await world.audit(c.confirmationId)).toContain("confirmation.decision_overdue");

    const before = (await world.courtEvents(c.caseId)).length;
    await confirmationDecisionDueJob(app.context).handle(
      { confirmationId: c.confirmationId },
      jobContext(app.clock.now()),
    );
    expect((await world.courtEvents(c.caseId)).length).toBe(before);

    // The president's ten more days move the deadline past today: no longer overdue, watched again.
    const extended = await (
      await world.as(ADMIN)
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/extend`, {
      reason: "案情复杂",
      approval: "院长审批表第1号",
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body.decisionOverdue).toBe(false);
    expect(await world.jobs(confirmationDecisionDueKey(c.confirmationId))).toMatchObject([
      { status: "pending" },
    ]);

    const decided = await (
      await world.as(c.judge)
    ).post<TConfirmationView>(`/api/confirmations/${c.confirmationId}/decide`, {
      decision: "confirm",
      reasons: "",
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(await world.jobs(confirmationDecisionDueKey(c.confirmationId))).toEqual([]);
    await confirmationDecisionDueJob(app.context).handle(
      { confirmationId: c.confirmationId },
      jobContext(new Date("2026-12-31T09:00:00+08:00")),
    );
    expect(
      (await (await world.as(c.judge)).get<TConfirmationView>(`/api/confirmations/${c.confirmationId}`)).body,
    ).toMatchObject({
      status: "confirmed",
      decisionOverdue: false,
    });
  });
});
