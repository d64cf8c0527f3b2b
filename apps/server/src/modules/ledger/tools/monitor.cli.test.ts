import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ed25519VerifierKey, utf8 } from "@netcourt/ledger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLedgerCommand } from "./monitor.cli";
import { buildReceiptFixture, cosign } from "./receipt-fixtures";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-monitor-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function write(content: string): Promise<string> {
  const file = path.join(dir, `checkpoint-${counter++}`);
  await fs.writeFile(file, content);
  return file;
}

async function monitor(args: string[], fetchImpl?: (url: string) => Promise<Response>) {
  let stdout = "";
  let stderr = "";
  const code = await runLedgerCommand(["monitor", ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return { code, stdout, stderr };
}

describe("netcourt ledger monitor", () => {
  it("finds two checkpoints of a growing log consistent, with the proof from its tiles", async () => {
    const fx = buildReceiptFixture({ before: 300, after: 0 });
    const early = cosign(fx.log.checkpoint(120), fx.witnesses);
    const later = cosign(fx.log.checkpoint(), fx.witnesses);
    for (let i = 0; i < 600; i++) fx.log.append(utf8(`more ${i}`));
    fx.log.published = cosign(fx.log.checkpoint(), fx.witnesses);
    const policy = await write(fx.policy);
    const { code, stdout } = await monitor(
      [
        "--checkpoint",
        await write(early),
        "--checkpoint",
        await write(later),
        "--log",
        "https://court.test/ledger",
        "--policy",
        policy,
      ],
      fx.log.fetch,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("consistency proof 120 → 301");
    expect(stdout).toContain("(now)");
    expect(stdout).toContain("consistent: no split view");
  });

  it("reports a split view with both signed notes as evidence", async () => {
    const fx = buildReceiptFixture({ before: 300, after: 10 });
    const fork = fx.log.fork(280);
    for (let i = 0; i < 50; i++) fork.append(utf8(`other history ${i}`));
    const seenByA = cosign(fx.log.checkpoint(), fx.witnesses);
    const seenByB = cosign(fork.checkpoint(), fx.witnesses);
    fork.published = seenByB;
    const { code, stdout } = await monitor(
      [
        "--checkpoint",
        await write(seenByA),
        "--checkpoint",
        await write(seenByB),
        "--log",
        "https://court.test/ledger",
        "--log-key",
        fx.log.vkey,
      ],
      fork.fetch,
    );
    expect(code).toBe(1);
    expect(stdout).toContain("split view");
    expect(stdout).toContain("SPLIT VIEW DETECTED");
    expect(stdout).toContain(seenByA.trimEnd());
    expect(stdout).toContain(seenByB.trimEnd());
  });

  it("reports a split view at equal sizes without needing the log", async () => {
    const fx = buildReceiptFixture({ before: 10, after: 0 });
    const fork = fx.log.fork(5);
    for (let i = 0; i < 6; i++) fork.append(utf8(`x ${i}`));
    const { code, stdout } = await monitor([
      "--checkpoint",
      await write(fx.log.checkpoint()),
      "--checkpoint",
      await write(fork.checkpoint()),
      "--log-key",
      fx.log.vkey,
      "--json",
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { outcome: string; comparisons: Array<{ evidence: string }> };
    expect(json.outcome).toBe("split_view");
    expect(json.comparisons[0]!.evidence).toContain("both signed at size 11 with different roots");
  });

  it("cannot call a checkpoint signed by another key a split view (exit 3)", async () => {
    const fx = buildReceiptFixture({ before: 10, after: 0 });
    const { code, stdout } = await monitor([
      "--checkpoint",
      await write(fx.log.checkpoint()),
      "--checkpoint",
      await write(fx.log.checkpoint(4)),
      "--log-key",
      ed25519VerifierKey("court.test/ledger", new Uint8Array(32).fill(42)),
    ]);
    expect(code).toBe(3);
    expect(stdout).toContain("NOT signed by the trusted log key");
  });

  it("takes the policy the log publishes when given no keys, and warns that it is trust on first use", async () => {
    const fx = buildReceiptFixture({ before: 10, after: 0 });
    const served = async (url: string) =>
      url.endsWith("/policy") ? new Response(fx.policy) : fx.log.fetch(url);
    fx.log.published = cosign(fx.log.checkpoint(), fx.witnesses);
    const { code, stderr } = await monitor(
      ["--checkpoint", await write(fx.log.checkpoint(3)), "--log", "https://court.test/ledger"],
      served,
    );
    expect(code).toBe(0);
    expect(stderr).toContain("trust on first use");
  });

  it("refuses bad usage with exit 2", async () => {
    expect((await monitor([])).code).toBe(2);
    expect((await monitor(["--checkpoint", "a"])).code).toBe(2);
    expect((await monitor(["--checkpoint", "a", "--checkpoint", "b"])).code).toBe(2); // no key
    expect(await runLedgerCommand(["nonsense"], { stderr: () => undefined })).toBe(2);
  });
});
