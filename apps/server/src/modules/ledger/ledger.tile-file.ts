import { constants, readSync } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import {
  HASH_SIZE,
  TILE_HEIGHT,
  TILE_WIDTH,
  bytesEqual,
  nodeHash,
  tileInternalNodes,
} from "@netcourt/ledger";
import type { Logger } from "pino";
import type { Executor } from "../../platform";
import { readTileRows } from "./ledger.repository";

/** Bytes of a full hash tile (tlog-tiles: 256 hashes of 32 bytes). */
export const FULL_TILE_BYTES = TILE_WIDTH * HASH_SIZE;

/**
 * Bytes of a tile's record in the file: its 256 hashes, its 255 internal nodes (`tileInternalNodes`
 * order: the 128 subtrees of height 1, the 64 of height 2, … the root) and 32 zero bytes, so that
 * records stay aligned to 4 KB pages.
 */
export const TILE_RECORD_BYTES = 2 * FULL_TILE_BYTES;

/** Position of node `n` of height `r` among a record's 511 hashes. */
function slot(r: number, n: number): number {
  return 2 * TILE_WIDTH - ((2 * TILE_WIDTH) >> r) + n;
}

/** Tiles copied from the database per read while the file catches up (hashing 32 tiles takes ~8 ms). */
const CATCH_UP_SLICE = 32;

/**
 * One full level-0 tile as the file holds it: hashes and internal nodes, each trusted only once the
 * path from it to the tile's root hashes correctly and the root is the tile's hash one level up (an
 * RFC 9162 audit path inside the tile). A proof of one leaf checks 8 hashes this way instead of
 * rehashing the tile's 255 internal nodes; nodes checked once are not checked again.
 */
export class TileRecord {
  readonly #bytes: Uint8Array;
  readonly #root: Uint8Array;
  readonly #checked = new Uint8Array(2 * TILE_WIDTH - 1);

  /** `root`: the tile's hash in the level-1 tile above it (from the database or memory). */
  constructor(bytes: Uint8Array, root: Uint8Array) {
    this.#bytes = bytes;
    this.#root = root;
  }

