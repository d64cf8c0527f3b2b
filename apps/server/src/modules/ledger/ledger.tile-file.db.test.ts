import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  HASH_SIZE,
  TILE_WIDTH,
  leafHash,
  tileInternalNodes,
  updateTiles,
  verifyInclusion,
} from "@netcourt/ledger";
import { inTransaction, type Database } from "../../platform";
import { openTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { readTileRows, upsertTiles, type TileRow } from "./ledger.repository";
import { FULL_TILE_BYTES, TILE_RECORD_BYTES, TileRecord, tileRecord } from "./ledger.tile-file";
import { TileStore } from "./ledger.tiles";

const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);
const flip = (bytes: Uint8Array, at: number) => {
  bytes[at] = bytes[at]! ^ 1;
};

describe("a tile record read from the tile file", () => {
  const data = new Uint8Array(FULL_TILE_BYTES);
  for (let i = 0; i < TILE_WIDTH; i++) data.set(leafHash(entry(i)), i * HASH_SIZE);
  const internal = tileInternalNodes(data, TILE_WIDTH);
  const root = internal.slice(internal.length - HASH_SIZE);

  it("gives every node of the tile when the record is intact", () => {
    const record = new TileRecord(tileRecord(data, internal), root);
    expect(record.node(0, 37)).toEqual(data.subarray(37 * HASH_SIZE, 38 * HASH_SIZE));
    // Height 1 starts the internal nodes; height 8 is the root.
    expect(record.node(1, 5)).toEqual(internal.subarray(5 * HASH_SIZE, 6 * HASH_SIZE));
    expect(record.node(8, 0)).toEqual(root);
    expect(record.hashes()).toEqual(data);
  });

  it("refuses exactly the hashes whose path to the root is broken", () => {
    const bytes = tileRecord(data, internal);
    flip(bytes, 5 * HASH_SIZE); // leaf hash 5
    const record = new TileRecord(bytes, root);
    expect(record.node(0, 5)).toBeUndefined();
    expect(record.node(0, 4)).toBeUndefined(); // its sibling: they hash to a stored node that disagrees
    // A leaf in the other half proves through stored nodes that are intact.
    expect(record.node(0, 200)).toEqual(data.subarray(200 * HASH_SIZE, 201 * HASH_SIZE));
    expect(new TileRecord(bytes, root).hashes()).toBeUndefined();
  });

  it("refuses a record whose internal nodes or root do not match the tile's hash above", () => {
    const bytes = tileRecord(data, internal);
    flip(bytes, FULL_TILE_BYTES + 3); // internal node (1, 0)
    expect(new TileRecord(bytes, root).node(0, 0)).toBeUndefined();
    expect(new TileRecord(bytes, root).node(0, 9)).toEqual(data.subarray(9 * HASH_SIZE, 10 * HASH_SIZE));
    const otherRoot = root.slice();
    flip(otherRoot, 0);
    expect(new TileRecord(tileRecord(data), otherRoot).node(0, 9)).toBeUndefined();
    // Recomputed internal nodes repair a record whose leaves are right.
    const repaired = new TileRecord(bytes, root);
    expect(repaired.hashes()).toEqual(data);
    expect(repaired.node(0, 0)).toEqual(data.subarray(0, HASH_SIZE));
  });
});

/**
 * The full level-0 tiles in a file beside the database: filled from the database, cut back when it
 * holds more than the log, used for proofs, and repaired from the database when it holds wrong bytes.
 */
