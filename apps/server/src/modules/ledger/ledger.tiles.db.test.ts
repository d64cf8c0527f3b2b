import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leafHash, updateTiles, verifyInclusion } from "@netcourt/ledger";
import { inTransaction, type Database } from "../../platform";
import { openTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { upsertTiles } from "./ledger.repository";
import { TileStore } from "./ledger.tiles";

/**
 * Upper tile levels are kept in memory from the start: a proof of a leaf never asked for before reads
 * its level-0 tile only.
 */
describe.each(testDatabaseKinds())("tile store preload on %s", (kind) => {
  let database: Database;
  // Two full level-1 tiles (131,072 leaves) and a partial one.
  const size = 2 * 65_536 + 300;
  let root: Uint8Array;
  const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const hashes = Array.from({ length: size }, (_, i) => leafHash(entry(i)));
    const update = updateTiles(0, [], hashes);
    root = update.treeHash;
    await inTransaction(database.db, (trx) =>
      upsertTiles(
        trx,
        update.tiles.map((t) => ({
          level: t.tile.level,
          idx: t.tile.index,
          width: t.tile.width,
          data: t.data,
        })),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it("loads the full tiles above level 0 and proves from them after they are gone from storage", async () => {
    const store = new TileStore(database.db);
    // The sequencer's right edge: the partial tiles of each level.
    const edge = await sql<{ level: number; idx: string; width: number; data: Uint8Array }>`
      select level, idx, width, data from ledger_tiles where width < 256 and level >= 0`.execute(database.db);
    store.update(
      [],
      edge.rows.map((r) => ({
        level: r.level,
        idx: Number(r.idx),
        width: r.width,
        data: new Uint8Array(r.data),
      })),
    );
    expect(await store.preloadUpperLevels(size)).toBe(2);

    // Storage now holds level-0 tiles only (past the append-only trigger): every upper hash must come
    // from the preloaded cache.
    await inTransaction(database.db, async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from ledger_tiles where level >= 1 and width = 256`.execute(trx);
    });
    for (const index of [0, 65_535, 65_536, 100_000, size - 301]) {
      const proof = await store.inclusionProof(index, size);
      expect(verifyInclusion(index, size, leafHash(entry(index)), proof, root)).toBe(true);
    }

    // A store that did not preload cannot prove the same leaves any more.
    const cold = new TileStore(database.db);
    cold.update(
      [],
      edge.rows.map((r) => ({
        level: r.level,
        idx: Number(r.idx),
        width: r.width,
        data: new Uint8Array(r.data),
      })),
    );
    await expect(cold.inclusionProof(100_000, size)).rejects.toThrow(/missing/);
  }, 120_000);

  it("loads nothing above a quarter of its cache", async () => {
    const store = new TileStore(database.db, { fullTiles: 4 });
    expect(await store.preloadUpperLevels(size)).toBe(0);
  });
});
