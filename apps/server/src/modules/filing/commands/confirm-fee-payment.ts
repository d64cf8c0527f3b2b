import { AppError, cancelJob, inTransaction, systemMeta, writeAuditEvent } from "../../../platform";
import type { AppContext } from "../../../context";
import { appendTimeline, closeDeadline, lockCase } from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import type { PaymentNotification } from "../filing.ports";
import { feeDeadlineKey } from "../filing.jobs";
import { lockFeeOrder, updateFeeOrder } from "../filing.repository";

export type ConfirmFeePaymentResult = "paid" | "already_paid" | "late" | "failed";

/**
 * Records a gateway's notification that a fee was paid. Idempotent (gateways repeat notifications); a
 * payment arriving after the order closed is recorded for a refund and changes nothing else.
 * Throws `fee_order_not_found`, `payment_notification_invalid` (amount mismatch).
 */
export async function confirmFeePayment(
  context: AppContext,
  notification: PaymentNotification,
): Promise<ConfirmFeePaymentResult> {
  const now = context.clock.now();
  const meta = systemMeta(`payment:${context.ports.payment.name}`, now);
  return inTransaction(context.db, async (trx) => {
    const order = await lockFeeOrder(trx, notification.orderId);
    if (!order) throw new AppError("fee_order_not_found");
    if (order.amount_fen !== notification.amountFen) {
      throw new AppError("payment_notification_invalid", [
        { code: "amount_mismatch", message: `${notification.amountFen}` },
      ]);
    }
    if (notification.status === "failed") {
      await writeAuditEvent(trx, meta, {
        action: "filing.fee_payment_failed",
        subjectType: "case",
        subjectId: order.case_id,
        data: { orderId: order.id, reference: notification.reference },
      });
      return "failed";
    }
    if (order.status === "paid") return "already_paid";
    const row = await lockCase(trx, order.case_id);
    if (order.status !== "pending") {
      await writeAuditEvent(trx, meta, {
        action: "filing.fee_paid_late",
        subjectType: "case",
        subjectId: order.case_id,
        courtId: row.court_id,
        data: {
          orderId: order.id,
          reference: notification.reference,
          orderStatus: order.status,
          refundDue: true,
        },
      });
      return "late";
    }
    await updateFeeOrder(trx, order.id, {
      status: "paid",
      paidAt: now,
      gatewayReference: notification.reference,
    });
    await closeDeadline(trx, order.case_id, "fee_payment", "met", now);
    await cancelJob(trx, feeDeadlineKey(order.case_id), now);
    await appendTimeline(trx, {
      caseId: order.case_id,
      kind: "fee_paid",
      actorUserId: null,
      data: { amountFen: order.amount_fen },
      isPublic: false,
      now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by],
      caseId: order.case_id,
      kind: "fee_paid",
      params: { fee: (order.amount_fen / 100).toFixed(2) },
      now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.fee_paid",
      subjectType: "case",
      subjectId: order.case_id,
      courtId: row.court_id,
      data: { orderId: order.id, reference: notification.reference, amountFen: order.amount_fen },
    });
    return "paid";
  });
}
