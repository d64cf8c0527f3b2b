import { sql } from "kysely";
import type { Executor } from "../../../platform";

const streamColumns = [
  "id",
  "hearing_id",
  "status",
  "hide_faces",
  "started_at",
  "started_by",
  "ended_at",
  "ended_by",
  "latest_seq",
] as const;

export type LiveStreamRow = Awaited<ReturnType<typeof findStream>> & {};

export async function findStream(db: Executor, streamId: string) {
  return db
    .selectFrom("hearing_live_streams")
    .select(streamColumns)
    .where("id", "=", streamId)
    .executeTakeFirst();
}

/** The hearing's stream now live, row-locked. */
export async function lockLiveStream(trx: Executor, hearingId: string) {
  return trx
    .selectFrom("hearing_live_streams")
    .select(streamColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "live")
    .forUpdate()
    .executeTakeFirst();
}

/** The hearing's latest stream (live, or the last that ended). */
export async function findLatestStream(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_live_streams")
    .select(streamColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function listStreams(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_live_streams")
    .select(streamColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("started_at")
    .orderBy("id")
    .execute();
}

export async function insertStream(
  trx: Executor,
  values: { hearingId: string; hideFaces: boolean; startedBy: string; now: Date },
) {
  return trx
    .insertInto("hearing_live_streams")
    .values({
      hearing_id: values.hearingId,
      status: "live",
      hide_faces: values.hideFaces,
      started_at: values.now,
      started_by: values.startedBy,
    })
    .returning(streamColumns)
    .executeTakeFirstOrThrow();
}

export async function setHideFaces(trx: Executor, streamId: string, hideFaces: boolean) {
  return trx
    .updateTable("hearing_live_streams")
    .set({ hide_faces: hideFaces })
    .where("id", "=", streamId)
    .returning(streamColumns)
    .executeTakeFirstOrThrow();
}

export async function endStream(trx: Executor, streamId: string, endedBy: string | null, now: Date) {
  return trx
    .updateTable("hearing_live_streams")
    .set({ status: "ended", ended_at: now, ended_by: endedBy })
    .where("id", "=", streamId)
    .where("status", "=", "live")
    .returning(streamColumns)
    .executeTakeFirst();
}

export async function findSegment(db: Executor, streamId: string, seq: number) {
  return db
    .selectFrom("hearing_live_segments")
    .select(["seq", "sha256", "size", "captured_at", "received_at"])
    .where("stream_id", "=", streamId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/** Inserts a segment unless its number is taken; returns the stored one's hash (new or old). */
export async function insertSegment(
  trx: Executor,
  values: { streamId: string; seq: number; sha256: string; size: number; capturedAt: Date; now: Date },
): Promise<string> {
  await trx
    .insertInto("hearing_live_segments")
    .values({
      stream_id: values.streamId,
      seq: values.seq,
      sha256: values.sha256,
      size: values.size,
      captured_at: values.capturedAt,
      received_at: values.now,
    })
    .onConflict((oc) => oc.columns(["stream_id", "seq"]).doNothing())
    .execute();
  await trx
    .updateTable("hearing_live_streams")
    .set({ latest_seq: sql<number>`greatest(coalesce(latest_seq, -1), ${values.seq})` })
    .where("id", "=", values.streamId)
    .execute();
  const stored = await findSegment(trx, values.streamId, values.seq);
  return stored!.sha256;
}

export async function listSegments(db: Executor, streamId: string, fromSeq: number, limit: number) {
  return db
    .selectFrom("hearing_live_segments")
    .select(["seq", "size", "captured_at"])
    .where("stream_id", "=", streamId)
    .where("seq", ">=", fromSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
}

export async function countSegments(db: Executor, streamId: string): Promise<number> {
  const row = await db
    .selectFrom("hearing_live_segments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("stream_id", "=", streamId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Streams now live of public hearings that sit, with the public announcement's masked parties. */
export async function listLivePublicStreams(db: Executor, limit: number) {
  return db
    .selectFrom("hearing_live_streams as s")
    .innerJoin("hearings as h", "h.id", "s.hearing_id")
    .leftJoin("hearing_announcements as a", "a.hearing_id", "h.id")
    .select([
      "s.id as stream_id",
      "s.started_at",
      "s.latest_seq",
      "h.id as hearing_id",
      "h.court_id",
      "a.case_number",
      "a.cause_name_zh",
      "a.cause_name_en",
      "a.parties_zh",
      "a.parties_en",
    ])
    .where("s.status", "=", "live")
    .where("h.status", "=", "in_progress")
    .where("h.is_public", "=", true)
    .orderBy("s.started_at", "desc")
    .limit(limit)
    .execute();
}

/** What the public may know of a streamed hearing: the announcement's words, never a party's full name. */
export async function findPublicHearing(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearings as h")
    .leftJoin("hearing_announcements as a", "a.hearing_id", "h.id")
    .select([
      "h.id as hearing_id",
      "h.court_id",
      "h.status",
      "h.is_public",
      "h.not_public_reason",
      "h.mode",
      "a.case_number",
      "a.cause_name_zh",
      "a.cause_name_en",
      "a.parties_zh",
      "a.parties_en",
    ])
    .where("h.id", "=", hearingId)
    .executeTakeFirst();
}

export type PublicHearingRow = Awaited<ReturnType<typeof findPublicHearing>> & {};

export async function upsertViewerCount(
  db: Executor,
  values: { streamId: string; nodeId: string; viewers: number; now: Date },
): Promise<void> {
  await db
    .insertInto("hearing_live_viewers")
    .values({
      stream_id: values.streamId,
      node_id: values.nodeId,
      viewers: values.viewers,
      updated_at: values.now,
    })
    .onConflict((oc) =>
      oc.columns(["stream_id", "node_id"]).doUpdateSet({ viewers: values.viewers, updated_at: values.now }),
    )
    .execute();
}

/** Viewers across the nodes that reported since `since`. */
export async function sumViewers(db: Executor, streamId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("hearing_live_viewers")
    .select((eb) => eb.fn.sum<string>("viewers").as("n"))
    .where("stream_id", "=", streamId)
    .where("updated_at", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
