import {
  HASH_SIZE,
  TILE_HEIGHT,
  TILE_WIDTH,
  LedgerError,
  hashCountAtLevel,
  readConsistencyProof,
  readInclusionProof,
  readInclusionProofs,
  tileInternalNodes,
  type SubtreeHashSource,
  type Tile,
  type TileReader,
} from "@netcourt/ledger";
import type { Executor } from "../../platform";
import { readTileRows, type TileRow } from "./ledger.repository";

/** Level of entry bundles in the tile table (hash tiles are 0..63). */
export const ENTRY_BUNDLE_LEVEL = -1;

const key = (level: number, idx: number) => `${level}/${idx}`;

/** A tile's hashes and internal nodes (`tileInternalNodes`) as one view per subtree height. */
function tileLevels(data: Uint8Array, internal: Uint8Array, width: number): Uint8Array[] {
  const levels: Uint8Array[] = [data.subarray(0, width * HASH_SIZE)];
  let offset = 0;
  for (let count = width >> 1; count > 0; count >>= 1) {
    levels.push(internal.subarray(offset, offset + count * HASH_SIZE));
    offset += count * HASH_SIZE;
  }
  return levels;
}

/** A small least-recently-used map. */
class Lru<V> {
  readonly #map = new Map<string, V>();
  constructor(readonly capacity: number) {}
  get(k: string): V | undefined {
    const v = this.#map.get(k);
    if (v !== undefined) {
      this.#map.delete(k);
      this.#map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.#map.delete(k);
    this.#map.set(k, v);
    if (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value!);
  }
}

/**
 * Read side of the stored tiles: the sequencer's right edge (partial tiles) in memory, full tiles from
 * an LRU cache or the database. A partial tile of width W is the prefix of any wider row of the same
 * tile, so one row per tile answers every size. Also a `SubtreeHashSource` that keeps the internal
 * Merkle nodes of recently used tiles, so a batch of receipts hashes each tile once instead of once
 * per proof.
 */
export class TileStore implements TileReader {
  readonly #rightEdge = new Map<string, TileRow>();
  readonly #full: Lru<Uint8Array>;
  readonly #trees: Lru<Uint8Array[]>;

  constructor(
    readonly db: Executor,
    options: { fullTiles?: number; tileTrees?: number } = {},
  ) {
    this.#full = new Lru(options.fullTiles ?? 4096);
    // As many tile trees as full tiles: a proof touches one tile per tile level, and a working set of
    // tiles that fits the tile cache but not the tree cache would hash every tile again on each use.
    this.#trees = new Lru(options.tileTrees ?? options.fullTiles ?? 4096);
  }

  /**
   * Replaces the in-memory partial tiles after the sequencer committed; keeps new full tiles cached,
   * with the internal nodes the sequencer computed for them (receipts need them next).
   */
  update(written: ReadonlyArray<TileRow & { internal?: Uint8Array }>, rightEdge: readonly TileRow[]): void {
    for (const row of written) {
      if (row.width === TILE_WIDTH) {
        this.#full.set(key(row.level, row.idx), row.data);
        this.#rightEdge.delete(key(row.level, row.idx));
        if (row.internal && row.level >= 0) {
          this.#trees.set(
            `${row.level}/${row.idx}/${TILE_WIDTH}`,
            tileLevels(row.data, row.internal, TILE_WIDTH),
          );
        }
      }
    }
    this.#rightEdge.clear();
    for (const row of rightEdge) this.#rightEdge.set(key(row.level, row.idx), row);
  }

