import { ed25519 } from "./ed25519";
import { concatBytes, utf8 } from "./encoding";
import { LedgerError } from "./errors";
import { computeKeyId, SignatureType } from "./keys";
import {
  formatSignatureLine,
  isValidKeyName,
  parseSignatureLine,
  type NoteSigner,
  type NoteVerifier,
} from "./note";

const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** tlog-cosignature/v1 signed message: `cosignature/v1\ntime <ts>\n` ‖ checkpoint note text. */
export function cosignatureMessage(
  checkpointText: string | Uint8Array,
  timestamp: number | bigint,
): Uint8Array {
  const ts = BigInt(timestamp);
  if (ts < 0n || ts > MAX_TIMESTAMP) throw new LedgerError("invalid_argument", "timestamp outside 0..2^63-1");
  const body = typeof checkpointText === "string" ? utf8(checkpointText) : checkpointText;
  return concatBytes(utf8(`cosignature/v1\ntime ${ts}\n`), body);
}

/** The timestamp (seconds) of a cosignature's signature bytes (after the key ID). Throws `invalid_argument`. */
export function cosignatureTimestamp(signature: Uint8Array): number {
  if (signature.length !== 72)
    throw new LedgerError("invalid_argument", "Ed25519 cosignatures are 8 + 64 bytes");
  return Number(new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0));
}

/**
 * A witness cosigner (type 0x04): signs checkpoint text as timestamp(8, big-endian) ‖ Ed25519 sig.
 * `clock` returns POSIX seconds and must be > 0 (tlog-witness forbids a zero timestamp).
 */
export function createCosigner(name: string, seed: Uint8Array, clock: () => number): NoteSigner {
  if (seed.length !== 32) throw new LedgerError("invalid_argument", "Ed25519 seeds are 32 bytes");
  if (!isValidKeyName(name)) throw new LedgerError("invalid_argument", "invalid key name");
  const key = seed.slice();
  const keyId = computeKeyId(name, SignatureType.cosignatureV1, ed25519().publicKey(key));
  return {
    name,
    keyId,
    sign(text) {
      const timestamp = clock();
      if (!Number.isSafeInteger(timestamp) || timestamp <= 0) {
        throw new LedgerError("invalid_argument", "cosignature timestamp must be a positive integer");
      }
      const out = new Uint8Array(72);
      new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
      out.set(ed25519().sign(cosignatureMessage(text, timestamp), key), 8);
      return out;
    },
  };
}

/** A verifier of a witness's Ed25519 cosignatures (type 0x04). */
export function createCosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = publicKey.slice();
  const keyId = computeKeyId(name, SignatureType.cosignatureV1, key);
  return {
    name,
    keyId,
    verify(text, signature) {
      if (signature.length !== 72) return false;
      const timestamp = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
      if (timestamp > MAX_TIMESTAMP) return false;
      return ed25519().verify(signature.subarray(8), cosignatureMessage(text, timestamp), key);
    },
  };
}

/** Cosigns checkpoint note text and returns the signature line `— <name> <base64>\n`. */
export function cosignCheckpoint(checkpointText: string, cosigner: NoteSigner): string {
  const signature = cosigner.sign(utf8(checkpointText));
  return formatSignatureLine({ name: cosigner.name, keyId: cosigner.keyId, signature });
}

/** A cosignature line, parsed (not verified). */
export interface CosignatureLine {
  name: string;
  keyId: number;
  timestamp: number;
  signature: Uint8Array;
}

/** Parses a `— <name> <base64>` cosignature line (without newline). Throws `malformed_note`. */
export function parseCosignatureLine(line: string): CosignatureLine {
  const sig = parseSignatureLine(line);
  if (sig.signature.length !== 72) throw new LedgerError("malformed_note", "not an Ed25519 cosignature");
  return {
    name: sig.name,
    keyId: sig.keyId,
    timestamp: cosignatureTimestamp(sig.signature),
    signature: sig.signature,
  };
}
