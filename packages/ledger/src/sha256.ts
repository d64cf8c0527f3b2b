import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";

/**
 * A SHA-256 function. It must be synchronous and return a fresh array each call (the library keeps
 * the results), and must not keep a reference to its input (the library reuses input buffers).
 */
export type Sha256Function = (data: Uint8Array) => Uint8Array;

const defaultSha256: Sha256Function = (data) => nobleSha256(data);
let current: Sha256Function = defaultSha256;

/**
 * Replaces the SHA-256 implementation used by every function of the library, e.g. with Node's
 * native one on the server: `setSha256((d) => crypto.hash("sha256", d, "buffer"))`. `null` restores
 * the portable default (@noble/hashes).
 */
export function setSha256(fn: Sha256Function | null): void {
  current = fn ?? defaultSha256;
}

/** SHA-256 with the currently configured implementation. */
export function sha256(data: Uint8Array): Uint8Array {
  return current(data);
}
