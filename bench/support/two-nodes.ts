import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import S3rver from "s3rver";
import { shoppingComplaint } from "../../apps/server/src/testing/demo";
import { HttpClient } from "../../apps/server/src/testing/http-client";
import { spawnServer, type SpawnedServer } from "../../apps/server/src/testing/spawn-server";
import { freePort } from "../../apps/server/src/testing/test-app";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/**
 * The two-node phase of `npm run bench`: two server nodes on one PostgreSQL database with a shared
 * object store (a local s3rver), one log key and one TOTP key, as docs/deploy.md §13 describes. In one
 * run it measures filings per second and case-detail reads per second against one node, then against
 * both side by side, and reports the ratio. `freshDatabase` empties the database first.
 */
export async function runTwoNodePhase(options: {
  databaseUrl: string;
  seconds: number;
  freshDatabase: (url: string) => Promise<void>;
}): Promise<string> {
  await options.freshDatabase(options.databaseUrl);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-bench-nodes-"));
  const s3Port = await freePort();
  const s3 = new S3rver({
    address: "127.0.0.1",
    port: s3Port,
    silent: true,
    directory: path.join(dir, "s3"),
    configureBuckets: [{ name: "netcourt-bench", configs: [] }],
  });
  await s3.run();
  const totpKeyFile = path.join(dir, "totp.key");
  await fs.writeFile(totpKeyFile, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  const shared: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    NODE_ENV: "production",
    LEDGER_WITNESSES: "[]",
    // A staging court: the demo accounts and the payment and real-name simulators, allowed explicitly.
    ALLOW_DEMO_SEED: "true",
    ALLOW_SIMULATORS: "payment,real_name,sms,email",
    LEDGER_LOG_KEY_FILE: path.join(dir, "log.key"),
    TOTP_ENCRYPTION_KEY_FILE: totpKeyFile,
    FILE_STORE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_BUCKET: "netcourt-bench",
    S3_REGION: "us-east-1",
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  };
  const nodes: SpawnedServer[] = [];
  try {
    // Node A creates the schema, the log and the demo data; node B joins the same database.
    for (const [name, seed] of [
      ["a", "true"],
      ["b", "false"],
    ] as const) {
      const dataDir = path.join(dir, name);
      await fs.mkdir(dataDir);
      nodes.push(
        await spawnServer({
          port: await freePort(),
          dataDir,
          env: { ...shared, SEED_DEMO: seed },
          timeoutMs: 120_000,
        }),
      );
    }
    const [a, b] = nodes as [SpawnedServer, SpawnedServer];

    // One litigant session, valid on every node (sessions live in the database).
    const litigant = new HttpClient(a.baseUrl);
    await litigant.signIn("zhangsan@netcourt.demo");
    const courts = (
      await litigant.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts")
    ).body.items;
    const courtId = courts.find((c) => c.code === "浙0192")!.id;
    const clientFor = (node: SpawnedServer) => {
      const client = new HttpClient(node.baseUrl);
      for (const [key, value] of litigant.cookies) client.cookies.set(key, value);
      return client;
    };
    const expect = (response: { status: number; body: unknown }, status: number) => {
      if (response.status !== status)
        throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
    };
    const fileOne = async (client: HttpClient): Promise<string> => {
      const created = await client.request<{ caseId: string }>("POST", "/api/filings", { courtId });
      expect(created, 201);
      const caseId = created.body.caseId;
      const form = new FormData();
      form.append("category", "evidence");
      form.append("file", new Blob([PNG], { type: "image/png" }), "order.png");
      const upload = await client.request<{ id: string }>(
        "POST",
        `/api/filings/${caseId}/attachments`,
        undefined,
        { form },
      );
      expect(upload, 201);
      expect(
        await client.request(
          "PUT",
          `/api/filings/${caseId}`,
          shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
        ),
        200,
      );
      expect(await client.request("POST", `/api/filings/${caseId}/submit`), 200);
      return caseId;
    };
    // Filings per second with 8 filers on each node used, for the whole period.
    const filingsPerSecond = async (targets: SpawnedServer[]): Promise<number> => {
      const clients = targets.flatMap((node) => Array.from({ length: 8 }, () => clientFor(node)));
      const start = performance.now();
      let filed = 0;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() - start < options.seconds * 1000) {
            await fileOne(client);
            filed += 1;
          }
        }),
      );
      return filed / ((performance.now() - start) / 1000);
    };
    for (let i = 0; i < 10; i += 1) await fileOne(clientFor(i % 2 === 0 ? a : b)); // warm-up
    const filingsOne = await filingsPerSecond([a]);
    const filingsTwo = await filingsPerSecond([a, b]);

    // Case-detail reads: 32 connections on each node used.
    const caseId = await fileOne(clientFor(a));
    const cookie = [...litigant.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const reads = (node: SpawnedServer) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          {
            url: `${node.baseUrl}/api/cases/${caseId}`,
            connections: 32,
            duration: Math.max(5, Math.round(options.seconds / 2)),
            headers: { cookie },
          },
          (error: unknown, result) =>
            error
              ? reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }))
              : resolve(result),
        ),
      );
    await Promise.all([reads(a), reads(b)]); // warm-up
    const readsOne = await reads(a);
    const readsBoth = await Promise.all([reads(a), reads(b)]);
    const readsTwo = readsBoth.reduce((sum, r) => sum + r.requests.average, 0);
    const errors = [readsOne, ...readsBoth].reduce((sum, r) => sum + r.errors + r.non2xx, 0);

    return `4. Two nodes on one PostgreSQL (shared object store, one log key; ${os.cpus().length} cores for both nodes and the database)
   filings/s (8 filers per node, ${options.seconds} s): one node ${filingsOne.toFixed(1)}, two nodes ${filingsTwo.toFixed(1)}, ratio ${(filingsTwo / filingsOne).toFixed(2)}
   case detail req/s (32 connections per node): one node ${readsOne.requests.average.toFixed(0)}, two nodes ${readsTwo.toFixed(0)}, ratio ${(readsTwo / readsOne.requests.average).toFixed(2)} (errors ${errors})
`;
  } finally {
    for (const node of nodes.reverse()) await node.kill("SIGTERM");
    await s3.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
