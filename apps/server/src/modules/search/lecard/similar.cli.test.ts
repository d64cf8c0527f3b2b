import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readCandidates, readPools, readQueries } from "./lecard-data";

const DATA = process.env.LECARD_DIR ?? "/work/shared/data/lecard";
const hasData = existsSync(join(DATA, "candidates.jsonl.gz"));
const ROOT = new URL("../../../../../../", import.meta.url).pathname;

describe.skipIf(!hasData)("netcourt similar rank + eval on a LeCaRD subset", () => {
  const work = mkdtempSync(join(tmpdir(), "similar-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("writes a TREC run over each whole pool and prints both NDCG protocols", async () => {
    // Two queries, each with the first 12 candidates of its pool.
    const queries = readQueries(join(DATA, "queries.jsonl")).slice(0, 2);
    const pools = readPools(join(DATA, "pools.jsonl"));
    const subset = new Map(queries.map((q) => [q.qid, (pools.get(q.qid) ?? []).slice(0, 12)]));
    const wanted = new Set([...subset.values()].flat());
    const lines: string[] = [];
    for await (const c of readCandidates(join(DATA, "candidates.jsonl.gz")))
      if (wanted.has(c.doc_id)) lines.push(JSON.stringify(c));
    writeFileSync(join(work, "q.jsonl"), queries.map((q) => JSON.stringify(q)).join("\n"));
    writeFileSync(
      join(work, "p.jsonl"),
      [...subset].map(([qid, candidates]) => JSON.stringify({ qid, candidates })).join("\n"),
    );
    writeFileSync(join(work, "c.jsonl.gz"), gzipSync(lines.join("\n")));
    const qrels = readFileSync(join(DATA, "qrels.tsv"), "utf8")
      .split("\n")
      .filter((l) => subset.has(Number(l.split("\t")[0])));
    writeFileSync(join(work, "qrels.tsv"), qrels.join("\n"));

    const cli = ["tsx", join(ROOT, "apps/server/src/cli.ts"), "similar"];
    execFileSync(
      "npx",
      [
        ...cli,
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
        ...cli,
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
