import { isSize } from "./encoding";
import { LedgerError } from "./errors";
import { splitPoint, treeHash } from "./merkle";

// In-memory proof generation, written as literally as RFC 9162 §2.1.3.1 and §2.1.4.1 state it.
// The server uses the subtree/tile variants (subtrees.ts); tests check the two agree.

function checkList(size: number, leafHashes: readonly Uint8Array[]): void {
  if (!isSize(size) || size > leafHashes.length) {
    throw new LedgerError("invalid_argument", "tree size exceeds the list of leaf hashes");
  }
}

/**
 * Inclusion proof PATH(index, D[size]) over leaf hashes, sibling of the leaf first.
 * Throws `invalid_argument` unless 0 ≤ index < size ≤ leafHashes.length.
 */
export function inclusionProof(index: number, size: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  checkList(size, leafHashes);
  if (!isSize(index) || index >= size)
    throw new LedgerError("invalid_argument", "index must be below the tree size");
  const proof: Uint8Array[] = [];
  const path = (m: number, lo: number, hi: number): void => {
    if (hi - lo <= 1) return; // PATH(0, {d0}) = []
    const k = splitPoint(hi - lo);
    if (m < k) {
      path(m, lo, lo + k);
      proof.push(treeHash(leafHashes, lo + k, hi));
    } else {
      path(m - k, lo + k, hi);
      proof.push(treeHash(leafHashes, lo, lo + k));
    }
  };
  path(index, 0, size);
  return proof;
}

/**
 * Consistency proof PROOF(size1, D[size2]) over leaf hashes. Empty when size1 = size2 or size1 = 0
 * (nothing to prove). Throws `invalid_argument` unless 0 ≤ size1 ≤ size2 ≤ leafHashes.length.
 */
export function consistencyProof(
  size1: number,
  size2: number,
  leafHashes: readonly Uint8Array[],
): Uint8Array[] {
  checkList(size2, leafHashes);
  if (!isSize(size1) || size1 > size2)
    throw new LedgerError("invalid_argument", "size1 must not exceed size2");
  const proof: Uint8Array[] = [];
  if (size1 === 0 || size1 === size2) return proof;
  const subproof = (m: number, lo: number, hi: number, isStart: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!isStart) proof.push(treeHash(leafHashes, lo, hi));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, lo, lo + k, isStart);
      proof.push(treeHash(leafHashes, lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false);
      proof.push(treeHash(leafHashes, lo, lo + k));
    }
  };
  subproof(size1, 0, size2, true);
  return proof;
}
