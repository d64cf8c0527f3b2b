import type { AppContext } from "../../../../context";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  requireUser,
  type CommandMeta,
} from "../../../../platform";
import { loadHearingForBroadcast } from "../../recording/recording.access";
import { assertMayStream, assertSitting } from "../live.access";
import { findLatestStream, insertSegment } from "../live.repository";
import { captureTime } from "../live.rules";
import type { LiveHub } from "../live.hub";

export interface PublishedSegment {
  streamId: string;
  seq: number;
  sha256: string;
  capturedAt: Date;
  isNew: boolean;
}

/**
 * Publishes one standalone WebM segment of the live stream: kept in the file store and the table (the
 * replay, viewers on other nodes) and handed at once to the viewers waiting on this node. Idempotent by
 * number; other bytes under a number taken are `hearing_live_segment_conflict`. Throws `hearing_not_found`,
 * `forbidden`, `hearing_not_public`, `hearing_status_conflict`, `hearing_live_not_live`.
 */
export async function publishSegment(
  context: AppContext,
  hub: LiveHub,
  meta: CommandMeta,
  hearingId: string,
  input: { seq: number; bytes: Buffer; capturedAt: number | null; sentAt: number | null },
): Promise<PublishedSegment> {
  requireUser(meta.actor);
  const { hearing } = await loadHearingForBroadcast(context.db, meta.actor, hearingId, "operate");
  assertMayStream(hearing);
  assertSitting(hearing);
  const stream = await findLatestStream(context.db, hearingId);
  if (!stream || stream.status !== "live") throw new AppError("hearing_live_not_live");
  if (input.bytes.length === 0) throw new AppError("file_empty");
  const capturedAt = new Date(captureTime(meta.now.getTime(), input));
  const blob = await context.files.put(input.bytes);
  const stored = await inTransaction(context.db, async (trx) => {
    await recordStoredFile(trx, {
      sha256: blob.sha256,
      size: blob.size,
      mediaType: "video/webm",
      now: meta.now,
    });
    return insertSegment(trx, {
      streamId: stream.id,
      seq: input.seq,
      sha256: blob.sha256,
      size: blob.size,
      capturedAt,
      now: meta.now,
    });
  });
  if (stored !== blob.sha256) {
    throw new AppError("hearing_live_segment_conflict", [
      {
        path: "seq",
        code: "different_bytes",
        message: `segment ${input.seq} differs from the one published`,
      },
    ]);
  }
  const isNew = !hub.ring(stream.id).get(input.seq);
  hub.publish(stream.id, {
    seq: input.seq,
    capturedAt: capturedAt.getTime(),
    bytes: input.bytes,
    sha256: blob.sha256,
  });
  return { streamId: stream.id, seq: input.seq, sha256: blob.sha256, capturedAt, isNew };
}
