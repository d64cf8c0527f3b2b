import { sql } from "kysely";
import type { Executor } from "../../../platform";
import type {
  EditKindValue,
  FrozenSegment,
  SpeakerRoleValue,
  TranscriptChunksTable,
  TranscriptSignaturesTable,
} from "./transcript.tables";
import type { Insertable } from "kysely";

const nextChange = sql<string>`nextval('hearing_transcript_changes')`;

// ------------------------------------------------------------------------------------------ chunks

const chunkColumns = [
  "id",
  "hearing_id",
  "participant_id",
  "seq",
  "offset_ms",
  "duration_ms",
  "media_type",
  "audio_sha256",
  "size",
  "status",
  "provider",
  "error",
  "received_at",
  "transcribed_at",
] as const;

export type ChunkRow = Awaited<ReturnType<typeof findChunk>> & {};

export async function findChunk(db: Executor, chunkId: string) {
  return db
    .selectFrom("hearing_transcript_chunks")
    .select(chunkColumns)
    .where("id", "=", chunkId)
    .executeTakeFirst();
}

export async function lockChunk(trx: Executor, chunkId: string) {
  return trx
    .selectFrom("hearing_transcript_chunks")
    .select(chunkColumns)
    .where("id", "=", chunkId)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a chunk unless the participant already sent this sequence number; returns the chunk either way. */
export async function insertChunk(
  trx: Executor,
  values: Insertable<TranscriptChunksTable>,
): Promise<{ row: ChunkRow; isNew: boolean }> {
  const inserted = await trx
    .insertInto("hearing_transcript_chunks")
    .values(values)
    .onConflict((oc) => oc.columns(["hearing_id", "participant_id", "seq"]).doNothing())
    .returning(chunkColumns)
    .executeTakeFirst();
  if (inserted) return { row: inserted, isNew: true };
  const existing = await trx
    .selectFrom("hearing_transcript_chunks")
    .select(chunkColumns)
    .where("hearing_id", "=", values.hearing_id)
    .where("participant_id", "=", values.participant_id)
    .where("seq", "=", values.seq)
    .executeTakeFirstOrThrow();
  return { row: existing, isNew: false };
}

export async function finishChunk(
  trx: Executor,
  chunkId: string,
  values: { status: "transcribed" | "failed"; provider: string; error: string | null; now: Date },
): Promise<void> {
  await trx
    .updateTable("hearing_transcript_chunks")
    .set({
      status: values.status,
      provider: values.provider,
      error: values.error,
      transcribed_at: values.now,
    })
    .where("id", "=", chunkId)
    .execute();
}

// ---------------------------------------------------------------------------------------- segments

const segmentColumns = [
  "id",
  "hearing_id",
  "chunk_id",
  "source",
  "participant_id",
  "speaker_role",
  "speaker_name",
  "start_ms",
  "end_ms",
  "original_text",
  "text",
  "is_struck",
  "struck_reason",
  "created_by",
  "created_at",
  "updated_at",
  "change_no",
] as const;

export type SegmentRow = Awaited<ReturnType<typeof findSegment>> & {};

export async function findSegment(db: Executor, hearingId: string, segmentId: string) {
  return db
    .selectFrom("hearing_transcript_segments")
    .select(segmentColumns)
    .where("id", "=", segmentId)
    .where("hearing_id", "=", hearingId)
    .executeTakeFirst();
}

export async function lockSegment(trx: Executor, hearingId: string, segmentId: string) {
  return trx
    .selectFrom("hearing_transcript_segments")
    .select(segmentColumns)
    .where("id", "=", segmentId)
    .where("hearing_id", "=", hearingId)
    .forUpdate()
    .executeTakeFirst();
}

export interface NewSegment {
  hearingId: string;
  chunkId: string | null;
  source: "asr" | "manual";
  participantId: string | null;
  speakerRole: SpeakerRoleValue;
  speakerName: string;
  startMs: number;
  endMs: number;
  originalText: string | null;
  text: string;
  createdBy: string | null;
  now: Date;
}

export async function insertSegment(trx: Executor, segment: NewSegment) {
  return trx
    .insertInto("hearing_transcript_segments")
    .values({
      hearing_id: segment.hearingId,
      chunk_id: segment.chunkId,
      source: segment.source,
      participant_id: segment.participantId,
      speaker_role: segment.speakerRole,
      speaker_name: segment.speakerName,
      start_ms: segment.startMs,
      end_ms: segment.endMs,
      original_text: segment.originalText,
      text: segment.text,
      created_by: segment.createdBy,
      created_at: segment.now,
      updated_at: segment.now,
      change_no: nextChange,
    })
    .returning(segmentColumns)
    .executeTakeFirstOrThrow();
}

export async function updateSegment(
  trx: Executor,
  segmentId: string,
  patch: Partial<{
    text: string;
    participant_id: string | null;
    speaker_role: SpeakerRoleValue;
    speaker_name: string;
    is_struck: boolean;
    struck_reason: string | null;
  }>,
  now: Date,
) {
  return trx
    .updateTable("hearing_transcript_segments")
    .set({ ...patch, updated_at: now, change_no: nextChange })
    .where("id", "=", segmentId)
    .returning(segmentColumns)
    .executeTakeFirstOrThrow();
}

/** A hearing's segments changed after change number `since` (all with 0), in hearing time order. */
export async function listSegments(db: Executor, hearingId: string, since = 0) {
  return db
    .selectFrom("hearing_transcript_segments")
    .select(segmentColumns)
    .where("hearing_id", "=", hearingId)
    .where("change_no", ">", String(since))
    .orderBy("start_ms")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The segments a version freezes: those not struck, in hearing time order. */
export async function listLiveSegments(db: Executor, hearingId: string): Promise<FrozenSegment[]> {
  const rows = await db
    .selectFrom("hearing_transcript_segments")
    .select(["id", "start_ms", "end_ms", "speaker_role", "speaker_name", "text", "source"])
    .where("hearing_id", "=", hearingId)
    .where("is_struck", "=", false)
    .orderBy("start_ms")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    speakerRole: row.speaker_role,
    speakerName: row.speaker_name,
    text: row.text,
    source: row.source,
  }));
}

