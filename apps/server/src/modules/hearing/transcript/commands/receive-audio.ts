import type { AppContext } from "../../../../context";
import {
  AppError,
  enqueueJob,
  inTransaction,
  recordStoredFile,
  type CommandMeta,
} from "../../../../platform";
import { assertTranscriptAllowed, loadTranscriptFor } from "../transcript.access";
import { transcribeChunkJobKind, transcribeChunkKey } from "../transcript.jobs";
import { findCurrentVersion, insertChunk, type ChunkRow } from "../transcript.repository";
import { acceptsAudio, MAX_AUDIO_CHUNK_BYTES } from "../transcript.rules";
import type { AudioMediaTypeValue } from "../transcript.tables";

export interface ReceiveAudioInput {
  audio: Buffer;
  mediaType: string;
  /** The participant's own chunk counter: the same number sent again is the same chunk. */
  seq: number;
  /** Where the chunk starts, in milliseconds since the hearing opened. */
  offsetMs: number;
  durationMs: number | null;
}

const mediaTypes: Record<string, AudioMediaTypeValue> = {
  "audio/webm": "audio/webm",
  "audio/wav": "audio/wav",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/ogg": "audio/ogg",
};

/** The stored media type of a Content-Type (`audio/webm;codecs=opus` → `audio/webm`), or null. */
export function audioMediaTypeOf(contentType: string): AudioMediaTypeValue | null {
  return mediaTypes[contentType.split(";")[0]!.trim().toLowerCase()] ?? null;
}

/**
 * A participant's device sends a chunk of its microphone's audio during the sitting: it is stored and a
 * job transcribes it after the request (最高人民法院关于人民法院庭审录音录像的若干规定第二条: 智能语音识别同步
 * 转换文字). Idempotent by (participant, seq). No audit event per chunk: the chunk row (who, when, the
 * audio's hash) is its record, and an audit event every few seconds per participant would bury the acts.
 * Throws `hearing_not_found`, `forbidden`, `hearing_status_conflict`, `transcript_closed`,
 * `transcript_audio_invalid`.
 */
export async function receiveTranscriptAudio(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: ReceiveAudioInput,
): Promise<{ chunk: ChunkRow; isNew: boolean }> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("postAudio", access);
  const speaker = access.self[0]!;
  if (!acceptsAudio(access.hearing.status)) {
    throw new AppError("hearing_status_conflict", [
      {
        code: "transcript_audio",
        message: `audio is taken while the hearing sits, not when it is ${access.hearing.status}`,
        params: { from: access.hearing.status, allowedFrom: ["in_progress"] },
      },
    ]);
  }
  const mediaType = audioMediaTypeOf(input.mediaType);
  if (!mediaType)
    throw new AppError("transcript_audio_invalid", [
      { code: "media_type", message: "send audio/webm, audio/ogg or audio/wav" },
    ]);
  if (input.audio.length === 0 || input.audio.length > MAX_AUDIO_CHUNK_BYTES)
    throw new AppError("transcript_audio_invalid", [
      {
        code: input.audio.length === 0 ? "empty" : "too_large",
        message: `a chunk holds 1 byte to ${MAX_AUDIO_CHUNK_BYTES} bytes`,
        params: { maxBytes: MAX_AUDIO_CHUNK_BYTES },
      },
    ]);
  if ((await findCurrentVersion(context.db, hearingId))?.status === "signed")
    throw new AppError("transcript_closed");
  const blob = await context.files.put(input.audio);
  return inTransaction(context.db, async (trx) => {
    await recordStoredFile(trx, { sha256: blob.sha256, size: blob.size, mediaType, now: meta.now });
    const result = await insertChunk(trx, {
      hearing_id: hearingId,
      participant_id: speaker.id,
      seq: input.seq,
      offset_ms: input.offsetMs,
      duration_ms: input.durationMs,
      media_type: mediaType,
      audio_sha256: blob.sha256,
      size: blob.size,
      status: "pending",
      provider: null,
      error: null,
      received_at: meta.now,
      transcribed_at: null,
    });
    if (result.isNew)
      await enqueueJob(
        trx,
        transcribeChunkJobKind,
        { chunkId: result.row.id },
        { runAt: meta.now, now: meta.now, dedupeKey: transcribeChunkKey(result.row.id) },
      );
    return { chunk: result.row, isNew: result.isNew };
  });
}
