import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { appendCourtEvent } from "../../ledger/index";
import { loadFiling, userOf } from "../filing.access";
import { findFeeOrder, updateFeeOrder } from "../filing.repository";
import { paymentReturnBase } from "../payment-return";

export interface StartFeePaymentOptions {
  caseId: string;
  /** The origin the payer started from (their browser's Origin); the cashier sends them back there. */
  origin?: string | null | undefined;
}

/**
 * Opens a payment of the case acceptance fee at the payment gateway and returns where to pay; the
 * cashier returns the payer to the origin they started from when the site is served there (else to
 * PUBLIC_URL). The filer or any plaintiff (or their agent) may pay. Throws `case_not_found`,
 * `forbidden`, `fee_not_payable`, `upstream_failed`.
 */
export async function startFeePayment(
  context: AppContext,
  meta: CommandMeta,
  options: StartFeePaymentOptions,
): Promise<{ orderId: string; amountFen: number; payUrl: string }> {
  const { caseId } = options;
  const access = await loadFiling(context.db, meta.actor, caseId);
  const plaintiffIds = new Set(access.parts.parties.filter((p) => p.role === "plaintiff").map((p) => p.id));
  const paysForPlaintiff = access.relation.ownPartyIds.some((id) => plaintiffIds.has(id));
  if (!access.relation.isFiler && !paysForPlaintiff) {
    throw new AppError("forbidden", [
      { code: "plaintiff_only", message: "the fee is paid by the plaintiff" },
    ]);
  }
  if (access.row.status !== "under_review" && access.row.status !== "correction_requested")
    throw new AppError("fee_not_payable");
  const order = await findFeeOrder(context.db, caseId);
  if (!order || order.status !== "pending" || order.due_at <= meta.now) throw new AppError("fee_not_payable");

  const gateway = context.ports.payment;
  const base = context.config.publicUrl.replace(/\/$/, "");
  let payment: { reference: string; payUrl: string };
  try {
    payment = await gateway.createPayment({
      orderId: order.id,
      amountFen: order.amount_fen,
      subject: `诉讼费 ${access.row.title ?? ""}`.trim(),
      notifyUrl: `${base}/api/payments/${gateway.name}/notify`,
      returnUrl: `${paymentReturnBase(options.origin, context.config)}/cases/${caseId}?payment=done`,
    });
  } catch (error) {
    throw new AppError("upstream_failed", [{ code: "payment_gateway", message: gateway.name }], {
      cause: error,
    });
  }
  await inTransaction(context.db, async (trx) => {
    await updateFeeOrder(trx, order.id, { gatewayReference: payment.reference });
    // 全流程留痕: who started paying which fee order at which gateway, before any money moves.
    await appendCourtEvent(trx, {
      kind: "fee_payment_started",
      courtId: access.row.court_id,
      caseId,
      payload: {
        orderId: order.id,
        amountFen: order.amount_fen,
        gateway: gateway.name,
        reference: payment.reference,
        startedBy: userOf(meta.actor).userId,
      },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.fee_payment_started",
      subjectType: "case",
      subjectId: caseId,
      courtId: access.row.court_id,
      data: {
        orderId: order.id,
        reference: payment.reference,
        amountFen: order.amount_fen,
        gateway: gateway.name,
      },
    });
  });
  return { orderId: order.id, amountFen: order.amount_fen, payUrl: payment.payUrl };
}
