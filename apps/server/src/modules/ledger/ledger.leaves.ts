// The ledger's leaf format, version 1 (docs/ledger.md). Stored forever in public tiles: never change
// an encoding, add a new version instead. Pure code (no Node APIs) so any verifier can reuse it.
import { leafHash, sha256, toHex, utf8 } from "@netcourt/ledger";

/** Version of every leaf this code writes. */
export const LEAF_VERSION = 1;

/** A JSON value the canonical encoding accepts. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as ECMAScript's JSON.stringify writes them. Refuses what JCS refuses (NaN,
 * Infinity, strings with lone surrogates) and anything that is not plain JSON. Throws `TypeError`.
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
  // Strings built by concatenation, not arrays mapped and joined: this runs for every deposit's metadata.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let out = "{";
    for (const k of keys) {
      const field = record[k];
      if (field === undefined) continue;
      out += `${out.length > 1 ? "," : ""}${canonicalJson(k)}:${canonicalJson(field)}`;
    }
    return `${out}}`;
  }
  throw new TypeError(`canonical JSON cannot encode ${typeof value}`);
}

/** A third-party platform's deposit (存证) of a file's SHA-256. */
export interface DepositLeaf {
  type: "deposit";
  v: 1;
  /** SHA-256 of the evidence, lowercase hex. */
  sha256: string;
  /** Category of the evidence, e.g. `contract`, `copyright.image`. */
  kind: string;
  /** SHA-256 (hex) identifying the platform credential that deposited it (docs/ledger.md). */
  platform: string;
  /** When the log sequenced the deposit (ISO 8601, UTC, milliseconds): the log's claim only. */
  depositedAt: string;
  /** SHA-256 (hex) of the deposit's opening (title, occurredAt, metadata, salt), kept off the log. */
  commitment: string;
}

/** An act of the court in a case (filing accepted, case number assigned, judgment signed …). */
export interface CourtEventLeaf {
  type: "court_event";
  v: 1;
  kind: string;
  /** The court's id. */
  court: string;
  recordedAt: string;
  /** SHA-256 (hex) of the opening {caseId, payload, salt}. */
  commitment: string;
}

/** A file submitted to a court in a case (complaint attachment, evidence). */
export interface EvidenceLeaf {
  type: "evidence";
  v: 1;
  kind: string;
  sha256: string;
  court: string;
  recordedAt: string;
  commitment: string;
}

export type Leaf = DepositLeaf | CourtEventLeaf | EvidenceLeaf;

/** What a commitment hides, for deposits: the platform's description of the evidence. */
export interface DepositOpening {
  title: string;
  /** When the data came into being, as the platform states it (在线诉讼规则第十八条: the source). */
  occurredAt: string;
  metadata: { [key: string]: JsonValue };
  /** 16 random bytes, hex: without it the commitment cannot be brute-forced from guessed contents. */
  salt: string;
}

/** What a commitment hides, for court events and evidence submissions. */
export interface EventOpening {
  caseId: string | null;
  payload: { [key: string]: JsonValue };
  salt: string;
}

/** The canonical text of an opening; its SHA-256 is the leaf's commitment. */
export function encodeOpening(opening: DepositOpening | EventOpening): string {
  return canonicalJson(opening);
}

/**
 * `encodeOpening` of a deposit's opening, without building the object: the keys in their canonical
 * order (metadata, occurredAt, salt, title). `metadata` may be given as its canonical JSON already.
 * Throws `TypeError` where `canonicalJson` would.
 */
export function encodeDepositOpening(
  title: string,
  occurredAt: string,
  metadata: { [key: string]: JsonValue } | string,
  salt: string,
): string {
  const metadataJson = typeof metadata === "string" ? metadata : canonicalJson(metadata);
  return `{"metadata":${metadataJson},"occurredAt":${JSON.stringify(occurredAt)},"salt":${JSON.stringify(salt)},"title":${canonicalJson(title)}}`;
}

