import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { loadConfig } from "../../platform";
import { StartRefusedError } from "../../platform/start-safety";
import { findCoHostedWitnesses } from "./ledger.demo-witnesses";
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
