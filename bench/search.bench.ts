// Scale benchmark of the similar-case index: build N synthetic judgments (default 1,000,000) made
// from the LeCaRD candidates, then time similar-case queries. Usage:
//   npm run bench:search -- [--docs N] [--data ../shared/data/lecard] [--dir /tmp/x] [--queries 300] [--keep]
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readCandidates, readQueries } from "@netcourt/evaluation/lecard";
import { AnalysisPool, JudgmentIndex, type JudgmentInput } from "../apps/server/src/modules/search/index";
import { sharedDataPath } from "../scripts/shared-data";
import {
  baseJudgment,
  basesByCharge,
  createRandom,
  synthesizeJudgment,
  varyText,
  type BaseJudgment,
} from "./search/synthetic-judgments";

const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "1000000" },
    data: { type: "string", default: sharedDataPath("lecard") },
    dir: { type: "string" },
    queries: { type: "string", default: "300" },
    threads: { type: "string", default: "2" },
    keep: { type: "boolean", default: false },
    /** Query an index already built in --dir instead of building one. */
    reuse: { type: "boolean", default: false },
    /** Continue a build interrupted in --dir: generation restarts after the documents already in segments. */
    resume: { type: "boolean", default: false },
  },
});
const total = Number(values.docs);
const dir = values.dir ?? mkdtempSync(join(tmpdir(), "netcourt-search-bench-"));

function directorySize(path: string): number {
  let size = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    size += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return size;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);

const bases: BaseJudgment[] = [];
for await (const c of readCandidates(join(values.data, "candidates.jsonl.gz"))) {
  bases.push(baseJudgment(c));
}
const byCharge = basesByCharge(bases);

// CPU spent making the synthetic judgments (not indexing work, but on the same process clock):
// measured alone on a sample so the build's CPU per document can be reported without it. The
// sample is made twice and the second time measured: synthesis works out each base judgment's
// sentences and names once, so the first judgment made from each base costs more than the rest.
const synthesisSample = Math.min(2_000, total);
for (let i = 0; i < synthesisSample; i += 1) synthesizeJudgment(i, bases, byCharge);
const synthesisCpu = process.cpuUsage();
for (let i = 0; i < synthesisSample; i += 1) synthesizeJudgment(i, bases, byCharge);
const synthesisUsed = process.cpuUsage(synthesisCpu);
const synthesisCpuMsPerDoc =
  (synthesisUsed.user + synthesisUsed.system) / 1000 / Math.max(1, synthesisSample);

const index = await JudgmentIndex.open({ dir, durable: false, refreshMs: 0 });
const reuse = values.reuse && index.stats().documents > 0;
const pool = new AnalysisPool(reuse ? 1 : Number(values.threads));
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const batchSize = 100;
const buildTotal = reuse ? 0 : total;
// Synthetic ids are deterministic (syn-N), so an interrupted build resumes where its last segment ended.
const startAt = values.resume ? Math.floor(index.stats().documents / batchSize) * batchSize : 0;
// Batches queued per worker: enough to keep the workers busy while this thread writes a segment
// (about a second for 20,000 judgments, during which it makes no new batches).
const maxInFlight = Number(values.threads) * 6;
const inFlight = new Set<Promise<void>>();
let lastReport = started;
for (let n = startAt; n < buildTotal; n += batchSize) {
  const batch: JudgmentInput[] = [];
  for (let i = n; i < Math.min(total, n + batchSize); i += 1)
    batch.push(synthesizeJudgment(i, bases, byCharge));
  const job: Promise<void> = pool.analyze(batch, index.indexedFields).then((analyzed) => {
    index.addAnalyzed(analyzed);
    inFlight.delete(job);
  });
  inFlight.add(job);
  if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  if (performance.now() - lastReport > 30_000) {
    lastReport = performance.now();
    const s = index.stats();
    const cpu = process.cpuUsage(cpuAtStart);
    process.stderr.write(
      `  ${new Date().toISOString()} ${n + batchSize} generated, ${s.documents + s.buffered} indexed, ${s.segments} segments, ${(((n + batchSize - startAt) / (lastReport - started)) * 1000).toFixed(0)} docs/s, ${((cpu.user + cpu.system) / 1000 / (n + batchSize - startAt)).toFixed(2)} ms CPU/doc, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB, peak ${Math.round(peakRss / 2 ** 20)} MiB, load ${(await import("node:os")).loadavg()[0]?.toFixed(1)}\n`,
    );
  }
}
await Promise.all(inFlight);
await pool.close();
index.refresh();
await index.waitForMerges();
const buildSeconds = (performance.now() - started) / 1000;
// Documents this run indexed (all of them, unless it resumed a build or only queried).
const built = reuse ? 0 : Math.max(0, total - startAt);
const buildCpu = process.cpuUsage(cpuAtStart);
const stats = index.stats();
const bytes = directorySize(dir);

// Queries: the LeCaRD query facts as written, and perturbed copies (other names, amounts, places).
const random = createRandom(7);
const lecardQueries = readQueries(join(values.data, "queries.jsonl"));
const queries: { facts: string; charges: string[] }[] = [];
for (let i = 0; i < Number(values.queries); i += 1) {
  const q = lecardQueries[i % lecardQueries.length];
  if (!q) break;
  queries.push({
    facts: i < lecardQueries.length ? q.query : varyText(q.query, new Map(), random),
    charges: q.charges,
  });
}
for (const q of queries.slice(0, 20)) index.search(q); // warm the page cache and the JIT
const latencies: number[] = [];
const cpuLatencies: number[] = [];
for (const q of queries) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  index.search(q, { limit: 10 });
  const used = process.cpuUsage(cpu);
  latencies.push(performance.now() - t);
  cpuLatencies.push((used.user + used.system) / 1000);
}
cpuLatencies.sort((a, b) => a - b);
latencies.sort((a, b) => a - b);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const summary = {
  documents: stats.documents,
  segments: stats.segments,
  buildSeconds: Number(buildSeconds.toFixed(1)),
  builtNow: built,
  buildDocsPerSecond: Math.round(built / buildSeconds),
  // CPU time is what the build costs regardless of other load on the machine (all threads).
  buildCpuMsPerDoc: Number(((buildCpu.user + buildCpu.system) / 1000 / Math.max(1, built)).toFixed(2)),
  synthesisCpuMsPerDoc: Number(synthesisCpuMsPerDoc.toFixed(2)),
  indexCpuMsPerDoc: Number(
    ((buildCpu.user + buildCpu.system) / 1000 / Math.max(1, built) - synthesisCpuMsPerDoc).toFixed(2),
  ),
  indexBytes: bytes,
  indexMiB: Math.round(bytes / 2 ** 20),
  peakRssMiB: Math.round(peakRss / 2 ** 20),
  queries: latencies.length,
  p50Ms: Number(percentile(latencies, 50).toFixed(1)),
  p99Ms: Number(percentile(latencies, 99).toFixed(1)),
  cpuP50Ms: Number(percentile(cpuLatencies, 50).toFixed(1)),
  cpuP99Ms: Number(percentile(cpuLatencies, 99).toFixed(1)),
  loadAverage: (await import("node:os")).loadavg().map((x) => Number(x.toFixed(1))),
  meanMs: Number((latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)).toFixed(1)),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
await index.close();
if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true });
