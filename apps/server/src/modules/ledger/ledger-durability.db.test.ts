import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  createVerifier,
  formatTilePath,
  fromBase64,
  randomSeed,
  tileConsistencyProof,
  tileInclusionProof,
  toBase64,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
  type CheckpointTrust,
  type NoteVerifier,
  type Tile,
  type VerifiedCheckpoint,
} from "@netcourt/ledger";
import { afterAll, describe, expect, it } from "vitest";
import { HttpClient } from "../../testing/http-client";
import { spawnServer, type SpawnedServer } from "../../testing/spawn-server";
import { freePort } from "../../testing/test-app";
import { serverSchema, testDatabaseKinds } from "../../testing/test-database";
import { witnessKeyFrom } from "./witness/witness.key";
import { startWitnessServer, type RunningWitness, type WitnessLogger } from "./witness/witness.server";
import { WitnessStateStore } from "./witness/witness.state";

const quiet: WitnessLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const BATCH = 25;
const WORKERS = 4;

type Receipt = { index: number; sha256: string; leafHash: string };

/**
 * Nothing acknowledged is lost across a crash: the real server is killed with SIGKILL while platforms
 * deposit, then restarted on the same data. Every acknowledged deposit must still be in the log with a
 * verifying inclusion proof, and the new tree must be consistent with every checkpoint published
 * before the kill (what a monitor checks).
 */
