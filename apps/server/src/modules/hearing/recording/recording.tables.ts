import type { Generated } from "kysely";

/** The hearing recording's tables (migration 20261209020000). */
export interface HearingRecordingTables {
  hearing_recordings: HearingRecordingsTable;
  hearing_recording_chunks: HearingRecordingChunksTable;
}

/** open while chunks arrive; sealed once its chunks are one file with its hash in the ledger. */
export type RecordingStatusValue = "open" | "sealed";

export interface HearingRecordingsTable {
  id: Generated<string>;
  hearing_id: string;
  status: RecordingStatusValue;
  media_type: string;
  started_at: Date;
  started_by: string;
  sha256: string | null;
  /** bigint: returned as a string by the driver. */
  size: string | number | null;
  duration_ms: string | number | null;
  chunk_count: number | null;
  missing_seqs: Generated<number[]>;
  sealed_at: Date | null;
  sealed_by: string | null;
}

export interface HearingRecordingChunksTable {
  recording_id: string;
  seq: number;
  sha256: string;
  size: number;
  received_at: Date;
}
