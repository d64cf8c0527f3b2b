/**
 * Timings of the law catalogue: corpus load, index build, search and citation-check latency, and
 * (with --db) the import into an embedded PGlite database and its search latency.
 *
 *   npx tsx apps/server/src/modules/search/laws/laws.bench.ts [laws dir] [--db]
 */
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import type { Kysely } from "kysely";
import { openDatabase } from "../../../platform/db/database";
import { checkCitations } from "./citation-check";
import { createDbLawCatalog } from "./law-catalog.db";
import { createMemoryLawCatalog } from "./law-catalog.memory";
import type { LawCatalog } from "./law-catalog";
import { searchLaws } from "./law-search";
import { lawCorpusFiles, loadLawCorpus } from "./laws.loader";
import { importLawCorpus, type LawsTables } from "./laws.repository";

const args = process.argv.slice(2);
const dir =
  args.find((arg) => !arg.startsWith("--")) ??
  fileURLToPath(new URL("../../../../../../../shared/data/laws", import.meta.url));
const withDb = args.includes("--db");

const QUERIES = [
  "民法典",
  "民诉法第一百二十二条",
  "577",
  "133之一",
  "违约责任",
  "电子数据 区块链",
  "个人信息 同意",
  "醉酒驾驶机动车",
];
const CHECK_TEXT =
  "依照《中华人民共和国刑法》第二百三十四条第一款、第六十七条第三款、第七十二条第一款第（一）（二）（三）（四）项之规定，" +
  "及《中华人民共和国民法典》第五百七十七条、《中华人民共和国合同法》第一百零七条、《民事诉讼法》第一百二十二条第三款。";

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function latency(label: string, catalog: LawCatalog, rounds: number): Promise<void> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERIES)
      samples.push((await time(() => searchLaws(catalog, query, { limit: 20 })))[1]);
  }
  console.log(
    `${label} search: ${samples.length} queries, p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
  );
}

console.log(
  `node ${process.version}, ${cpus().length} cpus, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`,
);
const [corpus, loadMs] = await time(() => loadLawCorpus(lawCorpusFiles(dir)));
console.log(
  `load: ${corpus.laws.length} laws, ${corpus.articles.length} articles in ${loadMs.toFixed(0)} ms`,
);
const [memory, indexMs] = await time(async () => createMemoryLawCatalog(corpus, { buildIndexNow: true }));
console.log(`bigram index: ${indexMs.toFixed(0)} ms`);
await latency("memory", memory, 5);
const checks: number[] = [];
for (let round = 0; round < 50; round += 1)
  checks.push((await time(() => checkCitations(memory, CHECK_TEXT, { at: "2024-06-01" })))[1]);
console.log(`check (${CHECK_TEXT.length} chars, 10 citations): p50 ${percentile(checks, 50).toFixed(2)} ms`);

if (withDb) {
  const database = await openDatabase({ kind: "pglite" });
  try {
    await database.exec(await readFile(new URL("./laws.sql", import.meta.url), "utf8"));
    const db = database.db as unknown as Kysely<LawsTables>;
    const [counts, importMs] = await time(() => importLawCorpus(db, corpus));
    console.log(`PGlite import: ${counts.articles} articles in ${(importMs / 1000).toFixed(1)} s`);
    await latency("PGlite", createDbLawCatalog(db), 3);
  } finally {
    await database.close();
  }
}