  #node(r: number, n: number): Uint8Array {
    const at = slot(r, n) * HASH_SIZE;
    return this.#bytes.subarray(at, at + HASH_SIZE);
  }

  /** The hash of the complete subtree of height `r` (0–8), number `n` in the tile; undefined if wrong. */
  node(r: number, n: number): Uint8Array | undefined {
    if (!this.#check(r, n)) return undefined;
    return this.#node(r, n);
  }

  #check(r: number, n: number): boolean {
    if (this.#checked[slot(r, n)]) return true;
    const passed: number[] = [];
    let h = r;
    let i = n;
    for (;;) {
      if (h === TILE_HEIGHT) {
        if (!bytesEqual(this.#node(h, 0), this.#root)) return false;
        passed.push(slot(h, 0));
        break;
      }
      if (this.#checked[slot(h, i)]) break;
      const left = i & ~1;
      if (!bytesEqual(nodeHash(this.#node(h, left), this.#node(h, left + 1)), this.#node(h + 1, i >> 1))) {
        return false;
      }
      passed.push(slot(h, left), slot(h, left + 1));
      h++;
      i >>= 1;
    }
    for (const s of passed) this.#checked[s] = 1;
    return true;
  }

  /** The tile's 256 hashes, all checked (rehashes the tile once). Undefined if any is wrong. */
  hashes(): Uint8Array | undefined {
    const data = this.#bytes.subarray(0, FULL_TILE_BYTES);
    const internal = tileInternalNodes(data, TILE_WIDTH);
    if (!bytesEqual(internal.subarray(internal.length - HASH_SIZE), this.#root)) return undefined;
    this.#checked.fill(1);
    this.#bytes.set(internal, FULL_TILE_BYTES);
    return data;
  }
}

/** A tile's record: its hashes, its internal nodes (computed if not given) and padding. */
export function tileRecord(data: Uint8Array, internal?: Uint8Array): Uint8Array {
  const record = new Uint8Array(TILE_RECORD_BYTES);
  record.set(data.subarray(0, FULL_TILE_BYTES));
  record.set(internal ?? tileInternalNodes(data, TILE_WIDTH), FULL_TILE_BYTES);
  return record;
}

/**
 * The full level-0 tiles of the log, in order, in one file of 16 KB records (`TILE_RECORD_BYTES`):
 * record n holds level-0 tile n (the log's leaf hashes n·256 … n·256+255) and its internal nodes. A
 * copy of what the database holds, kept beside it so that a proof of a leaf nobody asked for recently
 * reads one record at a known offset and checks 8 hashes, instead of reading a TOASTed row (index, heap,
 * TOAST index and TOAST pages) and hashing the tile's 255 internal nodes.
 *
 * The database stays the record. The file is appended after the database committed, so it is never
 * ahead of it; a file that is short (a crash between the two, a new server, a deleted file) is filled
 * from the database in the background, one that is longer (a database restored from an older backup)
 * or ends in a torn tile is cut back. The store checks every tile it reads from the file against the
 * tile's hash one level up before using it (`TileStore`), so a damaged file costs a database read and a
 * repair, never a wrong proof.
 */
export class LevelZeroTileFile {
  readonly #handle: FileHandle;
  readonly #db: Executor;
  readonly #log: Logger | undefined;
  /** Tiles wholly written, from the start of the file. */
  #tiles: number;
  /** Full level-0 tiles the log has (the file catches up to this). */
  #target: number;
  /** Records of new full tiles handed over by the sequencer, waiting for their turn to be written. */
  readonly #pending = new Map<number, Uint8Array>();
  #writing: Promise<void> | undefined;
  #closed = false;
  #failed = false;

  private constructor(
    handle: FileHandle,
    db: Executor,
    log: Logger | undefined,
    tiles: number,
    target: number,
  ) {
    this.#handle = handle;
    this.#db = db;
    this.#log = log;
    this.#tiles = tiles;
    this.#target = target;
  }

  /**
   * Opens (or creates) the file for a log with `fullTiles` full level-0 tiles, cuts off what the log
   * does not have, and starts copying what the file lacks.
   */
  static async open(file: string, fullTiles: number, db: Executor, log?: Logger): Promise<LevelZeroTileFile> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Read-write without O_APPEND: tiles are written at their own offsets (a repair rewrites one).
    const handle = await fs.open(file, constants.O_RDWR | constants.O_CREAT, 0o600);
    try {
      const { size } = await handle.stat();
      const whole = Math.floor(size / TILE_RECORD_BYTES);
      const keep = Math.min(whole, fullTiles);
      if (keep * TILE_RECORD_BYTES !== size) {
        log?.warn(
          { file, bytes: size, tiles: keep, logTiles: fullTiles },
          "ledger tile file cut back to the tiles the log holds",
        );
        await handle.truncate(keep * TILE_RECORD_BYTES);
      }
      const tileFile = new LevelZeroTileFile(handle, db, log, keep, fullTiles);
      tileFile.#kick();
      return tileFile;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Full tiles the file holds (tiles 0 … n−1), readable with `read`. */
  get tiles(): number {
    return this.#failed || this.#closed ? 0 : this.#tiles;
  }

  /** Full level-0 tiles the log has, which the file is catching up to. */
  get target(): number {
    return this.#target;
  }

  /**
   * Record `index` as the file holds it (unchecked: see `TileRecord`), or undefined where the file does
   * not hold it (yet). A synchronous read: 16 KB from the page cache takes microseconds, less than
   * handing the read to the thread pool and back.
   */
  read(index: number): Uint8Array | undefined {
    if (index >= this.tiles) return undefined;
    const record = new Uint8Array(TILE_RECORD_BYTES);
    try {
      const bytesRead = readSync(this.#handle.fd, record, 0, TILE_RECORD_BYTES, index * TILE_RECORD_BYTES);
      return bytesRead === TILE_RECORD_BYTES ? record : undefined;
    } catch (error) {
      if (!this.#closed) this.#fail(error, "read");
      return undefined;
    }
  }

  /**
   * Hands over new full level-0 tiles (committed in the database) with their internal nodes where
   * known, written in order behind the rest.
   */
  append(tiles: ReadonlyArray<{ idx: number; data: Uint8Array; internal?: Uint8Array }>): void {
    if (this.#closed || this.#failed) return;
    for (const tile of tiles) {
      if (tile.idx < this.#tiles) continue;
      this.#pending.set(tile.idx, tileRecord(tile.data, tile.internal));
      if (tile.idx + 1 > this.#target) this.#target = tile.idx + 1;
    }
    this.#kick();
  }

  /** Rewrites a tile the file holds wrongly from the database's bytes. */
  async repair(index: number, data: Uint8Array): Promise<void> {
    if (index >= this.tiles || data.length !== FULL_TILE_BYTES) return;
    try {
      await this.#handle.write(tileRecord(data), 0, TILE_RECORD_BYTES, index * TILE_RECORD_BYTES);
    } catch (error) {
      this.#fail(error, "repair");
    }
  }

  /** Resolves once the file holds every full tile handed over or found in the database so far. */
  async caughtUp(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Stops copying and closes the file (tiles not yet written are copied at the next open). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writing;
    this.#pending.clear();
    await this.#handle.close();
  }

  #kick(): void {
    if (this.#writing || this.#closed || this.#failed || this.#tiles >= this.#target) return;
    this.#writing = this.#catchUp()
      .catch((error: unknown) => this.#fail(error, "write"))
      .finally(() => {
        this.#writing = undefined;
        // Tiles handed over while the last write ran.
        this.#kick();
      });
  }

  /** Writes tiles #tiles … #target−1 in order, from the sequencer's hand-over or the database. */
  async #catchUp(): Promise<void> {
    while (!this.#closed && this.#tiles < this.#target) {
      const first = this.#tiles;
      const end = Math.min(this.#target, first + CATCH_UP_SLICE);
      const run: Uint8Array[] = [];
      for (let i = first; i < end && this.#pending.has(i); i++) run.push(this.#pending.get(i)!);
      if (run.length === 0) {
        // Not handed over: tiles committed before this server opened the file.
        const rows = await readTileRows(
          this.#db,
          Array.from({ length: end - first }, (_v, i) => ({ level: 0, idx: first + i })),
        );
        const byIndex = new Map(rows.filter((r) => r.width === TILE_WIDTH).map((r) => [r.idx, r.data]));
        for (let i = first; i < end && byIndex.has(i); i++) run.push(tileRecord(byIndex.get(i)!));
        if (run.length === 0) throw new Error(`level-0 tile ${first} is not stored as a full tile`);
      }
      const bytes = Buffer.concat(run);
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.#handle.write(
          bytes,
          written,
          bytes.length - written,
          first * TILE_RECORD_BYTES + written,
        );
        written += bytesWritten;
      }
      for (let i = 0; i < run.length; i++) this.#pending.delete(first + i);
      this.#tiles = first + run.length;
      // Copying a large log from the database runs beside requests, not ahead of them.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #fail(error: unknown, during: string): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#pending.clear();
    this.#log?.error({ err: error, during }, "ledger tile file disabled; tiles are read from the database");
  }
}