export async function pendingChunkCount(db: Executor, hearingId: string): Promise<number> {
  const row = await db
    .selectFrom("hearing_transcript_chunks")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The chunks speech recognition gave up on, in hearing time. */
export async function failedChunks(
  db: Executor,
  hearingId: string,
): Promise<Array<{ participant_id: string; offset_ms: number; duration_ms: number | null }>> {
  return db
    .selectFrom("hearing_transcript_chunks")
    .select(["participant_id", "offset_ms", "duration_ms"])
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "failed")
    .orderBy("offset_ms")
    .limit(200)
    .execute();
}

/** Edit counts per segment. */
export async function countEdits(db: Executor, segmentIds: readonly string[]): Promise<Map<string, number>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("hearing_transcript_edits")
    .select(["segment_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("segment_id", "in", [...segmentIds])
    .groupBy("segment_id")
    .execute();
  return new Map(rows.map((row) => [row.segment_id, Number(row.count)]));
}

export async function insertEdit(
  trx: Executor,
  values: {
    hearingId: string;
    segmentId: string;
    kind: EditKindValue;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
    editedBy: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto("hearing_transcript_edits")
    .values({
      hearing_id: values.hearingId,
      segment_id: values.segmentId,
      kind: values.kind,
      before: values.before === null ? null : JSON.stringify(values.before),
      after: JSON.stringify(values.after),
      edited_by: values.editedBy,
      edited_at: values.now,
    })
    .execute();
}

export async function listEdits(db: Executor, segmentId: string) {
  return db
    .selectFrom("hearing_transcript_edits")
    .select(["id", "kind", "before", "after", "edited_by", "edited_at"])
    .where("segment_id", "=", segmentId)
    .orderBy("edited_at")
    .orderBy("id")
    .execute();
}

// ---------------------------------------------------------------------------------------- versions

const versionColumns = [
  "id",
  "hearing_id",
  "number",
  "status",
  "content",
  "content_sha256",
  "closed_by",
  "closed_at",
  "completed_at",
  "document_issue_id",
] as const;

export type VersionRow = Awaited<ReturnType<typeof findCurrentVersion>> & {};

/** The version awaiting signatures or signed (at most one per hearing), if any. */
export async function findCurrentVersion(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_transcript_versions")
    .select(versionColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "!=", "superseded")
    .executeTakeFirst();
}

export async function lockCurrentVersion(trx: Executor, hearingId: string) {
  return trx
    .selectFrom("hearing_transcript_versions")
    .select(versionColumns)
    .where("hearing_id", "=", hearingId)
    .where("status", "!=", "superseded")
    .forUpdate()
    .executeTakeFirst();
}

export async function countVersions(db: Executor, hearingId: string): Promise<number> {
  const row = await db
    .selectFrom("hearing_transcript_versions")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("hearing_id", "=", hearingId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function supersedeVersion(trx: Executor, versionId: string): Promise<void> {
  await trx
    .updateTable("hearing_transcript_versions")
    .set({ status: "superseded" })
    .where("id", "=", versionId)
    .execute();
}

export async function insertVersion(
  trx: Executor,
  values: {
    hearingId: string;
    number: number;
    segments: FrozenSegment[];
    contentSha256: string;
    closedBy: string;
    now: Date;
  },
) {
  return trx
    .insertInto("hearing_transcript_versions")
    .values({
      hearing_id: values.hearingId,
      number: values.number,
      status: "awaiting_signatures",
      content: JSON.stringify({ segments: values.segments }),
      content_sha256: values.contentSha256,
      closed_by: values.closedBy,
      closed_at: values.now,
    })
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
}

export async function completeVersion(
  trx: Executor,
  versionId: string,
  documentIssueId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("hearing_transcript_versions")
    .set({ status: "signed", completed_at: now, document_issue_id: documentIssueId })
    .where("id", "=", versionId)
    .execute();
}

// -------------------------------------------------------------------------------------- signatures

const signatureColumns = [
  "id",
  "version_id",
  "participant_id",
  "user_id",
  "role",
  "party_role",
  "name",
  "decision",
  "reason",
  "content_sha256",
  "decided_at",
] as const;

export async function insertSignatures(
  trx: Executor,
  rows: ReadonlyArray<Insertable<TranscriptSignaturesTable>>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto("hearing_transcript_signatures")
    .values([...rows])
    .execute();
}

export async function listSignatures(db: Executor, versionId: string) {
  return db
    .selectFrom("hearing_transcript_signatures")
    .select(signatureColumns)
    .where("version_id", "=", versionId)
    .orderBy("id")
    .execute();
}

export async function lockSignatureOf(trx: Executor, versionId: string, userId: string) {
  return trx
    .selectFrom("hearing_transcript_signatures")
    .select(signatureColumns)
    .where("version_id", "=", versionId)
    .where("user_id", "=", userId)
    .forUpdate()
    .execute();
}

export async function decideSignature(
  trx: Executor,
  signatureId: string,
  values: {
    decision: "signed" | "refused";
    reason: string | null;
    contentSha256: string | null;
    now: Date;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable("hearing_transcript_signatures")
    .set({
      decision: values.decision,
      reason: values.reason,
      content_sha256: values.contentSha256,
      decided_at: values.now,
    })
    .where("id", "=", signatureId)
    .where("decision", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ------------------------------------------------------------------------------------- corrections

const correctionColumns = [
  "id",
  "version_id",
  "participant_id",
  "user_id",
  "segment_id",
  "request",
  "status",
  "answer",
  "decided_by",
  "decided_at",
  "created_at",
] as const;

export type CorrectionRow = Awaited<ReturnType<typeof listCorrections>>[number];

export async function insertCorrection(
  trx: Executor,
  values: {
    versionId: string;
    hearingId: string;
    participantId: string;
    userId: string;
    segmentId: string | null;
    request: string;
    now: Date;
  },
) {
  return trx
    .insertInto("hearing_transcript_corrections")
    .values({
      version_id: values.versionId,
      hearing_id: values.hearingId,
      participant_id: values.participantId,
      user_id: values.userId,
      segment_id: values.segmentId,
      request: values.request,
      status: "open",
      created_at: values.now,
    })
    .returning(correctionColumns)
    .executeTakeFirstOrThrow();
}

export async function listCorrections(db: Executor, hearingId: string) {
  return db
    .selectFrom("hearing_transcript_corrections")
    .select(correctionColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function lockCorrection(trx: Executor, hearingId: string, correctionId: string) {
  return trx
    .selectFrom("hearing_transcript_corrections")
    .select(correctionColumns)
    .where("id", "=", correctionId)
    .where("hearing_id", "=", hearingId)
    .forUpdate()
    .executeTakeFirst();
}

export async function decideCorrection(
  trx: Executor,
  correctionId: string,
  values: { status: "corrected" | "declined"; answer: string | null; decidedBy: string; now: Date },
): Promise<void> {
  await trx
    .updateTable("hearing_transcript_corrections")
    .set({
      status: values.status,
      answer: values.answer,
      decided_by: values.decidedBy,
      decided_at: values.now,
    })
    .where("id", "=", correctionId)
    .execute();
}

/** Marks the open requests of a hearing corrected (a re-issued version answers them). */
export async function markOpenCorrectionsCorrected(
  trx: Executor,
  hearingId: string,
  decidedBy: string,
  now: Date,
): Promise<number> {
  const result = await trx
    .updateTable("hearing_transcript_corrections")
    .set({ status: "corrected", decided_by: decidedBy, decided_at: now })
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
