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
import type { Logger } from "pino";
import type { Executor } from "../../platform";
import { readTileRows, type TileRow } from "./ledger.repository";
import { LevelZeroTileFile, TileRecord } from "./ledger.tile-file";

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
class Lru<V, K = string> {
  readonly #map = new Map<K, V>();
  constructor(readonly capacity: number) {}
  /** The value without making it recently used. */
  peek(k: K): V | undefined {
    return this.#map.get(k);
  }
  get(k: K): V | undefined {
    const v = this.#map.get(k);
    if (v !== undefined) {
      this.#map.delete(k);
      this.#map.set(k, v);
    }
    return v;
  }
  delete(k: K): void {
    this.#map.delete(k);
  }
  set(k: K, v: V): void {
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
  /** Level-0 tiles read from the tile file for proofs, by index. */
  readonly #records: Lru<TileRecord, number>;
  /** Level-0 tiles whose record in the tile file failed its check, until rewritten. */
  readonly #damagedInFile = new Set<number>();
  readonly #tileFilePath: string | undefined;
  readonly #log: Logger | undefined;
  #tileFile: LevelZeroTileFile | undefined;
  /** Where full tiles not in memory came from, and file tiles that failed their check. */
  readonly stats = { fileReads: 0, databaseReads: 0, fileMismatches: 0 };

  /**
   * `tileFile`: where to keep a copy of the full level-0 tiles (`LevelZeroTileFile`), opened by
   * `openTileFile`; without it every tile not in memory is read from the database.
   */
  constructor(
    readonly db: Executor,
    options: { fullTiles?: number; tileTrees?: number; tileFile?: string; log?: Logger } = {},
  ) {
    this.#tileFilePath = options.tileFile;
    this.#log = options.log;
    this.#full = new Lru(options.fullTiles ?? 4096);
    // As many tile trees as full tiles: a proof touches one tile per tile level, and a working set of
    // tiles that fits the tile cache but not the tree cache would hash every tile again on each use.
    this.#trees = new Lru(options.tileTrees ?? options.fullTiles ?? 4096);
    this.#records = new Lru(options.fullTiles ?? 4096);
  }

  /**
   * Replaces the in-memory partial tiles after the sequencer committed; keeps new full tiles cached,
   * with the internal nodes the sequencer computed for them (receipts need them next).
   */
  update(written: ReadonlyArray<TileRow & { internal?: Uint8Array }>, rightEdge: readonly TileRow[]): void {
    this.#tileFile?.append(written.filter((row) => row.level === 0 && row.width === TILE_WIDTH));
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
   * Opens the tile file for the tree of `size` leaves (the sequencer, once it loaded the log's state):
   * from then on new full level-0 tiles are copied to it, and missing ones are copied from the
   * database in the background. Nothing happens without a `tileFile` or when it is open already.
   */
  async openTileFile(size: number): Promise<void> {
    if (!this.#tileFilePath || this.#tileFile) return;
    this.#tileFile = await LevelZeroTileFile.open(
      this.#tileFilePath,
      Math.floor(size / TILE_WIDTH),
      this.db,
      this.#log,
    );
  }

  /** The open tile file, if any (its `caughtUp()` resolves once it holds every full tile). */
  get tileFile(): LevelZeroTileFile | undefined {
    return this.#tileFile;
  }

  /** Closes the tile file; tiles are read from the database until it is opened again. */
  async closeTileFile(): Promise<void> {
    const file = this.#tileFile;
    this.#tileFile = undefined;
    await file?.close();
  }

  /**
   * Records of these level-0 tiles from the tile file (cached), each bound to the tile's hash in the
   * level-1 tile above it, against which its contents are checked as they are used (`TileRecord`).
   * Tiles the file does not hold are absent.
   */
  async #fileRecords(indexes: readonly number[]): Promise<Map<number, TileRecord>> {
    const out = new Map<number, TileRecord>();
    const file = this.#tileFile;
    if (!file) return out;
    const needed: number[] = [];
    for (const idx of indexes) {
      const cached = this.#records.get(idx);
      if (cached) out.set(idx, cached);
      else if (idx < file.tiles && !this.#damagedInFile.has(idx)) needed.push(idx);
    }
    if (needed.length === 0) return out;
    const parents = await this.readRows(
      needed.map((idx) => ({
        level: 1,
        index: Math.floor(idx / TILE_WIDTH),
        width: (idx % TILE_WIDTH) + 1,
      })),
    );
    for (const idx of needed) {
      const parent = parents.get(key(1, Math.floor(idx / TILE_WIDTH)));
      const bytes = parent && file.read(idx);
      if (!bytes) continue;
      const at = (idx % TILE_WIDTH) * HASH_SIZE;
      const record = new TileRecord(bytes, parent.data.slice(at, at + HASH_SIZE));
      this.#records.set(idx, record);
      out.set(idx, record);
      this.stats.fileReads++;
    }
    return out;
  }

  /**
   * Forgets a record that failed its check: the tile is read from the database, and the next database
   * read of it rewrites the file's record.
   */
  #damaged(idx: number): void {
    this.#records.delete(idx);
    this.#damagedInFile.add(idx);
    this.stats.fileMismatches++;
    this.#log?.warn({ tile: idx }, "ledger tile file holds a wrong level-0 tile; read from the database");
  }

  /**
   * Full level-0 tiles among `missing` that the tile file holds, all their hashes checked against the
   * tile's hash one level up. Those that pass are added to `out`, cached with their internal nodes and
   * removed from `missing`; those that fail stay missing.
   */
  async #readFromFile(
    missing: Map<string, { level: number; idx: number }>,
    out: Map<string, TileRow>,
  ): Promise<void> {
    const wanted = [...missing.values()].filter((t) => t.level === 0).map((t) => t.idx);
    const records = await this.#fileRecords(wanted);
    for (const [idx, record] of records) {
      const data = record.hashes();
      if (!data) {
        this.#damaged(idx);
        continue;
      }
      const k = key(0, idx);
      this.#full.set(k, data);
      out.set(k, { level: 0, idx, width: TILE_WIDTH, data });
      missing.delete(k);
    }
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
    if (missing.size > 0) await this.#readFromFile(missing, out);
    if (missing.size > 0) {
      this.stats.databaseReads += missing.size;
      for (const row of await readTileRows(this.db, [...missing.values()])) {
        if (row.width === TILE_WIDTH && row.level >= 0) this.#full.set(key(row.level, row.idx), row.data);
        out.set(key(row.level, row.idx), row);
      }
      for (const { level, idx } of missing.values()) {
        const row = out.get(key(level, idx));
        if (level !== 0 || !this.#damagedInFile.has(idx) || row?.width !== TILE_WIDTH) continue;
        await this.#tileFile?.repair(idx, row.data);
        this.#damagedInFile.delete(idx);
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
        // Full level-0 tiles that no cache holds come from the tile file where it holds them: a proof
        // then checks the few hashes it uses instead of reading the row and rehashing the whole tile.
        const fromFile = await this.#fileRecords(
          tiles
            .filter(
              (t) =>
                t.level === 0 &&
                t.width === TILE_WIDTH &&
                !this.#trees.peek(`0/${t.index}/${TILE_WIDTH}`) &&
                !this.#full.peek(key(0, t.index)),
            )
            .map((t) => t.index),
        );
        const records = tiles.map((t) => (t.level === 0 ? fromFile.get(t.index) : undefined));
        const hashes = located.map(({ tile, r, node }) => records[tile]?.node(r, node));
        located.forEach(({ tile }, i) => {
          if (records[tile] && !hashes[i]) {
            this.#damaged(tiles[tile]!.index);
            records[tile] = undefined;
          }
        });
        const rows = await this.readRows(tiles.filter((_t, i) => !records[i]));
        const trees = tiles.map((tile, i) => {
          if (records[i]) return undefined;
          const row = rows.get(key(tile.level, tile.index));
          if (!row) throw new LedgerError("malformed_tile", `tile ${tile.level}/${tile.index} is missing`);
          return this.#tileTree(tile.level, tile.index, tile.width, row.data);
        });
        return located.map(({ tile, r, node }, i) => {
          const tree = trees[tile];
          return tree ? tree[r]!.slice(node * HASH_SIZE, (node + 1) * HASH_SIZE) : hashes[i]!.slice();
        });
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
