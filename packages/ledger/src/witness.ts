import { parseCheckpoint, type Checkpoint } from "./checkpoint";
import { bytesEqual, fromBase64, isSize, parseDecimal, toBase64 } from "./encoding";
import { LedgerError } from "./errors";
import { emptyTreeHash, HASH_SIZE } from "./merkle";
import {
  checkNoteSignatures,
  formatNote,
  parseNote,
  parseSignatureLines,
  type Note,
  type NoteVerifier,
} from "./note";
import { verifyConsistency } from "./verify";

/** Most consistency-proof lines a client may send (tlog-witness). */
export const MAX_PROOF_LINES = 63;

/** Content type of a witness's 409 answer body. */
export const TLOG_SIZE_CONTENT_TYPE = "text/x.tlog.size";

/** A tlog-witness add-checkpoint request. */
export interface AddCheckpointRequest {
  /** Size of the last checkpoint the client believes the witness cosigned. */
  oldSize: number;
  /** Consistency proof from oldSize to the checkpoint's size. */
  proof: Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
}

/** Formats an add-checkpoint request body. Throws `invalid_argument`. */
export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  if (!isSize(request.oldSize)) throw new LedgerError("invalid_argument", "invalid old size");
  if (request.proof.length > MAX_PROOF_LINES)
    throw new LedgerError("invalid_argument", "more than 63 proof lines");
  for (const h of request.proof) {
    if (h.length !== HASH_SIZE) throw new LedgerError("invalid_argument", "proof hashes must be 32 bytes");
  }
  return `old ${request.oldSize}\n${request.proof.map((h) => `${toBase64(h)}\n`).join("")}\n${request.checkpoint}`;
}

/** A parsed request plus its parsed (unverified) note and checkpoint, so the caller can load state by origin. */
export interface ParsedAddCheckpointRequest extends AddCheckpointRequest {
  note: Note;
  /** Parsed but NOT verified: only decideAddCheckpoint's 200 means the log signed it. */
  unverifiedCheckpoint: Checkpoint;
}

/** Parses an add-checkpoint request body; every failure is a 400. Throws `malformed_request`. */
export function parseAddCheckpointRequest(body: string): ParsedAddCheckpointRequest {
  const fail = (message: string): never => {
    throw new LedgerError("malformed_request", message);
  };
  const blank = body.indexOf("\n\n");
  if (blank < 0) fail("missing blank line before the checkpoint");
  const [oldLine, ...proofLines] = body.slice(0, blank).split("\n");
  if (!oldLine?.startsWith("old ")) fail("first line must be old <size>");
  const oldSize = parseDecimal(oldLine!.slice(4));
  if (oldSize === null) fail("old size must be a decimal without leading zeros");
  if (proofLines.length > MAX_PROOF_LINES) fail("more than 63 proof lines");
  const proof = proofLines.map((line) => {
    let hash: Uint8Array | undefined;
    try {
      hash = fromBase64(line);
    } catch {
      fail("proof line is not base64");
    }
    if (hash!.length !== HASH_SIZE) fail("proof hashes must be 32 bytes");
    return hash!;
  });
  const checkpoint = body.slice(blank + 2);
  let note: Note | undefined;
  let unverifiedCheckpoint: Checkpoint | undefined;
  try {
    note = parseNote(checkpoint);
    unverifiedCheckpoint = parseCheckpoint(note.text);
  } catch (error) {
    fail(`checkpoint: ${(error as Error).message}`);
  }
  return { oldSize: oldSize!, proof, checkpoint, note: note!, unverifiedCheckpoint: unverifiedCheckpoint! };
}

/** What a witness remembers per origin: the last checkpoint it cosigned. */
export interface WitnessLogState {
  size: number;
  rootHash: Uint8Array;
}

/** The witness's answer; on 200 the caller persists `newState` atomically with the check, then cosigns. */
export type WitnessDecision =
  | { status: 200; checkpoint: Checkpoint; checkpointText: string; newState: WitnessLogState }
  | { status: 409; size: number; body: string; contentType: typeof TLOG_SIZE_CONTENT_TYPE; reason: string }
  | { status: 400 | 403 | 404 | 422; reason: string };

