import { z } from "zod";
import { enqueueJob, type Executor } from "../../../platform";
import { AUTO_SEAL_AFTER_MS } from "./recording.rules";

export const HEARING_RECORDING_SEAL_JOB = "hearing.recording-seal";

/** The job that seals a recording the clerk's browser left open once the hearing is over. */
export const hearingRecordingSealJobKind = {
  kind: HEARING_RECORDING_SEAL_JOB,
  payload: z.object({ hearingId: z.uuid() }),
  maxAttempts: 10,
};

export function hearingRecordingSealKey(hearingId: string): string {
  return `hearing-recording-seal:${hearingId}`;
}

/**
 * Schedules (or moves) the system seal of the hearing's open recording to `delayMs` after `now`. Each chunk
 * moves it; the end of the hearing should call it with a short delay so the hash reaches the ledger as soon
 * as the last slices are in.
 */
export async function scheduleRecordingSeal(
  trx: Executor,
  hearingId: string,
  now: Date,
  delayMs = AUTO_SEAL_AFTER_MS,
): Promise<void> {
  await enqueueJob(
    trx,
    hearingRecordingSealJobKind,
    { hearingId },
    { runAt: new Date(now.getTime() + delayMs), dedupeKey: hearingRecordingSealKey(hearingId), now },
  );
}
