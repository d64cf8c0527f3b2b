import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { loadConfig } from "../../platform";
import { StartRefusedError } from "../../platform/start-safety";
import { freePort } from "../../testing/test-app";
import { loadLedgerConfig } from "./ledger.config";
import { findCoHostedWitnesses, startDemoWitnesses } from "./ledger.demo-witnesses";
import { loadOrCreateWitnessKey, witnessKeyFrom } from "./witness/index";

describe("witnesses that prove nothing", () => {
  let dataDir: string;
  let hosted: { name: string; vkey: string; url: string };
  const independent = {
    name: "notary.example.cn",
    vkey: witnessKeyFrom("notary.example.cn", randomBytes(32)).vkey,
    url: "https://witness.notary.example.cn/",
  };

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-witnesses-"));
    // What the demo start leaves behind: a witness key in DATA_DIR/witnesses/<id>/.
    const { key } = await loadOrCreateWitnessKey(
      path.join(dataDir, "witnesses", "notary", "witness.key"),
      "notary.netcourt.demo",
    );
    hosted = { name: key.name, vkey: key.vkey, url: "https://witness.court.example.cn/" };
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("finds a configured witness whose key this server can read, or that listens on this machine", async () => {
    const local = { ...independent, name: "arbitration.example.cn", url: "http://127.0.0.1:7380/" };
    const ipv6 = { ...independent, name: "ca.example.cn", url: "http://[::1]:7381/" };
    expect(await findCoHostedWitnesses([independent, hosted, local, ipv6], dataDir)).toEqual([
      { name: hosted.name, reason: "key_readable" },
      { name: local.name, reason: "loopback_url" },
      { name: ipv6.name, reason: "loopback_url" },
    ]);
    expect(await findCoHostedWitnesses([independent], dataDir)).toEqual([]);
    expect(await findCoHostedWitnesses([independent], path.join(dataDir, "missing"))).toEqual([]);
  });

  it("refuses a production start with a co-hosted witness unless ALLOW_SIMULATORS names witnesses", async () => {
    const environment = {
      NODE_ENV: "production",
      PUBLIC_URL: "https://hlwfy.example.gov.cn",
      DATA_DIR: dataDir,
      ALLOW_SIMULATORS: "payment,real_name",
      LOG_LEVEL: "silent",
    };
    const start = (env: Record<string, string>) =>
      createApp({
        config: loadConfig(env),
        logger: pino({ level: "silent" }),
        ledger: { witnesses: [independent, hosted], quorum: 1 },
      });
    const refused = await start(environment).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StartRefusedError);
    expect((refused as Error).message).toContain(`co-hosted: ${hosted.name} (its key is under DATA_DIR)`);
    expect((refused as Error).message).toContain("LEDGER_WITNESSES");
    expect((refused as Error).message).toContain("ALLOW_SIMULATORS=witnesses");
    // Nothing was opened or written: the refusal comes before the database.
    expect(await fs.readdir(dataDir)).toEqual(["witnesses"]);
  });
});

describe("demo witnesses at fixed addresses", () => {
  it("refuses a port list that is not one port per demo witness", () => {
    expect(() => loadLedgerConfig({ LEDGER_DEMO_WITNESS_PORTS: "7381,7382" })).toThrow(
      /LEDGER_DEMO_WITNESS_PORTS: one port for each of the 3 demo witnesses/,
    );
    expect(() => loadLedgerConfig({ LEDGER_DEMO_WITNESS_PORTS: "7381,x,7383" })).toThrow(
      /LEDGER_DEMO_WITNESS_PORTS: comma-separated port numbers/,
    );
    expect(loadLedgerConfig({ LEDGER_DEMO_WITNESS_PORTS: "7381,7382,7383" }).demoWitnessPorts).toEqual([
      7381, 7382, 7383,
    ]);
  });

  it("runs the witnesses on LEDGER_DEMO_WITNESS_PORTS, at the same addresses and keys after a restart", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-fixed-witnesses-"));
    const ports = [await freePort(), await freePort(), await freePort()];
    const env = { DATA_DIR: dataDir, LEDGER_DEMO_WITNESS_PORTS: ports.join(",") };
    try {
      const first = await startDemoWitnesses({ dataDir, env });
      const before = first!.ledger.witnesses;
      await first!.stop();
      expect(before.map((w) => w.url)).toEqual(ports.map((port) => `http://127.0.0.1:${port}`));
      const second = await startDemoWitnesses({ dataDir, env });
      try {
        expect(second!.ledger.witnesses).toEqual(before);
        const answer = await fetch(`${before[0]!.url}/key`);
        expect(answer.status).toBe(200);
      } finally {
        await second!.stop();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