describe.each(testDatabaseKinds())("ledger deposits under SIGKILL on %s", (kind) => {
  let server: SpawnedServer | undefined;
  let dataDir: string;
  let database: { env: Record<string, string>; drop(): Promise<void> } | undefined;
  const witnesses: RunningWitness[] = [];
  afterAll(async () => {
    await server?.kill("SIGKILL");
    for (const w of witnesses) await w.close();
    await database?.drop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged deposit, and the restarted log is consistent with every published checkpoint", async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-ledger-crash-"));
    const port = await freePort();
    database = kind === "postgres" ? await serverSchema() : { env: {}, drop: async () => undefined };

    // Three witnesses in this process: they outlive the server, as independent witnesses do.
    const logs = new Map<string, NoteVerifier[]>();
    const keys = ["notary", "arbitration", "ca"].map((id) =>
      witnessKeyFrom(`${id}.crash.test`, randomSeed()),
    );
    for (const key of keys) {
      const store = await WitnessStateStore.open(path.join(dataDir, "witnesses", key.name));
      witnesses.push(
        await startWitnessServer(
          { key, logs, store, clock: () => Math.floor(Date.now() / 1000), log: quiet },
          { host: "127.0.0.1", port: 0 },
        ),
      );
    }
    const env = {
      SEED_DEMO: "true",
      LEDGER_CHECKPOINT_MS: "100",
      LEDGER_WITNESS_QUORUM: "2",
      LEDGER_WITNESSES: JSON.stringify(
        keys.map((k, i) => ({ name: k.name, vkey: k.vkey, url: witnesses[i]!.url })),
      ),
      ...database.env,
    };
    server = await spawnServer({ port, dataDir, env });
    const base = server.baseUrl;
    const logKey = (await (await fetch(`${base}/ledger/key`)).text()).trim();
    const origin = logKey.slice(0, logKey.indexOf("+"));
    logs.set(origin, [createVerifier(logKey)]);
    const trust: CheckpointTrust = {
      logKeys: [logKey],
      origin,
      witnesses: { keys: keys.map((k) => k.vkey), quorum: 2 },
    };

    // A platform with an API key.
    const admin = new HttpClient(base);
    await admin.signIn("hzhlw.admin1@netcourt.demo");
    const courts = (await admin.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"))
      .body.items;
    const platform = await admin.request<{ id: string }>("POST", "/api/ledger/platforms", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
      name: "崩溃测试平台",
      operatorName: "某存证服务公司",
      category: "other",
    });
    expect(platform.status).toBe(201);
    const credential = await admin.request<{ apiKey: string }>(
      "POST",
      `/api/ledger/platforms/${platform.body.id}/credentials`,
      { kind: "api_key" },
    );
    const apiKey = credential.body.apiKey;
    const postDeposits = (hashes: string[]) =>
      fetch(`${base}/api/ledger/deposits`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          deposits: hashes.map((sha256) => ({
            sha256,
            kind: "contract",
            title: "电子合同",
            occurredAt: "2026-03-01T10:00:00+08:00",
          })),
        }),
      });

    // Load: workers deposit batches until the server dies; a checkpoint watcher keeps every
    // published checkpoint it sees.
    const acknowledged: Receipt[] = [];
    const published = new Map<number, VerifiedCheckpoint>();
    let running = true;
    let counter = 0;
    const worker = async () => {
      while (running) {
        const hashes = Array.from({ length: BATCH }, () =>
          createHash("sha256").update(`crash deposit ${counter++}`).digest("hex"),
        );
        try {
          const response = await postDeposits(hashes);
          if (response.status !== 200) continue;
          const body = (await response.json()) as { deposits: Receipt[] };
          acknowledged.push(...body.deposits);
        } catch {
          return; // the server is gone
        }
      }
    };
    const watcher = async () => {
      while (running) {
        try {
          const response = await fetch(`${base}/ledger/checkpoint`);
          if (response.status === 200) {
            const verified = verifyCheckpoint(await response.text(), trust);
            published.set(verified.checkpoint.size, verified);
          }
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const load = [watcher(), ...Array.from({ length: WORKERS }, worker)];
    for (let waited = 0; acknowledged.length < 10 * BATCH && waited < 120_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.kill("SIGKILL");
    running = false;
    await Promise.all(load);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10 * BATCH);
    expect(published.size).toBeGreaterThan(1);

    // Restart on the same data and wait for a published checkpoint covering everything acknowledged.
    server = await spawnServer({ port, dataDir, env });
    const last = Math.max(...acknowledged.map((r) => r.index));
    const latest = await (async () => {
      for (let waited = 0; waited < 60_000; waited += 100) {
        const response = await fetch(`${base}/ledger/checkpoint`);
        if (response.status === 200) {
          const verified = verifyCheckpoint(await response.text(), trust);
          if (verified.checkpoint.size > last) return verified;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("no checkpoint covering the acknowledged deposits after the restart");
    })();
    const { size, rootHash } = latest.checkpoint;

    const tiles = new Map<string, Promise<Uint8Array>>();
    const reader = {
      readTiles: (wanted: readonly Tile[]) =>
        Promise.all(
          wanted.map((tile) => {
            const tilePath = formatTilePath(tile);
            let bytes = tiles.get(tilePath);
            if (!bytes) {
              bytes = fetch(`${base}/ledger/${tilePath}`).then(async (response) => {
                expect(response.status, tilePath).toBe(200);
                return new Uint8Array(await response.arrayBuffer());
              });
              tiles.set(tilePath, bytes);
            }
            return bytes;
          }),
        ),
    };

    // Every acknowledged deposit is in the log, with a verifying inclusion proof from the public tiles,
    // and its receipt can still be fetched.
    for (const receipt of acknowledged) {
      const proof = await tileInclusionProof(reader, receipt.index, size);
      expect(
        verifyInclusion(receipt.index, size, fromBase64(receipt.leafHash), proof, rootHash),
        `${receipt.index}`,
      ).toBe(true);
    }
    for (const receipt of acknowledged.filter((_, i) => i % 25 === 0)) {
      const response = await fetch(`${base}/api/ledger/deposits/${receipt.index}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Receipt).leafHash).toBe(receipt.leafHash);
    }

    // The new tree is consistent with every checkpoint published before the kill.
    for (const old of published.values()) {
      if (old.checkpoint.size === 0 || old.checkpoint.size === size) {
        if (old.checkpoint.size === size) expect(toBase64(old.checkpoint.rootHash)).toBe(toBase64(rootHash));
        continue;
      }
      expect(old.checkpoint.size).toBeLessThan(size);
      const proof = await tileConsistencyProof(reader, old.checkpoint.size, size);
      expect(
        verifyConsistency(old.checkpoint.size, size, old.checkpoint.rootHash, rootHash, proof),
        `consistency ${old.checkpoint.size} → ${size}`,
      ).toBe(true);
    }

    // Deposits go on after the restart; an acknowledged hash keeps its index (idempotent).
    const again = await postDeposits([
      acknowledged[0]!.sha256,
      createHash("sha256").update("after").digest("hex"),
    ]);
    expect(again.status).toBe(200);
    const body = (await again.json()) as { deposits: Array<Receipt & { isNew: boolean }> };
    expect(body.deposits[0]).toMatchObject({ index: acknowledged[0]!.index, isNew: false });
    expect(body.deposits[1]!.isNew).toBe(true);
  }, 600_000);
});
