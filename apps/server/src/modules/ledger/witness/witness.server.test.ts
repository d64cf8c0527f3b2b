import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  cosignatureTimestamp,
  formatAddCheckpointRequest,
  fromHex,
  parseSignatureLine,
  utf8,
  verifyCheckpoint,
} from "@netcourt/ledger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryLog } from "../tools/memory-log";
import { logsByOrigin } from "./witness.config";
import { witnessKeyFrom } from "./witness.key";
import { startWitnessServer, type RunningWitness, type WitnessLogger } from "./witness.server";
import { WitnessStateStore, originId } from "./witness.state";

const ORIGIN = "court.example/ledger";
const LOG_SEED = fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const OTHER_SEED = fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
const WITNESS_SEED = new Uint8Array(32).fill(7);
const NOW = 1_790_000_000;

const entries = (from: number, to: number, tag = "a") =>
  Array.from({ length: to - from }, (_, i) => utf8(`${tag}-entry-${from + i}`));

/** A log of 40 entries, and a fork that shares its first 3 entries and then differs. */
function buildLogs() {
  const log = new MemoryLog(ORIGIN, LOG_SEED);
  log.append(...entries(0, 40));
  const fork = log.fork(3);
  fork.append(...entries(3, 40, "b"));
  return { log, fork };
}

const silent: WitnessLogger & { warnings: object[] } = {
  warnings: [],
  info: () => undefined,
  warn(fields) {
    this.warnings.push(fields);
  },
  error: () => undefined,
};

