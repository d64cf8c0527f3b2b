import type { ColumnType, Generated } from "kysely";

/** Tables of the evidence ledger (migrations 20261123130000_ledger.sql, 20261207015537_ledger_policy.sql). */
export interface LedgerTables {
  ledger_state: LedgerStateTable;
  ledger_policy: LedgerPolicyTable;
  ledger_tiles: LedgerTilesTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_witness_sizes: LedgerWitnessSizesTable;
  ledger_platforms: LedgerPlatformsTable;
  ledger_platform_credentials: LedgerPlatformCredentialsTable;
  ledger_deposit_requests: LedgerDepositRequestsTable;
  ledger_deposits: LedgerDepositsTable;
  ledger_court_events: LedgerCourtEventsTable;
  ledger_verifications: LedgerVerificationsTable;
}

export interface LedgerStateTable {
  id: number;
  origin: string;
  verifier_key: string;
  size: number;
  root_hash: Uint8Array;
  updated_at: Date;
}

/** The log's trust policy: its witnesses (name + verifier key) and the cosignatures a checkpoint needs. */
export interface LedgerPolicyTable {
  id: number;
  /** JSON `[{ name, vkey }]`, in the order first recorded. */
  witnesses: ColumnType<Array<{ name: string; vkey: string }>, string, string>;
  quorum: number;
  recorded_at: Date;
}

export interface LedgerTilesTable {
  /** −1 for entry bundles, 0..63 for hash tiles. */
  level: number;
  idx: number;
  width: number;
  data: Uint8Array;
}

export interface LedgerCheckpointsTable {
  size: number;
  root_hash: Uint8Array;
  signed_note: string;
  cosigned_note: string | null;
  signed_at: Date;
  published_at: Date | null;
}

export interface LedgerWitnessSizesTable {
  name: string;
  size: number;
  updated_at: Date;
}

export type PlatformCategory = "e_commerce" | "finance" | "copyright" | "notary" | "government" | "other";

export interface LedgerPlatformsTable {
  id: Generated<string>;
  court_id: string;
  name: string;
  operator_name: string;
  operator_credit_code: string | null;
  category: PlatformCategory;
  description: string | null;
  created_by: string;
  created_at: Date;
  disabled_at: Date | null;
}

export type CredentialKind = "ed25519" | "api_key";

export interface LedgerPlatformCredentialsTable {
  id: Generated<string>;
  platform_id: string;
  kind: CredentialKind;
  public_key: Uint8Array | null;
  api_key_hash: Uint8Array | null;
  key_hash: Uint8Array;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface LedgerDepositRequestsTable {
  id: Generated<number>;
  credential_id: string;
  nonce: string;
  signed_at: Date;
  signature_input: string;
  signature: Uint8Array;
  body: Uint8Array;
  received_at: Date;
}

export interface LedgerDepositsTable {
  leaf_index: number;
  platform_id: string;
  credential_id: string;
  request_id: number | null;
  sha256: Uint8Array;
  kind: string;
  opening: string;
  deposited_at: Date;
}

export type LedgerLeafType = "court_event" | "evidence";

export interface LedgerCourtEventsTable {
  id: Generated<number>;
  leaf_type: LedgerLeafType;
  kind: string;
  court_id: string;
  case_id: string | null;
  sha256: Uint8Array | null;
  opening: string;
  recorded_at: Date;
  leaf_index: number | null;
}

export type VerificationResult = "verified" | "not_deposited" | "no_match";

export interface LedgerVerificationsTable {
  id: Generated<string>;
  subject_type: string;
  subject_id: string;
  case_id: string;
  court_id: string;
  sha256: Uint8Array;
  claimed_index: number | null;
  result: VerificationResult;
  deposit_indexes: number[];
  checked_at: Date;
}
