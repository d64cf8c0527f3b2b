import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  formatAddCheckpointRequest,
  fromHex,
  utf8,
  verifyCheckpoint,
  addCosignatures,
} from "@netcourt/ledger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryLog } from "../tools/memory-log";
import { startLocalWitnesses } from "./witness.local";

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe("the demo's local witnesses", () => {
  let dataDir: string;
  const log = new MemoryLog(
    "netcourt.local/ledger",
    fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
  );
  log.append(...Array.from({ length: 5 }, (_, i) => utf8(`entry-${i}`)));

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-local-witnesses-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("run as three processes with their own keys and state, cosign, stop, and keep their keys on restart", async () => {
    const options = { dataDir, logVerifierKey: log.vkey, origin: log.origin };
    const first = await startLocalWitnesses(options);
    let vkeys: string[];
    try {
      expect(first.witnesses.map((w) => w.name)).toEqual([
        "notary.netcourt.demo",
        "arbitration.netcourt.demo",
        "ca.netcourt.demo",
      ]);
      expect(new Set(first.witnesses.map((w) => w.url)).size).toBe(3);
      let note = log.checkpoint();
      for (const witness of first.witnesses) {
        const response = await fetch(`${witness.url}/add-checkpoint`, {
          method: "POST",
          body: formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: log.checkpoint() }),
        });
        expect(response.status).toBe(200);
        note = addCosignatures(note, await response.text(), [
          (await import("@netcourt/ledger")).createVerifier(witness.vkey),
        ]);
      }
      const verified = verifyCheckpoint(note, {
        logKeys: [log.vkey],
        witnesses: { keys: first.witnesses.map((w) => w.vkey), quorum: 3 },
      });
      expect(verified.cosignatures).toHaveLength(3);
      vkeys = first.witnesses.map((w) => w.vkey);
      for (const id of ["notary", "arbitration", "ca"]) {
        await fs.access(path.join(dataDir, "witnesses", id, "witness.key"));
      }
    } finally {
      await first.stop();
    }
    expect(first.witnesses.map((w) => isRunning(w.pid))).toEqual([false, false, false]);

    const second = await startLocalWitnesses({ ...options, names: ["notary"] });
    try {
      expect(second.witnesses.map((w) => w.vkey)).toEqual([vkeys[0]]);
      // It remembers the size it cosigned before the restart.
      const response = await fetch(`${second.witnesses[0]!.url}/add-checkpoint`, {
        method: "POST",
        body: formatAddCheckpointRequest({ oldSize: 0, proof: [], checkpoint: log.checkpoint() }),
      });
      expect([response.status, await response.text()]).toEqual([409, "5\n"]);
    } finally {
      await second.stop();
    }
  });

  it("die when their parent process is killed outright", async () => {
    const script = path.join(dataDir, "parent.mts");
    await fs.writeFile(
      script,
      `import { startLocalWitnesses } from ${JSON.stringify(path.resolve(import.meta.dirname, "witness.local.ts"))};
const { witnesses } = await startLocalWitnesses(${JSON.stringify({ dataDir: path.join(dataDir, "orphans"), logVerifierKey: log.vkey, origin: log.origin, names: ["ca"] })});
process.stdout.write(JSON.stringify(witnesses.map((w) => w.pid)) + "\\n");
setInterval(() => undefined, 1000);
`,
    );
    const { spawn } = await import("node:child_process");
    const parent = spawn(process.execPath, ["--import", "tsx", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pids = await new Promise<number[]>((resolve, reject) => {
      parent.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as number[]));
      parent.once("exit", (code) => reject(new Error(`parent exited with ${code}`)));
    });
    expect(pids.every(isRunning)).toBe(true);
    parent.kill("SIGKILL");
    expect(await waitUntil(() => !pids.some(isRunning), 20_000)).toBe(true);
  });
});
