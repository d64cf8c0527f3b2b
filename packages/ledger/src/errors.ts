/** Stable error codes thrown by the ledger library; the server maps them to HTTP answers. */
export type LedgerErrorCode =
  | "invalid_argument"
  | "malformed_base64"
  | "malformed_note"
  | "malformed_key"
  | "unsupported_key_type"
  | "invalid_signature"
  | "unverified_note"
  | "malformed_checkpoint"
  | "origin_mismatch"
  | "quorum_not_met"
  | "malformed_policy"
  | "malformed_tile"
  | "malformed_entry_bundle"
  | "malformed_tlog_proof"
  | "invalid_proof"
  | "malformed_request";

/** The one error type of the library: a stable `code` plus a human-readable message. */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;

  constructor(code: LedgerErrorCode, message: string) {
    super(message);
    this.name = "LedgerError";
    this.code = code;
  }
}
