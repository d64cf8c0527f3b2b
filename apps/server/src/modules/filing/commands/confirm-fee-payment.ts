import { AppError, cancelJob, inTransaction, systemMeta, writeAuditEvent, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import { closeDeadline, lockCase, recordTimeline } from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import type { PaymentNotification } from "../filing.ports";
import { feeDeadlineKey } from "../filing.jobs";
import {
  findEarlierPaymentNotification,
  insertPaymentNotification,
  lockFeeOrder,
  updateFeeOrder,
} from "../filing.repository";
import type { PaymentNotificationOutcome } from "../filing.tables";
import { recordCounterclaimFeePaid } from "./record-counterclaim-fee-paid";
import { issueFeeReceipt } from "./issue-fee-receipt";

export type ConfirmFeePaymentResult = Exclude<PaymentNotificationOutcome, "conflict">;

type FeeOrder = NonNullable<Awaited<ReturnType<typeof lockFeeOrder>>>;

/**
 * Records a gateway's notification about a fee payment. Idempotent: gateways repeat notifications, and a
 * repeat changes nothing and answers success. A payment arriving after the order closed, or a second
 * payment of a paid order, is recorded for a refund and changes nothing else. A notification that
 * contradicts the order (another amount, or "failed" for the payment that paid it) is audited and refused.
 * Throws `fee_order_not_found`, `payment_notification_conflict`, `payment_notification_replayed`.
 */
export async function confirmFeePayment(
  context: AppContext,
  notification: PaymentNotification,
): Promise<ConfirmFeePaymentResult> {
  const now = context.clock.now();
  const gateway = context.ports.payment.name;
  const meta = systemMeta(`payment:${gateway}`, now);
  const outcome = await inTransaction(context.db, async (trx) => {
    const order = await lockFeeOrder(trx, notification.orderId);
    if (!order) throw new AppError("fee_order_not_found");
    const { receipt } = notification;
    const earlier = receipt
      ? await findEarlierPaymentNotification(trx, {
          gateway,
          orderId: order.id,
          reference: notification.reference,
          status: notification.status,
          amountFen: notification.amountFen,
        })
      : undefined;
    const outcome = outcomeOf(order, notification, earlier);
    // The nonce is taken in the same transaction as the effect: a replayed message finds it taken, and a
    // concurrent copy waits on its key until this one commits.
    if (
      receipt &&
      !(await insertPaymentNotification(trx, {
        gateway,
        nonce: receipt.nonce,
        orderId: order.id,
        reference: notification.reference,
        status: notification.status,
        amountFen: notification.amountFen,
        outcome,
        body: receipt.body,
        signature: receipt.signature,
        signedAt: receipt.signedAt,
        now,
      }))
    ) {
      return "replayed" as const;
    }
    await applyOutcome(trx, context, order, notification, outcome, meta);
    return outcome;
  });
  if (outcome === "replayed") throw new AppError("payment_notification_replayed");
  if (outcome === "conflict") throw new AppError("payment_notification_conflict");
  return outcome;
}

function outcomeOf(
  order: FeeOrder,
  notification: PaymentNotification,
  earlier: PaymentNotificationOutcome | undefined,
): PaymentNotificationOutcome {
  const isOrderPayment = order.gateway_reference === notification.reference;
  if (order.amount_fen !== notification.amountFen) return "conflict";
  if (order.status === "paid" && isOrderPayment)
    return notification.status === "paid" ? "already_paid" : "conflict";
  if (earlier !== undefined) return "repeated";
  if (notification.status === "failed") return "failed";
  if (order.status === "paid") return "paid_twice";
  return order.status === "pending" ? "paid" : "late";
}

async function applyOutcome(
  trx: Tx,
  context: AppContext,
  order: FeeOrder,
  notification: PaymentNotification,
  outcome: PaymentNotificationOutcome,
  meta: ReturnType<typeof systemMeta>,
): Promise<void> {
  const now = meta.now;
  const base = { orderId: order.id, reference: notification.reference };
  switch (outcome) {
    case "already_paid":
    case "repeated":
      return;
    case "conflict":
      await writeAuditEvent(trx, meta, {
        action: "filing.fee_payment_conflict",
        subjectType: "case",
        subjectId: order.case_id,
        data: {
          ...base,
          notified: { status: notification.status, amountFen: notification.amountFen },
          order: { status: order.status, amountFen: order.amount_fen, reference: order.gateway_reference },
        },
      });
      return;
    case "failed":
      await writeAuditEvent(trx, meta, {
        action: "filing.fee_payment_failed",
        subjectType: "case",
        subjectId: order.case_id,
        data: base,
      });
      return;
    case "late":
    case "paid_twice": {
      const row = await lockCase(trx, order.case_id);
      await writeAuditEvent(trx, meta, {
        action: outcome === "late" ? "filing.fee_paid_late" : "filing.fee_paid_twice",
        subjectType: "case",
        subjectId: order.case_id,
        courtId: row.court_id,
        data: {
          ...base,
          ...(order.counterclaim_id !== null ? { counterclaimId: order.counterclaim_id } : {}),
          orderStatus: order.status,
          amountFen: notification.amountFen,
          refundDue: true,
        },
      });
      return;
    }
    case "paid": {
      if (order.counterclaim_id !== null) {
        await recordCounterclaimFeePaid(trx, context, {
          order: { ...order, counterclaim_id: order.counterclaim_id },
          reference: notification.reference,
          meta,
        });
        return;
      }
      const row = await lockCase(trx, order.case_id);
      await updateFeeOrder(trx, order.id, {
        status: "paid",
        paidAt: now,
        gatewayReference: notification.reference,
      });
      await closeDeadline(trx, order.case_id, "fee_payment", "met", now);
      await cancelJob(trx, feeDeadlineKey(order.case_id), now);
      await recordTimeline(trx, {
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
        params: { fee: order.amount_fen / 100 },
        now,
      });
      await issueFeeReceipt(trx, context, { row, order, reference: notification.reference, now });
      // 全流程留痕: the fee the gateway confirmed, which the registration requires, is a court event.
      await appendCourtEvent(trx, {
        kind: "fee_paid",
        courtId: row.court_id,
        caseId: order.case_id,
        payload: { ...base, amountFen: order.amount_fen, gateway: context.ports.payment.name },
        now,
      });
      await writeAuditEvent(trx, meta, {
        action: "filing.fee_paid",
        subjectType: "case",
        subjectId: order.case_id,
        courtId: row.court_id,
        data: { ...base, amountFen: order.amount_fen },
      });
      return;
    }
  }
}
