import type { AppContext } from "../../../context";
import { AppError } from "../../../platform";
import type { PlatformPrincipal } from "../ledger.auth";
import { encodeDepositOpening, hashFromHex, randomSalts, type JsonValue } from "../ledger.leaves";
import { canonicalMetadata } from "../ledger.schemas";
import type { DepositItem } from "../ledger.sequencer";

/** One deposit as a platform sends it (POST /api/ledger/deposits). */
export interface DepositInput {
  sha256: string;
  kind: string;
  title: string;
  occurredAt: string;
  metadata: { [key: string]: JsonValue };
}

/**
 * A deposit's receipt: enough, with the checkpoint, to verify it offline forever. The leaf and the
 * opening are kept as their canonical JSON text (`DepositLeaf`, `DepositOpening`); the proof's hashes
 * are shared with the receipts of neighbouring leaves (one array per distinct subtree).
 */
export interface DepositReceipt {
  index: number;
  sha256: string;
  isNew: boolean;
  leafText: string;
  leafHash: Uint8Array;
  openingText: string;
  inclusionProof: readonly Uint8Array[];
}

export interface DepositResult {
  treeSize: number;
  checkpoint: string;
  deposits: DepositReceipt[];
}

/**
 * Deposits evidence hashes for a platform (存证): prepares each opening with a fresh salt, lets the
 * sequencer append them (idempotent per platform and hash), waits until a checkpoint that includes
 * them is cosigned by the witness quorum, and answers with receipts. Nothing is acknowledged before it
 * is committed and covered by a published checkpoint. Throws `validation_failed`, `ledger_unavailable`,
 * `ledger_request_replayed`, `ledger_not_published`.
 */
export async function depositEvidence(
  context: AppContext,
  principal: PlatformPrincipal,
  inputs: readonly DepositInput[],
): Promise<DepositResult> {
  const { ledger } = context;
  if (!ledger.isRunning) throw new AppError("ledger_unavailable");
  const salts = randomSalts(inputs.length);
  const items: DepositItem[] = new Array<DepositItem>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    let opening: string;
    try {
      opening = encodeDepositOpening(
        input.title,
        new Date(input.occurredAt).toISOString(),
        canonicalMetadata.get(input.metadata) ?? input.metadata,
        salts[i]!,
      );
    } catch (error) {
      throw new AppError("validation_failed", [
        { path: `deposits.${i}`, code: "not_canonical_json", message: (error as Error).message },
      ]);
    }
    items[i] = {
      platformId: principal.platformId,
      credentialId: principal.credentialId,
      keyHash: principal.keyHash,
      sha256: hashFromHex(input.sha256),
      sha256Hex: input.sha256,
      kind: input.kind,
      opening,
    };
  }
  const outcomes = await ledger.sequencer.enqueueDeposits(principal.signedRequest, items);
  let last = 0;
  for (const outcome of outcomes) if (outcome.leafIndex > last) last = outcome.leafIndex;
  const published = await ledger.checkpointer.waitForPublished(last + 1, ledger.config.publishTimeoutMs);
  const indexes = [...new Set(outcomes.map((o) => o.leafIndex))];
  const paths = await ledger.tiles.inclusionProofs(indexes, published.size);
  const proofs = new Map<number, readonly Uint8Array[]>();
  for (let i = 0; i < indexes.length; i++) proofs.set(indexes[i]!, paths[i]!);
  return {
    treeSize: published.size,
    checkpoint: published.note,
    deposits: outcomes.map((outcome) => ({
      index: outcome.leafIndex,
      sha256: outcome.leaf.sha256,
      isNew: outcome.isNew,
      leafText: outcome.entryText,
      leafHash: outcome.leafHash,
      openingText: outcome.opening,
      inclusionProof: proofs.get(outcome.leafIndex)!,
    })),
  };
}

const BASE64 = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "latin1");
const QUOTE = 0x22;
const COMMA = 0x2c;

/** Writes `"<standard base64 of bytes>"` at `offset`; returns the offset after it. */
function writeQuotedBase64(out: Buffer, offset: number, bytes: Uint8Array): number {
  let o = offset;
  out[o++] = QUOTE;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64[n >>> 18]!;
    out[o++] = BASE64[(n >>> 12) & 63]!;
    out[o++] = BASE64[(n >>> 6) & 63]!;
    out[o++] = BASE64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = BASE64[n >>> 18]!;
    out[o++] = BASE64[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? BASE64[(n >>> 6) & 63]! : 0x3d;
    out[o++] = 0x3d;
  }
  out[o++] = QUOTE;
  return o;
}

/** Bytes of `"<base64>"` for a hash of `length` bytes. */
const quotedBase64Length = (length: number) => 4 * Math.ceil(length / 3) + 2;

/**
 * The response body of a deposit request (`ZDepositResponse`) as UTF-8 JSON bytes, written straight
 * into one buffer: the leaf and the opening are canonical JSON already and go in as they are, the
 * checkpoint is encoded once, and each proof hash is base64-encoded once however many receipts share
 * it (neighbouring leaves share all but their lowest hashes). A megabyte of receipts is never built as
 * a JavaScript string.
 */
export function encodeDepositResult(result: DepositResult): Buffer {
  const checkpoint = JSON.stringify(result.checkpoint);
  const encoded = new Map<Uint8Array, Buffer>();
  // An upper bound of the size: UTF-8 takes at most 3 bytes per UTF-16 code unit.
  let capacity = 64 + 3 * checkpoint.length;
  for (const d of result.deposits) {
    capacity += 160 + 3 * (d.leafText.length + d.openingText.length) + d.sha256.length;
    capacity += quotedBase64Length(d.leafHash.length);
    for (const hash of d.inclusionProof) {
      capacity += 1;
      if (encoded.has(hash)) {
        capacity += encoded.get(hash)!.length;
        continue;
      }
      const bytes = Buffer.allocUnsafe(quotedBase64Length(hash.length));
      writeQuotedBase64(bytes, 0, hash);
      encoded.set(hash, bytes);
      capacity += bytes.length;
    }
  }
  const out = Buffer.allocUnsafe(capacity);
  let o = out.write(`{"treeSize":${result.treeSize},"checkpoint":`, 0, "latin1");
  o += out.write(checkpoint, o, "utf8");
  o += out.write(`,"deposits":[`, o, "latin1");
  for (let r = 0; r < result.deposits.length; r++) {
    const d = result.deposits[r]!;
    if (r > 0) out[o++] = COMMA;
    o += out.write(`{"index":${d.index},"sha256":"${d.sha256}","isNew":${d.isNew},"leaf":`, o, "utf8");
    o += out.write(d.leafText, o, "utf8");
    o += out.write(`,"leafHash":`, o, "latin1");
    o = writeQuotedBase64(out, o, d.leafHash);
    o += out.write(`,"opening":`, o, "latin1");
    o += out.write(d.openingText, o, "utf8");
    o += out.write(`,"inclusionProof":[`, o, "latin1");
    for (let i = 0; i < d.inclusionProof.length; i++) {
      if (i > 0) out[o++] = COMMA;
      const hash = encoded.get(d.inclusionProof[i]!)!;
      out.set(hash, o);
      o += hash.length;
    }
    out[o++] = 0x5d; // ]
    out[o++] = 0x7d; // }
  }
  out[o++] = 0x5d;
  out[o++] = 0x7d;
  return out.subarray(0, o);
}
