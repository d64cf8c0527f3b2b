import { isSize } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE, emptyTreeHash, foldSubtreeHashes, nodeHash, splitPoint } from "./merkle";

/** A complete, aligned subtree: the leaves [index·2^level, (index+1)·2^level). */
export interface SubtreeId {
  level: number;
  index: number;
}

/**
 * Where stored complete-subtree hashes come from (a database, hash tiles, a cache). Like Go's
 * tlog.HashReader, it answers a whole batch at once so that each tile is read only once per proof.
 */
export interface SubtreeHashSource {
  /** Returns the hash of each requested subtree, in request order. */
  readSubtreeHashes(ids: readonly SubtreeId[]): Promise<Uint8Array[]>;
}

/** A half-open leaf range [start, end). */
type Range = readonly [number, number];

/** Splits [start, end) into maximal aligned complete subtrees, left to right. */
export function subtreesOfRange(start: number, end: number): SubtreeId[] {
  if (!isSize(start) || !isSize(end) || start > end)
    throw new LedgerError("invalid_argument", "invalid leaf range");
  const out: SubtreeId[] = [];
  while (start < end) {
    let width = 1;
    let level = 0;
    while (start % (width * 2) === 0 && start + width * 2 <= end) {
      width *= 2;
      level++;
    }
    out.push({ level, index: start / width });
    start += width;
  }
  return out;
}

/** MTH of a power-of-two number of adjacent hashes (a complete subtree), e.g. entries of a tile. */
export function completeSubtreeHash(hashes: readonly Uint8Array[]): Uint8Array {
  let level = hashes.slice();
  if (level.length === 0 || (level.length & (level.length - 1)) !== 0) {
    throw new LedgerError("invalid_argument", "a complete subtree has a power-of-two number of hashes");
  }
  while (level.length > 1) {
    const next: Uint8Array[] = new Array<Uint8Array>(level.length / 2);
    for (let i = 0; i < next.length; i++) next[i] = nodeHash(level[2 * i]!, level[2 * i + 1]!);
    level = next;
  }
  return level[0]!;
}

/** The leaf ranges whose hashes form PATH(index, D[size]), in proof order. */
export function inclusionProofRanges(index: number, size: number): Range[] {
  if (!isSize(index) || !isSize(size) || index >= size) {
    throw new LedgerError("invalid_argument", "index must be below the tree size");
  }
  const out: Range[] = [];
  const path = (m: number, lo: number, hi: number): void => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      path(m, lo, lo + k);
      out.push([lo + k, hi]);
    } else {
      path(m - k, lo + k, hi);
      out.push([lo, lo + k]);
    }
  };
  path(index, 0, size);
  return out;
}

/** The leaf ranges whose hashes form PROOF(size1, D[size2]), in proof order. */
export function consistencyProofRanges(size1: number, size2: number): Range[] {
  if (!isSize(size1) || !isSize(size2) || size1 > size2) {
    throw new LedgerError("invalid_argument", "size1 must not exceed size2");
  }
  const out: Range[] = [];
  if (size1 === 0 || size1 === size2) return out;
  const subproof = (m: number, lo: number, hi: number, isStart: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!isStart) out.push([lo, hi]);
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, lo, lo + k, isStart);
      out.push([lo + k, hi]);
    } else {
      subproof(m - k, lo + k, hi, false);
      out.push([lo, lo + k]);
    }
  };
  subproof(size1, 0, size2, true);
  return out;
}

// Below 2^47 a number names a subtree or a proof range exactly (index · 64 + level fits in 2^53), and
// batches of proofs look them up by number rather than by a string built for each use.
const NUMERIC_KEY_LIMIT = 2 ** 47;

/** A Map key for a subtree: a number where exact, a string beyond (never equal to each other). */
const subtreeKey = (id: SubtreeId): number | string =>
  id.index < NUMERIC_KEY_LIMIT ? id.index * 64 + id.level : `${id.level}/${id.index}`;

