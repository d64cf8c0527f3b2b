/**
 * `npm run bench:ledger` — the evidence ledger, on PostgreSQL and on PGlite:
 * 1. sustained acknowledged deposits/s over real HTTP: a pool of platform clients POSTs batches of
 *    deposits (API key) to a spawned server; a deposit counts when its response (the receipt, after the
 *    round committed and a checkpoint covering it was published) arrives. p50/p99 acknowledgement latency.
 * 2. bytes stored per entry (database growth over the deposits of step 1);
 * 3. inclusion-proof latency at a 10,000,000-entry log: the tree is built with the library's
 *    `updateTiles` and bulk-loaded into `ledger_tiles`, then proofs go through the server's proof path
 *    (`ledger.tiles.inclusionProof`, as receipts use it): the first proofs of a server just started, cold
 *    (a server that has answered other proofs asked for leaves whose level-0 tiles it never read) and
 *    warm (the same leaves again);
 * 4. raw SHA-256 hashes/s in Node in the same run.
 * Options: --url postgres://… (default postgres://postgres@127.0.0.1:5432/netcourt_bench_ledger, recreated),
 * --seconds N (10), --concurrency N (8), --batch N (500), --proof-size N (10000000), --proofs N (2000),
 * --only postgres|pglite, --proofs-only (step 3 alone), --checkpoint-ms N (server's LEDGER_CHECKPOINT_MS, default: the server's 500),
 * --profile DIR (CPU-profile the server during the deposit run and print where its time goes).
 */
import { execFile } from "node:child_process";
import { createHash, hash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  TILE_WIDTH,
  encodeEntryBundle,
  leafHash,
  nodeHash,
  setSha256,
  toHex,
  updateTiles,
  verifyInclusion,
  type Tile,
} from "@netcourt/ledger";
import { sql } from "kysely";
import pg from "pg";
import pino from "pino";
import { createLedger, resolveLedgerConfig, type Ledger } from "../apps/server/src/modules/ledger/index";
import { ManualClock, migrate, openDatabase, type Database } from "../apps/server/src/platform/index";
import { HttpClient } from "../apps/server/src/testing/http-client";
import { spawnServer } from "../apps/server/src/testing/spawn-server";
import { freePort } from "../apps/server/src/testing/test-app";
import { cpuProfileEnv, summariseProfiles } from "./support/cpu-profile-summary";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const value = process.argv[i + 1];
  const flag = value === undefined || value.startsWith("--"); // an option without a value
  args.set(process.argv[i]!.replace(/^--/, ""), flag ? "" : value);
  if (!flag) i++;
}
const seconds = Number(args.get("seconds") ?? 10);
const concurrency = Number(args.get("concurrency") ?? 8);
const batch = Number(args.get("batch") ?? 500);
const proofSize = Number(args.get("proof-size") ?? 10_000_000);
const proofCount = Number(args.get("proofs") ?? 2000);
const only = args.get("only");
// --proofs-only: step 3 alone (no deposit run), for work on the proof path.
const proofsOnly = args.has("proofs-only");
const checkpointMs = args.get("checkpoint-ms");
const profileDir = args.get("profile");
const pgUrl = args.get("url") ?? "postgres://postgres@127.0.0.1:5432/netcourt_bench_ledger";

setSha256((data) => hash("sha256", data, "buffer"));

async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** CPU seconds (user + system) used so far by the processes whose ids are given, from /proc. */
async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100; // USER_HZ
}

/** Ids of the running PostgreSQL server processes (postmaster and backends). */
async function postgresPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await fs.readFile(`/proc/${entry}/comm`, "utf8").catch(() => "");
    if (comm.trim() === "postgres") pids.push(Number(entry));
  }
  return pids;
}

async function du(dir: string): Promise<number> {
  const { stdout } = await promisify(execFile)("du", ["-sb", dir]);
  return Number(stdout.split("\t")[0]);
}

// ------------------------------------------------------------------ 4. raw SHA-256

function sha256Rates() {
  const input = randomBytes(64);
  const measure = (fn: () => void) => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      for (let i = 0; i < 10_000; i++) fn();
      n += 10_000;
    }
    return Math.round(n / ((performance.now() - start) / 1000));
  };
  const left = input.subarray(0, 32);
  const right = input.subarray(32);
  return {
    "crypto.hash (64 B)": measure(() => hash("sha256", input, "buffer")),
    "createHash (64 B)": measure(() => createHash("sha256").update(input).digest()),
    "ledger nodeHash (native)": measure(() => nodeHash(left, right)),
  };
}

