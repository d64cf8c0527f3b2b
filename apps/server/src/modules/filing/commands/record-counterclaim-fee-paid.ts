import { cancelJob, writeAuditEvent, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  loadCaseParts,
  lockCase,
  lockCounterclaim,
  recordTimeline,
  updateCounterclaim,
} from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { counterclaimFeeDeadlineKey } from "../filing.jobs";
import { updateFeeOrder } from "../filing.repository";
import { issueFeeReceipt } from "./issue-fee-receipt";

/**
 * The gateway confirmed a counterclaim's fee within its period (诉讼费用交纳办法第二十条: 被告提起反诉……由被告
 * 预交; 第二十二条: 自提起反诉次日起7日内): in the caller's transaction the order is paid, the counterclaim
 * is filed, its fee-deadline job is cancelled, the fee receipt is issued, the counterclaimant and the
 * judge are told, with the court event and the audit event.
 */
export async function recordCounterclaimFeePaid(
  trx: Tx,
  context: AppContext,
  input: {
    order: { id: string; case_id: string; counterclaim_id: string; amount_fen: number };
    reference: string;
    meta: CommandMeta;
  },
): Promise<void> {
  const { order, meta } = input;
  const now = meta.now;
  const row = await lockCase(trx, order.case_id);
  const counterclaim = await lockCounterclaim(trx, order.counterclaim_id);
  await updateFeeOrder(trx, order.id, { status: "paid", paidAt: now, gatewayReference: input.reference });
  await cancelJob(trx, counterclaimFeeDeadlineKey(order.counterclaim_id), now);
  const parts = await loadCaseParts(trx, order.case_id);
  const party = parts.parties.find((p) => p.id === counterclaim?.party_id);
  const partyName = party?.name ?? "";
  const receiptIssueId = await issueFeeReceipt(trx, context, {
    row,
    order,
    reference: input.reference,
    now,
    payer: partyName,
    item: "counterclaim",
  });
  await updateCounterclaim(trx, order.counterclaim_id, {
    status: "filed",
    feePaidAt: now,
    feeReceiptIssueId: receiptIssueId,
  });
  await recordTimeline(trx, {
    caseId: order.case_id,
    kind: "counterclaim_fee_paid",
    actorUserId: null,
    data: { counterclaimId: order.counterclaim_id, partyName, amountFen: order.amount_fen },
    isPublic: false,
    now,
  });
  await sendInboxMessage(trx, {
    recipientIds: [...new Set([party?.user_id, counterclaim?.filed_by, row.judge_id])].filter(
      (id): id is string => typeof id === "string",
    ),
    caseId: order.case_id,
    kind: "counterclaim_fee_paid",
    params: { caseNumber: row.case_number, partyName, fee: order.amount_fen / 100 },
    now,
  });
  const payload = {
    orderId: order.id,
    reference: input.reference,
    counterclaimId: order.counterclaim_id,
    amountFen: order.amount_fen,
  };
  // 全流程留痕: the counterclaim's fee the gateway confirmed is a court event.
  await appendCourtEvent(trx, {
    kind: "counterclaim_fee_paid",
    courtId: row.court_id,
    caseId: order.case_id,
    payload: { ...payload, gateway: context.ports.payment.name, receiptIssueId },
    now,
  });
  await writeAuditEvent(trx, meta, {
    action: "filing.counterclaim_fee_paid",
    subjectType: "case",
    subjectId: order.case_id,
    courtId: row.court_id,
    data: payload,
  });
}
