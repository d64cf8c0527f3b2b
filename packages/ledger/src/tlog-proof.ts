import { fromBase64, isSize, parseDecimal, toBase64 } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE } from "./merkle";
import { parseNote } from "./note";
import type { TlogPolicy } from "./policy";
import { verifyInclusion } from "./verify";
import {
  verifyCheckpoint,
  verifyCheckpointWithPolicy,
  type CheckpointTrust,
  type VerifiedCheckpoint,
} from "./verify-checkpoint";

/** First line of a c2sp.org/tlog-proof receipt. */
export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";

/** An offline-verifiable inclusion receipt (c2sp.org/tlog-proof@v1; file extension `.tlog-proof`). */
export interface TlogProof {
  /** Unauthenticated application data (`extra` line); never trust it without checking. */
  extra?: Uint8Array;
  index: number;
  /** Inclusion proof hashes, from the leaf's sibling up. */
  proof: Uint8Array[];
  /** The cosigned checkpoint note, verbatim (text, blank line, signature lines). */
  checkpoint: string;
}

/** Formats a receipt. Throws `invalid_argument`. */
export function formatTlogProof(receipt: TlogProof): string {
  if (!isSize(receipt.index)) throw new LedgerError("invalid_argument", "invalid index");
  for (const h of receipt.proof) {
    if (h.length !== HASH_SIZE) throw new LedgerError("invalid_argument", "proof hashes must be 32 bytes");
  }
  parseNote(receipt.checkpoint); // must be a well-formed signed note
  const extra = receipt.extra === undefined ? "" : `extra ${toBase64(receipt.extra)}\n`;
  const hashes = receipt.proof.map((h) => `${toBase64(h)}\n`).join("");
  return `${TLOG_PROOF_HEADER}\n${extra}index ${receipt.index}\n${hashes}\n${receipt.checkpoint}`;
}

/** Parses a receipt (syntax only). Throws `malformed_tlog_proof`. */
export function parseTlogProof(text: string): TlogProof {
  const fail = (message: string): never => {
    throw new LedgerError("malformed_tlog_proof", message);
  };
  const blank = text.indexOf("\n\n");
  if (blank < 0) fail("missing blank line before the checkpoint");
  const head = text.slice(0, blank).split("\n");
  const checkpoint = text.slice(blank + 2);
  if (head[0] !== TLOG_PROOF_HEADER) fail(`first line must be ${TLOG_PROOF_HEADER}`);
  let line = 1;
  let extra: Uint8Array | undefined;
  if (head[line]?.startsWith("extra ")) {
    try {
      extra = fromBase64(head[line]!.slice("extra ".length));
    } catch {
      fail("extra data is not base64");
    }
    line++;
  }
  const indexLine = head[line] ?? "";
  if (!indexLine.startsWith("index ")) fail("missing index line");
  const index = parseDecimal(indexLine.slice("index ".length));
  if (index === null) fail("index must be a decimal without leading zeros");
  const proof = head.slice(line + 1).map((h) => {
    let hash: Uint8Array | undefined;
    try {
      hash = fromBase64(h);
    } catch {
      fail("proof hash is not base64");
    }
    if (hash!.length !== HASH_SIZE) fail("proof hashes must be 32 bytes");
    return hash!;
  });
  try {
    parseNote(checkpoint);
  } catch (error) {
    fail(`checkpoint: ${(error as Error).message}`);
  }
  return { ...(extra === undefined ? {} : { extra }), index: index!, proof, checkpoint };
}

/** A receipt that verified: the checkpoint, its cosigners, the index and the (untrusted) extra data. */
export interface VerifiedTlogProof extends VerifiedCheckpoint {
  index: number;
  extra?: Uint8Array;
}

/**
 * Verifies a receipt for a leaf hash the caller computed from the evidence: the checkpoint's log
 * signature, origin and witness quorum (k-of-n trust or a tlog-policy), then the inclusion proof
 * against the checkpoint's signed (size, root). Throws `malformed_tlog_proof`, `invalid_proof` and
 * the errors of verifyCheckpoint.
 */
export function verifyTlogProof(
  receipt: string | TlogProof,
  leafHash: Uint8Array,
  trust: CheckpointTrust | { policy: TlogPolicy; origin?: string },
): VerifiedTlogProof {
  const parsed = typeof receipt === "string" ? parseTlogProof(receipt) : receipt;
  const verified =
    "policy" in trust
      ? verifyCheckpointWithPolicy(parsed.checkpoint, trust.policy, trust.origin)
      : verifyCheckpoint(parsed.checkpoint, trust);
  const { size, rootHash } = verified.checkpoint;
  if (!verifyInclusion(parsed.index, size, leafHash, parsed.proof, rootHash)) {
    throw new LedgerError("invalid_proof", `entry ${parsed.index} is not proven included at size ${size}`);
  }
  return { ...verified, index: parsed.index, ...(parsed.extra === undefined ? {} : { extra: parsed.extra }) };
}
