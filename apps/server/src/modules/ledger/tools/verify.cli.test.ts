import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ed25519VerifierKey, formatTlogProof, fromBase64, utf8 } from "@netcourt/ledger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../ledger.leaves";
import { buildReceiptFixture, cosign } from "./receipt-fixtures";
import { runVerifyCommand } from "./verify.cli";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-verify-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function write(content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, `f${counter++}`);
  await fs.writeFile(file, content);
  return file;
}

async function run(args: string[], fetchImpl?: (url: string) => Promise<Response>) {
  let stdout = "";
  let stderr = "";
  const code = await runVerifyCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return { code, stdout, stderr };
}

async function runJson(args: string[], fetchImpl?: (url: string) => Promise<Response>) {
  const result = await run([...args, "--json"], fetchImpl);
  return {
    ...result,
    json: JSON.parse(result.stdout) as {
      isVerified: boolean;
      failedStep: string | null;
      steps: Array<{ id: string; status: string; code: string }>;
      cosigners: Array<{ witness: string }>;
      live: { isVerified: boolean; reason: string | null; consistency: string; size: number } | null;
    },
  };
}

describe("netcourt verify (offline)", () => {
  const fx = buildReceiptFixture();

  it("verifies a JSON receipt against a trust policy and prints every step in zh-CN and en", async () => {
    const args = [
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
      "--policy",
      await write(fx.policy),
    ];
    const zh = await run([...args, "--lang", "zh-CN"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("✓ 文件哈希");
    expect(zh.stdout).toContain("✓ 包含证明");
    expect(zh.stdout).toContain("notary.test");
    expect(zh.stdout).toContain("满足法定人数 2 of (notary.test, arbitration.test, ca.test)");
    expect(zh.stdout.trim().endsWith("核验通过")).toBe(true);
    const en = await run([...args, "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`Entry ${fx.index} is included in the tree of size ${fx.receipt.treeSize}`);
    expect(en.stdout).toContain("2 witness(es) cosigned: notary.test, arbitration.test");
    expect(en.stdout.trim().endsWith("Verified")).toBe(true);
  });

  it("verifies with keys given one by one and a quorum", async () => {
    const { code, json } = await runJson([
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
      "--log-key",
      fx.log.vkey,
      ...fx.witnesses.flatMap((w) => ["--witness", w.vkey]),
      "--quorum",
      "2",
    ]);
    expect(code).toBe(0);
    expect(json.isVerified).toBe(true);
    expect(json.steps.map((s) => [s.id, s.status])).toEqual([
      ["file_hash", "ok"],
      ["leaf", "ok"],
      ["commitment", "ok"],
      ["log_signature", "ok"],
      ["inclusion", "ok"],
      ["cosignatures", "ok"],
      ["quorum", "ok"],
    ]);
    expect(json.cosigners.map((c) => c.witness)).toEqual(["notary.test", "arbitration.test"]);
  });

  it("verifies a c2sp.org/tlog-proof receipt whose extra data holds the leaf and opening", async () => {
    const tlogProof = formatTlogProof({
      extra: utf8(canonicalJson({ leaf: { ...fx.leaf }, opening: { ...fx.opening } })),
      index: fx.index,
      proof: fx.receipt.inclusionProof.map(fromBase64),
      checkpoint: fx.receipt.checkpoint,
    });
    const { code } = await run([
      "--file",
      await write(fx.file),
      "--receipt",
      await write(tlogProof),
      "--policy",
      await write(fx.policy),
    ]);
    expect(code).toBe(0);
  });

  it("fails a tampered file at the leaf step with exit 1", async () => {
    const tampered = fx.file.slice();
    tampered[0] = tampered[0]! ^ 1;
    const { code, json } = await runJson([
      "--file",
      await write(tampered),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
      "--policy",
      await write(fx.policy),
    ]);
    expect(code).toBe(1);
    expect(json.failedStep).toBe("leaf");
    expect(json.steps.find((s) => s.id === "leaf")!.code).toBe("leaf_other_file");
    const text = await run([
      "--file",
      await write(tampered),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
      "--policy",
      await write(fx.policy),
      "--lang",
      "en",
    ]);
    expect(text.stdout).toContain("The receipt is for another file");
    expect(text.stdout).toContain("Not verified — Failed step: Leaf");
  });

  it.each([
    [
      "a changed proof hash",
      (r: Record<string, unknown>) => ({
        ...r,
        inclusionProof: (r.inclusionProof as string[]).map((h, i) =>
          i === 0 ? h.replace(/^./, h[0] === "A" ? "B" : "A") : h,
        ),
      }),
      "inclusion",
    ],
    [
      "a changed leaf time",
      (r: Record<string, unknown>) => ({
        ...r,
        leaf: { ...fx.leaf, depositedAt: "2020-01-01T00:00:00.000Z" },
        leafHash: undefined,
      }),
      "inclusion",
    ],
    [
      "a changed description",
      (r: Record<string, unknown>) => ({ ...r, opening: { ...fx.opening, title: "另一份合同" } }),
      "commitment",
    ],
    [
      "a claimed tree size that is not the checkpoint's",
      (r: Record<string, unknown>) => ({ ...r, treeSize: fx.receipt.treeSize + 1 }),
      "inclusion",
    ],
    [
      "an index that is not the leaf's",
      (r: Record<string, unknown>) => ({ ...r, index: fx.index + 1 }),
      "inclusion",
    ],
  ])("fails a receipt with %s", async (_name, tamper, step) => {
    const { code, json } = await runJson([
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(tamper(fx.receipt))),
      "--policy",
      await write(fx.policy),
    ]);
    expect(code).toBe(1);
    expect(json.failedStep).toBe(step);
  });

  it("fails a checkpoint not signed by the trusted log key, and says so when no key is trusted", async () => {
    const signed = await runJson([
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
      "--log-key",
      ed25519VerifierKey("court.test/ledger", new Uint8Array(32).fill(99)),
    ]);
    expect(signed.code).toBe(1);
    expect(signed.json.failedStep).toBe("log_signature");
    expect(signed.json.steps.find((s) => s.id === "log_signature")!.code).toBe("signature_unverified_note");
    const noKey = await runJson([
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(fx.receipt)),
    ]);
    expect(noKey.code).toBe(1);
    expect(noKey.json.failedStep).toBe("log_signature");
    expect(noKey.json.steps.find((s) => s.id === "log_signature")!.code).toBe("no_trusted_key");
    expect(noKey.json.steps.find((s) => s.id === "inclusion")!.status).toBe("ok");
  });

  it("fails when the witnesses that cosigned do not meet the quorum", async () => {
    const lone = buildReceiptFixture({ cosigners: 1 });
    const { code, json } = await runJson([
      "--file",
      await write(lone.file),
      "--receipt",
      await write(JSON.stringify(lone.receipt)),
      "--policy",
      await write(lone.policy),
    ]);
    expect(code).toBe(1);
    expect(json.failedStep).toBe("quorum");
    expect(json.cosigners.map((c) => c.witness)).toEqual(["notary.test"]);
  });

  it("fails a forged witness cosignature at the cosignature step, not at the log signature", async () => {
    // The arbitration witness's line, one character of its signature changed (not its key ID).
    const lines = fx.receipt.checkpoint.split("\n");
    const at = lines.findIndex((line) => line.startsWith("— arbitration.test "));
    const line = lines[at]!;
    const position = line.lastIndexOf(" ") + 60;
    lines[at] = line.slice(0, position) + (line[position] === "A" ? "B" : "A") + line.slice(position + 1);
    const forged = { ...fx.receipt, checkpoint: lines.join("\n") };
    const args = [
      "--file",
      await write(fx.file),
      "--receipt",
      await write(JSON.stringify(forged)),
      "--policy",
      await write(fx.policy),
    ];
    const { code, json } = await runJson(args);
    expect(code).toBe(1);
    expect(json.failedStep).toBe("cosignatures");
    const statusOf = (id: string) => json.steps.find((s) => s.id === id);
    expect(statusOf("log_signature")).toMatchObject({ status: "ok", code: "signature_ok" });
    expect(statusOf("inclusion")).toMatchObject({ status: "ok" });
    expect(statusOf("cosignatures")).toMatchObject({ status: "failed", code: "cosignature_invalid" });
    expect(statusOf("quorum")!.status).toBe("failed");

    const zh = await run([...args, "--lang", "zh-CN"]);
    expect(zh.stdout).toContain("✓ 日志签名");
    expect(zh.stdout).toMatch(/✗ 见证节点联署: .*arbitration\.test/);
    expect(zh.stdout).toContain("未通过的步骤：见证节点联署");
    const en = await run([...args, "--lang", "en"]);
    expect(en.stdout).toMatch(/✗ Witness cosignatures: .*arbitration\.test/);
    expect(en.stdout).toContain("Not verified — Failed step: Witness cosignatures");
  });

  it("refuses bad usage with exit 2", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["--file", "a"])).code).toBe(2);
    expect((await run(["--file", "a", "--receipt", "b", "--bogus"])).code).toBe(2);
    expect(
      (await run(["--file", await write(fx.file), "--receipt", await write("{}"), "--lang", "fr"])).code,
    ).toBe(2);
    expect((await run(["--help"])).code).toBe(0);
  });
});