describe("the witness over HTTP (c2sp.org/tlog-witness)", () => {
  let dir: string;
  let witness: RunningWitness | undefined;
  const key = witnessKeyFrom("witness.example", WITNESS_SEED);
  const { log, fork } = buildLogs();

  async function start(clock = () => NOW): Promise<RunningWitness> {
    const store = await WitnessStateStore.open(path.join(dir, "state"));
    witness = await startWitnessServer(
      { key, logs: logsByOrigin([log.vkey]), store, clock, log: silent },
      { host: "127.0.0.1", port: 0 },
    );
    return witness;
  }

  async function post(body: string | Uint8Array) {
    const response = await fetch(`${witness!.url}/add-checkpoint`, { method: "POST", body });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: await response.text(),
    };
  }

  const add = (oldSize: number, proof: Uint8Array[], checkpoint: string) =>
    post(formatAddCheckpointRequest({ oldSize, proof, checkpoint }));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-witness-"));
    silent.warnings = [];
  });
  afterEach(async () => {
    await witness?.close();
    witness = undefined;
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("cosigns a first checkpoint with old 0, timestamped by its clock, and serves it to monitors", async () => {
    await start();
    const answer = await add(0, [], log.checkpoint(8));
    expect(answer.status).toBe(200);
    const line = parseSignatureLine(answer.body.replace(/\n$/, ""));
    expect(line.name).toBe("witness.example");
    expect(cosignatureTimestamp(line.signature)).toBe(NOW);

    const latest = await fetch(`${witness!.url}/${originId(ORIGIN)}/checkpoint`);
    const verified = verifyCheckpoint(await latest.text(), {
      logKeys: [log.vkey],
      witnesses: { keys: [key.vkey], quorum: 1 },
    });
    expect(verified.checkpoint.size).toBe(8);
    expect(verified.cosignatures.map((c) => c.timestamp)).toEqual([NOW]);
    expect(await (await fetch(`${witness!.url}/key`)).text()).toBe(`${key.vkey}\n`);
  });

  it("answers 409 with its size as text/x.tlog.size, then cosigns when the client resends from that size", async () => {
    await start();
    expect((await add(0, [], log.checkpoint(6))).status).toBe(200);
    const conflict = await add(0, [], log.checkpoint(20));
    expect(conflict).toEqual({ status: 409, type: "text/x.tlog.size", body: "6\n" });
    const retried = await add(6, log.consistency(6, 20), log.checkpoint(20));
    expect(retried.status).toBe(200);
    expect((await add(6, log.consistency(6, 30), log.checkpoint(30))).body).toBe("20\n");
  });

  it.each([
    ["a body that is not an add-checkpoint request", () => "hello", 400],
    [
      "old larger than the checkpoint",
      () => formatAddCheckpointRequest({ oldSize: 9, proof: [], checkpoint: log.checkpoint(8) }),
      400,
    ],
    [
      "a checkpoint of a log it does not know",
      () =>
        formatAddCheckpointRequest({
          oldSize: 0,
          proof: [],
          checkpoint: new MemoryLog("other.example/log", OTHER_SEED).checkpoint(0),
        }),
      404,
    ],
    [
      "a checkpoint signed by another key under the log's name",
      () => {
        const impostor = new MemoryLog(ORIGIN, OTHER_SEED);
        impostor.append(...entries(0, 8));
        return formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: impostor.checkpoint() });
      },
      403,
    ],
    [
      "a checkpoint whose log signature was tampered with",
      () => {
        const note = log.checkpoint(8);
        const tampered = note.replace(
          /\n— (\S+) (.)/,
          (_m, name: string, c: string) => `\n— ${name} ${c === "A" ? "B" : "A"}`,
        );
        return formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: tampered });
      },
      403,
    ],
    [
      "old 0 with a proof",
      () =>
        formatAddCheckpointRequest({
          oldSize: 0,
          proof: log.consistency(4, 8),
          checkpoint: log.checkpoint(8),
        }),
      422,
    ],
  ])("refuses %s with %i", async (_, body, status) => {
    await start();
    expect((await post(body())).status).toBe(status);
    // Nothing was remembered: a first checkpoint still goes through with old 0.
    expect((await add(0, [], log.checkpoint(2))).status).toBe(200);
  });

  it("answers 422 to a bad consistency proof and keeps its state", async () => {
    await start();
    await add(0, [], log.checkpoint(6));
    const wrong = log.consistency(6, 20).reverse();
    expect((await add(6, wrong, log.checkpoint(20))).status).toBe(422);
    expect((await add(0, [], log.checkpoint(20))).body).toBe("6\n");
  });

  it("refuses a split view: the same size with another root, and a larger tree that does not extend the cosigned one", async () => {
    await start();
    expect((await add(0, [], log.checkpoint(10))).status).toBe(200);
    // Two trees of size 10 with different roots, both signed by the log.
    const sameSize = await add(10, [], fork.checkpoint(10));
    expect(sameSize.status).toBe(422);
    expect(sameSize.body).toContain("different root");
    // The fork grows: its proof 10 → 30 is consistent with ITS size-10 root, not the one cosigned.
    expect((await add(10, fork.consistency(10, 30), fork.checkpoint(30))).status).toBe(422);
    // The honest continuation is still cosigned.
    expect((await add(10, log.consistency(10, 30), log.checkpoint(30))).status).toBe(200);

    expect(silent.warnings).toHaveLength(2);
    const evidence = await fs.readdir(path.join(dir, "state", "conflicts"));
    expect(evidence).toHaveLength(2);
    const saved = JSON.parse(
      await fs.readFile(path.join(dir, "state", "conflicts", evidence[0]!), "utf8"),
    ) as {
      note: string;
      cosigned: string;
    };
    expect([fork.checkpoint(10), fork.checkpoint(30)]).toContain(saved.note);
    expect(saved.cosigned).toContain(`${ORIGIN}\n10\n`);
  });

  it("remembers what it cosigned across a restart", async () => {
    await start();
    await add(0, [], log.checkpoint(12));
    await witness!.close();
    await start(() => NOW + 60);
    expect(await add(0, [], log.checkpoint(20))).toMatchObject({ status: 409, body: "12\n" });
    const again = await add(12, log.consistency(12, 20), log.checkpoint(20));
    expect(cosignatureTimestamp(parseSignatureLine(again.body.trim()).signature)).toBe(NOW + 60);
  });

  it("never rolls back under concurrent add-checkpoint requests: exactly one request from a size wins", async () => {
    await start();
    await add(0, [], log.checkpoint(2));
    const sizes = Array.from({ length: 30 }, (_, i) => 3 + i);
    const answers = await Promise.all(
      sizes.map((size) => add(2, log.consistency(2, size), log.checkpoint(size))),
    );
    const winners = sizes.filter((_, i) => answers[i]!.status === 200);
    expect(winners).toHaveLength(1);
    const losers = answers.filter((a) => a.status !== 200);
    expect(new Set(losers.map((a) => `${a.status} ${a.body}`))).toEqual(new Set([`409 ${winners[0]}\n`]));
    const latest = await (await fetch(`${witness!.url}/${originId(ORIGIN)}/checkpoint`)).text();
    expect(latest.startsWith(`${ORIGIN}\n${winners[0]}\n`)).toBe(true);
  });

  it("refuses bodies over its limit with 413 and other methods with 405", async () => {
    await start();
    expect((await post("x".repeat(70 * 1024))).status).toBe(413);
    expect((await fetch(`${witness!.url}/add-checkpoint`)).status).toBe(405);
    expect((await fetch(`${witness!.url}/nothing`)).status).toBe(404);
  });

  it("lets only one process use a state directory", async () => {
    await start();
    await expect(WitnessStateStore.open(path.join(dir, "state"))).rejects.toThrow(/already open/);
  });
});
