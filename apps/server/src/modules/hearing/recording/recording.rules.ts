import type { HearingStatusValue } from "../hearing.tables";

/** The largest chunk the clerk's browser may send at once (a 2-second slice is far smaller). */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** The largest recording sealed into one file (about ten hours at 2 Mbit/s). */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024 * 1024;
/** Chunks still in flight when the judge closes the hearing are taken this long afterwards. */
export const LATE_CHUNK_WINDOW_MS = 30 * 60 * 1000;
/** An open recording untouched this long after its last chunk is sealed by the system once the hearing is over. */
export const AUTO_SEAL_AFTER_MS = 2 * 60 * 1000;
/** The media types a recording may have (MediaRecorder's WebM; the codecs parameter is kept as sent). */
export const RECORDING_MEDIA_TYPES = ["video/webm", "audio/webm"] as const;

/**
 * Whether chunks of the hearing's recording are taken: while it sits, and for a short while after the
 * judge closed it so the last slices still arrive (庭审录音录像规定第三条: recorded from opening to closing).
 */
export function canReceiveChunks(
  hearing: { status: HearingStatusValue; updated_at: Date },
  now: Date,
): boolean {
  if (hearing.status === "in_progress") return true;
  return hearing.status === "held" && now.getTime() - hearing.updated_at.getTime() <= LATE_CHUNK_WINDOW_MS;
}

/** The sequence numbers missing between 0 and the highest received, in order. */
export function missingSeqs(received: readonly number[]): number[] {
  const have = new Set(received);
  const highest = received.length === 0 ? -1 : Math.max(...received);
  const missing: number[] = [];
  for (let seq = 0; seq <= highest; seq += 1) if (!have.has(seq)) missing.push(seq);
  return missing;
}

/** The chunks from 0 up to the first gap (what the system seals when chunks never arrived). */
export function contiguousPrefix<T extends { seq: number }>(chunks: readonly T[]): T[] {
  const sorted = [...chunks].sort((a, b) => a.seq - b.seq);
  const out: T[] = [];
  for (const chunk of sorted) {
    if (chunk.seq !== out.length) break;
    out.push(chunk);
  }
  return out;
}

/**
 * The recording's length as the server saw it: from the first chunk's arrival to the last one's, plus one
 * mean slice (the first chunk arrives one slice after recording started).
 */
export function recordingDurationMs(receivedAt: readonly Date[]): number | null {
  if (receivedAt.length === 0) return null;
  const times = receivedAt.map((d) => d.getTime()).sort((a, b) => a - b);
  const span = times.at(-1)! - times[0]!;
  const slice = times.length > 1 ? span / (times.length - 1) : 0;
  return Math.round(span + slice);
}

/** The bare media type of a Content-Type header, if it is one a recording may have. */
export function recordingMediaType(contentType: string | undefined): string | null {
  const bare = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return (RECORDING_MEDIA_TYPES as readonly string[]).includes(bare) ? bare : null;
}
