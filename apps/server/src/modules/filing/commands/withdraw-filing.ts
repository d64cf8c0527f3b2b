import { cancelJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, closeDeadline, lockCase } from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { assertFiler, loadFiling, userOf } from "../filing.access";
import { feeDeadlineKey } from "../filing.jobs";
import { findFeeOrder, updateFeeOrder } from "../filing.repository";

/**
 * Withdraws a complaint before the court registers it. An unpaid fee is cancelled; a paid one is
 * recorded as due for refund. Throws `case_not_found`, `forbidden`, `case_status_conflict`.
 */
export async function withdrawFiling(context: AppContext, meta: CommandMeta, caseId: string): Promise<void> {
  await inTransaction(context.db, async (trx) => {
    assertFiler(await loadFiling(trx, meta.actor, caseId));
    const row = await lockCase(trx, caseId);
    await changeCaseStatus(trx, meta, {
      row,
      transition: "withdrawFiling",
      patch: { closed_at: meta.now, closure_reason: "withdrawn_before_registration" },
      timeline: { kind: "withdrawn", isPublic: true },
    });
    for (const kind of ["registration_review", "fee_payment"])
      await closeDeadline(trx, caseId, kind, "cancelled", meta.now);
    const order = await findFeeOrder(trx, caseId);
    if (order?.status === "pending") await updateFeeOrder(trx, order.id, { status: "cancelled" });
    await cancelJob(trx, feeDeadlineKey(caseId), meta.now);
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by],
      caseId,
      kind: "filing_withdrawn",
      params: {},
      now: meta.now,
    });
    // 全流程留痕: the filer's withdrawal before registration closes the filing in the ledger too.
    await appendCourtEvent(trx, {
      kind: "filing_withdrawn",
      courtId: row.court_id,
      caseId,
      payload: { withdrawnBy: userOf(meta.actor).userId, refundDue: order?.status === "paid" },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.withdrawn",
      subjectType: "case",
      subjectId: caseId,
      courtId: row.court_id,
      data: { refundDue: order?.status === "paid" },
    });
  });
}
