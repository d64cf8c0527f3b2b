import type { Qrels, Run } from "./lecard-data";

/**
 * LeCaRD metrics exactly as its `metrics.py` and the CAIL2021 类案检索 track define them:
 * linear-gain NDCG@K, P@K and MAP with label 3 as "relevant" after dropping unlabelled documents.
 */
export interface LecardScores {
  queries: number;
  p5: number;
  p10: number;
  map: number;
  ndcg10: number;
  ndcg20: number;
  ndcg30: number;
}

/** How NDCG treats documents without a label. */
export type NdcgProtocol = "pool" | "labelled";

/** NDCG@K with linear gain; 0 when the ranking holds no positive label at all. */
export function ndcgAt(ranking: readonly number[], labels: ReadonlyMap<number, number>, k: number): number {
  const gains = ranking.map((doc) => labels.get(doc) ?? 0);
  if (!gains.some((g) => g > 0)) return 0;
  let dcg = 0;
  for (let i = 0; i < Math.min(k, gains.length); i += 1) dcg += (gains[i] ?? 0) / Math.log2(i + 2);
  const ideal = [...labels.values()].sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i += 1) idcg += (ideal[i] ?? 0) / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** P@K over labelled documents only, relevant = label 3. */
export function precisionAt(
  labelled: readonly number[],
  labels: ReadonlyMap<number, number>,
  k: number,
): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, labelled.length); i += 1)
    if (labels.get(labelled[i] ?? -1) === 3) hits += 1;
  return hits / k;
}

/** Average precision over labelled documents only, relevant = label 3, divided by the relevant ones found. */
export function averagePrecision(labelled: readonly number[], labels: ReadonlyMap<number, number>): number {
  let found = 0;
  let sum = 0;
  labelled.forEach((doc, i) => {
    if (labels.get(doc) === 3) {
      found += 1;
      sum += found / (i + 1);
    }
  });
  return found === 0 ? 0 : sum / found;
}

/**
 * Scores a run against qrels over the given queries (default: every query in qrels). NDCG uses
 * the chosen protocol: "pool" ranks everything the run returned (unlabelled = 0), "labelled"
 * first drops unlabelled documents. P@K and MAP always drop them.
 */
export function evaluateRun(
  run: Run,
  qrels: Qrels,
  protocol: NdcgProtocol,
  qids: readonly number[] = [...qrels.keys()],
): LecardScores {
  const sums = { p5: 0, p10: 0, map: 0, ndcg10: 0, ndcg20: 0, ndcg30: 0 };
  for (const qid of qids) {
    const labels = qrels.get(qid) ?? new Map<number, number>();
    const ranking = run.get(qid) ?? [];
    const labelled = ranking.filter((doc) => labels.has(doc));
    const forNdcg = protocol === "pool" ? ranking : labelled;
    sums.p5 += precisionAt(labelled, labels, 5);
    sums.p10 += precisionAt(labelled, labels, 10);
    sums.map += averagePrecision(labelled, labels);
    sums.ndcg10 += ndcgAt(forNdcg, labels, 10);
    sums.ndcg20 += ndcgAt(forNdcg, labels, 20);
    sums.ndcg30 += ndcgAt(forNdcg, labels, 30);
  }
  const n = Math.max(1, qids.length);
  return {
    queries: qids.length,
    p5: sums.p5 / n,
    p10: sums.p10 / n,
    map: sums.map / n,
    ndcg10: sums.ndcg10 / n,
    ndcg20: sums.ndcg20 / n,
    ndcg30: sums.ndcg30 / n,
  };
}