/**
 * The tlog-witness add-checkpoint decision, in the spec's order: unknown origin → 404; no valid
 * signature by a trusted log key, or a trusted key's signature fails → 403; old > new size → 400;
 * old ≠ last cosigned size (0 if none) → 409 with that size; size 0 with a root other than
 * SHA-256(""), old 0 with a non-empty proof, same size with a different root or a non-empty proof,
 * or a bad consistency proof → 422 (possible evidence of a fork: log it, never cosign); else 200.
 * `logVerifiers` are the trusted keys for the checkpoint's origin (undefined/empty = unknown origin);
 * `state` is the witness's record for that origin (null if it never cosigned one).
 */
export function decideAddCheckpoint(
  request: ParsedAddCheckpointRequest,
  logVerifiers: readonly NoteVerifier[] | undefined,
  state: WitnessLogState | null,
): WitnessDecision {
  const origin = request.unverifiedCheckpoint.origin;
  if (!logVerifiers || logVerifiers.length === 0) return { status: 404, reason: `unknown origin ${origin}` };
  try {
    const opened = checkNoteSignatures(request.note, logVerifiers);
    if (opened.verified.length === 0) return { status: 403, reason: "no signature by a trusted log key" };
  } catch (error) {
    if (error instanceof LedgerError && error.code === "invalid_signature")
      return { status: 403, reason: error.message };
    throw error;
  }
  const checkpoint = request.unverifiedCheckpoint;
  const newState = { size: checkpoint.size, rootHash: checkpoint.rootHash };
  const ok = { status: 200 as const, checkpoint, checkpointText: request.note.text, newState };
  if (request.oldSize > checkpoint.size)
    return { status: 400, reason: "old size exceeds the checkpoint size" };
  const knownSize = state?.size ?? 0;
  if (request.oldSize !== knownSize) {
    return {
      status: 409,
      size: knownSize,
      body: `${knownSize}\n`,
      contentType: TLOG_SIZE_CONTENT_TYPE,
      reason: `last cosigned size is ${knownSize}`,
    };
  }
  if (checkpoint.size === 0 && !bytesEqual(checkpoint.rootHash, emptyTreeHash())) {
    return { status: 422, reason: 'an empty tree must have the root SHA-256("")' };
  }
  if (request.oldSize === 0) {
    return request.proof.length === 0 ? ok : { status: 422, reason: "the proof from size 0 must be empty" };
  }
  if (!state) return { status: 422, reason: "no cosigned checkpoint to prove consistency from" };
  if (request.oldSize === checkpoint.size) {
    // Same size, other root: two views of one log — a fork (422 in the current spec, 409 in v1.0.0).
    if (request.proof.length !== 0) return { status: 422, reason: "same size needs an empty proof" };
    return bytesEqual(state.rootHash, checkpoint.rootHash)
      ? ok
      : { status: 422, reason: "same size with a different root hash" };
  }
  return verifyConsistency(state.size, checkpoint.size, state.rootHash, checkpoint.rootHash, request.proof)
    ? ok
    : { status: 422, reason: "consistency proof does not verify" };
}

/**
 * Client side: adds the cosignatures of a witness's 200 answer to a signed checkpoint, keeping only
 * lines from the configured witness keys (tessera PR #500: never republish polluting lines). Throws
 * `malformed_note`, `invalid_signature` (a configured key's line fails) or `unverified_note` (none
 * of the configured keys answered).
 */
export function addCosignatures(
  signedCheckpoint: string,
  responseBody: string,
  witnessVerifiers: readonly NoteVerifier[],
): string {
  const note = parseNote(signedCheckpoint);
  const answered = parseSignatureLines(responseBody);
  const opened = checkNoteSignatures({ text: note.text, signatures: answered }, witnessVerifiers);
  if (opened.verified.length === 0)
    throw new LedgerError("unverified_note", "no cosignature from a configured witness");
  // A newer cosignature by the same witness replaces the older one (fresher "as of" time).
  const kept = note.signatures.filter(
    (e) => !opened.verified.some((s) => s.name === e.name && s.keyId === e.keyId),
  );
  return formatNote({ text: note.text, signatures: [...kept, ...opened.verified] });
}