// ------------------------------------------------------------------ 1–2. deposits over HTTP

async function depositRun(kind: "postgres" | "pglite") {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-bench-ledger-"));
  if (kind === "postgres") await freshDatabase(pgUrl);
  const server = await spawnServer({
    port: await freePort(),
    dataDir,
    env: {
      ...(kind === "postgres" ? { DATABASE_URL: pgUrl } : {}),
      SEED_DEMO: "true",
      NODE_ENV: "production",
      LEDGER_WITNESSES: "[]",
      // A staging court: the demo accounts and the simulators, allowed explicitly.
      ALLOW_DEMO_SEED: "true",
      ALLOW_SIMULATORS: "payment,real_name,sms,email",
      TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ...(checkpointMs ? { LEDGER_CHECKPOINT_MS: checkpointMs } : {}),
      ...(profileDir ? cpuProfileEnv(path.join(profileDir, kind)) : {}),
    },
    timeoutMs: 300_000,
  });
  try {
    const admin = new HttpClient(server.baseUrl);
    await admin.signIn("hzhlw.admin1@netcourt.demo");
    const courts = (await admin.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"))
      .body.items;
    const platform = await admin.request<{ id: string }>("POST", "/api/ledger/platforms", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
      name: "压测平台",
      operatorName: "压测有限公司",
      category: "other",
    });
    if (platform.status !== 201)
      throw new Error(`platform: ${platform.status} ${JSON.stringify(platform.body)}`);
    const key = await admin.request<{ apiKey: string }>(
      "POST",
      `/api/ledger/platforms/${platform.body.id}/credentials`,
      { kind: "api_key" },
    );
    const headers = { "content-type": "application/json", authorization: `Bearer ${key.body.apiKey}` };
    const body = () =>
      JSON.stringify({
        deposits: Array.from({ length: batch }, () => ({
          sha256: randomBytes(32).toString("hex"),
          kind: "contract",
          title: "电子合同",
          occurredAt: "2026-03-01T10:00:00+08:00",
          metadata: { order: randomBytes(6).toString("hex") },
        })),
      });
    const sizeBefore = kind === "postgres" ? await ledgerBytes() : await du(dataDir);
    const latencies: number[] = [];
    let acknowledged = 0;
    let failures = 0;
    const runFor = async (ms: number, record: boolean) => {
      const end = performance.now() + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end) {
            const payload = body();
            const start = performance.now();
            const response = await fetch(`${server.baseUrl}/api/ledger/deposits`, {
              method: "POST",
              headers,
              body: payload,
            });
            await response.arrayBuffer();
            const elapsed = performance.now() - start;
            if (!record) continue;
            if (response.status === 200) {
              acknowledged += batch;
              latencies.push(elapsed);
            } else failures++;
          }
        }),
      );
    };
    await runFor(2000, false); // warm-up
    // CPU of the server, this client and the database server during the measured run.
    const serverPid = server.process.pid!;
    const pgPids = kind === "postgres" ? await postgresPids() : [];
    const cpuBefore = {
      server: await cpuSeconds([serverPid]),
      client: process.cpuUsage(),
      database: await cpuSeconds(pgPids),
    };
    const start = performance.now();
    await runFor(seconds * 1000, true);
    const elapsed = (performance.now() - start) / 1000;
    const clientCpu = process.cpuUsage(cpuBefore.client);
    const cpu = {
      server: (await cpuSeconds([serverPid])) - cpuBefore.server,
      client: (clientCpu.user + clientCpu.system) / 1e6,
      database: (await cpuSeconds(pgPids)) - cpuBefore.database,
    };
    const state = (await fetch(`${server.baseUrl}/ledger/checkpoint`).then((r) => r.text())).split("\n")[1];
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let PGlite flush before measuring the folder
    const sizeAfter = kind === "postgres" ? await ledgerBytes() : await du(dataDir);
    const ack = summary(latencies);
    return {
      depositsPerSecond: Math.round(acknowledged / elapsed),
      requests: latencies.length,
      failures,
      ackMs: { p50: round(ack.p50, 1), p99: round(ack.p99, 1), max: round(ack.max, 1) },
      logSize: Number(state),
      bytesPerEntry: Math.round((sizeAfter - sizeBefore) / acknowledged),
      // Cores busy on average, and CPU microseconds per acknowledged deposit.
      cpuCores: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v / elapsed)])),
      cpuMicrosPerDeposit: Object.fromEntries(
        Object.entries(cpu).map(([k, v]) => [k, Math.round((v * 1e6) / acknowledged)]),
      ),
    };
  } finally {
    await server.kill("SIGTERM");
    await fs.rm(dataDir, { recursive: true, force: true });
    if (profileDir) await summariseProfiles(path.resolve(profileDir, kind));
  }
}

