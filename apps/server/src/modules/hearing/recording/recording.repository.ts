import type { Executor } from "../../../platform";

const recordingColumns = [
  "id",
  "hearing_id",
  "status",
  "media_type",
  "started_at",
  "started_by",
  "sha256",
  "size",
  "duration_ms",
  "chunk_count",
  "missing_seqs",
  "sealed_at",
  "sealed_by",
] as const;

export type RecordingRow = Awaited<ReturnType<typeof findRecording>> & {};

export async function findRecording(db: Executor, recordingId: string) {
  return db
    .selectFrom("hearing_recordings")
    .select(recordingColumns)
    .where("id", "=", recordingId)
    .executeTakeFirst();
}

/** The hearing's open recording, row-locked (inside a command's transaction). */
export async function lockOpenRecording(trx: Executor, hearingId: string) {
  return trx
    .selectFrom("hearing_recordings")
    .select(recordingColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "open")
    .forUpdate()
    .executeTakeFirst();
}

export async function findOpenRecording(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_recordings")
    .select(recordingColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** The hearing's recordings, oldest first. */
export async function listRecordings(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_recordings")
    .select(recordingColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("started_at")
    .orderBy("id")
    .execute();
}

/** The hearing's last sealed recording (a retried first chunk of it is not a new recording). */
export async function findLastSealedRecording(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_recordings")
    .select(recordingColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "sealed")
    .orderBy("sealed_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertRecording(
  trx: Executor,
  values: { hearingId: string; mediaType: string; startedBy: string; now: Date },
) {
  return trx
    .insertInto("hearing_recordings")
    .values({
      hearing_id: values.hearingId,
      status: "open",
      media_type: values.mediaType,
      started_at: values.now,
      started_by: values.startedBy,
    })
    .returning(recordingColumns)
    .executeTakeFirstOrThrow();
}

export async function findChunk(db: Executor, recordingId: string, seq: number) {
  return db
    .selectFrom("hearing_recording_chunks")
    .select(["seq", "sha256", "size", "received_at"])
    .where("recording_id", "=", recordingId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

export async function insertChunk(
  trx: Executor,
  values: { recordingId: string; seq: number; sha256: string; size: number; now: Date },
): Promise<void> {
  await trx
    .insertInto("hearing_recording_chunks")
    .values({
      recording_id: values.recordingId,
      seq: values.seq,
      sha256: values.sha256,
      size: values.size,
      received_at: values.now,
    })
    .execute();
}

export async function listChunks(db: Executor, recordingId: string) {
  return db
    .selectFrom("hearing_recording_chunks")
    .select(["seq", "sha256", "size", "received_at"])
    .where("recording_id", "=", recordingId)
    .orderBy("seq")
    .execute();
}

export type ChunkRow = Awaited<ReturnType<typeof listChunks>>[number];

/** Chunk count and bytes of each recording. */
export async function chunkTotals(db: Executor, recordingIds: readonly string[]) {
  if (recordingIds.length === 0) return new Map<string, { chunks: number; bytes: number }>();
  const rows = await db
    .selectFrom("hearing_recording_chunks")
    .select((eb) => [
      "recording_id",
      eb.fn.countAll<string>().as("chunks"),
      eb.fn.sum<string>("size").as("bytes"),
    ])
    .where("recording_id", "in", recordingIds)
    .groupBy("recording_id")
    .execute();
  return new Map(rows.map((r) => [r.recording_id, { chunks: Number(r.chunks), bytes: Number(r.bytes) }]));
}

export async function markSealed(
  trx: Executor,
  recordingId: string,
  values: {
    sha256: string;
    size: number;
    durationMs: number | null;
    chunkCount: number;
    missingSeqs: number[];
    sealedBy: string | null;
    now: Date;
  },
) {
  return trx
    .updateTable("hearing_recordings")
    .set({
      status: "sealed",
      sha256: values.sha256,
      size: values.size,
      duration_ms: values.durationMs,
      chunk_count: values.chunkCount,
      missing_seqs: values.missingSeqs,
      sealed_by: values.sealedBy,
      sealed_at: values.now,
    })
    .where("id", "=", recordingId)
    .where("status", "=", "open")
    .returning(recordingColumns)
    .executeTakeFirst();
}
