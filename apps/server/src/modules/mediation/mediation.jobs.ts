import type { AppContext } from "../../context";
import { defineJob, inTransaction, systemMeta, type JobDefinition } from "../../platform";
import { endMediationInTransaction } from "./commands/end-mediation";
import { lockCase } from "../cases/index";
import { mediationPeriodJobKind } from "./mediation.job-kinds";
import { findMediation, lockMediation } from "./mediation.repository";

export { MEDIATION_PERIOD_JOB, mediationPeriodKey } from "./mediation.job-kinds";

/**
 * When the period ends without agreement or an agreed extension, the mediation ends as failed
 * (在线调解规则第二十五条第六项: 调解期限届满，未达成调解协议，且各方当事人未达成延长调解期限的合意).
 * Idempotent: a mediation that moved on, or whose period was extended past now, is left alone.
 */
export function mediationPeriodJob(context: AppContext): JobDefinition<{ mediationId: string }> {
  return defineJob({
    ...mediationPeriodJobKind,
    async handle({ mediationId }, { now }) {
      const meta = systemMeta("mediation-period", now);
      const found = await findMediation(context.db, mediationId);
      if (!found) return;
      await inTransaction(context.db, async (trx) => {
        // The case first, then the mediation: the same lock order as every command.
        await lockCase(trx, found.case_id);
        const row = await lockMediation(trx, mediationId);
        if (!row || row.status !== "in_progress" || !row.period_ends_at || row.period_ends_at > now) return;
        await endMediationInTransaction(trx, context, meta, row, { act: "lapse", reason: null });
      });
    },
  });
}
