import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AnalysisPool,
  JudgmentIndex,
  type JudgmentInput,
  type RankingOptions,
} from "@netcourt/server/search-engine";
import {
  readCandidates,
  readPools,
  readQueries,
  type LecardCandidate,
  type LecardQuery,
} from "./lecard-data";

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

export interface PoolIndexOptions {
  candidates: string;
  /** Reuse or keep the index here instead of a temporary directory. */
  indexDir?: string;
  threads?: number;
  log?: (line: string) => void;
}

/** Builds (or reuses) the index of the candidates and calls `use` with its directory. */
export async function withPoolIndex<T>(
  options: PoolIndexOptions,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  const log = options.log ?? (() => undefined);
  const dir = options.indexDir ?? mkdtempSync(join(tmpdir(), "netcourt-lecard-"));
  try {
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
        try {
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
        } finally {
          // An unreadable candidates file must not leave the workers keeping the process alive.
          await Promise.allSettled(inFlight);
          await pool.close();
        }
        await index.forceMerge();
        log(`indexed ${count} candidates in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    } finally {
      await index.close();
    }
    return await use(dir);
  } finally {
    if (!options.indexDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A query's whole pool, best first, with scores. */
export interface PoolRanking {
  qid: number;
  ranked: { doc: number; score: number }[];
}

/** Ranks the pools of `queries` in the index at `dir` with the given ranking options. */
export async function rankPoolsInIndex(
  dir: string,
  queries: readonly LecardQuery[],
  pools: ReadonlyMap<number, readonly number[]>,
  charges: "given" | "predicted",
  ranking?: Partial<RankingOptions>,
): Promise<PoolRanking[]> {
  const index = await JudgmentIndex.open({
    dir,
    refreshMs: 0,
    durable: false,
    backgroundMerge: false,
    ranking,
  });
  try {
    const rankings: PoolRanking[] = [];
    for (const query of queries) {
      const pool = pools.get(query.qid);
      if (!pool) continue;
      const result = index.search(
        { facts: query.query, charges: charges === "given" ? query.charges : [] },
        { restrictTo: pool.map(String), explain: false, inferCharges: charges === "predicted" },
      );
      rankings.push({
        qid: query.qid,
        ranked: result.hits.map((hit) => ({ doc: Number(hit.id), score: hit.score })),
      });
    }
    return rankings;
  } finally {
    await index.close();
  }
}

export interface RankPoolsOptions extends PoolIndexOptions {
  queries: string;
  pools: string;
  /** "given": the query's own charges (from the indictment); "predicted": inferred from similar cases. */
  charges: "given" | "predicted";
  ranking?: Partial<RankingOptions>;
}

/** Ranks every query's whole candidate pool; returns rankings best first with scores. */
export async function rankPools(options: RankPoolsOptions): Promise<PoolRanking[]> {
  return withPoolIndex(options, (dir) =>
    rankPoolsInIndex(
      dir,
      readQueries(options.queries),
      readPools(options.pools),
      options.charges,
      options.ranking,
    ),
  );
}
