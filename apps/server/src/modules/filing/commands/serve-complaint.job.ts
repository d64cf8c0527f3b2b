import { z } from "zod";
import type { AppContext } from "../../../context";
import { defineJob, inTransaction, systemMeta, type JobDefinition } from "../../../platform";
import { serveComplaintInTransaction } from "./serve-complaint";

export const SERVE_COMPLAINT_JOB = "filing.serve_complaint";

/** The dedupe key of a case's service job (one per case). */
export function serveComplaintKey(caseId: string): string {
  return `serve-complaint:${caseId}`;
}

/**
 * Serves the complaint on the defendants after registration (民事诉讼法第一百二十八条: within 5 days).
 * Queued in the registration's transaction; idempotent — a case already served is left alone.
 */
export function serveComplaintJob(context: AppContext): JobDefinition<{ caseId: string }> {
  return defineJob({
    kind: SERVE_COMPLAINT_JOB,
    payload: z.object({ caseId: z.uuid() }),
    maxAttempts: 10,
    async handle({ caseId }, { now }) {
      await inTransaction(context.db, async (trx) => {
        await serveComplaintInTransaction(trx, systemMeta("serve-complaint", now), caseId);
      });
    },
  });
}
