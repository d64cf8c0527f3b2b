import { AppError, enqueueJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { openDeadline } from "../../cases/index";
import { courtDateOf } from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import {
  loadConfirmation,
  lockConfirmationFor,
  partyAccounts,
  type ConfirmationAccess,
} from "../mediation.confirmation.access";
import { updateConfirmation } from "../mediation.confirmation.repository";
import { computeConfirmationDecisionDeadline } from "../mediation.confirmation.rules";
import { userOf } from "../mediation.access";
import {
  confirmationDecisionDueJobKind,
  confirmationDecisionDueKey,
  justAfter,
} from "../mediation.job-kinds";
import { assertConfirmationAct } from "./accept-confirmation";

export interface ExtendConfirmationOptions {
  confirmationId: string;
  /** Why the review needs more time (因特殊情况). */
  reason: string;
  /** The president's approval as recorded (e.g. the number of the approval form). */
  approval: string;
}

function assertCourtAdmin(access: ConfirmationAccess): void {
  if (!access.relation.isCourtAdmin)
    throw new AppError("forbidden", [
      {
        code: "court_admin_only",
        message: "only the court's administration records the president's approval",
      },
    ]);
}

/**
 * Extends the time to decide by ten days with the president's approval (若干规定第五条第一款: 因特殊情况
 * 需要延长的，经本院院长批准，可以延长十日), once, recorded by the court's administration. Throws
 * `confirmation_not_found`, `forbidden`, `confirmation_status_conflict`.
 */
export async function extendConfirmationReview(
  context: AppContext,
  meta: CommandMeta,
  options: ExtendConfirmationOptions,
): Promise<{ decisionDueOn: string }> {
  const user = userOf(meta.actor);
  const pre = await loadConfirmation(context.db, meta.actor, options.confirmationId);
  assertCourtAdmin(pre);
  assertConfirmationAct(pre.row.status, "extend");

  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockConfirmationFor(trx, meta.actor, options.confirmationId);
    assertConfirmationAct(row.status, "extend");
    if (row.decision_extended_at !== null)
      throw new AppError("confirmation_status_conflict", [
        { code: "already_extended", message: "the ten days may be added once" },
      ]);
    const period = computeConfirmationDecisionDeadline(courtDateOf(row.accepted_at!), true);
    await updateConfirmation(
      trx,
      row.id,
      {
        decision_due_on: period.end,
        decision_extended_at: meta.now,
        decision_extended_by: user.userId,
        extension_reason: options.reason,
        // The ten days move the deadline: an overdue mark of the 15 days no longer holds.
        decision_overdue_at: null,
      },
      meta.now,
    );
    // Replaces the open 15-day deadline with the extended one, and moves its job.
    const due = await openDeadline(trx, {
      caseId: row.case_id,
      kind: "confirmation_decision",
      period,
      now: meta.now,
    });
    await enqueueJob(
      trx,
      confirmationDecisionDueJobKind,
      { confirmationId: row.id },
      { runAt: justAfter(due.endsAt), now: meta.now, dedupeKey: confirmationDecisionDueKey(row.id) },
    );
    await sendInboxMessage(trx, {
      recipientIds: [...partyAccounts(parts), ...(row.judge_id ? [row.judge_id] : [])],
      caseId: row.case_id,
      kind: "confirmation_extended",
      params: { caseNumber: row.case_number, decisionDueOn: period.end, confirmationId: row.id },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "confirmation_extended",
      courtId: row.court_id,
      caseId: row.case_id,
      payload: { confirmationId: row.id, decisionDueOn: period.end, approval: options.approval },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "confirmation.extended",
      subjectType: "judicial_confirmation",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        caseId: row.case_id,
        decisionDueOn: period.end,
        reason: options.reason,
        approval: options.approval,
      },
    });
    return { decisionDueOn: period.end };
  });
}
