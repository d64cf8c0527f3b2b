/**
 * `npm run bench` — online filing over HTTP against the real server on PostgreSQL:
 * 1. filings per second end to end (create draft, upload evidence, save complaint, submit) at full speed;
 * 2. latency of each filing at a fixed 50 filings/s (open loop);
 * 3. case-detail GET requests per second, as a ratio to a bare Fastify hello route in the same run;
 * 4. two nodes on one PostgreSQL: filings and case reads on one node, then on both, and the ratio
 *    (bench/support/two-nodes.ts; its own database, `<name>_nodes`);
 * 5. mediations started at 200 a minute and complaint service at 1,000 services a minute, with each
 *    act's latency, the service job's lag and the addressee's opening (bench/support/mediation-service.ts;
 *    its own database, `<name>_mediation`; 60 s per part unless --seconds is given).
 * Options: --url postgres://… (default: local server, database netcourt_bench), --seconds N,
 * --only detail (phase 3 alone), --only nodes (phase 4 alone), --only mediation (phase 5 alone),
 * --profile DIR (CPU-profile the server and print where its time goes).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { shoppingComplaint } from "../apps/server/src/testing/demo";
import { HttpClient } from "../apps/server/src/testing/http-client";
import { spawnServer } from "../apps/server/src/testing/spawn-server";
import { freePort } from "../apps/server/src/testing/test-app";
import { cpuProfileEnv, summariseProfiles } from "./support/cpu-profile-summary";
import { runMediationServicePhase } from "./support/mediation-service";
import { runTwoNodePhase } from "./support/two-nodes";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const seconds = Number(args.get("seconds") ?? 20);
// --only detail: phase 3 alone (case detail vs hello), for work on the read path.
const detailOnly = args.get("only") === "detail";
// --only nodes: phase 4 alone (two nodes on one database).
const nodesOnly = args.get("only") === "nodes";
// --only mediation: phase 5 alone (mediation and electronic service).
const mediationOnly = args.get("only") === "mediation";
const profileDir = args.get("profile");
const baseUrl = args.get("url") ?? "postgres://postgres@127.0.0.1:5432/netcourt_bench";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

async function freshDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** Phase 4 on a database of its own beside the bench's: `netcourt_bench` → `netcourt_bench_nodes`. */
async function twoNodes(): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_nodes`;
  return runTwoNodePhase({ databaseUrl: url.toString(), seconds, freshDatabase });
}

/** Phase 5 on a database of its own beside the bench's: `netcourt_bench` → `netcourt_bench_mediation`. */
async function mediationAndService(): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_mediation`;
  // A minute per part at the aimed rates unless --seconds says otherwise.
  const phaseSeconds = args.has("seconds") ? seconds : 60;
  return runMediationServicePhase({ databaseUrl: url.toString(), seconds: phaseSeconds, freshDatabase });
}