/** Bytes of the ledger's tables (with indexes and TOAST) on PostgreSQL. */
async function ledgerBytes(): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  const { rows } = await client.query<{ bytes: string }>(
    `select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and c.relname like 'ledger\\_%' and n.nspname = current_schema()`,
  );
  await client.end();
  return Number(rows[0]!.bytes);
}

// ------------------------------------------------------------------ 3. proofs at 10M entries

/** Builds a `size`-leaf tree with updateTiles in chunks and bulk-inserts its tiles (no entry bundles). */
async function loadTree(database: Database, size: number) {
  const chunk = 1 << 16;
  let rightEdge: Uint8Array[] = [];
  let root: Uint8Array = new Uint8Array(32);
  const partial = new Map<string, { tile: Tile; data: Uint8Array }>();
  let pending: Array<{ level: number; idx: number; width: number; data: Buffer }> = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await database.db.insertInto("ledger_tiles").values(pending).execute();
    pending = [];
  };
  const entry = new Uint8Array(8);
  const view = new DataView(entry.buffer);
  let hashing = 0;
  const started = performance.now();
  for (let done = 0; done < size;) {
    const n = Math.min(chunk, size - done);
    const t0 = performance.now();
    const hashes = new Array<Uint8Array>(n);
    for (let i = 0; i < n; i++) {
      view.setBigUint64(0, BigInt(done + i));
      hashes[i] = leafHash(entry);
    }
    const update = updateTiles(done, rightEdge, hashes);
    hashing += performance.now() - t0;
    for (const t of update.tiles) {
      const k = `${t.tile.level}/${t.tile.index}`;
      if (t.tile.width === TILE_WIDTH) {
        partial.delete(k);
        pending.push({
          level: t.tile.level,
          idx: t.tile.index,
          width: TILE_WIDTH,
          data: Buffer.from(t.data),
        });
      } else partial.set(k, t);
    }
    if (pending.length >= 2000) await flush();
    rightEdge = update.rightEdge;
    root = update.treeHash;
    done += n;
  }
  for (const t of partial.values())
    pending.push({ level: t.tile.level, idx: t.tile.index, width: t.tile.width, data: Buffer.from(t.data) });
  // The sequencer loads the partial entry bundle at start; the full bundles are not needed for proofs.
  const tail = size % TILE_WIDTH;
  if (tail > 0) {
    const entries = Array.from({ length: tail }, (_v, i) => {
      const e = new Uint8Array(8);
      new DataView(e.buffer).setBigUint64(0, BigInt(size - tail + i));
      return e;
    });
    pending.push({
      level: -1,
      idx: Math.floor(size / TILE_WIDTH),
      width: tail,
      data: Buffer.from(encodeEntryBundle(entries)),
    });
  }
  await flush();
  await database.db
    .updateTable("ledger_state")
    .set({ size, root_hash: Buffer.from(root), updated_at: new Date() })
    .where("id", "=", 1)
    .execute();
  return {
    root,
    buildSeconds: round((performance.now() - started) / 1000, 1),
    hashingSeconds: round(hashing / 1000, 1),
  };
}

