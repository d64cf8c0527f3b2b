import { bytesEqual, isSize } from "./encoding";
import { HASH_SIZE, isPowerOfTwo, nodeHash } from "./merkle";

// Verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2, with arithmetic instead of bit operators
// so that sizes up to 2^53 work (JavaScript bit operators truncate to 32 bits).
// Verifiers never throw on hostile input: they answer false.

const half = (x: number): number => Math.floor(x / 2);
const isOdd = (x: number): boolean => x % 2 === 1;

/**
 * Root implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1–3), or null when the proof cannot
 * belong to a tree of this size. Note: the proof does not commit to the size by itself — take
 * (size, root) together from a signed checkpoint, never from the same source as the proof.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!isSize(index) || !isSize(size) || index >= size) return null;
  if (leafHash.length !== HASH_SIZE) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (p.length !== HASH_SIZE) return null;
    if (sn === 0) return null; // step 3a: the proof is longer than the path
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null; // step 4: the proof must reach the root
}

/** RFC 9162 §2.1.3.2: does `proof` show the leaf at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  return computed !== null && bytesEqual(computed, root);
}

/**
 * RFC 9162 §2.1.4.2: is the tree (size2, root2) an append-only extension of (size1, root1)?
 * Edge cases as transparency-dev/merkle: size1 > size2 fails; size1 = 0 fails, even against size 0
 * (a proof from the empty tree is meaningless — the witness protocol handles `old 0` itself);
 * size1 = size2 needs an empty proof and equal roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(size1) || !isSize(size2) || size1 > size2 || size1 === 0) return false;
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  if (proof.length === 0) return false;
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) return false;
  for (const p of proof) if (p.length !== HASH_SIZE) return false;
  // Step 2: when size1 is a power of two, its root is itself a node of the new tree.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // sn === 0: the second tree size must be fully consumed (Haskell hash-tree 0.1.1 forgot this).
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}
