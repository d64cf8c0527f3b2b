import type { AppContext } from "../../context";
import {
  defineJob,
  enqueueJob,
  inTransaction,
  systemMeta,
  writeAuditEvent,
  type JobDefinition,
  type Tx,
} from "../../platform";
import { endMediationInTransaction } from "./commands/end-mediation";
import { assignCaseMediator, closeDeadline, lockCase, openDeadline } from "../cases/index";
import { courtDateOf, listStaff } from "../courts/index";
import { sendInboxMessage } from "../delivery/index";
import { appendCourtEvent } from "../ledger/index";
import {
  acceptanceDueJobKind,
  appointmentDueJobKind,
  appointmentDueKey,
  confirmationAcceptanceDueJobKind,
  confirmationDecisionDueJobKind,
  justAfter,
  mediationPeriodJobKind,
} from "./mediation.job-kinds";
import { sideAccounts } from "./mediation.access";
import { lockConfirmation, updateConfirmation } from "./mediation.confirmation.repository";
import {
  deadlineBasis,
  doesAssignmentLapse,
  isAppointmentOverdue,
  isConfirmationAcceptanceOverdue,
  isConfirmationDecisionOverdue,
} from "./mediation.deadlines.rules";
import { recordMediationAct } from "./mediation.events";
import { findMediation, loadMediationParts, lockMediation, updateMediation } from "./mediation.repository";
import { computeAppointmentDeadline } from "./mediation.rules";
import { findMediator } from "./mediators.repository";

export { MEDIATION_PERIOD_JOB, mediationPeriodKey } from "./mediation.job-kinds";

/**
 * When the period ends without agreement or an agreed extension, the mediation ends as failed
 * (在线调解规则第二十五条第六项: 调解期限届满，未达成调解协议，且各方当事人未达成延长调解期限的合意).
 * Idempotent: a mediation that moved on, or whose period was extended past now, is left alone.
 */
export function mediationPeriodJob(context: AppContext): JobDefinition<{ mediationId: string }> {
  return defineJob({
    ...mediationPeriodJobKind,
    async handle({ mediationId }, { now }) {
      const meta = systemMeta("mediation-period", now);
      const found = await findMediation(context.db, mediationId);
      if (!found) return;
      await inTransaction(context.db, async (trx) => {
        // The case first, then the mediation: the same lock order as every command.
        await lockCase(trx, found.case_id);
        const row = await lockMediation(trx, mediationId);
        if (!row || row.status !== "in_progress" || !row.period_ends_at || row.period_ends_at > now) return;
        await endMediationInTransaction(trx, context, meta, row, { act: "lapse", reason: null });
      });
    },
  });
}

async function staffOf(trx: Tx, courtId: string, role: "clerk" | "court_admin"): Promise<string[]> {
  return (await listStaff(trx, courtId, [role])).map((s) => s.user_id);
}

/**
 * The court's three working days to appoint a mediator passed (在线调解规则第十条第三款: 人民法院应当在收到
 * 当事人在线调解申请后三个工作日内指定调解组织或者调解员). The platform cannot appoint in the court's place:
 * the mediation is marked overdue, the case deadline missed, and the clerks and the court's
 * administration are told. Idempotent: a mediation with a mediator, already marked, or whose deadline
 * moved past today is left alone.
 */
export function appointmentDueJob(context: AppContext): JobDefinition<{ mediationId: string }> {
  return defineJob({
    ...appointmentDueJobKind,
    async handle({ mediationId }, { now }) {
      const found = await findMediation(context.db, mediationId);
      if (!found) return;
      await inTransaction(context.db, async (trx) => {
        const caseRow = await lockCase(trx, found.case_id);
        const row = await lockMediation(trx, mediationId);
        if (
          !row ||
          !isAppointmentOverdue(
            {
              status: row.status,
              appointmentDueOn: row.appointment_due_on,
              overdueMarked: row.appointment_overdue_at !== null,
            },
            courtDateOf(now),
          )
        )
          return;
        const meta = systemMeta("mediation-deadlines", now);
        await updateMediation(trx, row.id, { appointment_overdue_at: now }, now);
        await closeDeadline(trx, row.case_id, "mediator_appointment", "missed", now);
        const recipients = [
          ...(await staffOf(trx, row.court_id, "clerk")),
          ...(await staffOf(trx, row.court_id, "court_admin")),
        ];
        await recordMediationAct(trx, meta, {
          mediation: row,
          action: "mediation.appointment_overdue",
          courtEvent: "mediation_appointment_overdue",
          data: { appointmentDueOn: row.appointment_due_on, basis: deadlineBasis.mediator_appointment },
          inbox: [
            {
              recipientIds: [...new Set(recipients)],
              kind: "mediation_appointment_overdue",
              params: { title: caseRow.title, appointmentDueOn: row.appointment_due_on },
            },
          ],
        });
      });
    },
  });
}

