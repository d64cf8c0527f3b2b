import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestDatabase, testDatabaseKinds } from "../testing/test-database";
import { writeAuditEvent, systemMeta } from "./audit/audit";
import { ManualClock } from "./clock";
import type { Database } from "./db/database";
import { migrate } from "./db/migrate";
import { inTransaction } from "./db/transaction";
import { LocalFileStore } from "./files/file-store";
import { JobRunner, cancelJob, defineJob, enqueueJob } from "./jobs/job-queue";

describe.each(testDatabaseKinds())("platform on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("applies migrations once and reports nothing new on a second run", async () => {
    const second = await migrate(database);
    expect(second.applied).toEqual([]);
    const rows = await database.db.selectFrom("schema_migrations").select("name").execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses to change or delete an audit event", async () => {
    const meta = systemMeta("test", new Date("2026-03-02T01:00:00Z"));
    await writeAuditEvent(database.db, meta, { action: "test.done", subjectType: "test", subjectId: "1" });
    await expect(
      database.db.updateTable("audit_events").set({ action: "changed" }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom("audit_events").execute()).rejects.toThrow(/append-only/);
    const count = await database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("rolls back every write of a failed transaction", async () => {
    const meta = systemMeta("test", new Date());
    await expect(
      inTransaction(database.db, async (trx) => {
        await writeAuditEvent(trx, meta, { action: "test.rolled_back", subjectType: "test", subjectId: "2" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const found = await database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "test.rolled_back")
      .execute();
    expect(found).toEqual([]);
  });

  it("runs a due job once, retries a failing one later, and skips cancelled ones", async () => {
    const clock = new ManualClock("2026-03-02T01:00:00Z");
    const seen: string[] = [];
    let failures = 1;
    const echo = defineJob({
      kind: "test.echo",
      payload: z.object({ word: z.string() }),
      handle: async ({ word }) => {
        if (word === "flaky" && failures-- > 0) throw new Error("transient");
        seen.push(word);
      },
    });
    const runner = new JobRunner({ db: database.db, clock, definitions: [echo as never], pollMs: 1000 });
    const now = clock.now();
    await enqueueJob(database.db, echo, { word: "now" }, { runAt: now, now });
    await enqueueJob(database.db, echo, { word: "later" }, { runAt: new Date(now.getTime() + 60_000), now });
    await enqueueJob(database.db, echo, { word: "flaky" }, { runAt: now, now });
    await enqueueJob(database.db, echo, { word: "cancelled" }, { runAt: now, now, dedupeKey: "cancel-me" });
    await cancelJob(database.db, "cancel-me", now);

    await runner.runDue();
    expect(seen.sort()).toEqual(["now"]);
    clock.advance(61_000);
    await runner.runDue();
    expect(seen.sort()).toEqual(["flaky", "later", "now"]);
    await runner.runDue();
    expect(seen).toHaveLength(3);
  });

  it("runs every due job in batches, also when the runner was never started (tests, CLIs)", async () => {
    const clock = new ManualClock("2026-03-04T01:00:00Z");
    const seen: number[] = [];
    const count = defineJob({
      kind: "test.count",
      payload: z.object({ n: z.number() }),
      handle: async ({ n }) => void seen.push(n),
    });
    const runner = new JobRunner({
      db: database.db,
      clock,
      definitions: [count as never],
      pollMs: 1000,
      batchSize: 2,
    });
    const now = clock.now();
    for (let n = 0; n < 5; n++) await enqueueJob(database.db, count, { n }, { runAt: now, now });
    expect(await runner.runDue()).toBe(5);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("picks up a job whose worker died after its lock expired", async () => {
    const clock = new ManualClock("2026-03-03T01:00:00Z");
    const seen: number[] = [];
    const job = defineJob({
      kind: "test.crash",
      payload: z.object({ n: z.number() }),
      handle: async ({ n }) => void seen.push(n),
    });
    const now = clock.now();
    await enqueueJob(database.db, job, { n: 7 }, { runAt: now, now });
    // A worker claimed it and died: status running with a lock in the past.
    await database.db
      .updateTable("jobs")
      .set({ status: "running", locked_until: new Date(now.getTime() - 1) })
      .where("kind", "=", "test.crash")
      .execute();
    const runner = new JobRunner({ db: database.db, clock, definitions: [job as never], pollMs: 1000 });
    await runner.runDue();
    expect(seen).toEqual([7]);
  });
});

describe("local file store", () => {
  it("stores content under its SHA-256 once and refuses an oversized stream", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-files-"));
    const store = new LocalFileStore(root);
    const staged = await store.stage(Readable.from([Buffer.from("hello "), Buffer.from("court")]), 1024);
    expect(staged.sha256).toBe(createHash("sha256").update("hello court").digest("hex"));
    expect(staged.head.toString()).toBe("hello court");
    await staged.commit();
    expect((await store.read(staged.sha256)).toString()).toBe("hello court");
    const again = await store.put(Buffer.from("hello court"));
    expect(again.sha256).toBe(staged.sha256);
    await expect(store.stage(Readable.from([Buffer.alloc(2048)]), 1024)).rejects.toMatchObject({
      code: "file_too_large",
    });
    const leftovers = await fs.readdir(path.join(root, "tmp"));
    expect(leftovers).toEqual([]);
    await fs.rm(root, { recursive: true, force: true });
  });
});
