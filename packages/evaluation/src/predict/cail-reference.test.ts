import { describe, expect, it } from "vitest";
import { scoreCail } from "@netcourt/server/search-engine";
import { needsSharedData, sharedDataPath } from "../../../../scripts/shared-data";
import { predictConstant, predictNearestNeighbour } from "./predict.baseline";
import { hasOutcome, readCases, readLabelLists } from "./predict.dataset";

// The README rows of the CAIL2018 development share (../shared/data/cail2018), scored with the official judger.
const CAIL_FILES = ["cail2018/cases.jsonl", "cail2018/accu.txt", "cail2018/law.txt"];

describe("reference numbers of the CAIL2018 development share", needsSharedData(...CAIL_FILES), () => {
  const load = async () => {
    const all = (await readCases(sharedDataPath("cail2018", "cases.jsonl"))).filter(hasOutcome);
    return { all, labels: await readLabelLists(sharedDataPath("cail2018")) };
  };

  it("reproduces the always 盗窃/264/6 months row", async () => {
    const { all, labels } = await load();
    const test = all.filter((c) => c.origin === "test");
    const score = scoreCail(
      labels,
      test.map((c) => ({ truth: c.meta, prediction: predictConstant() })),
    );
    expect(score.cases).toBe(1198);
    expect(score.accusation.microF1.toFixed(4)).toBe("0.2602");
    expect(score.accusation.macroF1.toFixed(4)).toBe("0.5367");
    expect(score.accusation.score.toFixed(2)).toBe("39.84");
    expect(score.articles.score.toFixed(2)).toBe("38.93");
    expect(score.term.toFixed(2)).toBe("45.81");
    expect(score.total.toFixed(2)).toBe("124.58");
  });

  it("reproduces the 1-nearest-neighbour leave-one-out row", { timeout: 300_000 }, async () => {
    const { all, labels } = await load();
    const queries = all
      .map((c, i) => ({ fact: c.fact, excludeIndex: i, isTest: c.origin === "test" }))
      .filter((q) => q.isTest);
    const predicted = predictNearestNeighbour(all, queries);
    const test = all.filter((c) => c.origin === "test");
    const score = scoreCail(
      labels,
      test.map((c, i) => ({ truth: c.meta, prediction: predicted[i] ?? predictConstant() })),
    );
    expect(score.accusation.score.toFixed(2)).toBe("49.61");
    expect(score.articles.score.toFixed(2)).toBe("46.46");
    expect(score.term.toFixed(2)).toBe("42.79");
    expect(score.total.toFixed(2)).toBe("138.85");
  });
});
