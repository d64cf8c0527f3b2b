import { z } from "zod";

export const MEDIATION_PERIOD_JOB = "mediation.period_end";

/** The period job's kind and payload, for enqueueing it from a command (its handler: mediation.jobs.ts). */
export const mediationPeriodJobKind = {
  kind: MEDIATION_PERIOD_JOB,
  payload: z.object({ mediationId: z.uuid() }),
  maxAttempts: 10,
};

/** The dedupe key of a mediation's period job (moved when the period is extended, cancelled when it ends). */
export function mediationPeriodKey(mediationId: string): string {
  return `mediation-period:${mediationId}`;
}
