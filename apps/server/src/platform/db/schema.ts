import type { ColumnType, Generated } from "kysely";
import type { AdminTables } from "../../modules/admin/admin.tables";
import type { CasesTables } from "../../modules/cases/cases.tables";
import type { CourtsTables } from "../../modules/courts/courts.tables";
import type { DeliveryTables } from "../../modules/delivery/delivery.tables";
import type { DocumentsTables } from "../../modules/documents/documents.tables";
import type { EvidenceTables } from "../../modules/evidence/evidence.tables";
import type { FilingTables } from "../../modules/filing/filing.tables";
import type { HearingTables } from "../../modules/hearing/hearing.tables";
import type { TranscriptTables } from "../../modules/hearing/transcript/transcript.tables";
import type { AsyncTrialTables } from "../../modules/hearing/async/async-trial.tables";
import type { HearingRoomTables } from "../../modules/hearing/room/room.tables";
import type { HearingLiveTables } from "../../modules/hearing/live/live.tables";
import type { HearingRecordingTables } from "../../modules/hearing/recording/recording.tables";
import type { IdentityTables } from "../../modules/identity/identity.tables";
import type { JudgmentTables } from "../../modules/judgment/judgment.tables";
import type { LedgerTables } from "../../modules/ledger/ledger.tables";
import type { MediationTables } from "../../modules/mediation/mediation.tables";
import type { SearchTables } from "../../modules/search/search.tables";

/**
 * The typed shape of every table, joined from the contexts that own them. A module declares its
 * tables in `<context>.tables.ts` and adds them here; no module reads another module's tables.
 */
export interface PlatformTables {
  schema_migrations: { name: string; checksum: string; applied_at: Generated<Date> };
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  stored_files: StoredFilesTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  auth_spent_challenges: { nonce: string; expires_at: Date };
  platform_secrets: { name: string; value: string; created_at: Date };
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  ip: string | null;
  request_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  court_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  run_at: Date;
  status: "pending" | "running" | "done" | "failed" | "cancelled";
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface StoredFilesTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: Date;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
  second_factor_at: Date | null;
  revoked_at: Date | null;
  /** The account's privilege version when the session was issued (see the 20261206110000 migration). */
  privilege_version: Generated<number>;
  rotated_at: Generated<Date | null>;
  rotated_to: Generated<string | null>;
}

export interface AuthThrottleTable {
  key: string;
  window_start: Date;
  failures: number;
  locked_until: Date | null;
}

/** Every table of the database. */
export interface DB
  extends
    PlatformTables,
    IdentityTables,
    CourtsTables,
    CasesTables,
    FilingTables,
    DeliveryTables,
    DocumentsTables,
    EvidenceTables,
    LedgerTables,
    MediationTables,
    HearingTables,
    TranscriptTables,
    AsyncTrialTables,
    HearingRoomTables,
    HearingRecordingTables,
    HearingLiveTables,
    SearchTables,
    JudgmentTables,
    AdminTables {}
