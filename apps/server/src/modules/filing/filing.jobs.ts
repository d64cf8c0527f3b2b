import { z } from "zod";
import type { AppContext } from "../../context";
import { defineJob, inTransaction, systemMeta, writeAuditEvent, type JobDefinition } from "../../platform";
import { changeCaseStatus, closeDeadline, lockCase } from "../cases/index";
import { sendInboxMessage } from "../delivery/index";
import { appendCourtEvent } from "../ledger/index";
import { lockFeeOrder, updateFeeOrder } from "./filing.repository";

export const FEE_DEADLINE_JOB = "filing.fee_deadline";

/** The dedupe key of a case's fee-deadline job (cancelled when the fee is paid). */
export function feeDeadlineKey(caseId: string): string {
  return `fee-deadline:${caseId}`;
}

/**
 * When the fee deadline passes unpaid, the filing is treated as withdrawn (民诉法解释第二百一十三条:
 * 原告应当预交而未预交案件受理费 … 裁定按撤诉处理). Idempotent: a paid order or a case that moved on is left alone.
 */
export function feeDeadlineJob(context: AppContext): JobDefinition<{ caseId: string; orderId: string }> {
  return defineJob({
    kind: FEE_DEADLINE_JOB,
    payload: z.object({ caseId: z.uuid(), orderId: z.uuid() }),
    maxAttempts: 10,
    async handle({ caseId, orderId }, { now }) {
      const meta = systemMeta("fee-deadline", now);
      await inTransaction(context.db, async (trx) => {
        const order = await lockFeeOrder(trx, orderId);
        if (!order || order.status !== "pending" || order.due_at > now) return;
        const row = await lockCase(trx, caseId);
        await updateFeeOrder(trx, orderId, { status: "expired" });
        await closeDeadline(trx, caseId, "fee_payment", "missed", now);
        if (row.status !== "under_review" && row.status !== "correction_requested") return;
        await changeCaseStatus(trx, meta, {
          row,
          transition: "deemWithdrawn",
          patch: { closed_at: now, closure_reason: "fee_unpaid" },
          timeline: { kind: "deemed_withdrawn", data: { reason: "fee_unpaid" }, isPublic: true },
        });
        await closeDeadline(trx, caseId, "registration_review", "cancelled", now);
        await sendInboxMessage(trx, {
          recipientIds: [row.filed_by],
          caseId,
          kind: "filing_deemed_withdrawn",
          params: {},
          now,
        });
        // 全流程留痕: the filing treated as withdrawn for the unpaid fee is a court event.
        await appendCourtEvent(trx, {
          kind: "filing_deemed_withdrawn",
          courtId: row.court_id,
          caseId,
          payload: { reason: "fee_unpaid", orderId, basis: "民诉法解释第二百一十三条" },
          now,
        });
        await writeAuditEvent(trx, meta, {
          action: "filing.deemed_withdrawn",
          subjectType: "case",
          subjectId: caseId,
          courtId: row.court_id,
          data: { orderId, dueAt: order.due_at.toISOString(), basis: "民诉法解释第二百一十三条" },
        });
      });
    },
  });
}