  /**
   * Loads the full tiles of the upper levels (1 and above) of the tree of `size` leaves into the cache,
   * with their internal nodes, the highest levels first, as many as a quarter of the cache holds. Every
   * inclusion proof passes through one tile of each level, and above level 0 there are few of them (154
   * at 10,000,000 leaves, 1,024 up to 67,108,864): kept in memory, a proof of a leaf never asked for
   * before reads one tile from the database instead of up to three. Returns how many were loaded.
   */
  async preloadUpperLevels(size: number): Promise<number> {
    const budget = Math.floor(this.#full.capacity / 4);
    const wanted: { level: number; idx: number }[] = [];
    for (let level = 1; hashCountAtLevel(size, level) >= TILE_WIDTH; level++) {
      // Full tiles of this level; the partial one is the sequencer's right edge.
      const full = Math.floor(hashCountAtLevel(size, level) / TILE_WIDTH);
      if (wanted.length + full > budget) break;
      for (let idx = 0; idx < full; idx++) wanted.push({ level, idx });
    }
    let loaded = 0;
    // In slices, yielding between them: a large log's upper tiles are read and hashed without holding up
    // requests that arrive meanwhile.
    for (let at = 0; at < wanted.length; at += 128) {
      const rows = await readTileRows(this.db, wanted.slice(at, at + 128));
      for (const row of rows) {
        if (row.width !== TILE_WIDTH) continue;
        this.#full.set(key(row.level, row.idx), row.data);
        this.#tileTree(row.level, row.idx, TILE_WIDTH, row.data);
        loaded++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return loaded;
  }

  /**
   * The rows holding these tiles, at least `width` wide (hash tiles and entry bundles). Missing or too
   * narrow tiles are absent from the result.
   */
  async readRows(
    tiles: ReadonlyArray<{ level: number; index: number; width: number }>,
  ): Promise<Map<string, TileRow>> {
    const out = new Map<string, TileRow>();
    // Each tile once: a proof names the same tile for most of its subtrees, and a duplicate key would
    // fetch (and de-TOAST) the same row again.
    const missing = new Map<string, { level: number; idx: number }>();
    for (const t of tiles) {
      const k = key(t.level, t.index);
      if (out.has(k) || missing.has(k)) continue;
      const edge = this.#rightEdge.get(k);
      if (edge && edge.width >= t.width) {
        out.set(k, edge);
        continue;
      }
      const full = this.#full.get(k);
      if (full) {
        out.set(k, { level: t.level, idx: t.index, width: TILE_WIDTH, data: full });
        continue;
      }
      missing.set(k, { level: t.level, idx: t.index });
    }
    if (missing.size > 0) {
      for (const row of await readTileRows(this.db, [...missing.values()])) {
        if (row.width === TILE_WIDTH && row.level >= 0) this.#full.set(key(row.level, row.idx), row.data);
        out.set(key(row.level, row.idx), row);
      }
    }
    for (const t of tiles) {
      const row = out.get(key(t.level, t.index));
      if (row && row.width < t.width) out.delete(key(t.level, t.index));
    }
    return out;
  }

  /** TileReader: the bytes of each hash tile (a wider row where the partial one was asked for). */
  async readTiles(tiles: readonly Tile[]): Promise<Uint8Array[]> {
    const rows = await this.readRows(tiles);
    return tiles.map((t) => {
      const row = rows.get(key(t.level, t.index));
      if (!row)
        throw new LedgerError(
          "malformed_tile",
          `tile ${t.level}/${t.index} is not stored at width ${t.width}`,
        );
      return row.data;
    });
  }

  /**
   * Internal nodes of a tile: `levels[r]` holds the hashes of its complete subtrees of height r. All
   * levels share one buffer (a tile of 256 hashes has 255 internal nodes), so a tile costs one
   * allocation beside its hashes, not one per level — fewer objects for the garbage collector.
   */
  #tileTree(level: number, index: number, width: number, data: Uint8Array): Uint8Array[] {
    const k = `${level}/${index}/${width}`;
    const cached = this.#trees.get(k);
    if (cached) return cached;
    const levels = tileLevels(data, tileInternalNodes(data, width), width);
    this.#trees.set(k, levels);
    return levels;
  }

  /** Complete-subtree hashes of the tree of `size` leaves, from tiles (for the library's proof functions). */
  hashSource(size: number): SubtreeHashSource {
    return {
      readSubtreeHashes: async (ids) => {
        // Each tile once per call (a batch of proofs names a few tiles thousands of times).
        const tiles: Array<{ level: number; index: number; width: number }> = [];
        const tileOf = new Map<number, number>();
        const located = ids.map((id) => {
          const tileLevel = Math.floor(id.level / TILE_HEIGHT);
          const r = id.level % TILE_HEIGHT;
          const first = id.index * 2 ** r;
          const tileIndex = Math.floor(first / TILE_WIDTH);
          const available = hashCountAtLevel(size, tileLevel) - tileIndex * TILE_WIDTH;
          const width = Math.min(TILE_WIDTH, available);
          if ((first % TILE_WIDTH) + 2 ** r > width) {
            throw new LedgerError(
              "invalid_argument",
              `subtree ${id.level}/${id.index} is not complete at size ${size}`,
            );
          }
          const k = tileIndex * 64 + tileLevel; // exact: a tile index stays far below 2^47
          let tile = tileOf.get(k);
          if (tile === undefined) {
            tile = tiles.length;
            tileOf.set(k, tile);
            tiles.push({ level: tileLevel, index: tileIndex, width });
          }
          return { tile, r, node: id.index % (TILE_WIDTH >> r) };
        });
        const rows = await this.readRows(tiles);
        const trees = tiles.map((tile) => {
          const row = rows.get(key(tile.level, tile.index));
          if (!row) throw new LedgerError("malformed_tile", `tile ${tile.level}/${tile.index} is missing`);
          return this.#tileTree(tile.level, tile.index, tile.width, row.data);
        });
        return located.map(({ tile, r, node }) =>
          trees[tile]![r]!.slice(node * HASH_SIZE, (node + 1) * HASH_SIZE),
        );
      },
    };
  }

  /** RFC 9162 inclusion proof of a leaf in the tree of `size` leaves, from stored tiles. */
  inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    return readInclusionProof(this.hashSource(size), index, size);
  }

  /** Inclusion proofs of several leaves in the tree of `size` leaves, sharing what they have in common. */
  inclusionProofs(indexes: readonly number[], size: number): Promise<Uint8Array[][]> {
    return readInclusionProofs(this.hashSource(size), indexes, size);
  }

  /** RFC 9162 consistency proof between two sizes, from stored tiles. */
  consistencyProof(size1: number, size2: number): Promise<Uint8Array[]> {
    return readConsistencyProof(this.hashSource(size2), size1, size2);
  }
}
