import { describe, expect, it } from "vitest";
import { hasSharedData, needsSharedData, sharedDataPath } from "../../../../scripts/shared-data";
import { readOfficialRuns, readPools, readQrels, type Qrels, type Run } from "./lecard-data";
import { averagePrecision, evaluateRun, ndcgAt, precisionAt } from "./metrics";

const LECARD_FILES = ["lecard/qrels.tsv", "lecard/pools.jsonl", "lecard/runs.jsonl"];
const hasData = hasSharedData(...LECARD_FILES);

describe("LeCaRD metrics on hand-made rankings", () => {
  const labels = new Map([
    [1, 3],
    [2, 2],
    [3, 0],
  ]);

  it("gives NDCG 1 to the ideal order and counts unlabelled documents as 0", () => {
    expect(ndcgAt([1, 2, 3], labels, 30)).toBeCloseTo(1, 10);
    expect(ndcgAt([99, 1, 2], labels, 30)).toBeCloseTo(
      (3 / Math.log2(3) + 2 / 2) / (3 + 2 / Math.log2(3)),
      10,
    );
    expect(ndcgAt([3, 99], labels, 30)).toBe(0);
  });

  it("computes P@K and AP over label-3 documents", () => {
    expect(precisionAt([2, 1], labels, 5)).toBeCloseTo(1 / 5, 10);
    expect(averagePrecision([2, 1], labels)).toBeCloseTo(1 / 2, 10);
    expect(averagePrecision([2, 3], labels)).toBe(0);
  });
});

// Reference numbers of the LeCaRD development share README (54 queries).
const REFERENCE: Record<string, number[]> = {
  bm25: [0.3481, 0.3296, 0.4284, 0.6891, 0.7611, 0.8602, 0.554],
  tfidf: [0.2889, 0.2426, 0.4131, 0.5377, 0.4732, 0.4534, 0.1608],
  lmir: [0.3815, 0.363, 0.4451, 0.7273, 0.7805, 0.8714, 0.6586],
  "pool in doc_id order": [0.3296, 0.3222, 0.4002, 0.6841, 0.7497, 0.8549, 0.2552],
};

describe("LeCaRD metrics against the README reference numbers", needsSharedData(...LECARD_FILES), () => {
  const qrels: Qrels = hasData
    ? readQrels(sharedDataPath("lecard", "qrels.tsv"))
    : new Map<number, Map<number, number>>();
  const pools = hasData ? readPools(sharedDataPath("lecard", "pools.jsonl")) : new Map<number, number[]>();
  const runs: Map<string, Run> = hasData
    ? readOfficialRuns(sharedDataPath("lecard", "runs.jsonl"))
    : new Map<string, Run>();
  runs.set("pool in doc_id order", pools);
  const qids = [...pools.keys()];

  it.each(Object.keys(REFERENCE))("reproduces the %s row to 4 decimals", (name) => {
    const run = runs.get(name) ?? new Map<number, number[]>();
    expect(run.size).toBe(qids.length);
    const labelled = evaluateRun(run, qrels, "labelled", qids);
    const pool = evaluateRun(run, qrels, "pool", qids);
    const got = [
      labelled.p5,
      labelled.p10,
      labelled.map,
      labelled.ndcg10,
      labelled.ndcg20,
      labelled.ndcg30,
      pool.ndcg30,
    ];
    got.forEach((value, i) => expect(value.toFixed(4)).toBe((REFERENCE[name]?.[i] ?? -1).toFixed(4)));
  });
});