/**
 * The assigned mediator did not confirm within three working days (在线调解规则第十二条第一款). The
 * assignment lapses (第十二条第二款: 超过规定期限未予确认的，人民法院、当事人可以重新指定或者选定; 特邀调解
 * 规定第一条: an invited mediator mediates by accepting the court's referral): the mediator is released,
 * the mediation goes back to awaiting a mediator with three new working days for the court to appoint
 * (第十条第三款), and the clerks are told. Idempotent: a mediator who confirmed or declined, a replaced
 * mediator (the payload names the one awaited) or a deadline not yet passed leaves everything alone.
 */
export function acceptanceDueJob(
  context: AppContext,
): JobDefinition<{ mediationId: string; mediatorUserId: string }> {
  return defineJob({
    ...acceptanceDueJobKind,
    async handle({ mediationId, mediatorUserId }, { now }) {
      const found = await findMediation(context.db, mediationId);
      if (!found) return;
      await inTransaction(context.db, async (trx) => {
        const caseRow = await lockCase(trx, found.case_id);
        const row = await lockMediation(trx, mediationId);
        const today = courtDateOf(now);
        if (
          !row ||
          !doesAssignmentLapse(
            {
              status: row.status,
              acceptanceDueOn: row.acceptance_due_on,
              mediatorUserId: row.mediator_user_id,
            },
            mediatorUserId,
            today,
          )
        )
          return;
        const meta = systemMeta("mediation-deadlines", now);
        const mediator = row.mediator_id ? await findMediator(trx, row.court_id, row.mediator_id) : undefined;
        await closeDeadline(trx, row.case_id, "mediator_acceptance", "missed", now);
        const due = await openDeadline(trx, {
          caseId: row.case_id,
          kind: "mediator_appointment",
          period: computeAppointmentDeadline(today),
          now,
        });
        await enqueueJob(
          trx,
          appointmentDueJobKind,
          { mediationId: row.id },
          { runAt: justAfter(due.endsAt), now, dedupeKey: appointmentDueKey(row.id) },
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
            appointment_overdue_at: null,
          },
          now,
        );
        await assignCaseMediator(trx, meta, { caseId: row.case_id, mediatorUserId: null });
        const parts = await loadMediationParts(trx, row);
        await recordMediationAct(trx, meta, {
          mediation: row,
          action: "mediation.assignment_lapsed",
          courtEvent: "mediator_assignment_lapsed",
          data: {
            mediatorId: row.mediator_id,
            mediatorUserId,
            acceptanceDueOn: row.acceptance_due_on,
            appointmentDueOn: due.endsOn,
            basis: "人民法院在线调解规则第十二条第二款",
          },
          inbox: [
            {
              recipientIds: await staffOf(trx, row.court_id, "clerk"),
              kind: "mediator_assignment_lapsed",
              params: {
                title: caseRow.title,
                mediatorName: mediator?.display_name ?? "",
                acceptanceDueOn: row.acceptance_due_on,
                appointmentDueOn: due.endsOn,
              },
            },
            {
              recipientIds: [...new Set([mediatorUserId, ...sideAccounts(parts), row.applicant_user_id])],
              kind: "mediation_assignment_lapsed_notice",
              params: {},
            },
          ],
        });
      });
    },
  });
}

/**
 * The three days to accept a joint application passed (若干规定第四条第一款: 人民法院收到当事人司法确认申请，
 * 应当在三日内决定是否受理). Only the clerks decide: the application is marked overdue, the case deadline
 * missed, and the clerks and the court's administration are told. Idempotent.
 */
