import {
  AppError,
  cancelJob,
  enqueueJob,
  inTransaction,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { allocateCaseNumber, assignJudge, closeDeadline, openDeadline } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import {
  assertConfirmationClerk,
  loadConfirmation,
  lockConfirmationFor,
  partyAccounts,
} from "../mediation.confirmation.access";
import { updateConfirmation } from "../mediation.confirmation.repository";
import {
  canActOnConfirmation,
  computeConfirmationDecisionDeadline,
  CONFIRMATION_TYPE_CODE,
  type ConfirmationAct,
  type ConfirmationStatus,
} from "../mediation.confirmation.rules";
import { userOf } from "../mediation.access";
import {
  confirmationAcceptanceDueKey,
  confirmationDecisionDueJobKind,
  confirmationDecisionDueKey,
  justAfter,
} from "../mediation.job-kinds";

export interface AcceptConfirmationOptions {
  confirmationId: string;
  /** Random source for the judge draw (tests pass a fixed one). */
  random?: (max: number) => number;
}

/** 409 `confirmation_status_conflict` when the act is not allowed from the status. */
export function assertConfirmationAct(status: ConfirmationStatus, act: ConfirmationAct): void {
  if (!canActOnConfirmation(status, act))
    throw new AppError("confirmation_status_conflict", [
      { code: act, message: `${act} is not allowed from ${status}`, params: { from: status } },
    ]);
}

/**
 * The clerk accepts the joint application (若干规定第四条: within three days, a case number — 民特 since
 * the 2015 case-number rules, formerly 调确字): a judge is drawn to review it (若干规定第六条) and the 15
 * days to decide start (若干规定第五条). No fee is charged (若干规定第十一条). Throws
 * `confirmation_not_found`, `forbidden`, `confirmation_status_conflict`, `no_eligible_judge`.
 */
export async function acceptConfirmation(
  context: AppContext,
  meta: CommandMeta,
  options: AcceptConfirmationOptions,
): Promise<{ caseNumber: string; judgeId: string; judgeName: string; decisionDueOn: string }> {
  const user = userOf(meta.actor);
  const pre = await loadConfirmation(context.db, meta.actor, options.confirmationId);
  assertConfirmationClerk(pre);
  assertConfirmationAct(pre.row.status, "accept");

  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockConfirmationFor(trx, meta.actor, options.confirmationId);
    assertConfirmationAct(row.status, "accept");
    const court = (await findCourt(trx, row.court_id))!;
    const caseNumber = await allocateCaseNumber(trx, {
      courtId: court.id,
      courtCode: court.code,
      typeCode: CONFIRMATION_TYPE_CODE,
      now: meta.now,
    });
    // 若干规定第六条: one judge reviews the agreement (民事诉讼法第一百八十五条: 独任审理).
    const assignment = await assignJudge(trx, {
      caseId: row.case_id,
      courtId: court.id,
      typeCode: CONFIRMATION_TYPE_CODE,
      now: meta.now,
      ...(options.random ? { random: options.random } : {}),
    });
    const judge = assignment.candidates.find((c) => c.judgeId === assignment.chosenJudgeId)!;
    const decision = computeConfirmationDecisionDeadline(courtDateOf(meta.now));
    await updateConfirmation(
      trx,
      row.id,
      {
        status: "accepted",
        accepted_at: meta.now,
        accepted_by: user.userId,
        clerk_name: user.name,
        case_number: caseNumber,
        judge_id: judge.judgeId,
        judge_name: judge.name,
        decision_due_on: decision.end,
      },
      meta.now,
    );
    await closeDeadline(trx, row.case_id, "confirmation_acceptance", "met", meta.now);
    await cancelJob(trx, confirmationAcceptanceDueKey(row.id), meta.now);
    const decisionDue = await openDeadline(trx, {
      caseId: row.case_id,
      kind: "confirmation_decision",
      period: decision,
      now: meta.now,
    });
    await enqueueJob(
      trx,
      confirmationDecisionDueJobKind,
      { confirmationId: row.id },
      {
        runAt: justAfter(decisionDue.endsAt),
        now: meta.now,
        dedupeKey: confirmationDecisionDueKey(row.id),
      },
    );
    await sendInboxMessage(trx, {
      recipientIds: partyAccounts(parts),
      caseId: row.case_id,
      kind: "confirmation_accepted",
      params: { caseNumber, judgeName: judge.name, decisionDueOn: decision.end, confirmationId: row.id },
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [judge.judgeId],
      caseId: row.case_id,
      kind: "confirmation_assigned",
      params: { caseNumber, decisionDueOn: decision.end, confirmationId: row.id },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "confirmation_accepted",
      courtId: court.id,
      caseId: row.case_id,
      payload: { confirmationId: row.id, caseNumber, judgeId: judge.judgeId, acceptedBy: user.userId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "confirmation.accepted",
      subjectType: "judicial_confirmation",
      subjectId: row.id,
      courtId: court.id,
      data: {
        caseId: row.case_id,
        caseNumber,
        decisionDueOn: decision.end,
        judgeAssignment: { ...assignment },
      },
    });
    return { caseNumber, judgeId: judge.judgeId, judgeName: judge.name, decisionDueOn: decision.end };
  });
}
