import { LedgerError } from "./errors";
import { sha256 } from "./sha256";

/** Size in bytes of every hash in the tree (tlog-tiles fixes SHA-256). */
export const HASH_SIZE = 32;

// Reused input buffers: hashing is the sequencer's hot loop, so avoid one allocation per hash.
// Safe because JavaScript is single-threaded and the hash function is synchronous (see Sha256Function).
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;
const LEAF_SCRATCH_LIMIT = 64 * 1024;
let leafInput = new Uint8Array(1024);

/** RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 ‖ entry). The 0x00 prefix keeps leaves and nodes apart. */
export function leafHash(entry: Uint8Array): Uint8Array {
  const length = entry.length + 1;
  if (length > LEAF_SCRATCH_LIMIT) {
    const input = new Uint8Array(length);
    input.set(entry, 1);
    return sha256(input);
  }
  if (length > leafInput.length) leafInput = new Uint8Array(Math.min(LEAF_SCRATCH_LIMIT, 2 * length));
  leafInput[0] = 0x00;
  leafInput.set(entry, 1);
  return sha256(leafInput.subarray(0, length));
}

/** RFC 9162 §2.1.1 interior node hash: SHA-256(0x01 ‖ left ‖ right). Throws `invalid_argument`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new LedgerError("invalid_argument", "node children must be 32-byte hashes");
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

/** MTH({}) = SHA-256(""), the root of the empty tree. */
export function emptyTreeHash(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** Largest power of two strictly less than n (n ≥ 2): the RFC 9162 split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when n is 2^k for some k ≥ 0. */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * Folds the hashes of consecutive complete subtrees, largest (leftmost) first, into the hash of the
 * range they cover: h0 ⊕ (h1 ⊕ (h2 ⊕ …)). This is MTH of the range when the sizes are the binary
 * digits of the range length in descending order, as for a tree's right edge.
 */
export function foldSubtreeHashes(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyTreeHash();
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}

/**
 * MTH (RFC 9162 §2.1.1) of leafHashes[start:end] — the root of a tree whose leaves are already
 * hashed. Runs in O(n) with a right-edge stack instead of recursion.
 */
export function treeHash(leafHashes: readonly Uint8Array[], start = 0, end = leafHashes.length): Uint8Array {
  if (!(
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    0 <= start &&
    start <= end &&
    end <= leafHashes.length
  )) {
    throw new LedgerError("invalid_argument", "range outside the list of leaf hashes");
  }
  if (start === end) return emptyTreeHash();
  const stack: Uint8Array[] = [];
  for (let i = start, count = 0; i < end; i++, count++) {
    let h = leafHashes[i]!;
    for (let c = count; c % 2 === 1; c = (c - 1) / 2) h = nodeHash(stack.pop()!, h);
    stack.push(h);
  }
  return foldSubtreeHashes(stack);
}

/** MTH of raw entries: hashes each entry as a leaf, then computes the root. */
export function treeHashOfEntries(entries: readonly Uint8Array[]): Uint8Array {
  return treeHash(entries.map(leafHash));
}
