import { Readable } from "node:stream";
import type { AppContext } from "../../../../context";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  requireUser,
  type CommandMeta,
  type FileStore,
} from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing, type HearingRow } from "../../hearing.repository";
import { loadHearingForBroadcast } from "../recording.access";
import {
  findOpenRecording,
  listChunks,
  lockOpenRecording,
  markSealed,
  type ChunkRow,
  type RecordingRow,
} from "../recording.repository";
import { contiguousPrefix, MAX_RECORDING_BYTES, missingSeqs, recordingDurationMs } from "../recording.rules";

/**
 * The judge or the clerk closes the hearing's recording: its chunks, in order, become one WebM file kept
 * under its SHA-256, and the hash goes to the ledger (庭审录音录像规定第四条: kept true and complete; 第五条:
 * stored; 第九条: the integrity value the parties may confirm). A recording with a missing chunk is
 * refused (`hearing_recording_gap`, the numbers in `details`) so the browser can send it first.
 * Throws `hearing_not_found`, `forbidden`, `hearing_recording_not_open`, `hearing_recording_gap`.
 */
export async function sealRecording(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
): Promise<RecordingRow> {
  requireUser(meta.actor);
  const { hearing } = await loadHearingForBroadcast(context.db, meta.actor, hearingId, "operate");
  const open = await findOpenRecording(context.db, hearingId);
  if (!open) throw new AppError("hearing_recording_not_open");
  const chunks = await listChunks(context.db, open.id);
  const missing = missingSeqs(chunks.map((c) => c.seq));
  if (missing.length > 0) {
    throw new AppError("hearing_recording_gap", [
      {
        path: "seq",
        code: "missing_chunks",
        message: `chunks ${missing.slice(0, 20).join(", ")} were never received`,
        params: { missingSeqs: missing.slice(0, 1000), received: chunks.length },
      },
    ]);
  }
  return sealOpenRecording(context, meta, hearing, open, chunks, { sealedBy: "court" });
}

/**
 * Seals the hearing's open recording as the system, once the hearing is over and the clerk's browser
 * never did: the chunks up to the first missing one are kept and the missing numbers named in the ledger
 * (庭审录音录像规定第四条: an incomplete recording is explained, not hidden). Does nothing when no
 * recording is open.
 */
export async function sealRecordingBySystem(
  context: AppContext,
  meta: CommandMeta,
  hearing: HearingRow,
): Promise<RecordingRow | null> {
  const open = await findOpenRecording(context.db, hearing.id);
  if (!open) return null;
  const chunks = await listChunks(context.db, open.id);
  return sealOpenRecording(context, meta, hearing, open, chunks, { sealedBy: "system" });
}

function concatenated(files: FileStore, chunks: readonly ChunkRow[]): Readable {
  return Readable.from(
    (async function* () {
      // Read one chunk at a time, each checked against its hash by the store.
      for (const chunk of chunks) yield await files.read(chunk.sha256);
    })(),
  );
}

async function sealOpenRecording(
  context: AppContext,
  meta: CommandMeta,
  hearing: HearingRow,
  open: RecordingRow,
  allChunks: readonly ChunkRow[],
  options: { sealedBy: "court" | "system" },
): Promise<RecordingRow> {
  const kept = contiguousPrefix(allChunks);
  const missing = missingSeqs(allChunks.map((c) => c.seq));
  if (kept.length === 0) {
    throw new AppError("hearing_recording_gap", [
      {
        path: "seq",
        code: "missing_chunks",
        message: "chunk 0 was never received",
        params: { missingSeqs: [0] },
      },
    ]);
  }
  const staged = await context.files.stage(concatenated(context.files, kept), MAX_RECORDING_BYTES);
  await staged.commit();
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearing.id);
    if (!current) throw new AppError("hearing_not_found");
    const locked = await lockOpenRecording(trx, hearing.id);
    if (!locked || locked.id !== open.id) throw new AppError("hearing_recording_not_open");
    // A chunk that arrived while the file was being joined: the caller seals again.
    const now = await listChunks(trx, open.id);
    if (now.length !== allChunks.length) {
      throw new AppError("hearing_recording_gap", [
        { code: "chunks_arrived", message: "more chunks arrived while sealing; seal again" },
      ]);
    }
    const durationMs = recordingDurationMs(kept.map((c) => c.received_at));
    const sealedBy = meta.actor.kind === "user" && options.sealedBy === "court" ? meta.actor.userId : null;
    const sealed = await markSealed(trx, open.id, {
      sha256: staged.sha256,
      size: staged.size,
      durationMs,
      chunkCount: kept.length,
      missingSeqs: missing,
      sealedBy,
      now: meta.now,
    });
    if (!sealed) throw new AppError("hearing_recording_not_open");
    await recordStoredFile(trx, {
      sha256: staged.sha256,
      size: staged.size,
      mediaType: open.media_type,
      now: meta.now,
    });
    await recordHearingAct(trx, meta, {
      hearing: current,
      action: "hearing.recording_sealed",
      courtEvent: "hearing_recording_sealed",
      data: {
        recordingId: open.id,
        sha256: staged.sha256,
        size: staged.size,
        chunkCount: kept.length,
        durationMs,
        mediaType: open.media_type,
        sealedBy: options.sealedBy,
        incomplete: missing.length > 0,
        missingSeqs: missing.slice(0, 1000),
      },
    });
    return sealed;
  });
}
