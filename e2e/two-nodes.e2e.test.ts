import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVerifyCommand } from "../apps/server/src/modules/ledger/tools/verify.cli";
import { HttpClient } from "../apps/server/src/testing/http-client";
import { dropDatabase, startDemoNodes, type DemoNodes } from "../scripts/demo-nodes";
import { freePort } from "./support";
import { ONE_PIXEL_PNG } from "./support/court-day";

const CONTRACT = "电子合同 订单 20260302-0002：买方张三，卖方示范商城，金额 899.00 元。\n";

const postgresUrl = process.env.TEST_DATABASE_URL;
// Two nodes share one database: PGlite is one process's own database, so this needs PostgreSQL.
const describeOnPostgres = postgresUrl ? describe : describe.skip;

describeOnPostgres("two nodes on one PostgreSQL (skipped without TEST_DATABASE_URL)", () => {
  let demo: DemoNodes | undefined;
  let dir: string;
  let databaseUrl: string;
  /** The demo platform's API key and the index of its deposit made through node A. */
  let platformAuth: { authorization: string } | undefined;
  let depositedOnA: number | undefined;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-two-nodes-"));
    const url = new URL(postgresUrl!);
    url.pathname = `/netcourt_two_nodes_${randomBytes(5).toString("hex")}`;
    databaseUrl = url.toString();
    demo = await startDemoNodes({
      databaseUrl,
      dir,
      nodePorts: [await freePort(), await freePort()],
      publicPort: await freePort(),
      s3Port: await freePort(),
      witnessPorts: [await freePort(), await freePort(), await freePort()],
      env: {
        LAWS_DIR: "",
        WEB_DIST: path.join(dir, "no-web"),
        LEDGER_CHECKPOINT_MS: "100",
        LEDGER_FOLLOW_MS: "100",
      },
    });
  });

  afterAll(async () => {
    await demo?.stop();
    if (databaseUrl) await dropDatabase(databaseUrl);
    if (dir) await fs.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it("serves through node B a file uploaded through node A, from the shared object store", async () => {
    const [nodeA, nodeB] = demo!.nodeUrls;
    const onA = new HttpClient(nodeA);
    await onA.signIn("zhangsan@netcourt.demo");
    const courts = (await onA.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"))
      .body.items;
    const draft = await onA.request<{ caseId: string }>("POST", "/api/filings", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
    });
    expect(draft.status).toBe(201);
    const form = new FormData();
    form.append("category", "evidence");
    form.append("file", new Blob([ONE_PIXEL_PNG], { type: "image/png" }), "order.png");
    const upload = await onA.request<{ url: string; sha256: string }>(
      "POST",
      `/api/filings/${draft.body.caseId}/attachments`,
      undefined,
      { form },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.sha256).toBe(createHash("sha256").update(ONE_PIXEL_PNG).digest("hex"));

    // The session lives in the shared database: node B knows the same cookie.
    const onB = new HttpClient(nodeB);
    onB.cookies = new Map(onA.cookies);
    const download = await fetch(`${nodeB}${upload.body.url}`, {
      headers: { cookie: [...onB.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(ONE_PIXEL_PNG)).toBe(true);
    // Neither node kept the file in its own folder: it is in the bucket.
    const sha = upload.body.sha256;
    for (const node of ["node-a", "node-b"]) {
      await expect(
        fs.access(path.join(dir, node, "files", sha.slice(0, 2), sha.slice(2, 4), sha)),
      ).rejects.toThrow();
    }
    // Through PUBLIC_URL the proxy takes turns: both nodes serve the same file to the same session.
    for (let turn = 0; turn < 2; turn++) {
      const viaProxy = await fetch(`${demo!.publicUrl}${upload.body.url}`, {
        headers: { cookie: [...onA.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      expect(viaProxy.status).toBe(200);
      expect(Buffer.from(await viaProxy.arrayBuffer()).equals(ONE_PIXEL_PNG)).toBe(true);
    }
    // Someone else's session on node B still may not read it.
    const stranger = new HttpClient(nodeB);
    await stranger.signIn("lisi@netcourt.demo");
    expect((await stranger.request("GET", upload.body.url)).status).toBe(404);
  });

  it("acknowledges a deposit on node A whose receipt verifies against node B's live log", async () => {
    const [nodeA, nodeB] = demo!.nodeUrls;
    const admin = new HttpClient(nodeA);
    await admin.signIn("hzhlw.admin1@netcourt.demo");
    const courts = (await admin.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts"))
      .body.items;
    const platform = await admin.request<{ id: string }>("POST", "/api/ledger/platforms", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
      name: "示范电子合同平台",
      operatorName: "杭州示范电子合同有限公司",
      category: "e_commerce",
    });
    expect(platform.status).toBe(201);
    const key = await admin.request<{ apiKey: string }>(
      "POST",
      `/api/ledger/platforms/${platform.body.id}/credentials`,
      { kind: "api_key" },
    );
    const auth = { authorization: `Bearer ${key.body.apiKey}` };
    const deposited = await fetch(`${nodeA}/api/ledger/deposits`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({
        deposits: [
          {
            sha256: createHash("sha256").update(CONTRACT).digest("hex"),
            kind: "contract",
            title: "电子合同",
            occurredAt: "2026-03-02T10:00:00+08:00",
            metadata: { order: "20260302-0002" },
          },
        ],
      }),
    });
    expect(deposited.status).toBe(200);
    const { treeSize, deposits } = (await deposited.json()) as {
      treeSize: number;
      deposits: Array<{ index: number }>;
    };
    platformAuth = auth;
    depositedOnA = deposits[0]!.index;
    const receipt = await fetch(`${nodeA}/api/ledger/deposits/${deposits[0]!.index}`, { headers: auth });
    expect(receipt.status).toBe(200);
    const receiptFile = path.join(dir, "receipt.json");
    const evidenceFile = path.join(dir, "contract.txt");
    await fs.writeFile(receiptFile, await receipt.text());
    await fs.writeFile(evidenceFile, CONTRACT);

    // Node B serves a checkpoint at least as new as the receipt's, under the same policy and PUBLIC_URL.
    const checkpointB = await (await fetch(`${nodeB}/ledger/checkpoint`)).text();
    const sizeB = Number(checkpointB.split("\n")[1]);
    expect(sizeB).toBeGreaterThanOrEqual(treeSize);
    const policyA = await (await fetch(`${nodeA}/ledger/policy`)).text();
    const policyB = await (await fetch(`${nodeB}/ledger/policy`)).text();
    expect(policyB).toBe(policyA);
    expect(policyB).toContain(`${demo!.publicUrl}/ledger`);

    let stdout = "";
    const code = await runVerifyCommand(
      [
        "--file",
        evidenceFile,
        "--receipt",
        receiptFile,
        "--policy",
        `${nodeB}/ledger/policy`,
        "--log",
        `${nodeB}/ledger`,
        "--json",
      ],
      { stdout: (text) => (stdout += text), stderr: () => undefined },
    );
    expect(code, stdout).toBe(0);
    const verified = JSON.parse(stdout) as { live: { isVerified: boolean; size: number } };
    expect(verified.live.isVerified).toBe(true);
    expect(verified.live.size).toBeGreaterThanOrEqual(sizeB);

    // The tampered file fails against the same log.
    await fs.writeFile(evidenceFile, CONTRACT.replace("899.00", "8,990.00"));
    const refused = await runVerifyCommand(
      ["--file", evidenceFile, "--receipt", receiptFile, "--policy", `${nodeB}/ledger/policy`, "--json"],
      { stdout: () => undefined, stderr: () => undefined },
    );
    expect(refused).toBe(1);
  });

  it("refuses to start a third node configured with another witness quorum", async () => {
    await expect(demo!.startNode("node-c", await freePort(), { LEDGER_WITNESS_QUORUM: "1" })).rejects.toThrow(
      "ledger trust policy differs from the log's: LEDGER_WITNESS_QUORUM is 1, the log's quorum is 2",
    );
  });
  it("keeps acknowledging deposits on node B after node A is killed with SIGKILL, and node A restarts onto the same log", async () => {
    const [nodeA, nodeB] = demo!.nodes;
    expect(platformAuth, "the deposit test runs first").toBeDefined();
    const auth = platformAuth!;
    await nodeA.kill();
    await expect(fetch(`${nodeA.baseUrl}/api/health`)).rejects.toThrow();

    // What node A acknowledged before it died is in the log node B serves.
    const before = await fetch(`${nodeB.baseUrl}/api/ledger/deposits/${depositedOnA}`, { headers: auth });
    expect(before.status).toBe(200);

    // Node B alone publishes with the witnesses and acknowledges a new deposit.
    const text = "电子合同 订单 20260302-0003：买方张三，卖方示范商城，金额 120.00 元。\n";
    const deposited = await fetch(`${nodeB.baseUrl}/api/ledger/deposits`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({
        deposits: [
          {
            sha256: createHash("sha256").update(text).digest("hex"),
            kind: "contract",
            title: "电子合同",
            occurredAt: "2026-03-02T11:00:00+08:00",
          },
        ],
      }),
    });
    expect(deposited.status, await deposited.clone().text()).toBe(200);
    const { treeSize } = (await deposited.json()) as { treeSize: number };
    const checkpointB = await (await fetch(`${nodeB.baseUrl}/ledger/checkpoint`)).text();
    expect(Number(checkpointB.split("\n")[1])).toBeGreaterThanOrEqual(treeSize);
    // Cosigned by the log's quorum of witnesses: the signature lines after the note's blank line.
    const signatures = checkpointB
      .split("\n\n")[1]!
      .split("\n")
      .filter((line) => line.startsWith("— "));
    expect(signatures.length).toBeGreaterThanOrEqual(3);

    // Node A, restarted on its old data folder, serves the checkpoint node B published.
    const port = Number(new URL(nodeA.baseUrl).port);
    const restarted = await demo!.startNode("node-a", port);
    const checkpointA = await (await fetch(`${restarted.baseUrl}/ledger/checkpoint`)).text();
    expect(Number(checkpointA.split("\n")[1])).toBeGreaterThanOrEqual(treeSize);
    const again = await fetch(`${restarted.baseUrl}/api/ledger/deposits/${depositedOnA}`, { headers: auth });
    expect(again.status).toBe(200);
  });
});
