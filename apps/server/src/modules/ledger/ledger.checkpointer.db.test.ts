import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock, type Database } from "../../platform";
import { openTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { resolveLedgerConfig } from "./ledger.config";
import { insertCourtEvent } from "./ledger.repository";
import { createLedger, type Ledger } from "./ledger.service";
import { ENTRY_BUNDLE_LEVEL } from "./ledger.tiles";

/**
 * The checkpointer signs a tree only when the stored entries re-derive it (Yeti 2022): a stored entry
 * bundle or hash tile that differs from what the log appended stops signing until it is repaired.
 */
describe.each(testDatabaseKinds())("checkpoint signing against storage on %s", (kind) => {
  let database: Database;
  let dataDir: string;
  let ledger: Ledger;
  const court = "00000000-0000-4000-8000-0000000000c1";
  const clock = new ManualClock("2026-03-02T09:00:00+08:00");

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-ledger-checkpointer-"));
    ledger = await createLedger({
      db: database.db,
      clock,
      log: pino({ level: "silent" }),
      dataDir,
      config: resolveLedgerConfig({ witnesses: [] }),
    });
    // The sequencer alone: checkpoints are signed below, one tick at a time.
    await ledger.sequencer.start();
  }, 60_000);

  afterAll(async () => {
    await ledger?.sequencer.stop();
    await database?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await insertCourtEvent(database.db, {
        leafType: "court_event",
        kind: "case_filed",
        courtId: court,
        caseId: null,
        sha256: null,
        opening: JSON.stringify({ caseId: null, payload: { n: i }, salt: "00" }),
        recordedAt: clock.now(),
      });
    }
    await ledger.sequencer.sequencePendingEvents();
    return ledger.sequencer.committed.size;
  };
  const signed = async () => {
    await ledger.checkpointer.tick({ events: false });
    return ledger.checkpointer.latestSigned?.size;
  };
  /**
   * Flips one byte of a stored tile (level −1: entry bundle) at `offset`, past the table's trigger that
   * lets tiles only grow, as a fault below the database would; flipping again restores it.
   */
  const flip = (level: number, idx: number, offset: number) =>
    database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update ledger_tiles
                set data = set_byte(data, ${offset}, get_byte(data, ${offset}) # 1)
                where level = ${level} and idx = ${idx}`.execute(trx);
    });

  it("signs what the stored entries re-derive and refuses an altered entry bundle or tile", async () => {
    expect(await append(300)).toBe(300);
    expect(await signed()).toBe(300);

    expect(await append(10)).toBe(310);
    await flip(ENTRY_BUNDLE_LEVEL, 1, 20); // an entry of the partial bundle
    expect(await signed()).toBe(300);
    await flip(ENTRY_BUNDLE_LEVEL, 1, 20);
    expect(await signed()).toBe(310);

    expect(await append(5)).toBe(315);
    await flip(0, 1, 32 * 56 + 3); // the hash of leaf 312 in the partial level-0 tile
    expect(await signed()).toBe(310);
    await flip(0, 1, 32 * 56 + 3);
    expect(await signed()).toBe(315);

    expect(await append(300)).toBe(615);
    await flip(ENTRY_BUNDLE_LEVEL, 1, 2); // bundle 1 is full now, and was read from memory
    expect(await signed()).toBe(315);
    await flip(ENTRY_BUNDLE_LEVEL, 1, 2);
    expect(await signed()).toBe(615);
  }, 60_000);
});
