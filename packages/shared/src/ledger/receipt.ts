// Deposit receipts of the evidence ledger (存证凭证) as verifiers read them: the JSON receipt of
// `GET /api/ledger/deposits/:index` (or a deposit response), or the c2sp.org/tlog-proof file of
// `…/receipt` whose `extra` holds {leaf, opening}. Pure code: the CLI and the browser share it.
import { TLOG_PROOF_HEADER, fromBase64, parseTlogProof, sha256, toHex, utf8 } from "@netcourt/ledger";
import { ledger } from "../i18n/ledger";

/** One receipt, whatever file it came from. Nothing in it is trusted until verified. */
export interface LedgerReceipt {
  format: "json" | "tlog-proof";
  /** Leaf index (存证编号 with the log's origin). */
  index: number;
  /** The public leaf as the receipt states it (version 1: deposit or evidence). */
  leaf: Record<string, unknown>;
  /** The opening the leaf's commitment hides, when the receipt carries it. */
  opening: Record<string, unknown> | null;
  /** Inclusion proof hashes, leaf's sibling first. */
  proof: Uint8Array[];
  /** The cosigned checkpoint note, verbatim. */
  checkpoint: string;
  /** Tree size the receipt claims (JSON receipts); must equal the checkpoint's. */
  treeSize: number | null;
  /** Leaf hash the receipt states (base64), if any; recomputed anyway. */
  leafHash: string | null;
  /** A c2sp.org/tlog-policy the receipt carries (`policy` field), if any. */
  policy: string | null;
}

/** Why a receipt file could not be read; each code has a message (`ledger:problems.<code>`). */
export type ReceiptProblem =
  | "not_json"
  | "not_object"
  | "missing_fields"
  | "no_deposit_for_file"
  | "proof_not_list"
  | "proof_not_base64"
  | "proof_wrong_length"
  | "tlog_proof_malformed"
  | "tlog_proof_no_leaf";

/**
 * A receipt file that could not be read. Show `code` through the catalog; the message is the English
 * text, for logs.
 */
export class ReceiptFormatError extends Error {
  constructor(readonly code: ReceiptProblem) {
    super(ledger.en.problems[code]);
    this.name = "ReceiptFormatError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function proofFrom(value: unknown): Uint8Array[] {
  if (!Array.isArray(value)) throw new ReceiptFormatError("proof_not_list");
  return value.map((h) => {
    if (typeof h !== "string") throw new ReceiptFormatError("proof_not_base64");
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(h);
    } catch {
      throw new ReceiptFormatError("proof_not_base64");
    }
    if (bytes.length !== 32) throw new ReceiptFormatError("proof_wrong_length");
    return bytes;
  });
}

function fromJson(
  value: Record<string, unknown>,
  outer: Record<string, unknown>,
  fileSha256: string | null,
): LedgerReceipt {
  // A deposit response holds several receipts: take the one for the file.
  if (Array.isArray(value.deposits)) {
    const deposits = value.deposits.filter(isRecord);
    const chosen =
      fileSha256 === null
        ? deposits.length === 1
          ? deposits[0]
          : undefined
        : deposits.find((d) => d.sha256 === fileSha256 || (isRecord(d.leaf) && d.leaf.sha256 === fileSha256));
    if (!chosen) throw new ReceiptFormatError("no_deposit_for_file");
    return fromJson(chosen, value, fileSha256);
  }
  const checkpoint = typeof value.checkpoint === "string" ? value.checkpoint : outer.checkpoint;
  const treeSize = typeof value.treeSize === "number" ? value.treeSize : outer.treeSize;
  const policy = typeof value.policy === "string" ? value.policy : outer.policy;
  if (
    typeof value.index !== "number" ||
    !Number.isSafeInteger(value.index) ||
    value.index < 0 ||
    !isRecord(value.leaf) ||
    typeof checkpoint !== "string"
  ) {
    throw new ReceiptFormatError("missing_fields");
  }
  return {
    format: "json",
    index: value.index,
    leaf: value.leaf,
    opening: isRecord(value.opening) ? value.opening : null,
    proof: proofFrom(value.inclusionProof),
    checkpoint,
    treeSize: typeof treeSize === "number" ? treeSize : null,
    leafHash: typeof value.leafHash === "string" ? value.leafHash : null,
    policy: typeof policy === "string" ? policy : null,
  };
}