describe.each(testDatabaseKinds())("the level-0 tile file on %s", (kind) => {
  let database: Database;
  let dir: string;
  let file: string;
  // 261 full level-0 tiles, one full level-1 tile and partial tiles above and at the edge.
  const size = 65_536 + 5 * TILE_WIDTH + 77;
  const fullTiles = Math.floor(size / TILE_WIDTH);
  let root: Uint8Array;
  let edge: TileRow[];
  const stores: TileStore[] = [];

  const openStore = async () => {
    const store = new TileStore(database.db, { tileFile: file });
    store.update([], edge);
    await store.preloadUpperLevels(size);
    await store.openTileFile(size);
    await store.tileFile!.caughtUp();
    stores.push(store);
    return store;
  };
  const proves = async (store: TileStore, index: number) =>
    verifyInclusion(index, size, leafHash(entry(index)), await store.inclusionProof(index, size), root);
  const storedRecord = async (idx: number) => {
    const [row] = await readTileRows(database.db, [{ level: 0, idx }]);
    return tileRecord(row!.data);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-tile-file-"));
    file = path.join(dir, "ledger", "tiles-0.bin");
    const update = updateTiles(
      0,
      [],
      Array.from({ length: size }, (_, i) => leafHash(entry(i))),
    );
    root = update.treeHash;
    const rows = update.tiles.map((t) => ({
      level: t.tile.level,
      idx: t.tile.index,
      width: t.tile.width,
      data: t.data,
    }));
    await inTransaction(database.db, (trx) => upsertTiles(trx, rows));
    edge = rows.filter((r) => r.width < TILE_WIDTH);
  }, 120_000);

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.closeTileFile();
  });

  afterAll(async () => {
    await database?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("copies a log's full level-0 tiles from the database, with their internal nodes", async () => {
    await openStore();
    const bytes = await fs.readFile(file);
    expect(bytes.length).toBe(fullTiles * TILE_RECORD_BYTES);
    for (const idx of [0, 1, 128, fullTiles - 1]) {
      expect(bytes.subarray(idx * TILE_RECORD_BYTES, (idx + 1) * TILE_RECORD_BYTES)).toEqual(
        Buffer.from(await storedRecord(idx)),
      );
    }
  });

  it("proves leaves from the file alone once the database's level-0 rows are out of reach", async () => {
    const store = await openStore();
    // Past the append-only trigger: the full level-0 rows leave storage for this test only.
    const removed = await sql<{ level: number; idx: string; width: number; data: Uint8Array }>`
      select level, idx, width, data from ledger_tiles where level = 0 and width = 256`.execute(database.db);
    await inTransaction(database.db, async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from ledger_tiles where level = 0 and width = 256`.execute(trx);
    });
    try {
      for (const index of [0, 255, 256, 40_000, 65_535, 65_536, fullTiles * TILE_WIDTH - 1, size - 1]) {
        expect(await proves(store, index), `leaf ${index}`).toBe(true);
      }
      expect(store.stats.fileReads).toBeGreaterThanOrEqual(6);
      expect(store.stats.databaseReads).toBe(0);
      // The tile API's path checks every hash of the tile it reads.
      const [tile] = await store.readTiles([{ level: 0, index: 200, width: TILE_WIDTH }]);
      const expected = removed.rows.find((r) => Number(r.idx) === 200)!;
      expect(Buffer.from(tile!)).toEqual(Buffer.from(expected.data));
    } finally {
      await inTransaction(database.db, async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await upsertTiles(
          trx,
          removed.rows.map((r) => ({ level: r.level, idx: Number(r.idx), width: r.width, data: r.data })),
        );
      });
    }
  });

  it("reads a damaged tile from the database, proves with it and repairs the file", async () => {
    await openStore();
    const handle = await fs.open(file, "r+");
    // A leaf hash of tile 7 and an internal node of tile 9.
    await handle.write(Buffer.alloc(HASH_SIZE, 0xee), 0, HASH_SIZE, 7 * TILE_RECORD_BYTES + 3 * HASH_SIZE);
    await handle.write(Buffer.alloc(HASH_SIZE, 0xee), 0, HASH_SIZE, 9 * TILE_RECORD_BYTES + FULL_TILE_BYTES);
    await handle.close();

    const store = await openStore();
    expect(await proves(store, 7 * TILE_WIDTH + 3)).toBe(true);
    expect(await proves(store, 9 * TILE_WIDTH)).toBe(true);
    expect(store.stats.fileMismatches).toBe(2);
    expect(store.stats.databaseReads).toBeGreaterThanOrEqual(2);
    const bytes = await fs.readFile(file);
    for (const idx of [7, 9]) {
      expect(bytes.subarray(idx * TILE_RECORD_BYTES, (idx + 1) * TILE_RECORD_BYTES)).toEqual(
        Buffer.from(await storedRecord(idx)),
      );
    }
    // The next server reads both from the file again.
    const next = await openStore();
    expect(await proves(next, 7 * TILE_WIDTH + 3)).toBe(true);
    expect(next.stats).toMatchObject({ fileMismatches: 0, databaseReads: 0 });
  });

  it("cuts off a torn record and records the log does not hold, and fills in what is missing", async () => {
    await openStore();
    // A crash in the middle of a write, and a file from a log that had grown further (a database
    // restored from an older backup).
    await fs.truncate(file, 100 * TILE_RECORD_BYTES + 5_000);
    let store = await openStore();
    expect((await fs.stat(file)).size).toBe(fullTiles * TILE_RECORD_BYTES);
    expect(await proves(store, 150 * TILE_WIDTH + 1)).toBe(true);
    await store.closeTileFile();

    await fs.appendFile(file, Buffer.alloc(3 * TILE_RECORD_BYTES, 1));
    store = await openStore();
    expect((await fs.stat(file)).size).toBe(fullTiles * TILE_RECORD_BYTES);
    expect(await proves(store, (fullTiles - 1) * TILE_WIDTH + 9)).toBe(true);
    expect(store.stats.fileMismatches).toBe(0);

    await fs.rm(file);
    store = await openStore();
    expect((await fs.stat(file)).size).toBe(fullTiles * TILE_RECORD_BYTES);
  });

  it("appends the full tiles the sequencer hands over, behind those copied from the database", async () => {
    await fs.rm(file, { force: true });
    const store = new TileStore(database.db, { tileFile: file });
    stores.push(store);
    store.update([], edge);
    // A server that knew the log at an earlier size: the file starts 11 tiles short …
    await store.openTileFile(size - 11 * TILE_WIDTH);
    // … and the sequencer commits the rest, handing its new full tiles over with their internal nodes.
    const rows = await readTileRows(
      database.db,
      Array.from({ length: 11 }, (_, i) => ({ level: 0, idx: fullTiles - 11 + i })),
    );
    store.update(
      rows.map((r) => ({ ...r, internal: tileInternalNodes(r.data, TILE_WIDTH) })),
      edge,
    );
    await store.tileFile!.caughtUp();
    expect(store.tileFile!.tiles).toBe(fullTiles);
    const bytes = await fs.readFile(file);
    for (const idx of [0, fullTiles - 12, fullTiles - 11, fullTiles - 1]) {
      expect(bytes.subarray(idx * TILE_RECORD_BYTES, (idx + 1) * TILE_RECORD_BYTES)).toEqual(
        Buffer.from(await storedRecord(idx)),
      );
    }
  });
});
