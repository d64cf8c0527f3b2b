import { z } from "zod";
import type { AppContext } from "../../context";
import { defineJob, inTransaction, systemMeta, writeAuditEvent, type JobDefinition } from "../../platform";
import {
  changeCaseStatus,
  closeDeadline,
  loadCaseParts,
  lockCase,
  lockCounterclaim,
  recordTimeline,
  updateCounterclaim,
} from "../cases/index";
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

export const COUNTERCLAIM_FEE_DEADLINE_JOB = "filing.counterclaim_fee_deadline";

/** The dedupe key of a counterclaim's fee-deadline job (cancelled when its fee is paid). */
export function counterclaimFeeDeadlineKey(counterclaimId: string): string {
  return `counterclaim-fee-deadline:${counterclaimId}`;
}

/**
 * When a counterclaim's fee is still unpaid at the end of its 7 days (诉讼费用交纳办法第二十二条: 反诉案件由
 * 提起反诉的当事人自提起反诉次日起7日内交纳案件受理费), the counterclaim is treated as withdrawn — 民诉法解释
 * 第二百一十三条 (原告应当预交而未预交案件受理费……裁定按撤诉处理) applied to the counterclaimant, who prepays
 * its fee as a plaintiff does (诉讼费用交纳办法第二十条) — while the action goes on (民诉法解释第二百三十九条).
 * The order expires, so a later payment is recorded for a refund. Idempotent: a paid order or a
 * counterclaim no longer awaiting its fee is left alone.
 */
export function counterclaimFeeDeadlineJob(
  context: AppContext,
): JobDefinition<{ caseId: string; counterclaimId: string; orderId: string }> {
  return defineJob({
    kind: COUNTERCLAIM_FEE_DEADLINE_JOB,
    payload: z.object({ caseId: z.uuid(), counterclaimId: z.uuid(), orderId: z.uuid() }),
    maxAttempts: 10,
    async handle({ caseId, counterclaimId, orderId }, { now }) {
      const meta = systemMeta("counterclaim-fee-deadline", now);
      await inTransaction(context.db, async (trx) => {
        const order = await lockFeeOrder(trx, orderId);
        if (!order || order.status !== "pending" || order.due_at > now) return;
        const row = await lockCase(trx, caseId);
        const counterclaim = await lockCounterclaim(trx, counterclaimId);
        await updateFeeOrder(trx, orderId, { status: "expired" });
        if (!counterclaim || counterclaim.status !== "fee_due") return;
        await updateCounterclaim(trx, counterclaimId, { status: "deemed_withdrawn", withdrawnAt: now });
        const parts = await loadCaseParts(trx, caseId);
        const party = parts.parties.find((p) => p.id === counterclaim.party_id);
        const partyName = party?.name ?? "";
        const basis = "民诉法解释第二百一十三条；诉讼费用交纳办法第二十条、第二十二条";
        await recordTimeline(trx, {
          caseId,
          kind: "counterclaim_deemed_withdrawn",
          actorUserId: null,
          data: { counterclaimId, partyName, reason: "fee_unpaid" },
          isPublic: false,
          now,
        });
        const plaintiffUsers = parts.parties.filter((p) => p.role === "plaintiff").map((p) => p.user_id);
        await sendInboxMessage(trx, {
          recipientIds: [party?.user_id, counterclaim.filed_by, row.judge_id, ...plaintiffUsers].filter(
            (id): id is string => typeof id === "string",
          ),
          caseId,
          kind: "counterclaim_deemed_withdrawn",
          params: { caseNumber: row.case_number, partyName },
          now,
        });
        // 全流程留痕: the counterclaim treated as withdrawn for its unpaid fee is a court event.
        await appendCourtEvent(trx, {
          kind: "counterclaim_deemed_withdrawn",
          courtId: row.court_id,
          caseId,
          payload: { counterclaimId, orderId, reason: "fee_unpaid", basis },
          now,
        });
        await writeAuditEvent(trx, meta, {
          action: "filing.counterclaim_deemed_withdrawn",
          subjectType: "case",
          subjectId: caseId,
          courtId: row.court_id,
          data: { counterclaimId, orderId, dueAt: order.due_at.toISOString(), basis },
        });
      });
    },
  });
}
