import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, signIn } from "../../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../../testing/test-app";
import { testDatabaseKinds } from "../../../testing/test-database";
import { runLedgerCommand } from "./monitor.cli";
import { runVerifyCommand } from "./verify.cli";

type Court = { id: string; code: string };

async function cli(run: typeof runVerifyCommand, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe.each(testDatabaseKinds())(
  "netcourt verify and ledger monitor against a running server on %s",
  (kind) => {
    let app: TestApp;
    let base: string;
    let apiKey: string;
    let dir: string;

    beforeAll(async () => {
      app = await createTestApp(kind, {
        now: "2026-03-02T09:00:00+08:00",
        listen: true,
        env: { LEDGER_CHECKPOINT_MS: "30", LEDGER_PUBLISH_TIMEOUT_MS: "10000" },
      });
      await app.context.ledger.start();
      base = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;
      await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
      const courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
      const admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
      const platform = await admin.post<{ id: string }>("/api/ledger/platforms", {
        courtId: courts.find((c) => c.code === "浙0192")!.id,
        name: "核验测试平台",
        operatorName: "杭州核验测试有限公司",
        category: "e_commerce",
      });
      expect(platform.status, JSON.stringify(platform.body)).toBe(201);
      const key = await admin.post<{ apiKey: string }>(
        `/api/ledger/platforms/${platform.body.id}/credentials`,
        {
          kind: "api_key",
        },
      );
      expect(key.status).toBe(201);
      apiKey = key.body.apiKey;
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-verify-db-"));
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    async function deposit(contents: string[]) {
      const response = await fetch(`${base}/api/ledger/deposits`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          deposits: contents.map((c, i) => ({
            sha256: createHash("sha256").update(c).digest("hex"),
            kind: "contract",
            title: `合同 ${i}`,
            occurredAt: "2026-03-01T10:00:00+08:00",
            metadata: { n: i },
          })),
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        treeSize: number;
        checkpoint: string;
        deposits: Array<{ index: number }>;
      };
    }

    it("verifies a deposit's receipt offline with the court's policy, then against the live log as it grows", async () => {
      const first = await deposit(["合同正文 A", "合同正文 B", "合同正文 C"]);
      const index = first.deposits[1]!.index;
      const receipt = await fetch(`${base}/api/ledger/deposits/${index}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(receipt.status).toBe(200);
      const receiptFile = path.join(dir, "receipt.json");
      await fs.writeFile(receiptFile, await receipt.text());
      const evidence = path.join(dir, "contract-b.txt");
      await fs.writeFile(evidence, "合同正文 B");
      const policyFile = path.join(dir, "policy.txt");
      await fs.writeFile(policyFile, await (await fetch(`${base}/ledger/policy`)).text());

      const offline = await cli(runVerifyCommand, [
        "--file",
        evidence,
        "--receipt",
        receiptFile,
        "--policy",
        policyFile,
        "--lang",
        "en",
      ]);
      expect(offline.code, offline.stdout).toBe(0);
      expect(offline.stdout).toContain("Verified");

      // The log grows; the receipt's checkpoint must stay consistent with the new one.
      await deposit(Array.from({ length: 300 }, (_v, i) => `later evidence ${i}`));
      const tlogProofFile = path.join(dir, "receipt.tlog-proof");
      await fs.writeFile(
        tlogProofFile,
        await (
          await fetch(`${base}/api/ledger/deposits/${index}/receipt`, {
            headers: { authorization: `Bearer ${apiKey}` },
          })
        ).text(),
      );
      for (const file of [receiptFile, tlogProofFile]) {
        const online = await cli(runVerifyCommand, [
          "--file",
          evidence,
          "--receipt",
          file,
          "--policy",
          `${base}/ledger/policy`,
          "--log",
          `${base}/ledger`,
          "--json",
        ]);
        expect(online.code, online.stdout).toBe(0);
        const json = JSON.parse(online.stdout) as { live: { isVerified: boolean; size: number } };
        expect(json.live.isVerified).toBe(true);
        expect(json.live.size).toBeGreaterThanOrEqual(first.treeSize + 300);
      }

      const tampered = path.join(dir, "tampered.txt");
      await fs.writeFile(tampered, "合同正文 B（改）");
      const refused = await cli(runVerifyCommand, [
        "--file",
        tampered,
        "--receipt",
        receiptFile,
        "--log",
        `${base}/ledger`,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("leaf");

      // Two parties' checkpoints (the receipt's and today's) are consistent with the log.
      const earlier = path.join(dir, "checkpoint-a");
      await fs.writeFile(earlier, first.checkpoint);
      const monitor = await cli(runLedgerCommand, [
        "monitor",
        "--checkpoint",
        earlier,
        "--checkpoint",
        `${base}/ledger/checkpoint`,
        "--log",
        `${base}/ledger`,
        "--policy",
        policyFile,
      ]);
      expect(monitor.code, monitor.stdout + monitor.stderr).toBe(0);
      expect(monitor.stdout).toContain("consistent: no split view");
    });
  },
);
