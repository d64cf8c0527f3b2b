import type { AppContext } from "../../../../context";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  requireUser,
  type CommandMeta,
} from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { loadHearingForBroadcast } from "../recording.access";
import { scheduleRecordingSeal } from "../recording.job-kinds";
import {
  findChunk,
  findLastSealedRecording,
  insertChunk,
  insertRecording,
  lockOpenRecording,
} from "../recording.repository";
import { canReceiveChunks } from "../recording.rules";

export interface UploadRecordingChunkOptions {
  seq: number;
  bytes: Buffer;
  mediaType: string;
}

export interface UploadedChunk {
  recordingId: string;
  seq: number;
  sha256: string;
  size: number;
  /** False when the same chunk had been received before (a retry). */
  isNew: boolean;
}

function assertHearingSits(hearing: Parameters<typeof canReceiveChunks>[0], now: Date): void {
  if (!canReceiveChunks(hearing, now)) {
    throw new AppError("hearing_status_conflict", [
      {
        code: "recording",
        message: `the hearing is ${hearing.status}: recording chunks are taken while it sits`,
        params: { from: hearing.status, allowedFrom: ["in_progress", "held"] },
      },
    ]);
  }
}

/**
 * Takes one slice of the hearing's recording from the clerk's browser (庭审录音录像规定第一条、第三条: the whole
 * hearing recorded). Idempotent by sequence number: the same bytes again are acknowledged, other bytes are
 * `hearing_recording_chunk_conflict`. Sequence 0 opens a recording; a later number needs an open one
 * (`hearing_recording_not_open`). Throws `hearing_not_found`, `forbidden`, `hearing_status_conflict`.
 */
export async function uploadRecordingChunk(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  options: UploadRecordingChunkOptions,
): Promise<UploadedChunk> {
  const user = requireUser(meta.actor);
  const { hearing } = await loadHearingForBroadcast(context.db, meta.actor, hearingId, "operate");
  assertHearingSits(hearing, meta.now);
  if (options.bytes.length === 0) throw new AppError("file_empty");
  // Content-addressed: a chunk stored and then refused below is harmless (no row names it).
  const blob = await context.files.put(options.bytes);
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertHearingSits(current, meta.now);
    let recording = await lockOpenRecording(trx, hearingId);
    if (!recording) {
      if (options.seq !== 0) {
        throw new AppError("hearing_recording_not_open", [
          { path: "seq", code: "no_open_recording", message: "a recording starts with chunk 0" },
        ]);
      }
      // A first chunk sent again after its recording was sealed is the same chunk, not a new recording.
      const sealed = await findLastSealedRecording(trx, hearingId);
      const first = sealed ? await findChunk(trx, sealed.id, 0) : undefined;
      if (sealed && first?.sha256 === blob.sha256) {
        return { recordingId: sealed.id, seq: 0, sha256: blob.sha256, size: blob.size, isNew: false };
      }
      recording = await insertRecording(trx, {
        hearingId,
        mediaType: options.mediaType,
        startedBy: user.userId,
        now: meta.now,
      });
      await recordHearingAct(trx, meta, {
        hearing: current,
        action: "hearing.recording_started",
        courtEvent: null,
        data: { recordingId: recording.id, mediaType: options.mediaType },
      });
    }
    const existing = await findChunk(trx, recording.id, options.seq);
    if (existing) {
      if (existing.sha256 !== blob.sha256) {
        throw new AppError("hearing_recording_chunk_conflict", [
          {
            path: "seq",
            code: "different_bytes",
            message: `chunk ${options.seq} differs from the one received`,
          },
        ]);
      }
      return {
        recordingId: recording.id,
        seq: options.seq,
        sha256: blob.sha256,
        size: blob.size,
        isNew: false,
      };
    }
    await recordStoredFile(trx, {
      sha256: blob.sha256,
      size: blob.size,
      mediaType: options.mediaType,
      now: meta.now,
    });
    await insertChunk(trx, {
      recordingId: recording.id,
      seq: options.seq,
      sha256: blob.sha256,
      size: blob.size,
      now: meta.now,
    });
    // Should the clerk's browser never seal it, the system does once the hearing is over.
    await scheduleRecordingSeal(trx, hearingId, meta.now);
    return { recordingId: recording.id, seq: options.seq, sha256: blob.sha256, size: blob.size, isNew: true };
  });
}