/**
 * Reads a receipt file: JSON (a receipt or a deposit response; `fileSha256` picks the file's deposit)
 * or a c2sp.org/tlog-proof. Throws `ReceiptFormatError`.
 */
export function parseReceipt(text: string, fileSha256: string | null = null): LedgerReceipt {
  const trimmed = text.replace(/^\uFEFF/, "");
  if (trimmed.startsWith(TLOG_PROOF_HEADER)) {
    let parsed;
    try {
      parsed = parseTlogProof(trimmed.replace(/\r\n/g, "\n"));
    } catch {
      throw new ReceiptFormatError("tlog_proof_malformed");
    }
    let extra: unknown = null;
    try {
      extra = parsed.extra ? (JSON.parse(new TextDecoder().decode(parsed.extra)) as unknown) : null;
    } catch {
      extra = null;
    }
    if (!isRecord(extra) || !isRecord(extra.leaf)) throw new ReceiptFormatError("tlog_proof_no_leaf");
    return {
      format: "tlog-proof",
      index: parsed.index,
      leaf: extra.leaf,
      opening: isRecord(extra.opening) ? extra.opening : null,
      proof: parsed.proof,
      checkpoint: parsed.checkpoint,
      treeSize: null,
      leafHash: null,
      policy: typeof extra.policy === "string" ? extra.policy : null,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new ReceiptFormatError("not_json");
  }
  if (!isRecord(value)) throw new ReceiptFormatError("not_object");
  return fromJson(value, {}, fileSha256);
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * RFC 8785 canonical JSON, as the ledger encodes leaves and openings (docs/ledger.md). Throws
 * `TypeError` for what JCS refuses.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) throw new TypeError("canonical JSON strings must be valid Unicode");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${canonicalJson(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  throw new TypeError(`canonical JSON cannot encode ${typeof value}`);
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const LEAF_FIELDS: Record<string, Record<string, RegExp | null>> = {
  deposit: { sha256: HEX64, kind: null, platform: HEX64, depositedAt: ISO_UTC, commitment: HEX64 },
  evidence: { sha256: HEX64, kind: null, court: null, recordedAt: ISO_UTC, commitment: HEX64 },
};

/** Why a leaf is not a version-1 deposit or evidence leaf: the code of its verification step. */
export type LeafProblem =
  | { problem: "leaf_unknown_version" | "leaf_unknown_type" | "leaf_not_canonical" }
  | { problem: "leaf_unexpected_field" | "leaf_malformed_field"; field: string };

/**
 * The entry bytes of a version-1 deposit or evidence leaf (its canonical JSON), or the reason it is
 * not one: exactly the fields of its type, each a non-empty string of the right form.
 */
export function leafEntry(leaf: Record<string, unknown>): { entry: Uint8Array } | LeafProblem {
  if (leaf.v !== 1) return { problem: "leaf_unknown_version" };
  const fields = typeof leaf.type === "string" ? LEAF_FIELDS[leaf.type] : undefined;
  if (!fields) return { problem: "leaf_unknown_type" };
  const expected = new Set(["type", "v", ...Object.keys(fields)]);
  for (const key of Object.keys(leaf))
    if (!expected.has(key)) return { problem: "leaf_unexpected_field", field: key };
  for (const [key, pattern] of Object.entries(fields)) {
    const field = leaf[key];
    if (typeof field !== "string" || field === "" || (pattern && !pattern.test(field)))
      return { problem: "leaf_malformed_field", field: key };
  }
  try {
    return { entry: utf8(canonicalJson(leaf)) };
  } catch {
    return { problem: "leaf_not_canonical" };
  }
}

/** The commitment (hex SHA-256 of the canonical JSON) of an opening. */
export function commitmentOf(opening: Record<string, unknown>): string {
  return toHex(sha256(utf8(canonicalJson(opening))));
}