export function confirmationAcceptanceDueJob(context: AppContext): JobDefinition<{ confirmationId: string }> {
  return defineJob({
    ...confirmationAcceptanceDueJobKind,
    async handle({ confirmationId }, { now }) {
      await inTransaction(context.db, async (trx) => {
        const row = await lockConfirmation(trx, confirmationId);
        if (
          !row ||
          !isConfirmationAcceptanceOverdue(
            {
              status: row.status,
              acceptanceDueOn: row.acceptance_due_on,
              overdueMarked: row.acceptance_overdue_at !== null,
            },
            courtDateOf(now),
          )
        )
          return;
        const mediation = (await findMediation(trx, row.mediation_id))!;
        const parts = await loadMediationParts(trx, mediation);
        await updateConfirmation(trx, row.id, { acceptance_overdue_at: now }, now);
        await closeDeadline(trx, row.case_id, "confirmation_acceptance", "missed", now);
        const recipients = [
          ...(await staffOf(trx, row.court_id, "clerk")),
          ...(await staffOf(trx, row.court_id, "court_admin")),
        ];
        await sendInboxMessage(trx, {
          recipientIds: [...new Set(recipients)],
          caseId: row.case_id,
          kind: "confirmation_acceptance_overdue",
          params: {
            title: parts.parties.map((p) => p.name).join(" / "),
            acceptanceDueOn: row.acceptance_due_on,
            confirmationId: row.id,
          },
          now,
        });
        await appendCourtEvent(trx, {
          kind: "confirmation_acceptance_overdue",
          courtId: row.court_id,
          caseId: row.case_id,
          payload: {
            confirmationId: row.id,
            acceptanceDueOn: row.acceptance_due_on,
            basis: deadlineBasis.confirmation_acceptance,
          },
          now,
        });
        await writeAuditEvent(trx, systemMeta("mediation-deadlines", now), {
          action: "confirmation.acceptance_overdue",
          subjectType: "judicial_confirmation",
          subjectId: row.id,
          courtId: row.court_id,
          data: { caseId: row.case_id, acceptanceDueOn: row.acceptance_due_on },
        });
      });
    },
  });
}

/**
 * The time to decide passed (若干规定第五条第一款: 十五日内作出是否确认的决定; ten more days only with the
 * president's approval). Only the judge rules: the confirmation is marked overdue, the case deadline
 * missed, and the judge and the court's administration (which records the president's approval) are
 * told. Idempotent; an extension clears the mark and moves the job.
 */
export function confirmationDecisionDueJob(context: AppContext): JobDefinition<{ confirmationId: string }> {
  return defineJob({
    ...confirmationDecisionDueJobKind,
    async handle({ confirmationId }, { now }) {
      await inTransaction(context.db, async (trx) => {
        const row = await lockConfirmation(trx, confirmationId);
        if (
          !row ||
          !isConfirmationDecisionOverdue(
            {
              status: row.status,
              decisionDueOn: row.decision_due_on,
              overdueMarked: row.decision_overdue_at !== null,
            },
            courtDateOf(now),
          )
        )
          return;
        await updateConfirmation(trx, row.id, { decision_overdue_at: now }, now);
        await closeDeadline(trx, row.case_id, "confirmation_decision", "missed", now);
        const recipients = [
          ...(row.judge_id ? [row.judge_id] : []),
          ...(await staffOf(trx, row.court_id, "court_admin")),
        ];
        await sendInboxMessage(trx, {
          recipientIds: [...new Set(recipients)],
          caseId: row.case_id,
          kind: "confirmation_decision_overdue",
          params: { caseNumber: row.case_number, decisionDueOn: row.decision_due_on, confirmationId: row.id },
          now,
        });
        await appendCourtEvent(trx, {
          kind: "confirmation_decision_overdue",
          courtId: row.court_id,
          caseId: row.case_id,
          payload: {
            confirmationId: row.id,
            caseNumber: row.case_number,
            decisionDueOn: row.decision_due_on,
            basis: deadlineBasis.confirmation_decision,
          },
          now,
        });
        await writeAuditEvent(trx, systemMeta("mediation-deadlines", now), {
          action: "confirmation.decision_overdue",
          subjectType: "judicial_confirmation",
          subjectId: row.id,
          courtId: row.court_id,
          data: { caseId: row.case_id, decisionDueOn: row.decision_due_on, judgeId: row.judge_id },
        });
      });
    },
  });
}

/** The deadline jobs of mediation and judicial confirmation, for the job runner. */
export function mediationDeadlineJobs(context: AppContext) {
  return [
    appointmentDueJob(context),
    acceptanceDueJob(context),
    confirmationAcceptanceDueJob(context),
    confirmationDecisionDueJob(context),
  ];
}
