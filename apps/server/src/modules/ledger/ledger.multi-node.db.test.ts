import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createVerifier, generateKey, parseNote, randomSeed, type NoteVerifier } from "@netcourt/ledger";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, ManualClock, type Database } from "../../platform";
import { openTestDatabase, testDatabaseKinds } from "../../testing/test-database";
import { resolveLedgerConfig, type LedgerConfig, type WitnessConfig } from "./ledger.config";
import { environmentLogKeyStore } from "./ledger.keys";
import { findLatestCheckpoint, findLatestPublishedCheckpoint, insertCourtEvent } from "./ledger.repository";
import { createLedger, type Ledger } from "./ledger.service";
import { runPolicyCommand } from "./tools/policy.cli";
import { witnessKeyFrom } from "./witness/witness.key";
import { startWitnessServer, type RunningWitness } from "./witness/witness.server";
import { WitnessStateStore } from "./witness/witness.state";

const ORIGIN = "netcourt.test/multi-node";
const COURT = "00000000-0000-4000-8000-0000000000c1";
/** Nothing listens here: a server with this URL cannot reach the witness. */
const UNREACHABLE = "http://127.0.0.1:9";

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Several servers on one database are one log: every server serves the newest checkpoint any of them
 * published, acknowledges a deposit once any of them published a checkpoint covering it, and runs under
 * the log's trust policy (its witnesses and quorum, kept in the database) or not at all.
 */