/** `canonicalJson` of a deposit leaf, written field by field in the canonical key order. */
export function depositLeafJson(leaf: DepositLeaf): string {
  return `{"commitment":"${leaf.commitment}","depositedAt":"${leaf.depositedAt}","kind":${canonicalJson(leaf.kind)},"platform":"${leaf.platform}","sha256":"${leaf.sha256}","type":"deposit","v":1}`;
}

/** The commitment (hex SHA-256) to an opening's canonical text. */
export function commitmentOf(openingText: string): string {
  return toHex(sha256(utf8(openingText)));
}

/** The entry bytes of a leaf: its canonical JSON in UTF-8 (what entry bundles hold). */
export function encodeLeaf(leaf: Leaf): Uint8Array {
  return utf8(canonicalJson(leaf));
}

/** RFC 9162 leaf hash of a leaf: SHA-256(0x00 ‖ entry). */
export function hashLeaf(leaf: Leaf): Uint8Array {
  return leafHash(encodeLeaf(leaf));
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_VALUES["0123456789abcdef".charCodeAt(i)] = i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Parses and checks entry bytes as a version-1 leaf; the bytes must be exactly the canonical encoding
 * (so one leaf has one hash). Throws `TypeError` on anything else.
 */
export function decodeLeaf(entry: Uint8Array): Leaf {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(entry);
  const value = JSON.parse(text) as Record<string, unknown>;
  const fail = (message: string): never => {
    throw new TypeError(`not a version-1 leaf: ${message}`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail("not an object");
  if (value.v !== LEAF_VERSION) fail("unknown version");
  const str = (key: string, pattern?: RegExp): string => {
    const field = value[key];
    if (typeof field !== "string" || field === "" || (pattern && !pattern.test(field))) fail(key);
    return field as string;
  };
  let leaf: Leaf;
  switch (value.type) {
    case "deposit":
      leaf = {
        type: "deposit",
        v: 1,
        sha256: str("sha256", HEX64),
        kind: str("kind"),
        platform: str("platform", HEX64),
        depositedAt: str("depositedAt", ISO_UTC),
        commitment: str("commitment", HEX64),
      };
      break;
    case "court_event":
      leaf = {
        type: "court_event",
        v: 1,
        kind: str("kind"),
        court: str("court"),
        recordedAt: str("recordedAt", ISO_UTC),
        commitment: str("commitment", HEX64),
      };
      break;
    case "evidence":
      leaf = {
        type: "evidence",
        v: 1,
        kind: str("kind"),
        sha256: str("sha256", HEX64),
        court: str("court"),
        recordedAt: str("recordedAt", ISO_UTC),
        commitment: str("commitment", HEX64),
      };
      break;
    default:
      return fail("unknown type");
  }
  if (canonicalJson(leaf) !== text) fail("not canonically encoded");
  return leaf;
}

/** Fresh 16-byte salt (hex) from the platform CSPRNG. */
export function randomSalt(): string {
  return randomSalts(1)[0]!;
}

/** `count` fresh 16-byte salts (hex) from one call to the platform CSPRNG. */
export function randomSalts(count: number): string[] {
  const salts: string[] = [];
  // getRandomValues fills at most 65,536 bytes per call.
  for (let done = 0; done < count; done += 4096) {
    const n = Math.min(4096, count - done);
    const bytes = crypto.getRandomValues(new Uint8Array(16 * n));
    for (let i = 0; i < n; i++) salts.push(toHex(bytes.subarray(16 * i, 16 * i + 16)));
  }
  return salts;
}

/** Lowercase hex of 32 bytes → bytes; throws `TypeError` for anything else. */
export function hashFromHex(hex: string): Uint8Array {
  if (hex.length !== 64) throw new TypeError("expected 64 lowercase hex digits");
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const high = hex.charCodeAt(2 * i);
    const low = hex.charCodeAt(2 * i + 1);
    const value = ((high < 128 ? HEX_VALUES[high]! : -1) << 4) | (low < 128 ? HEX_VALUES[low]! : -1);
    if (value < 0) throw new TypeError("expected 64 lowercase hex digits");
    out[i] = value;
  }
  return out;
}
