import type { Generated, JSONColumnType } from "kysely";

/** The hearing transcript's tables (migration 20261209030000). */
export interface TranscriptTables {
  hearing_transcript_chunks: TranscriptChunksTable;
  hearing_transcript_segments: TranscriptSegmentsTable;
  hearing_transcript_edits: TranscriptEditsTable;
  hearing_transcript_versions: TranscriptVersionsTable;
  hearing_transcript_signatures: TranscriptSignaturesTable;
  hearing_transcript_corrections: TranscriptCorrectionsTable;
}

/** How the transcript prints who spoke (审判员, 原告, 被告代理人 …). */
export type SpeakerRoleValue =
  | "judge"
  | "clerk"
  | "plaintiff"
  | "defendant"
  | "third_party"
  | "plaintiff_agent"
  | "defendant_agent"
  | "third_party_agent"
  | "other";

export type AudioMediaTypeValue = "audio/webm" | "audio/wav" | "audio/ogg";

export interface TranscriptChunksTable {
  id: Generated<string>;
  hearing_id: string;
  participant_id: string;
  seq: number;
  offset_ms: number;
  duration_ms: number | null;
  media_type: AudioMediaTypeValue;
  audio_sha256: string;
  size: number;
  status: "pending" | "transcribed" | "failed";
  provider: string | null;
  error: string | null;
  received_at: Date;
  transcribed_at: Date | null;
}

export interface TranscriptSegmentsTable {
  id: Generated<string>;
  hearing_id: string;
  chunk_id: string | null;
  source: "asr" | "manual";
  participant_id: string | null;
  speaker_role: SpeakerRoleValue;
  speaker_name: string;
  start_ms: number;
  end_ms: number;
  original_text: string | null;
  text: string;
  is_struck: Generated<boolean>;
  struck_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** A bigint: PostgreSQL drivers return it as a string. */
  change_no: string | number | bigint;
}

export type EditKindValue = "insert" | "text" | "speaker" | "strike" | "restore";

export interface TranscriptEditsTable {
  id: Generated<string>;
  hearing_id: string;
  segment_id: string;
  kind: EditKindValue;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown>, string, string>;
  edited_by: string;
  edited_at: Date;
}

/** One segment as a version freezes it. */
export interface FrozenSegment {
  id: string;
  startMs: number;
  endMs: number;
  speakerRole: SpeakerRoleValue;
  speakerName: string;
  text: string;
  source: "asr" | "manual";
}

export interface TranscriptVersionsTable {
  id: Generated<string>;
  hearing_id: string;
  number: number;
  status: "awaiting_signatures" | "superseded" | "signed";
  content: JSONColumnType<{ segments: FrozenSegment[] }, string, string>;
  content_sha256: string;
  closed_by: string;
  closed_at: Date;
  completed_at: Date | null;
  document_issue_id: string | null;
}

export type SignatureDecisionValue = "pending" | "signed" | "refused" | "absent";

export interface TranscriptSignaturesTable {
  id: Generated<string>;
  version_id: string;
  hearing_id: string;
  participant_id: string;
  user_id: string | null;
  role: "judge" | "clerk" | "party" | "agent";
  party_role: "plaintiff" | "defendant" | "third_party" | null;
  name: string;
  decision: SignatureDecisionValue;
  reason: string | null;
  content_sha256: string | null;
  decided_at: Date | null;
  recorded_by: string | null;
}

export interface TranscriptCorrectionsTable {
  id: Generated<string>;
  version_id: string;
  hearing_id: string;
  participant_id: string;
  user_id: string;
  segment_id: string | null;
  request: string;
  status: "open" | "corrected" | "declined";
  answer: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
}