/** Reads every subtree the ranges need in one batch, then folds each range into its hash. */
async function hashRanges(source: SubtreeHashSource, ranges: readonly Range[]): Promise<Uint8Array[]> {
  const plans = ranges.map(([start, end]) => subtreesOfRange(start, end));
  const slotOf = new Map<number | string, number>();
  const ids: SubtreeId[] = [];
  const planSlots = plans.map((plan) =>
    plan.map((id) => {
      const key = subtreeKey(id);
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = ids.length;
        slotOf.set(key, slot);
        ids.push(id);
      }
      return slot;
    }),
  );
  if (ids.length === 0) return plans.map(() => emptyTreeHash());
  const hashes = await source.readSubtreeHashes(ids);
  if (hashes.length !== ids.length)
    throw new LedgerError("invalid_argument", "hash source answered the wrong count");
  for (const h of hashes) {
    if (h.length !== HASH_SIZE)
      throw new LedgerError("invalid_argument", "hash source returned a non-32-byte hash");
  }
  return planSlots.map((slots) =>
    slots.length === 1 ? hashes[slots[0]!]! : foldSubtreeHashes(slots.map((slot) => hashes[slot]!)),
  );
}

/**
 * Inclusion proofs of several leaves in the tree of `size` from stored hashes, in one read: ranges
 * shared between the proofs (all of them near the right edge, for leaves appended together) are
 * read and folded once. Same result as `readInclusionProof` for each index.
 */
export async function readInclusionProofs(
  source: SubtreeHashSource,
  indexes: readonly number[],
  size: number,
): Promise<Uint8Array[][]> {
  if (isSize(size) && size < NUMERIC_KEY_LIMIT) return readInclusionProofsBelowLimit(source, indexes, size);
  const proofs = indexes.map((index) => inclusionProofRanges(index, size));
  const unique = new Map<string, Range>();
  for (const ranges of proofs) for (const range of ranges) unique.set(`${range[0]}-${range[1]}`, range);
  const keys = [...unique.keys()];
  const hashes = await hashRanges(source, [...unique.values()]);
  const byRange = new Map<string, Uint8Array>();
  keys.forEach((key, i) => byRange.set(key, hashes[i]!));
  return proofs.map((ranges) => ranges.map(([start, end]) => byRange.get(`${start}-${end}`)!));
}

/** Largest power of two below n (n ≥ 2), as splitPoint. */
const splitBelow = (n: number): number => (n <= 2 ** 32 ? 2 ** (31 - Math.clz32(n - 1)) : splitPoint(n));

/**
 * readInclusionProofs for trees below 2^47 leaves, walking each path without building its ranges:
 * every range of a proof is an aligned complete subtree or ends at `size` (the right edge), so
 * (start, log2 width) or (start) alone names it as a number.
 */
async function readInclusionProofsBelowLimit(
  source: SubtreeHashSource,
  indexes: readonly number[],
  size: number,
): Promise<Uint8Array[][]> {
  const slotOf = new Map<number, number>();
  const ranges: Range[] = [];
  const paths = indexes.map((index) => {
    if (!isSize(index) || index >= size) {
      throw new LedgerError("invalid_argument", "index must be below the tree size");
    }
    const path: number[] = [];
    let lo = 0;
    let hi = size;
    while (hi - lo > 1) {
      const k = splitBelow(hi - lo);
      let start: number;
      let end: number;
      if (index < lo + k) {
        start = lo + k;
        end = hi;
        hi = lo + k;
      } else {
        start = lo;
        end = lo + k;
        lo += k;
      }
      const key = end === size ? -1 - start : start * 64 + Math.log2(end - start);
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = ranges.length;
        slotOf.set(key, slot);
        ranges.push([start, end]);
      }
      path.push(slot);
    }
    return path.reverse();
  });
  const hashes = await hashRanges(source, ranges);
  return paths.map((path) => path.map((slot) => hashes[slot]!));
}

/** Root of the tree of `size` leaves from stored subtree hashes (Go: tlog.TreeHash). */
export async function readTreeHash(source: SubtreeHashSource, size: number): Promise<Uint8Array> {
  if (!isSize(size)) throw new LedgerError("invalid_argument", "invalid tree size");
  if (size === 0) return emptyTreeHash();
  const [root] = await hashRanges(source, [[0, size]]);
  return root!;
}

/** Inclusion proof for leaf `index` in the tree of `size` from stored hashes (Go: tlog.ProveRecord). */
export async function readInclusionProof(
  source: SubtreeHashSource,
  index: number,
  size: number,
): Promise<Uint8Array[]> {
  return hashRanges(source, inclusionProofRanges(index, size));
}

/** Consistency proof from size1 to size2 from stored hashes (Go: tlog.ProveTree). */
export async function readConsistencyProof(
  source: SubtreeHashSource,
  size1: number,
  size2: number,
): Promise<Uint8Array[]> {
  return hashRanges(source, consistencyProofRanges(size1, size2));
}