describe("netcourt verify --log (against the live log)", () => {
  it("checks consistency with the log's current checkpoint and recomputes inclusion from its tiles", async () => {
    const fx = buildReceiptFixture();
    for (let i = 0; i < 700; i++) fx.log.append(utf8(`growth ${i}`));
    fx.log.published = cosign(fx.log.checkpoint(), fx.witnesses);
    const { code, json } = await runJson(
      [
        "--file",
        await write(fx.file),
        "--receipt",
        await write(JSON.stringify(fx.receipt)),
        "--policy",
        await write(fx.policy),
        "--log",
        "https://court.test/ledger",
      ],
      fx.log.fetch,
    );
    expect(code).toBe(0);
    expect(json.live).toMatchObject({ isVerified: true, consistency: "ok", size: fx.log.size });
    expect(fx.log.requests.some((p) => p.includes("/tile/0/"))).toBe(true);
  });

  it("reports a split view when the live log forked after the receipt's checkpoint", async () => {
    const fx = buildReceiptFixture();
    const fork = fx.log.fork(fx.receipt.treeSize - 5);
    for (let i = 0; i < 40; i++) fork.append(utf8(`rewritten ${i}`));
    fork.published = cosign(fork.checkpoint(), fx.witnesses);
    const { code, json, stdout } = await runJson(
      [
        "--file",
        await write(fx.file),
        "--receipt",
        await write(JSON.stringify(fx.receipt)),
        "--policy",
        await write(fx.policy),
        "--log",
        "https://court.test/ledger",
      ],
      fork.fetch,
    );
    expect(code).toBe(1);
    expect(json.live).toMatchObject({
      isVerified: false,
      reason: "live_inconsistent",
      consistency: "failed",
    });
    expect(stdout).toContain("live_inconsistent");
  });

  it("reports a log rolled back below the receipt's checkpoint", async () => {
    const fx = buildReceiptFixture();
    fx.log.published = cosign(fx.log.checkpoint(fx.index + 1), fx.witnesses);
    const { code, json } = await runJson(
      [
        "--file",
        await write(fx.file),
        "--receipt",
        await write(JSON.stringify(fx.receipt)),
        "--policy",
        await write(fx.policy),
        "--log",
        "https://court.test/ledger",
        "--lang",
        "en",
      ],
      fx.log.fetch,
    );
    expect(code).toBe(1);
    expect(json.live?.reason).toBe("live_rolled_back");
  });

  it("says so when the live log cannot be reached", async () => {
    const fx = buildReceiptFixture();
    const { code, stdout } = await run(
      [
        "--file",
        await write(fx.file),
        "--receipt",
        await write(JSON.stringify(fx.receipt)),
        "--policy",
        await write(fx.policy),
        "--log",
        "https://court.test/ledger",
        "--lang",
        "en",
      ],
      async () => {
        throw new Error("connect ECONNREFUSED");
      },
    );
    expect(code).toBe(1);
    expect(stdout).toContain("The live log cannot be reached: the network connection failed");
    expect(stdout).not.toContain("ECONNREFUSED");
  });
});
