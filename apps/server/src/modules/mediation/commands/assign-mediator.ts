import { AppError, cancelJob, enqueueJob, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { assignCaseMediator, closeDeadline, lockCase, openDeadline } from "../../cases/index";
import { courtDateOf, listStaff } from "../../courts/index";
import {
  assertCanAct,
  assertRelation,
  loadMediation,
  lockMediationFor,
  sideAccounts,
  userOf,
} from "../mediation.access";
import { eligibleMediator } from "../mediation.dispute";
import { recordMediationAct } from "../mediation.events";
import { updateMediation } from "../mediation.repository";
import {
  acceptanceDueJobKind,
  acceptanceDueKey,
  appointmentDueJobKind,
  appointmentDueKey,
  justAfter,
  mediationPeriodJobKind,
  mediationPeriodKey,
} from "../mediation.job-kinds";
import {
  computeAcceptanceDeadline,
  computeAppointmentDeadline,
  computeMediationPeriod,
} from "../mediation.rules";

/**
 * The court appoints a mediator from its register (在线调解规则第十条: within three working days of the
 * application; 第十二条第二款: again when the mediator declined or did not confirm in time). The mediator
 * then has three working days to confirm. Throws `mediation_not_found`, `forbidden`,
 * `mediation_status_conflict`, `mediator_not_found`, `mediator_not_eligible`.
 */
export async function assignMediator(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  mediatorId: string,
): Promise<{ acceptanceDueOn: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "court_staff");
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.case_id);
    const { row, parts } = await lockMediationFor(trx, meta.actor, mediationId);
    assertCanAct(row, "assignMediator");
    const mediator = await eligibleMediator(trx, caseRow, mediatorId);
    const previous = row.mediator_user_id;
    const due = await openDeadline(trx, {
      caseId: row.case_id,
      kind: "mediator_acceptance",
      period: computeAcceptanceDeadline(courtDateOf(meta.now)),
      now: meta.now,
    });
    await closeDeadline(trx, row.case_id, "mediator_appointment", "met", meta.now);
    await cancelJob(trx, appointmentDueKey(row.id), meta.now);
    // A new assignment moves the acceptance job to this mediator's three working days (第十二条).
    await enqueueJob(
      trx,
      acceptanceDueJobKind,
      { mediationId: row.id, mediatorUserId: mediator.user_id },
      { runAt: justAfter(due.endsAt), now: meta.now, dedupeKey: acceptanceDueKey(row.id) },
    );
    await updateMediation(
      trx,
      row.id,
      {
        status: "awaiting_acceptance",
        mediator_id: mediator.id,
        mediator_user_id: mediator.user_id,
        mediator_chosen_by: "court",
        assigned_at: meta.now,
        acceptance_due_on: due.endsOn,
        appointment_overdue_at: null,
      },
      meta.now,
    );
    await assignCaseMediator(trx, meta, { caseId: row.case_id, mediatorUserId: mediator.user_id });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.mediator_assigned",
      courtEvent: "mediator_assigned",
      data: {
        mediatorId: mediator.id,
        chosenBy: "court",
        assignedBy: user.userId,
        replaced: previous,
        acceptanceDueOn: due.endsOn,
        basis: "人民法院在线调解规则第十条",
      },
      inbox: [
        {
          recipientIds: [mediator.user_id],
          kind: "mediator_assigned",
          params: { title: caseRow.title, acceptanceDueOn: due.endsOn },
        },
        {
          recipientIds: [...sideAccounts(parts), row.applicant_user_id],
          kind: "mediation_mediator_named",
          params: { mediatorName: mediator.display_name },
        },
      ],
    });
    return { acceptanceDueOn: due.endsOn };
  });
}

/**
 * The assigned mediator confirms the mediation (在线调解规则第十二条第一款), which starts the 30-day
 * period (第二十四条第二款), or declines with reasons (第十二条: outside their field or otherwise
 * unsuitable), which sends it back to the court to appoint another within three working days.
 * Throws `mediation_not_found`, `forbidden`, `mediation_status_conflict`, `validation_failed`.
 */
export async function answerAssignment(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<{ status: string; periodEndsOn: string | null }> {
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "mediator");
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.case_id);
    const { row, parts } = await lockMediationFor(trx, meta.actor, mediationId);
    if (row.mediator_user_id !== access.row.mediator_user_id) throw new AppError("mediation_not_found");
    const today = courtDateOf(meta.now);
    const everyone = [...sideAccounts(parts), row.applicant_user_id];
    if (answer.accept) {
      assertCanAct(row, "acceptAssignment");
      const period = await openDeadline(trx, {
        caseId: row.case_id,
        kind: "mediation_period",
        period: computeMediationPeriod(today),
        now: meta.now,
      });
      await closeDeadline(trx, row.case_id, "mediator_acceptance", "met", meta.now);
      await cancelJob(trx, acceptanceDueKey(row.id), meta.now);
      await updateMediation(
        trx,
        row.id,
        {
          status: "in_progress",
          accepted_at: meta.now,
          period_ends_on: period.endsOn,
          period_ends_at: period.endsAt,
        },
        meta.now,
      );
      await enqueueJob(
        trx,
        mediationPeriodJobKind,
        { mediationId: row.id },
        {
          runAt: period.endsAt,
          now: meta.now,
          dedupeKey: mediationPeriodKey(row.id),
        },
      );
      await recordMediationAct(trx, meta, {
        mediation: row,
        action: "mediation.accepted",
        courtEvent: "mediation_accepted",
        data: { periodEndsOn: period.endsOn, basis: "人民法院在线调解规则第十二条；第二十四条" },
        inbox: [
          {
            recipientIds: everyone,
            kind: "mediation_accepted",
            params: { title: caseRow.title, periodEndsOn: period.endsOn },
          },
        ],
      });
      return { status: "in_progress", periodEndsOn: period.endsOn };
    }
    assertCanAct(row, "declineAssignment");
    const due = await openDeadline(trx, {
      caseId: row.case_id,
      kind: "mediator_appointment",
      period: computeAppointmentDeadline(today),
      now: meta.now,
    });
    await closeDeadline(trx, row.case_id, "mediator_acceptance", "cancelled", meta.now);
    await cancelJob(trx, acceptanceDueKey(row.id), meta.now);
    await enqueueJob(
      trx,
      appointmentDueJobKind,
      { mediationId: row.id },
      { runAt: justAfter(due.endsAt), now: meta.now, dedupeKey: appointmentDueKey(row.id) },
    );
    await updateMediation(
      trx,
      row.id,
      {
        status: "awaiting_mediator",
        mediator_id: null,
        mediator_user_id: null,
        mediator_chosen_by: null,
        assigned_at: null,
        acceptance_due_on: null,
        appointment_due_on: due.endsOn,
      },
      meta.now,
    );
    await assignCaseMediator(trx, meta, { caseId: row.case_id, mediatorUserId: null });
    const clerks = (await listStaff(trx, row.court_id, ["clerk"])).map((c) => c.user_id);
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.assignment_declined",
      courtEvent: "mediator_declined",
      data: { reason: answer.reason, appointmentDueOn: due.endsOn, basis: "人民法院在线调解规则第十二条" },
      inbox: [
        {
          recipientIds: clerks,
          kind: "mediation_to_appoint",
          params: { title: caseRow.title, appointmentDueOn: due.endsOn },
        },
        { recipientIds: everyone, kind: "mediation_mediator_declined", params: { reason: answer.reason } },
      ],
    });
    return { status: "awaiting_mediator", periodEndsOn: null };
  });
}
