import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SignatureType, parsePrivateKey, parseVerifierKey } from "@netcourt/ledger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateWitnessKey } from "./witness.key";

describe("the witness key file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-witness-key-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is generated once as Go PRIVATE+KEY+ text readable only by its owner, with a cosignature vkey", async () => {
    const file = path.join(dir, "keys", "witness.key");
    const first = await loadOrCreateWitnessKey(file, "notary.example.cn");
    expect(first.isNew).toBe(true);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const text = (await fs.readFile(file, "utf8")).trim();
    expect(parsePrivateKey(text).name).toBe("notary.example.cn");
    expect(parseVerifierKey(first.key.vkey)).toMatchObject({
      name: "notary.example.cn",
      type: SignatureType.cosignatureV1,
    });

    const again = await loadOrCreateWitnessKey(file);
    expect(again.isNew).toBe(false);
    expect(again.key.vkey).toBe(first.key.vkey);
  });

  it("refuses to generate a key without a name or with an invalid one", async () => {
    await expect(loadOrCreateWitnessKey(path.join(dir, "a.key"))).rejects.toThrow(/--name/);
    await expect(loadOrCreateWitnessKey(path.join(dir, "b.key"), "two words")).rejects.toThrow(
      /invalid key name/,
    );
  });

  it("refuses a key file of another name or that is not a private key", async () => {
    const file = path.join(dir, "witness.key");
    await loadOrCreateWitnessKey(file, "ca.example.cn");
    await expect(loadOrCreateWitnessKey(file, "notary.example.cn")).rejects.toThrow(/ca.example.cn/);
    await fs.writeFile(path.join(dir, "bad.key"), "hello\n");
    await expect(loadOrCreateWitnessKey(path.join(dir, "bad.key"))).rejects.toThrow(/PRIVATE\+KEY/);
  });
});