async function proofRun(kind: "postgres" | "pglite") {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-bench-proofs-"));
  const url = pgUrl.replace(/\/([^/]+)$/, "/$1_proofs");
  if (kind === "postgres") await freshDatabase(url);
  const database = await openDatabase(
    kind === "postgres" ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.join(dataDir, "db") },
  );
  try {
    await migrate(database);
    // As in the server: the sequencer keeps the right edge (partial tiles) in memory; full tiles come
    // from the tile cache or the database.
    const open = async (withSequencer = true) => {
      const ledger = await createLedger({
        db: database.db,
        clock: new ManualClock("2026-03-02T09:00:00+08:00"),
        log: pino({ level: "silent" }),
        dataDir,
        config: resolveLedgerConfig({ witnesses: [] }),
      });
      if (withSequencer) await ledger.sequencer.start();
      return ledger;
    };
    await open(false); // creates the key and the state row
    const built = await loadTree(database, proofSize);
    // A log this size was written over months and vacuumed on the way; a table bulk-loaded a moment ago
    // would have every first read set its rows' hint bits (a write) while autovacuum scans it …
    await sql`vacuum (analyze) ledger_tiles`.execute(database.db);
    // … and its pages were written out long ago, not by a checkpoint running beside the measurement.
    await sql`checkpoint`.execute(database.db);
    const entry = new Uint8Array(8);
    const view = new DataView(entry.buffer);
    const prove = async (ledger: Ledger, index: number) => {
      const start = performance.now();
      const proof = await ledger.tiles.inclusionProof(index, proofSize);
      const ms = performance.now() - start;
      view.setBigUint64(0, BigInt(index));
      if (!verifyInclusion(index, proofSize, leafHash(entry), proof, built.root))
        throw new Error(`proof of ${index} does not verify`);
      return ms;
    };
    // Leaves in distinct level-0 tiles, so that each measured proof reads a tile never read before.
    const tiles = Math.floor(proofSize / TILE_WIDTH);
    const pickedTiles = new Set<number>();
    while (pickedTiles.size < Math.min(tiles, 2 * proofCount))
      pickedTiles.add(Math.floor(Math.random() * tiles));
    const leaves = [...pickedTiles].map((t) => t * TILE_WIDTH + Math.floor(Math.random() * TILE_WIDTH));
    const warmUp = leaves.slice(proofCount);
    const random = leaves.slice(0, proofCount);
    // The server that wrote the log keeps its level-0 tiles in its tile file too: a first start copies
    // them from the database (in the background), as a server does when its file is new.
    const filler = await open();
    const fillStarted = performance.now();
    await filler.tiles.tileFile?.caughtUp();
    const tileFileSeconds = round((performance.now() - fillStarted) / 1000, 1);
    await filler.sequencer.stop();
    // A server just started: fresh tile cache, fresh connections, code not yet optimised.
    const started = await open();
    const afterStart: number[] = [];
    for (const index of random.slice(0, 500)) afterStart.push(await prove(started, index));
    // A server that has been answering for a while: a proof of a leaf whose tile it never read. The
    // warm-up proofs touch other level-0 tiles only.
    const ledger = await open();
    for (const index of warmUp) await prove(ledger, index);
    const coldTimes: number[] = [];
    for (const index of random) coldTimes.push(await prove(ledger, index));
    const cold = summary(coldTimes);
    const first = summary(afterStart);
    const warmTimes: number[] = [];
    for (const index of random) warmTimes.push(await prove(ledger, index));
    const warm = summary(warmTimes);
    await started.sequencer.stop();
    await ledger.sequencer.stop();
    return {
      size: proofSize,
      root: toHex(built.root),
      buildSeconds: built.buildSeconds,
      hashingSeconds: built.hashingSeconds,
      tileFileSeconds,
      tilesRead: { fromFile: ledger.tiles.stats.fileReads, fromDatabase: ledger.tiles.stats.databaseReads },
      firstAfterStartMs: { p50: round(first.p50, 3), p99: round(first.p99, 3) },
      coldMs: { p50: round(cold.p50, 3), p99: round(cold.p99, 3) },
      warmMs: { p50: round(warm.p50, 3), p99: round(warm.p99, 3) },
    };
  } finally {
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const kinds = (["postgres", "pglite"] as const).filter((k) => !only || only === k);
  const result: Record<string, unknown> = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
    settings: {
      seconds,
      concurrency,
      batch,
      proofSize,
      proofCount,
      checkpointMs: checkpointMs ?? "500 (default)",
    },
    sha256PerSecond: sha256Rates(),
  };
  console.log(JSON.stringify(result, null, 2));
  for (const kind of kinds) {
    if (!proofsOnly) {
      const deposits = await depositRun(kind);
      console.log(JSON.stringify({ [kind]: { deposits } }, null, 2));
    }
    const proofs = await proofRun(kind);
    console.log(JSON.stringify({ [kind]: { proofs } }, null, 2));
  }
}

await main();