describe.each(testDatabaseKinds())("one log served by two servers on %s", (kind) => {
  let database: Database;
  let folder: string;
  let witness: RunningWitness;
  let reachable: WitnessConfig;
  const logKey = generateKey(ORIGIN).privateKey;
  const clock = new ManualClock("2026-03-02T09:00:00+08:00");
  const started: Ledger[] = [];

  const node = async (name: string, overrides: Partial<LedgerConfig>): Promise<Ledger> => {
    const ledger = await createLedger({
      db: database.db,
      clock,
      log: pino({ level: "silent" }),
      dataDir: path.join(folder, name),
      config: resolveLedgerConfig({
        origin: ORIGIN,
        checkpointIntervalMs: 30,
        witnessTimeoutMs: 500,
        publishTimeoutMs: 10_000,
        ...overrides,
      }),
      // Every server reads the same key (LEDGER_LOG_KEY).
      keyStore: environmentLogKeyStore(logKey),
    });
    started.push(ledger);
    return ledger;
  };
  const append = async (ledger: Ledger, n: number): Promise<number> => {
    await insertCourtEvent(database.db, {
      leafType: "court_event",
      kind: "case_filed",
      courtId: COURT,
      caseId: null,
      sha256: null,
      opening: JSON.stringify({ caseId: null, payload: { n }, salt: "00" }),
      recordedAt: clock.now(),
    });
    await ledger.sequencer.sequencePendingEvents();
    return ledger.sequencer.committed.size;
  };

  let nodeA: Ledger;
  let nodeB: Ledger;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-ledger-nodes-"));
    const key = witnessKeyFrom("notary.netcourt.test", randomSeed());
    const logs = new Map<string, NoteVerifier[]>();
    const store = await WitnessStateStore.open(path.join(folder, "witness"));
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    witness = await startWitnessServer(
      { key, logs, store, clock: () => Math.floor(Date.now() / 1000), log: quiet },
      { host: "127.0.0.1", port: 0 },
    );
    reachable = { name: key.name, vkey: key.vkey, url: witness.url };
    // Node A reaches the witness; node B has the same policy but an old address for it.
    nodeA = await node("a", { witnesses: [reachable], quorum: 1 });
    nodeB = await node("b", { witnesses: [{ ...reachable, url: UNREACHABLE }], quorum: 1, followMs: 60_000 });
    logs.set(ORIGIN, [createVerifier(nodeA.verifierKey)]);
  }, 60_000);

  afterAll(async () => {
    for (const ledger of started) await ledger.stop();
    await witness?.close();
    await database?.close();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  });

  it("keeps the trust policy with the log and refuses a server configured otherwise", async () => {
    expect(nodeB.policy).toEqual({ witnesses: [{ name: reachable.name, vkey: reachable.vkey }], quorum: 1 });
    await expect(node("no-witnesses", { witnesses: [] })).rejects.toThrow(
      `ledger trust policy differs from the log's: LEDGER_WITNESSES lacks the log's witness ${reachable.name}`,
    );
    await expect(node("quorum-0", { witnesses: [reachable], quorum: 0 })).rejects.toThrow(
      "LEDGER_WITNESS_QUORUM is 0, the log's quorum is 1",
    );
    const other = witnessKeyFrom(reachable.name, randomSeed());
    await expect(node("other-key", { witnesses: [{ ...reachable, vkey: other.vkey }] })).rejects.toThrow(
      `LEDGER_WITNESSES gives witness ${reachable.name} the key ${other.vkey}`,
    );
    const extra = witnessKeyFrom("ca.netcourt.test", randomSeed());
    await expect(
      node("extra", {
        witnesses: [reachable, { ...reachable, name: extra.name, vkey: extra.vkey }],
        quorum: 1,
      }),
    ).rejects.toThrow("LEDGER_WITNESSES names ca.netcourt.test, which is not one of the log's witnesses");
  });

  it("refuses a server whose log key is not the log's", async () => {
    await expect(
      createLedger({
        db: database.db,
        clock,
        log: pino({ level: "silent" }),
        dataDir: path.join(folder, "other-key"),
        config: resolveLedgerConfig({ origin: ORIGIN, witnesses: [reachable], quorum: 1 }),
        keyStore: environmentLogKeyStore(generateKey(ORIGIN).privateKey),
      }),
    ).rejects.toThrow("the ledger key in LEDGER_LOG_KEY");
  });

  it("never publishes below the log's quorum: a server without its witnesses signs but does not publish", async () => {
    await nodeB.start();
    const size = await append(nodeB, 1);
    const waiting = nodeB.checkpointer.waitForPublished(size, 600);
    await expect(waiting).rejects.toBeInstanceOf(AppError);
    await expect(nodeB.checkpointer.waitForPublished(size, 100)).rejects.toMatchObject({
      code: "ledger_not_published",
    });
    expect((await findLatestCheckpoint(database.db))?.size).toBe(size);
    expect(await findLatestPublishedCheckpoint(database.db)).toBeUndefined();
    expect(nodeB.published).toBeUndefined();
  });

  it("acknowledges a deposit through one server as soon as another publishes a checkpoint covering it", async () => {
    const size = await append(nodeB, 2);
    const acknowledged = nodeB.checkpointer.waitForPublished(size, 10_000);
    // Node B learns of the publication from the database's notification (its own polling is a minute).
    await nodeA.start();
    const published = await acknowledged;
    expect(published.size).toBeGreaterThanOrEqual(size);
    const signatures = parseNote(published.note).signatures.map((s) => s.name);
    expect(signatures).toEqual([ORIGIN, reachable.name]);
    expect((await findLatestPublishedCheckpoint(database.db))?.cosignedNote).toBe(published.note);
  });

  it("serves on every server the newest checkpoint any of them published", async () => {
    const size = await append(nodeA, 3);
    const fromA = await nodeA.checkpointer.waitForPublished(size, 10_000);
    const fromB = await waitFor(
      () => (nodeB.published && nodeB.published.size >= size ? nodeB.published : undefined),
      "node B to serve node A's checkpoint",
    );
    expect(fromB.note).toBe(nodeA.published?.note);
    expect(fromB.size).toBe(fromA.size);
  });

  it("changes the log's policy only by the operator's explicit step, with an audit event", async () => {
    const second = witnessKeyFrom("arbitration.netcourt.test", randomSeed());
    const witnesses = [reachable, { name: second.name, vkey: second.vkey, url: UNREACHABLE }];
    const env = (list: WitnessConfig[], quorum: number) => ({
      LEDGER_WITNESSES: JSON.stringify(list),
      LEDGER_WITNESS_QUORUM: String(quorum),
    });
    let output = "";
    const io = (e: NodeJS.ProcessEnv) => ({ env: e, database, stdout: (s: string) => void (output += s) });
    expect(await runPolicyCommand([], io(env([reachable], 1)))).toBe(0);
    expect(output).toContain("this environment agrees with it");
    output = "";
    expect(await runPolicyCommand([], io(env(witnesses, 2)))).toBe(1);
    expect(output).toContain(`this environment differs: LEDGER_WITNESSES names ${second.name}`);
    // Looking changed nothing; applying does.
    expect(await runPolicyCommand(["--apply"], io(env(witnesses, 2)))).toBe(0);
    // Node A, still running with the old policy (quorum 1, which its one witness meets), publishes nothing more.
    const published = (await findLatestPublishedCheckpoint(database.db))!.size;
    await append(nodeA, 4);
    await expect(nodeA.checkpointer.waitForPublished(published + 1, 800)).rejects.toMatchObject({
      code: "ledger_not_published",
    });
    expect((await findLatestPublishedCheckpoint(database.db))!.size).toBe(published);
    await expect(node("old-config", { witnesses: [reachable], quorum: 1 })).rejects.toThrow(
      `LEDGER_WITNESSES lacks the log's witness ${second.name}`,
    );
    const renewed = await node("new-config", { witnesses, quorum: 2 });
    expect(renewed.quorum).toBe(2);
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor_label"])
      .where("subject_type", "=", "ledger_policy")
      .orderBy("occurred_at")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["ledger.policy_recorded", "ledger.policy_changed"]);
  });
});
