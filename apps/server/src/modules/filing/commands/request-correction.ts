import { inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, closeDeadline, lockCase } from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { assertClerk, loadFiling, userOf } from "../filing.access";
import { insertReview } from "../filing.repository";

/**
 * Sends a complaint back with the list of what to add or correct (民诉法解释第二百零八条: the court tells
 * the party at once what is missing). The 7-day review clock stops and restarts on resubmission.
 * Throws `case_not_found`, `forbidden`, `case_status_conflict`.
 */
export async function requestCorrection(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; items: string[]; note: string | null },
): Promise<void> {
  const user = userOf(meta.actor);
  await inTransaction(context.db, async (trx) => {
    assertClerk(await loadFiling(trx, meta.actor, options.caseId));
    const row = await lockCase(trx, options.caseId);
    await changeCaseStatus(trx, meta, {
      row,
      transition: "requestCorrection",
      patch: { review_clock_started_at: null, review_due_on: null },
      timeline: {
        kind: "correction_requested",
        data: { items: options.items, note: options.note },
        isPublic: true,
      },
    });
    await closeDeadline(trx, options.caseId, "registration_review", "cancelled", meta.now);
    await insertReview(trx, {
      caseId: options.caseId,
      decision: "correction_requested",
      items: options.items,
      reason: options.note,
      decidedBy: user.userId,
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by],
      caseId: options.caseId,
      kind: "correction_requested",
      params: { items: options.items, note: options.note },
      now: meta.now,
    });
    // 全流程留痕: what the court asked to be completed, and when (the review clock stops here).
    await appendCourtEvent(trx, {
      kind: "correction_requested",
      courtId: row.court_id,
      caseId: options.caseId,
      payload: { items: options.items, requestedBy: user.userId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.correction_requested",
      subjectType: "case",
      subjectId: options.caseId,
      courtId: row.court_id,
      data: { items: options.items },
    });
  });
}