async function main(): Promise<void> {
  if (nodesOnly) {
    process.stdout.write(`\nnetcourt filing benchmark, two nodes\n\n${await twoNodes()}`);
    return;
  }
  if (mediationOnly) {
    process.stdout.write(
      `\nnetcourt filing benchmark, mediation and electronic service\n\n${await mediationAndService()}`,
    );
    return;
  }
  await freshDatabase(baseUrl);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-bench-"));
  const port = await freePort();
  const server = await spawnServer({
    port,
    dataDir,
    // Witnesses run at independent parties on their own machines, not beside the court's server.
    env: {
      DATABASE_URL: baseUrl,
      SEED_DEMO: "true",
      NODE_ENV: "production",
      LEDGER_WITNESSES: "[]",
      // A staging court: the demo accounts and the payment and real-name simulators, allowed explicitly.
      ALLOW_DEMO_SEED: "true",
      ALLOW_SIMULATORS: "payment,real_name,sms,email",
      TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ...(profileDir ? cpuProfileEnv(profileDir) : {}),
    },
  });
  const helloPort = await freePort();
  const hello = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "support/hello-server.ts"), String(helloPort)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve) => hello.stdout.once("data", () => resolve()));

  try {
    const litigant = new HttpClient(server.baseUrl);
    await litigant.signIn("zhangsan@netcourt.demo");
    const clerk = new HttpClient(server.baseUrl);
    await clerk.signIn("hzhlw.clerk1@netcourt.demo");
    const courts = (
      await litigant.request<{ items: Array<{ id: string; code: string }> }>("GET", "/api/courts")
    ).body.items;
    const court = courts.find((c) => c.code === "浙0192")!;

    const steps = {
      create: [] as number[],
      upload: [] as number[],
      save: [] as number[],
      submit: [] as number[],
      total: [] as number[],
    };
    async function submitPrepared(caseId: string): Promise<void> {
      const start = performance.now();
      const response = await litigant.request("POST", `/api/filings/${caseId}/submit`);
      steps.submit.push(performance.now() - start);
      if (response.status !== 200)
        throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
    }
    async function fileOne(options: { submit?: boolean } = {}): Promise<string> {
      const timed = async <T>(
        into: number[],
        call: () => Promise<{ status: number; body: T }>,
        expected: number,
      ) => {
        const start = performance.now();
        const response = await call();
        into.push(performance.now() - start);
        if (response.status !== expected)
          throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
        return response.body;
      };
      const begin = performance.now();
      const { caseId } = await timed(
        steps.create,
        () => litigant.request<{ caseId: string }>("POST", "/api/filings", { courtId: court.id }),
        201,
      );
      const form = new FormData();
      form.append("category", "evidence");
      form.append("file", new Blob([PNG], { type: "image/png" }), "order.png");
      const upload = await timed(
        steps.upload,
        () =>
          litigant.request<{ id: string }>("POST", `/api/filings/${caseId}/attachments`, undefined, { form }),
        201,
      );
      await timed(
        steps.save,
        () =>
          litigant.request(
            "PUT",
            `/api/filings/${caseId}`,
            shoppingComplaint({ evidenceAttachmentId: upload.id }),
          ),
        200,
      );
      if (options.submit === false) return caseId;
      await timed(steps.submit, () => litigant.request("POST", `/api/filings/${caseId}/submit`), 200);
      steps.total.push(performance.now() - begin);
      return caseId;
    }

    let phases12 = "";
    const fmt = (n: number) => n.toFixed(1);
    if (!detailOnly) {
      // Warm-up.
      for (let i = 0; i < 20; i += 1) await fileOne();
      for (const list of Object.values(steps)) list.length = 0;

      // 1. Throughput: 8 filers in parallel for the whole period.
      const closedStart = performance.now();
      let filed = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (performance.now() - closedStart < seconds * 1000) {
            await fileOne();
            filed += 1;
          }
        }),
      );
      const throughput = filed / ((performance.now() - closedStart) / 1000);
      const closed = { total: summary(steps.total), submit: summary(steps.submit) };
      for (const list of Object.values(steps)) list.length = 0;

      // 2. Latency at a fixed 50 filings/s (open loop: a new filing every 20 ms, whatever the responses do).
      // a) the act of filing: submitting complete complaints prepared beforehand (drafts saved by the wizard);
      // b) whole wizard sessions (create, upload, save, submit) started at the same rate.
      const rate = 50;
      const prepared: string[] = [];
      for (let i = 0; i < rate * seconds; i += 1) prepared.push(await fileOne({ submit: false }));
      for (const list of Object.values(steps)) list.length = 0;
      const paced = async (count: number, start: (index: number) => Promise<unknown>) => {
        const inFlight: Promise<unknown>[] = [];
        const begin = performance.now();
        for (let i = 0; i < count; i += 1) {
          const due = begin + (i * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          inFlight.push(start(i));
        }
        await Promise.all(inFlight);
      };
      await paced(prepared.length, (i) => submitPrepared(prepared[i]!));
      const submitsAtRate = summary(steps.submit);
      for (const list of Object.values(steps)) list.length = 0;
      await paced(rate * Math.min(seconds, 10), () => fileOne());
      const open = {
        total: summary(steps.total),
        submit: summary(steps.submit),
        create: summary(steps.create),
        save: summary(steps.save),
        upload: summary(steps.upload),
      };
      phases12 = `1. Filings end to end at full speed (8 filers, ${seconds} s; a filing = create draft + upload evidence + save complaint + submit)
   filings/s: ${throughput.toFixed(1)}   filing p50 ${fmt(closed.total.p50)} ms, p99 ${fmt(closed.total.p99)} ms; submit p50 ${fmt(closed.submit.p50)} ms, p99 ${fmt(closed.submit.p99)} ms

2. At a fixed ${rate} filings/s
   a) filing (submitting a complete complaint), ${submitsAtRate.n} filings: p50 ${fmt(submitsAtRate.p50)} ms, p99 ${fmt(submitsAtRate.p99)} ms, max ${fmt(submitsAtRate.max)} ms
   b) whole wizard sessions, ${open.total.n}: p50 ${fmt(open.total.p50)} ms, p99 ${fmt(open.total.p99)} ms (create ${fmt(open.create.p99)} / upload ${fmt(open.upload.p99)} / save ${fmt(open.save.p99)} / submit ${fmt(open.submit.p99)} ms p99)

`;
    }

    // 3. Case detail vs hello.
    const caseId = await fileOne();
    const accepted = await clerk.request("POST", `/api/filings/${caseId}/accept`, {});
    if (accepted.status === 409) {
      // The fee must be paid first: pay through the simulated cashier.
      const start = await litigant.request<{ payUrl: string }>("POST", `/api/filings/${caseId}/payment`);
      await fetch(start.body.payUrl, {
        method: "POST",
        body: "action=pay",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
      await clerk.request("POST", `/api/filings/${caseId}/accept`, {});
    }
    const cookie = [...litigant.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const run = (url: string, headers: Record<string, string> = {}) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon(
          { url, connections: 32, duration: Math.max(5, Math.round(seconds / 2)), headers },
          (error: unknown, result) =>
            error
              ? reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }))
              : resolve(result),
        ),
      );
    const detailCheck = await litigant.request<{ caseNumber: string }>("GET", `/api/cases/${caseId}`);
    if (!detailCheck.body.caseNumber) throw new Error("case not registered");
    const detailBody = JSON.stringify(detailCheck.body);
    const detailBytes = Buffer.byteLength(detailBody);
    await fetch(`http://127.0.0.1:${helloPort}/body`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: detailBody,
    });
    await run(`${server.baseUrl}/api/cases/${caseId}`, { cookie }); // warm-up
    const detail = await run(`${server.baseUrl}/api/cases/${caseId}`, { cookie });
    const helloResult = await run(`http://127.0.0.1:${helloPort}/hello`);
    const ratio = detail.requests.average / helloResult.requests.average;
    const sameBody = await run(`http://127.0.0.1:${helloPort}/body`);

    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
    process.stdout.write(`
netcourt filing benchmark (PostgreSQL ${baseUrl.replace(/\/\/[^@]*@/, "//")}, ${os.cpus().length} cores, load ${load})

${phases12}3. Case detail GET vs bare Fastify hello (32 connections)
   case detail: ${detail.requests.average.toFixed(0)} req/s (p99 ${detail.latency.p99} ms, errors ${detail.errors + detail.non2xx}, body ${detailBytes} bytes)
   hello:       ${helloResult.requests.average.toFixed(0)} req/s (p99 ${helloResult.latency.p99} ms)
   ratio:       ${ratio.toFixed(2)}
   bare Fastify sending the case detail's bytes: ${sameBody.requests.average.toFixed(0)} req/s (p99 ${sameBody.latency.p99} ms); case detail / that: ${(detail.requests.average / sameBody.requests.average).toFixed(2)}
`);
    if (!detailOnly) {
      // The single node stops first, so both nodes of phase 4 have the machine to themselves.
      hello.kill("SIGTERM");
      await server.kill("SIGTERM");
      process.stdout.write(`\n${await twoNodes()}`);
      process.stdout.write(`\n${await mediationAndService()}`);
    }
  } finally {
    hello.kill("SIGTERM");
    await server.kill("SIGTERM");
    await fs.rm(dataDir, { recursive: true, force: true });
    if (profileDir) await summariseProfiles(profileDir, 30);
  }
}

await main();
