/**
 * `npx tsx bench/hearing-live.bench.ts` — the public live stream of a hearing (庭审公开) fanned out to many
 * anonymous viewers over real HTTP: one publisher posts a one-second WebM-sized segment every second with
 * its capture time, as the clerk's browser does; every viewer long-polls each next segment, as the public
 * player does. The delay of a viewer is the time from the segment's capture start to its receipt (so it
 * includes the segment's own second). Target: p99 ≤ 5 s at 500 viewers.
 * Options: --viewers N (500), --seconds N (30), --segment-kb MIN-MAX (60-150), --workers N (2).
 * The server runs in this process on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set; the viewers
 * run in worker threads (their HTTP clients would otherwise share the server's event loop, as 500 browsers
 * on other machines do not).
 */
import { randomBytes } from "node:crypto";
import type * as Http from "node:http";
import { Worker } from "node:worker_threads";
import { acceptedCase, seedDemo, shoppingComplaint, signIn } from "../apps/server/src/testing/demo";
import { createTestApp, type TestClient } from "../apps/server/src/testing/test-app";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const viewers = Number(args.get("viewers") ?? 500);
const seconds = Number(args.get("seconds") ?? 30);
const [minKb, maxKb] = (args.get("segment-kb") ?? "60-150").split("-").map(Number) as [number, number];
const workers = Number(args.get("workers") ?? 2);
const SEGMENT_MS = 1_000;

interface ViewerTask {
  base: string;
  hearingId: string;
  first: number;
  count: number;
  totalSegments: number;
  /** Capture start of segment 0 (epoch ms); segment n starts n seconds later. */
  start: number;
}

/**
 * Viewers first..first+count-1, each from its own address over its own kept-alive connection (node:http,
 * lighter than fetch, as a browser's network stack is not the server's to pay for), each long-polling the
 * next segment.
 */
