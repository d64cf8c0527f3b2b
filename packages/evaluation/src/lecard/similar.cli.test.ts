import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  canonicalCharges,
  CHARGE_RELATEDNESS_MODULE,
  DEFAULT_CHARGE_RELATEDNESS,
  JudgmentIndex,
  relatedChargeCredit,
} from "@netcourt/server/search-engine";
import { needsSharedData, REPOSITORY_ROOT, sharedDataPath } from "../../../../scripts/shared-data";
import {
  readCandidates,
  readPools,
  readQrels,
  readQueries,
  type LecardQuery,
  type Qrels,
} from "./lecard-data";

const DATA = sharedDataPath("lecard");
const LECARD_FILES = ["queries.jsonl", "pools.jsonl", "candidates.jsonl.gz", "qrels.tsv"].map(
  (f) => `lecard/${f}`,
);
const ROOT = REPOSITORY_ROOT;
// The root `netcourt` command, which loads `similar` from this package.
const CLI = ["tsx", join(ROOT, "apps/server/src/cli.ts"), "similar"];

interface LecardSubset {
  queries: LecardQuery[];
  pools: Map<number, number[]>;
  /** Every expert grade of the subset's queries (also of documents outside the cut pools). */
  qrels: Qrels;
  files: { queries: string; pools: string; candidates: string; qrels: string };
}

function writePools(path: string, pools: ReadonlyMap<number, readonly number[]>): void {
  writeFileSync(path, [...pools].map(([qid, candidates]) => JSON.stringify({ qid, candidates })).join("\n"));
}

/** Writes the given LeCaRD queries, the first `poolSize` candidates of each pool and their qrels to `dir`. */
async function writeLecardSubset(
  dir: string,
  qids: readonly number[],
  poolSize: number,
): Promise<LecardSubset> {
  const all = readQueries(join(DATA, "queries.jsonl"));
  const queries = qids.map((qid) => all.find((q) => q.qid === qid) as LecardQuery);
  const fullPools = readPools(join(DATA, "pools.jsonl"));
  const pools = new Map(queries.map((q) => [q.qid, (fullPools.get(q.qid) ?? []).slice(0, poolSize)]));
  const wanted = new Set([...pools.values()].flat());
  const lines: string[] = [];
  for await (const c of readCandidates(join(DATA, "candidates.jsonl.gz")))
    if (wanted.has(c.doc_id)) lines.push(JSON.stringify(c));
  const files = {
    queries: join(dir, "q.jsonl"),
    pools: join(dir, "p.jsonl"),
    candidates: join(dir, "c.jsonl.gz"),
    qrels: join(dir, "qrels.tsv"),
  };
  writeFileSync(files.queries, queries.map((q) => JSON.stringify(q)).join("\n"));
  writePools(files.pools, pools);
  writeFileSync(files.candidates, gzipSync(lines.join("\n")));
  const qrels = readFileSync(join(DATA, "qrels.tsv"), "utf8")
    .split("\n")
    .filter((l) => pools.has(Number(l.split("\t")[0])));
  writeFileSync(files.qrels, qrels.join("\n"));
  return { queries, pools, qrels: readQrels(files.qrels), files };
}

/** Runs `netcourt similar …` to completion: exit status and both streams. */
function runSimilar(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", [...CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  // npx may warn about the user's npm configuration; that is not the command's output.
  const stderr = result.stderr
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");
  return { status: result.status, stdout: result.stdout, stderr };
}

/** The six figures (P@5 P@10 MAP NDCG@10/20/30) of the output line starting with `label`. */
function figures(output: string, label: string): number[] {
  const line = output.split("\n").find((l) => l.startsWith(label));
  expect(line, `line "${label}" in:\n${output}`).toBeDefined();
  const numbers = (line ?? "").slice(label.length).trim().split(/\s+/u).map(Number);
  expect(numbers).toHaveLength(6);
  return numbers;
}

