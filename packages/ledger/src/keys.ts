import { ed25519 } from "./ed25519";
import { concatBytes, fromBase64, toBase64, utf8 } from "./encoding";
import { LedgerError } from "./errors";
import { hexId, isValidKeyName, type NoteSigner, type NoteVerifier } from "./note";
import { sha256 } from "./sha256";

/** signed-note signature type bytes. */
export const SignatureType = {
  /** Ed25519 over the note text (log checkpoints). */
  ed25519: 0x01,
  /** ECDSA as transparency-dev/witness (key ID computed differently; not verified here). */
  ecdsa: 0x02,
  /** Timestamped Ed25519 cosignature, c2sp.org/tlog-cosignature (witnesses). */
  cosignatureV1: 0x04,
  /** RFC 6962 TreeHeadSignature (static-ct-api). */
  rfc6962TreeHead: 0x05,
  /** Timestamped ML-DSA-44 (sub)tree cosignature. */
  mldsa44Cosignature: 0x06,
} as const;

/** A parsed verifier key `<name>+<hex key ID>+<base64(type ‖ public key)>`. */
export interface VerifierKey {
  name: string;
  keyId: number;
  type: number;
  publicKey: Uint8Array;
}

/** key ID = SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] as a big-endian uint32 (signed-note). */
export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

/** Splits on the first two `+` only: the base64 part may itself contain `+`. */
function splitKey(text: string): [string, string, string] | null {
  const first = text.indexOf("+");
  if (first < 0) return null;
  const second = text.indexOf("+", first + 1);
  if (second < 0) return null;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

const TYPES_WITH_RECOMMENDED_ID: ReadonlySet<number> = new Set([
  SignatureType.ed25519,
  SignatureType.cosignatureV1,
  SignatureType.mldsa44Cosignature,
]);

/**
 * Parses a verifier key. The key ID must match the recomputed one for the types whose ID rule is
 * mandatory (0x01, 0x04, 0x06); Ed25519 types need a 32-byte key. Throws `malformed_key`.
 */
export function parseVerifierKey(vkey: string): VerifierKey {
  const parts = splitKey(vkey);
  if (!parts) throw new LedgerError("malformed_key", "verifier key must be name+id+key");
  const [name, idText, keyText] = parts;
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(idText)) {
    throw new LedgerError("malformed_key", "invalid key name or key ID");
  }
  let raw: Uint8Array;
  try {
    raw = fromBase64(keyText);
  } catch {
    throw new LedgerError("malformed_key", "verifier key is not base64");
  }
  if (raw.length < 2) throw new LedgerError("malformed_key", "verifier key has no key material");
  const type = raw[0]!;
  const publicKey = raw.slice(1);
  const keyId = parseInt(idText, 16) >>> 0;
  if ((type === SignatureType.ed25519 || type === SignatureType.cosignatureV1) && publicKey.length !== 32) {
    throw new LedgerError("malformed_key", "Ed25519 public keys are 32 bytes");
  }
  if (TYPES_WITH_RECOMMENDED_ID.has(type) && computeKeyId(name, type, publicKey) !== keyId) {
    throw new LedgerError("malformed_key", "key ID does not match the key");
  }
  return { name, keyId, type, publicKey };
}

/** Formats a verifier key; the key ID is computed. Throws `invalid_argument`. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new LedgerError("invalid_argument", "invalid key name");
  return `${name}+${hexId(computeKeyId(name, type, publicKey))}+${toBase64(concatBytes(Uint8Array.of(type), publicKey))}`;
}

function checkSeed(seed: Uint8Array): void {
  if (seed.length !== 32) throw new LedgerError("invalid_argument", "Ed25519 seeds are 32 bytes");
}

/** A note signer for an Ed25519 key (type 0x01), as Go's note.NewSigner. */
export function createEd25519Signer(name: string, seed: Uint8Array): NoteSigner {
  checkSeed(seed);
  if (!isValidKeyName(name)) throw new LedgerError("invalid_argument", "invalid key name");
  const key = seed.slice();
  const keyId = computeKeyId(name, SignatureType.ed25519, ed25519().publicKey(key));
  return { name, keyId, sign: (text) => ed25519().sign(text, key) };
}

/** A note verifier for an Ed25519 key (type 0x01). */
export function createEd25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const key = publicKey.slice();
  const keyId = computeKeyId(name, SignatureType.ed25519, key);
  return {
    name,
    keyId,
    verify: (text, signature) => signature.length === 64 && ed25519().verify(signature, text, key),
  };
}

/** Parsed Go private key text `PRIVATE+KEY+<name>+<hex ID>+<base64(0x01 ‖ seed)>`. */
export interface PrivateKey {
  name: string;
  keyId: number;
  seed: Uint8Array;
}

/** Parses Go's x/mod/sumdb/note private key text; the ID must match the key. Throws `malformed_key`. */
export function parsePrivateKey(skey: string): PrivateKey {
  const prefix = "PRIVATE+KEY+";
  if (!skey.startsWith(prefix))
    throw new LedgerError("malformed_key", "private key must start with PRIVATE+KEY+");
  const parts = splitKey(skey.slice(prefix.length));
  if (!parts) throw new LedgerError("malformed_key", "private key must be PRIVATE+KEY+name+id+key");
  const [name, idText, keyText] = parts;
  if (!isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(idText)) {
    throw new LedgerError("malformed_key", "invalid key name or key ID");
  }
  let raw: Uint8Array;
  try {
    raw = fromBase64(keyText);
  } catch {
    throw new LedgerError("malformed_key", "private key is not base64");
  }
  if (raw.length !== 33 || raw[0] !== SignatureType.ed25519) {
    throw new LedgerError("malformed_key", "private key must be 0x01 followed by a 32-byte seed");
  }
  const seed = raw.slice(1);
  const keyId = parseInt(idText, 16) >>> 0;
  if (computeKeyId(name, SignatureType.ed25519, ed25519().publicKey(seed)) !== keyId) {
    throw new LedgerError("malformed_key", "key ID does not match the key");
  }
  return { name, keyId, seed };
}

/** Formats Go's private key text for an Ed25519 seed. Throws `invalid_argument`. */
export function formatPrivateKey(name: string, seed: Uint8Array): string {
  checkSeed(seed);
  if (!isValidKeyName(name)) throw new LedgerError("invalid_argument", "invalid key name");
  const keyId = computeKeyId(name, SignatureType.ed25519, ed25519().publicKey(seed));
  return `PRIVATE+KEY+${name}+${hexId(keyId)}+${toBase64(concatBytes(Uint8Array.of(SignatureType.ed25519), seed))}`;
}

/** A note signer from Go private key text. Throws `malformed_key`. */
export function createSignerFromPrivateKey(skey: string): NoteSigner {
  const { name, seed } = parsePrivateKey(skey);
  return createEd25519Signer(name, seed);
}

/** The Ed25519 (0x01) verifier key text matching a seed. */
export function ed25519VerifierKey(name: string, seed: Uint8Array): string {
  checkSeed(seed);
  return formatVerifierKey(name, SignatureType.ed25519, ed25519().publicKey(seed));
}

/** Fresh 32 random bytes from the platform CSPRNG (Web Crypto, present in Node ≥ 19 and browsers). */
export function randomSeed(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** Generates an Ed25519 key pair as Go's note.GenerateKey: `{ privateKey: "PRIVATE+KEY+…", verifierKey }`. */
export function generateKey(
  name: string,
  seed: Uint8Array = randomSeed(),
): { privateKey: string; verifierKey: string } {
  return { privateKey: formatPrivateKey(name, seed), verifierKey: ed25519VerifierKey(name, seed) };
}
