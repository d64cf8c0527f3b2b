import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JudgmentInput } from "../analysis/analyze-judgment";
import { AnalysisPool } from "../engine/analysis-pool";
import { JudgmentIndex } from "../engine/judgment-index";
import { readCandidates, readPools, readQueries, type LecardCandidate } from "./lecard-data";

/** Maps a LeCaRD candidate to an index document (its sections are given separately). */
export function candidateToJudgment(candidate: LecardCandidate): JudgmentInput {
  const id = String(candidate.doc_id);
  if (candidate.ajjbqk ?? candidate.cpfxgc ?? candidate.pjjg) {
    return {
      id,
      title: candidate.ajName ?? "",
      facts: candidate.ajjbqk ?? "",
      reasoning: candidate.cpfxgc ?? "",
      outcome: candidate.pjjg ?? "",
    };
  }
  return { id, title: candidate.ajName ?? "", fullText: candidate.qw ?? "" };
}

export interface RankPoolsOptions {
  queries: string;
  pools: string;
  candidates: string;
  /** Reuse or keep the index here instead of a temporary directory. */
  indexDir?: string;
  /** "given": the query's own charges (from the indictment); "predicted": inferred from similar cases. */
  charges: "given" | "predicted";
  threads?: number;
  log?: (line: string) => void;
}

/** Ranks every query's whole candidate pool; returns rankings best first with scores. */
export async function rankPools(
  options: RankPoolsOptions,
): Promise<{ qid: number; ranked: { doc: number; score: number }[] }[]> {
  const log = options.log ?? (() => undefined);
  const dir = options.indexDir ?? mkdtempSync(join(tmpdir(), "netcourt-lecard-"));
  const index = await JudgmentIndex.open({ dir, refreshMs: 0, durable: false, backgroundMerge: false });
  try {
    if (index.stats().documents === 0) {
      const started = Date.now();
      const pool = new AnalysisPool(options.threads);
      const inFlight: Promise<void>[] = [];
      let batch: JudgmentInput[] = [];
      let count = 0;
      const submit = (docs: JudgmentInput[]): void => {
        inFlight.push(
          pool.analyze(docs, index.indexedFields).then((analyzed) => index.addAnalyzed(analyzed)),
        );
      };
      for await (const candidate of readCandidates(options.candidates)) {
        batch.push(candidateToJudgment(candidate));
        count += 1;
        if (batch.length === 64) {
          submit(batch);
          batch = [];
        }
      }
      if (batch.length > 0) submit(batch);
      await Promise.all(inFlight);
      await pool.close();
      await index.forceMerge();
      log(`indexed ${count} candidates in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const pools = readPools(options.pools);
    const rankings: { qid: number; ranked: { doc: number; score: number }[] }[] = [];
    for (const query of readQueries(options.queries)) {
      const pool = pools.get(query.qid);
      if (!pool) continue;
      const result = index.search(
        { facts: query.query, charges: options.charges === "given" ? query.charges : [] },
        { restrictTo: pool.map(String), explain: false, inferCharges: options.charges === "predicted" },
      );
      rankings.push({
        qid: query.qid,
        ranked: result.hits.map((hit) => ({ doc: Number(hit.id), score: hit.score })),
      });
    }
    return rankings;
  } finally {
    await index.close();
    if (!options.indexDir) rmSync(dir, { recursive: true, force: true });
  }
}