describe("netcourt similar rank + eval on a LeCaRD subset", needsSharedData(...LECARD_FILES), () => {
  const work = mkdtempSync(join(tmpdir(), "similar-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("writes a TREC run over each whole pool and prints both NDCG protocols", async () => {
    // Two queries, each with the first 12 candidates of its pool.
    const qids = readQueries(join(DATA, "queries.jsonl"))
      .slice(0, 2)
      .map((q) => q.qid);
    const { pools: subset } = await writeLecardSubset(work, qids, 12);

    execFileSync(
      "npx",
      [
        ...CLI,
        "rank",
        "--queries",
        join(work, "q.jsonl"),
        "--pools",
        join(work, "p.jsonl"),
        "--candidates",
        join(work, "c.jsonl.gz"),
        "--out",
        join(work, "run.trec"),
        "--threads",
        "1",
      ],
      { cwd: ROOT, stdio: "pipe" },
    );
    const run = readFileSync(join(work, "run.trec"), "utf8").trim().split("\n");
    expect(run).toHaveLength(24);
    for (const line of run) expect(line).toMatch(/^-?\d+ Q0 \d+ \d+ -?\d+\.\d+ \S+$/u);
    for (const [qid, candidates] of subset) {
      const rows = run.map((l) => l.split(" ")).filter((f) => Number(f[0]) === qid);
      expect(rows.map((f) => Number(f[3]))).toEqual(candidates.map((_, i) => i + 1));
      expect(new Set(rows.map((f) => Number(f[2])))).toEqual(new Set(candidates));
      const scores = rows.map((f) => Number(f[4]));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }

    const out = execFileSync(
      "npx",
      [
        ...CLI,
        "eval",
        "--qrels",
        join(work, "qrels.tsv"),
        "--pools",
        join(work, "p.jsonl"),
        join(work, "run.trec"),
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(out).toContain("queries: 2");
    expect(out).toMatch(/pool \(CAIL2021 official\)\s+(\d\.\d{4}\s+){5}\d\.\d{4}/u);
    expect(out).toMatch(/labelled-only \(README tables\)\s+(\d\.\d{4}\s+){5}\d\.\d{4}/u);
  }, 180_000);
});

describe("netcourt similar relatedness + cv on a LeCaRD subset", needsSharedData(...LECARD_FILES), () => {
  // 聚众斗殴罪 (3), 故意伤害罪 twice (10, 2132), 盗窃罪 twice (8, 5511): the first 12 cases of
  // each pool. Query 3's hold 故意伤害罪 cases graded 2 and 3, the pair the table is made for.
  const QIDS = [3, 10, 2132, 8, 5511];
  const work = mkdtempSync(join(tmpdir(), "similar-cv-"));
  const indexDir = join(work, "index");
  const tablePath = join(work, "related.data.ts");
  let subset: LecardSubset;
  let relatedness: ReturnType<typeof runSimilar>;
  /** The charges the index extracted from each subset case (what the CLI learns from). */
  const caseCharges = new Map<number, readonly string[]>();
  const inputs = (): string[] => [
    "--queries",
    subset.files.queries,
    "--candidates",
    subset.files.candidates,
    "--qrels",
    subset.files.qrels,
    "--index",
    indexDir,
    "--threads",
    "1",
  ];

  beforeAll(async () => {
    subset = await writeLecardSubset(work, QIDS, 12);
    // Builds the subset's index once in indexDir; the later commands reuse it.
    relatedness = runSimilar(["relatedness", ...inputs(), "--pools", subset.files.pools, "--out", tablePath]);
    const index = await JudgmentIndex.open({
      dir: indexDir,
      refreshMs: 0,
      durable: false,
      backgroundMerge: false,
    });
    try {
      for (const doc of [...subset.pools.values()].flat())
        caseCharges.set(doc, index.get(String(doc))?.features.charges ?? []);
    } finally {
      await index.close();
    }
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("writes, as the data module the ranking imports, the relatedness the grades give by definition", async () => {
    expect(relatedness.stderr).toContain(`related charge pairs from 5 queries → ${tablePath}`);
    expect(relatedness.status).toBe(0);
    const written = readFileSync(tablePath, "utf8").split("\n");
    const shipped = readFileSync(CHARGE_RELATEDNESS_MODULE, "utf8").split("\n");
    // Same header (the exported name and type charge-relatedness.ts imports) and footer as the shipped table.
    expect(written.slice(0, 4)).toEqual(shipped.slice(0, 4));
    expect(written.slice(-2)).toEqual(shipped.slice(-2));
    const module = (await import(pathToFileURL(tablePath).href)) as {
      RELATED_CHARGES: readonly (readonly [string, string, number])[];
    };
    const rows = module.RELATED_CHARGES;
    expect(relatedness.stderr).toContain(`${rows.length} related charge pairs`);
    const queryCharges = new Set(subset.queries.flatMap((q) => canonicalCharges(q.charges)));
    for (const [a, b, value] of rows) {
      expect(queryCharges.has(a)).toBe(true);
      expect(typeof b).toBe("string");
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }

    // By hand for query charge 聚众斗殴罪: each pool case with none of the query's charges adds
    // grade / 3 (unjudged 0) to each of its charges; relatedness = sum / (cases + 2), 3 decimals.
    const a = "聚众斗殴罪";
    const perCharge = new Map<string, { sum: number; cases: number }>();
    for (const query of subset.queries) {
      const charges = canonicalCharges(query.charges);
      if (!charges.includes(a)) continue;
      for (const doc of subset.pools.get(query.qid) ?? []) {
        const held = caseCharges.get(doc) ?? [];
        if (charges.some((c) => held.includes(c))) continue;
        for (const b of held) {
          const entry = perCharge.get(b) ?? { sum: 0, cases: 0 };
          entry.sum += (subset.qrels.get(query.qid)?.get(doc) ?? 0) / 3;
          entry.cases += 1;
          perCharge.set(b, entry);
        }
      }
    }
    const expected = [...perCharge]
      .map(([b, { sum, cases }]) => [a, b, Math.round((sum / (cases + 2)) * 1000) / 1000] as const)
      .filter(([, , value]) => value > 0)
      .sort((x, y) => (x[1] < y[1] ? -1 : 1));
    expect(expected.find(([, b]) => b === "故意伤害罪")?.[2]).toBeGreaterThan(0.2);
    expect(rows.filter(([q]) => q === a)).toEqual(expected);
  });

  it("cross-validates 2-fold and leave-one-query-out; without relatedness it is `rank` + `eval`", () => {
    const cv = runSimilar(["cv", ...inputs(), "--pools", subset.files.pools]);
    expect(cv.stderr).toBe("");
    expect(cv.status).toBe(0);
    expect(cv.stdout).toContain("cross-validated over 5 queries (charges given), pool protocol");
    for (const folds of ["2-fold", "leave-one-query-out"])
      for (const kind of ["learned", "without"])
        for (const x of figures(cv.stdout, `${folds}, ${kind}`)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
    // Without relatedness nothing is learned: both protocols rank every query the same way.
    expect(figures(cv.stdout, "2-fold, without")).toEqual(figures(cv.stdout, "leave-one-query-out, without"));

    // `rank` uses the shipped table (learned on all 54 queries), so it equals "without" only on
    // pools where that table credits no case: keep the cases that hold each query charge or
    // have no charge related to it.
    const inert = new Map(
      subset.queries.map((query) => {
        const charges = canonicalCharges(query.charges);
        const kept = (subset.pools.get(query.qid) ?? []).filter((doc) => {
          const held = caseCharges.get(doc) ?? [];
          return charges.every(
            (c) => held.includes(c) || relatedChargeCredit(DEFAULT_CHARGE_RELATEDNESS, c, held) === 0,
          );
        });
        return [query.qid, kept] as const;
      }),
    );
    const dropped = [...subset.pools.values()].flat().length - [...inert.values()].flat().length;
    expect(dropped).toBeGreaterThan(0);
    const inertPools = join(work, "p-inert.jsonl");
    writePools(inertPools, inert);
    const run = join(work, "inert.trec");
    const rank = runSimilar(["rank", ...inputs(), "--pools", inertPools, "--out", run]);
    expect(rank.status).toBe(0);
    const evaluation = runSimilar(["eval", "--qrels", subset.files.qrels, "--pools", inertPools, run]);
    expect(evaluation.status).toBe(0);
    const inertCv = runSimilar(["cv", ...inputs(), "--pools", inertPools]);
    expect(inertCv.status).toBe(0);
    const pool = figures(evaluation.stdout, "pool (CAIL2021 official)");
    expect(pool[5]).toBeGreaterThan(0); // graded cases are left to rank
    expect(figures(inertCv.stdout, "2-fold, without")).toEqual(pool);
    expect(figures(inertCv.stdout, "leave-one-query-out, without")).toEqual(pool);
  }, 120_000);

  it('ranks without the relatedness table on --no-relatedness, as cross-validation\'s "without" row', () => {
    const run = (name: string): string => join(work, name);
    const ranked = runSimilar([
      "rank",
      ...inputs(),
      "--pools",
      subset.files.pools,
      "--out",
      run("with.trec"),
    ]);
    expect(ranked.status).toBe(0);
    const plain = runSimilar([
      ...["rank", ...inputs(), "--pools", subset.files.pools, "--out", run("without.trec")],
      "--no-relatedness",
    ]);
    expect(plain.status).toBe(0);
    const withTable = readFileSync(run("with.trec"), "utf8");
    const withoutTable = readFileSync(run("without.trec"), "utf8");
    expect(withoutTable.trim().split("\n")[0]).toMatch(/ netcourt-given-no-relatedness$/u);
    expect(withTable.trim().split("\n")[0]).toMatch(/ netcourt-given$/u);
    // The shipped table credits some subset cases with related charges, so the scores differ.
    const scores = (trec: string): string[] =>
      trec.split("\n").map((line) => line.split(" ").slice(0, 5).join(" "));
    expect(scores(withoutTable)).not.toEqual(scores(withTable));

    const evaluation = runSimilar([
      "eval",
      "--qrels",
      subset.files.qrels,
      "--pools",
      subset.files.pools,
      run("without.trec"),
    ]);
    expect(evaluation.status).toBe(0);
    const cv = runSimilar(["cv", ...inputs(), "--pools", subset.files.pools]);
    expect(cv.status).toBe(0);
    expect(figures(cv.stdout, "2-fold, without")).toEqual(
      figures(evaluation.stdout, "pool (CAIL2021 official)"),
    );
  }, 120_000);

  it("names an unreadable or missing file and a malformed qrels line, exit status 2, no stack trace", () => {
    const missing = join(work, "missing.jsonl");
    const noQueries = runSimilar(["cv", ...inputs(), "--pools", subset.files.pools, "--queries", missing]);
    expect(noQueries.status).toBe(2);
    expect(noQueries.stderr).toBe(`similar cv: ${missing}: no such file or directory\n`);

    const badQrels = join(work, "bad-qrels.tsv");
    const lines = readFileSync(subset.files.qrels, "utf8").split("\n");
    writeFileSync(badQrels, [lines[0], "3 0 6530", ...lines.slice(1)].join("\n"));
    const cv = runSimilar(["cv", ...inputs(), "--pools", subset.files.pools, "--qrels", badQrels]);
    expect(cv.status).toBe(2);
    expect(cv.stderr).toBe(`similar cv: ${badQrels}:2: expected "qid 0 doc_id label", got "3 0 6530"\n`);
    const evaluation = runSimilar(["eval", "--qrels", badQrels, "--pools", subset.files.pools, missing]);
    expect(evaluation.status).toBe(2);
    expect(evaluation.stderr).toContain(`similar eval: ${badQrels}:2: expected "qid 0 doc_id label"`);

    // A directory as the candidates file fails while indexing (no --index: a fresh one).
    const related = runSimilar([
      "relatedness",
      "--queries",
      subset.files.queries,
      "--pools",
      subset.files.pools,
      "--qrels",
      subset.files.qrels,
      "--candidates",
      work,
      "--out",
      join(work, "unused.data.ts"),
      "--threads",
      "1",
    ]);
    expect(related.status).toBe(2);
    expect(related.stderr).toBe(`similar relatedness: ${work}: is a directory\n`);
    expect(existsSync(join(work, "unused.data.ts"))).toBe(false);
  }, 60_000);
});

describe(
  "netcourt similar relatedness on the whole LeCaRD development share",
  needsSharedData(...LECARD_FILES),
  () => {
    const work = mkdtempSync(join(tmpdir(), "similar-relatedness-"));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it("reproduces the shipped charge-relatedness table byte for byte", () => {
      const out = join(work, "charge-relatedness.data.ts");
      const result = runSimilar([
        "relatedness",
        ...["--queries", join(DATA, "queries.jsonl"), "--pools", join(DATA, "pools.jsonl")],
        ...["--candidates", join(DATA, "candidates.jsonl.gz"), "--qrels", join(DATA, "qrels.tsv")],
        ...["--out", out, "--index", join(work, "index")],
      ]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain(`related charge pairs from 54 queries → ${out}`);
      expect(readFileSync(out).equals(readFileSync(CHARGE_RELATEDNESS_MODULE))).toBe(true);
    }, 600_000);
  },
);
