import { ed25519 as nobleEd25519 } from "@noble/curves/ed25519.js";

/** Ed25519 primitives over 32-byte seeds (RFC 8032 private keys). Synchronous. */
export interface Ed25519 {
  publicKey(seed: Uint8Array): Uint8Array;
  sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  /** Must return false (not throw) for malformed keys or signatures. */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

const defaultEd25519: Ed25519 = {
  publicKey: (seed) => nobleEd25519.getPublicKey(seed),
  sign: (message, seed) => nobleEd25519.sign(message, seed),
  verify: (signature, message, publicKey) => {
    try {
      // zip215: false = RFC 8032 strict decoding, so every verifier agrees on which signatures count.
      return nobleEd25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};

let current: Ed25519 = defaultEd25519;

/** Replaces the Ed25519 implementation (e.g. Node's crypto on the server); `null` restores @noble/curves. */
export function setEd25519(impl: Ed25519 | null): void {
  current = impl ?? defaultEd25519;
}

/** The Ed25519 implementation in use. */
export function ed25519(): Ed25519 {
  return current;
}
