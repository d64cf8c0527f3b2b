import { cancelJob, writeAuditEvent, type CommandMeta, type Tx } from "../../../platform";
import { closeDeadline, lockCase } from "../../cases/index";
import { feeDeadlineKey } from "../filing.jobs";
import { findFeeOrder, lockFeeOrder, updateFeeOrder } from "../filing.repository";

/**
 * Cancels a case's pending fee order, in the caller's transaction: the order, its fee-deadline job and
 * the `fee_payment` deadline (closed as cancelled), with the audit event. A paid or expired order is
 * left alone. The order's id, or null when there was none pending.
 */
export async function cancelPendingFeeOrder(
  trx: Tx,
  meta: CommandMeta,
  row: { id: string; court_id: string },
  reason: "mediation" | "superseded",
): Promise<string | null> {
  const found = await findFeeOrder(trx, row.id);
  if (!found || found.status !== "pending") return null;
  const order = await lockFeeOrder(trx, found.id);
  if (!order || order.status !== "pending") return null;
  await updateFeeOrder(trx, order.id, { status: "cancelled" });
  await cancelJob(trx, feeDeadlineKey(row.id), meta.now);
  await closeDeadline(trx, row.id, "fee_payment", "cancelled", meta.now);
  await writeAuditEvent(trx, meta, {
    action: "filing.fee_order_cancelled",
    subjectType: "case",
    subjectId: row.id,
    courtId: row.court_id,
    data: {
      orderId: order.id,
      amountFen: order.amount_fen,
      dueAt: order.due_at.toISOString(),
      reason,
      basis: "诉讼费用交纳办法第二十条、第二十二条",
    },
  });
  return order.id;
}

/**
 * The filer consented to pre-litigation mediation (民事诉讼法第一百二十五条: 先行调解): the dispute is not
 * being filed while it is mediated, so no fee is due — the case fee is paid on a filing (诉讼费用交纳办法
 * 第二十条、第二十二条) — and the pending fee order, its deadline job and the `fee_payment` deadline are
 * cancelled, in the caller's transaction (which holds the case's row lock). A referral to filing after a
 * failed mediation notifies the fee anew (receiveReferredFiling). The cancelled order's id, or null.
 */
export async function suspendFeeForMediation(
  trx: Tx,
  meta: CommandMeta,
  options: { caseId: string },
): Promise<{ cancelledOrderId: string | null }> {
  const row = await lockCase(trx, options.caseId);
  return { cancelledOrderId: await cancelPendingFeeOrder(trx, meta, row, "mediation") };
}