async function runViewers(task: ViewerTask): Promise<{ delays: number[]; bytes: number; errors: number }> {
  // Required here: the function also runs on its own in a worker thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http = require("node:http") as typeof Http;
  const delays: number[] = [];
  let bytes = 0;
  let errors = 0;
  const url = new URL(task.base);
  function get(agent: Http.Agent, path: string, forwardedFor: string) {
    return new Promise<{ status: number; size: number }>((resolve, reject) => {
      const request = http.get(
        { host: url.hostname, port: url.port, path, agent, headers: { "x-forwarded-for": forwardedFor } },
        (response) => {
          let size = 0;
          response.on("data", (chunk: Buffer) => (size += chunk.length));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, size }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
  }
  async function view(index: number): Promise<void> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const forwardedFor = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
    let seq = 0;
    while (seq < task.totalSegments) {
      try {
        const path = `/api/public/hearings/${task.hearingId}/live/segments/${seq}?viewer=bench-viewer-${index}`;
        const answer = await get(agent, path, forwardedFor);
        if (answer.status === 200) {
          delays.push(Date.now() - (task.start + seq * SEGMENT_MS));
          bytes += answer.size;
          seq += 1;
        } else if (answer.status !== 404) errors += 1;
      } catch {
        errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    agent.destroy();
  }
  await Promise.all(Array.from({ length: task.count }, (_, i) => view(task.first + i)));
  return { delays, bytes, errors };
}

function viewersInWorker(task: ViewerTask): Promise<{ delays: number[]; bytes: number; errors: number }> {
  return new Promise((resolve, reject) => {
    // The viewers' code alone (plain fetch), not this file with the whole server.
    const source =
      `const { workerData, parentPort } = require("node:worker_threads");\n` +
      `const __name = (f) => f;\nconst SEGMENT_MS = ${SEGMENT_MS};\n` +
      `${runViewers.toString()}\n` +
      `runViewers(workerData).then((result) => parentPort.postMessage(result));`;
    const worker = new Worker(source, { eval: true, workerData: task });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cookieHeader(client: TestClient): Record<string, string> {
  return {
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    "x-csrf-token": client.csrfToken ?? "",
  };
}

async function main(): Promise<void> {
  const kind = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const app = await createTestApp(kind, { listen: true, env: { TRUST_PROXY: "true" } });
  try {
    const accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    const zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    const clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    const judgeAccount = [...accounts.values()].find((a) => a.role === "judge" && a.courtCode === "浙0192")!;
    const judge = await signIn(app, judgeAccount.login);
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const courtId = courts.find((c) => c.code === "浙0192")!.id;
    const caseId = await acceptedCase(app, {
      filer: zhangsan,
      clerk,
      courtId,
      complaint: shoppingComplaint(),
    });
    await app.context.db
      .updateTable("cases")
      .set({ judge_id: judgeAccount.userId })
      .where("id", "=", caseId)
      .execute();
    const scheduled = await judge.post<{ id: string }>(`/api/cases/${caseId}/hearings`, {
      mode: "online",
      startsAt: "2026-03-10T09:30:00+08:00",
      durationMinutes: 120,
      clerkId: accounts.get("hzhlw.clerk1@netcourt.demo")!.userId,
    });
    if (scheduled.status !== 201) throw new Error(JSON.stringify(scheduled.body));
    const hearingId = scheduled.body.id;
    // The room is open: the hearing sits.
    await app.context.db
      .updateTable("hearings")
      .set({ status: "in_progress" })
      .where("id", "=", hearingId)
      .execute();
    const started = await clerk.post<{ streamId: string }>(`/api/hearings/${hearingId}/live/start`, {
      hideFaces: true,
    });
    if (started.status !== 200) throw new Error(JSON.stringify(started.body));
    const base = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;

    const totalSegments = Math.ceil((seconds * 1000) / SEGMENT_MS);
    // Segment 0's capture starts a moment from now, once every viewer is connected and waiting.
    const start = Date.now() + 3_000;
    let published = 0;
    const publisher = (async () => {
      for (let seq = 0; seq < totalSegments; seq += 1) {
        const captureStart = start + seq * SEGMENT_MS;
        // The segment is sent when its second of capture ends.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, captureStart + SEGMENT_MS - Date.now())),
        );
        const size = Math.round((minKb + Math.random() * (maxKb - minKb)) * 1024);
        const response = await fetch(`${base}/api/hearings/${hearingId}/live/segments/${seq}`, {
          method: "POST",
          headers: {
            ...cookieHeader(clerk),
            "content-type": "video/webm;codecs=vp8,opus",
            "x-capture-started-at": String(captureStart),
            "x-sent-at": String(Date.now()),
          },
          body: randomBytes(size),
        });
        if (!response.ok) throw new Error(`publish ${seq}: ${response.status} ${await response.text()}`);
        published += 1;
      }
    })();
    const startedAt = Date.now();
    const share = Math.ceil(viewers / workers);
    const results = await Promise.all([
      publisher.then(() => null),
      ...Array.from({ length: workers }, (_, w) =>
        viewersInWorker({
          base,
          hearingId,
          first: w * share,
          count: Math.max(0, Math.min(share, viewers - w * share)),
          totalSegments,
          start,
        }),
      ),
    ]);
    const delays = results.flatMap((r) => r?.delays ?? []);
    const bytesOut = results.reduce((sum, r) => sum + (r?.bytes ?? 0), 0);
    const errors = results.reduce((sum, r) => sum + (r?.errors ?? 0), 0);
    const received = delays.length;
    const elapsed = (Date.now() - startedAt) / 1000;
    const sorted = [...delays].sort((a, b) => a - b);
    const control = await judge.get<{ viewers: number }>(`/api/hearings/${hearingId}/live`);
    const line = (label: string, value: string) => `  ${label.padEnd(34)} ${value}\n`;
    process.stdout.write(
      "\nnetcourt live-stream fan-out\n\n" +
        line("database", kind) +
        line("viewers", `${viewers} in ${workers} worker threads`) +
        line("segments published", `${published} × 1 s, ${minKb}–${maxKb} KB`) +
        line("segments delivered", `${received} of ${published * viewers}`) +
        line("errors (not 404)", String(errors)) +
        line("throughput out", `${(bytesOut / 1024 / 1024 / elapsed).toFixed(1)} MB/s`) +
        line("delay capture→receipt p50", `${percentile(sorted, 50)} ms`) +
        line("delay p95", `${percentile(sorted, 95)} ms`) +
        line("delay p99", `${percentile(sorted, 99)} ms  (target ≤ 5000 ms)`) +
        line("delay max", `${sorted.at(-1)} ms`) +
        line("viewers counted for the judge", String(control.body.viewers)) +
        "\n",
    );
    if (percentile(sorted, 99) > 5_000) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main();
