import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { findCounterclaim } from "../../cases/index";
import { appendCourtEvent } from "../../ledger/index";
import { loadFiling, userOf } from "../filing.access";
import { findCounterclaimFeeOrder, updateFeeOrder } from "../filing.repository";
import { paymentReturnBase } from "../payment-return";

export interface StartCounterclaimFeePaymentOptions {
  caseId: string;
  counterclaimId: string;
  /** The origin the payer started from (their browser's Origin); the cashier sends them back there. */
  origin?: string | null | undefined;
}

/**
 * Opens a payment of a counterclaim's acceptance fee at the payment gateway and returns where to pay.
 * 诉讼费用交纳办法第二十条: the counterclaiming defendant prepays it — in person, through an agent, or by
 * whoever filed the counterclaim for it — within 7 days of filing (第二十二条). Throws `case_not_found`,
 * `counterclaim_not_found`, `forbidden`, `fee_not_payable`, `upstream_failed`.
 */
export async function startCounterclaimFeePayment(
  context: AppContext,
  meta: CommandMeta,
  options: StartCounterclaimFeePaymentOptions,
): Promise<{ orderId: string; amountFen: number; payUrl: string }> {
  const { caseId } = options;
  const user = userOf(meta.actor);
  const access = await loadFiling(context.db, meta.actor, caseId);
  const counterclaim = await findCounterclaim(context.db, caseId, options.counterclaimId);
  if (!counterclaim) throw new AppError("counterclaim_not_found");
  const paysForCounterclaimant =
    access.relation.ownPartyIds.includes(counterclaim.party_id) || counterclaim.filed_by === user.userId;
  if (!paysForCounterclaimant)
    throw new AppError("forbidden", [
      { code: "counterclaimant_only", message: "the counterclaim's fee is paid by the counterclaimant" },
    ]);
  const order = await findCounterclaimFeeOrder(context.db, counterclaim.id);
  // 诉讼费用交纳办法第二十二条: payable while the counterclaim awaits its fee, until the end of its 7 days.
  if (counterclaim.status !== "fee_due" || !order || order.status !== "pending" || order.due_at <= meta.now)
    throw new AppError("fee_not_payable");

  const gateway = context.ports.payment;
  const base = context.config.publicUrl.replace(/\/$/, "");
  let payment: { reference: string; payUrl: string };
  try {
    payment = await gateway.createPayment({
      orderId: order.id,
      amountFen: order.amount_fen,
      subject: `反诉费 ${access.row.case_number ?? access.row.title ?? ""}`.trim(),
      notifyUrl: `${base}/api/payments/${gateway.name}/notify`,
      returnUrl: `${paymentReturnBase(options.origin, context.config)}/cases/${caseId}?payment=counterclaim`,
    });
  } catch (error) {
    throw new AppError("upstream_failed", [{ code: "payment_gateway", message: gateway.name }], {
      cause: error,
    });
  }
  await inTransaction(context.db, async (trx) => {
    await updateFeeOrder(trx, order.id, { gatewayReference: payment.reference });
    // 全流程留痕: who started paying which counterclaim's fee at which gateway, before any money moves.
    await appendCourtEvent(trx, {
      kind: "fee_payment_started",
      courtId: access.row.court_id,
      caseId,
      payload: {
        orderId: order.id,
        counterclaimId: counterclaim.id,
        amountFen: order.amount_fen,
        gateway: gateway.name,
        reference: payment.reference,
        startedBy: user.userId,
      },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.counterclaim_fee_payment_started",
      subjectType: "case",
      subjectId: caseId,
      courtId: access.row.court_id,
      data: {
        orderId: order.id,
        counterclaimId: counterclaim.id,
        reference: payment.reference,
        amountFen: order.amount_fen,
        gateway: gateway.name,
      },
    });
  });
  return { orderId: order.id, amountFen: order.amount_fen, payUrl: payment.payUrl };
}
