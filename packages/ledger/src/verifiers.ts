import { createCosignatureVerifier } from "./cosignature";
import { LedgerError } from "./errors";
import { createEd25519Verifier, parseVerifierKey, SignatureType } from "./keys";
import type { NoteVerifier } from "./note";

/**
 * A note verifier from verifier-key text: type 0x01 (Ed25519, logs) or 0x04 (cosignature, witnesses).
 * Throws `malformed_key` or `unsupported_key_type`.
 */
export function createVerifier(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  switch (key.type) {
    case SignatureType.ed25519:
      return createEd25519Verifier(key.name, key.publicKey);
    case SignatureType.cosignatureV1:
      return createCosignatureVerifier(key.name, key.publicKey);
    default:
      throw new LedgerError(
        "unsupported_key_type",
        `signature type 0x${key.type.toString(16)} is not supported`,
      );
  }
}
