import type { AppContext } from "../../../context";
import { defineJob, inTransaction, systemMeta, type JobDefinition } from "../../../platform";
import { findHearing, lockHearing } from "../hearing.repository";
import { closeLiveStream } from "../live/commands/stop-live";
import { findLatestStream } from "../live/live.repository";
import { sealRecordingBySystem } from "./commands/seal-recording";
import { hearingRecordingSealJobKind, scheduleRecordingSeal } from "./recording.job-kinds";
import { findOpenRecording } from "./recording.repository";

/**
 * Closes what the clerk's browser left open (a closed tab, a lost connection) once the hearing no longer
 * sits: the live stream is ended and the recording sealed, so its hash reaches the ledger without anyone's
 * action (庭审录音录像规定第五条). While the hearing still sits (a recess, a paused recorder) it looks again
 * later. Idempotent: nothing open, nothing done.
 */
export function hearingRecordingSealJob(context: AppContext): JobDefinition<{ hearingId: string }> {
  return defineJob({
    ...hearingRecordingSealJobKind,
    async handle({ hearingId }, { now }) {
      const hearing = await findHearing(context.db, hearingId);
      if (!hearing) return;
      const open = await findOpenRecording(context.db, hearingId);
      const isLive = (await findLatestStream(context.db, hearingId))?.status === "live";
      if (!open && !isLive) return;
      if (hearing.status === "in_progress") {
        await inTransaction(context.db, (trx) => scheduleRecordingSeal(trx, hearingId, now));
        return;
      }
      const meta = systemMeta("hearing-recording", now);
      if (isLive) {
        await inTransaction(context.db, async (trx) => {
          const locked = await lockHearing(trx, hearingId);
          if (locked) await closeLiveStream(trx, meta, locked, null, "hearing_ended");
        });
      }
      if (open) await sealRecordingBySystem(context, meta, hearing);
    },
  });
}
