import { fromBase64, isSize, toBase64 } from "./encoding";
import { LedgerError } from "./errors";
import { HASH_SIZE, foldSubtreeHashes, leafHash, nodeHash } from "./merkle";

/** JSON-ready state of a RightEdgeTree: the size and one base64 subtree hash per set bit of it. */
export interface RightEdgeState {
  size: number;
  /** Complete-subtree hashes, largest (leftmost) first; as many as set bits in `size`. */
  hashes: string[];
}

function popCount(n: number): number {
  let count = 0;
  for (; n > 0; n = Math.floor(n / 2)) count += n % 2;
  return count;
}

/**
 * The incremental Merkle tree a sequencer keeps: only the "right edge" (one complete subtree per set
 * bit of the size), so an append costs one leaf hash plus about one node hash on average.
 */
export class RightEdgeTree {
  #size: number;
  readonly #stack: Uint8Array[];
  #root: Uint8Array | null = null;

  constructor(size = 0, subtreeHashes: readonly Uint8Array[] = []) {
    if (!isSize(size) || popCount(size) !== subtreeHashes.length) {
      throw new LedgerError("invalid_argument", "right edge needs one subtree hash per set bit of the size");
    }
    for (const h of subtreeHashes) {
      if (h.length !== HASH_SIZE)
        throw new LedgerError("invalid_argument", "subtree hashes must be 32 bytes");
    }
    this.#size = size;
    this.#stack = subtreeHashes.map((h) => h.slice());
  }

  /** Restores a tree saved with `state()`. Throws `invalid_argument` or `malformed_base64`. */
  static fromState(state: RightEdgeState): RightEdgeTree {
    return new RightEdgeTree(state.size, state.hashes.map(fromBase64));
  }

  /** Number of leaves. */
  get size(): number {
    return this.#size;
  }

  /** Appends a leaf given its leaf hash; returns the leaf's index. */
  appendLeafHash(hash: Uint8Array): number {
    if (hash.length !== HASH_SIZE) throw new LedgerError("invalid_argument", "leaf hash must be 32 bytes");
    const index = this.#size;
    let h = hash;
    // Each trailing 1 bit of the old size is a complete subtree that the new leaf now completes.
    for (let s = index; s % 2 === 1; s = (s - 1) / 2) h = nodeHash(this.#stack.pop()!, h);
    this.#stack.push(h);
    this.#size = index + 1;
    this.#root = null;
    return index;
  }

  /** Appends a raw entry (hashed as an RFC 9162 leaf); returns its index. */
  appendEntry(entry: Uint8Array): number {
    return this.appendLeafHash(leafHash(entry));
  }

  /** Root hash of the current tree (SHA-256("") when empty). */
  rootHash(): Uint8Array {
    this.#root ??= foldSubtreeHashes(this.#stack);
    return this.#root.slice();
  }

  /** The complete-subtree hashes of the right edge, largest first (copies). */
  subtreeHashes(): Uint8Array[] {
    return this.#stack.map((h) => h.slice());
  }

  /** Serialisable state, to persist next to the log and resume after a restart. */
  state(): RightEdgeState {
    return { size: this.#size, hashes: this.#stack.map(toBase64) };
  }
}
