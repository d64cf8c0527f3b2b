import type { Generated } from "kysely";

/** The public live stream's tables (migration 20261209020000). */
export interface HearingLiveTables {
  hearing_live_streams: HearingLiveStreamsTable;
  hearing_live_segments: HearingLiveSegmentsTable;
  hearing_live_viewers: HearingLiveViewersTable;
}

export interface HearingLiveStreamsTable {
  id: Generated<string>;
  hearing_id: string;
  status: "live" | "ended";
  hide_faces: boolean;
  started_at: Date;
  started_by: string;
  ended_at: Date | null;
  ended_by: string | null;
  latest_seq: number | null;
}

export interface HearingLiveSegmentsTable {
  stream_id: string;
  seq: number;
  sha256: string;
  size: number;
  captured_at: Date;
  received_at: Date;
}

export interface HearingLiveViewersTable {
  stream_id: string;
  node_id: string;
  viewers: number;
  updated_at: Date;
}
