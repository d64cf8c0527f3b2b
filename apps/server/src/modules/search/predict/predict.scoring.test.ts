import { describe, expect, it } from "vitest";
import {
  classF1,
  monthsToTerm,
  normalizeChargeName,
  scoreCail,
  termScore,
  termToMonths,
} from "./predict.scoring";
import type { CaseOutcome } from "./predict.types";

const fixed = (months: number) => ({ imprisonment: months, death_penalty: false, life_imprisonment: false });
const outcome = (accusation: string[], articles: number[], months: number): CaseOutcome => ({
  accusation,
  relevant_articles: articles,
  term_of_imprisonment: fixed(months),
});

describe("classF1", () => {
  it.each([
    [{ tp: 0, fp: 0, fn: 0, tn: 5 }, 1],
    [{ tp: 0, fp: 1, fn: 0, tn: 5 }, 0],
    [{ tp: 0, fp: 0, fn: 2, tn: 5 }, 0],
    [{ tp: 2, fp: 2, fn: 0, tn: 0 }, 2 / 3],
    [{ tp: 3, fp: 1, fn: 1, tn: 0 }, 0.75],
  ])("gives %o an F1 of %d", (counts, f1) => {
    expect(classF1(counts)).toBeCloseTo(f1, 10);
  });
});

describe("termScore", () => {
  const death = { imprisonment: 0, death_penalty: true, life_imprisonment: false };
  const life = { imprisonment: 0, death_penalty: false, life_imprisonment: true };
  it.each([
    [death, -2, 1],
    [death, -1, 0],
    [life, -1, 1],
    [life, 240, 0],
    [fixed(12), -1, 0],
    [fixed(12), 12, 1],
    [fixed(12), 15, 0.8], // |ln13 − ln16| = 0.208
    [fixed(12), 10, 1], // 0.167
    [fixed(12), 20, 0.6], // 0.48
    [fixed(12), 25, 0.4], // 0.70
    [fixed(12), 33, 0.2], // 0.96
    [fixed(12), 40, 0], // 1.15
    [fixed(0), 0, 1],
    [fixed(0), 2, 0], // ln 3 = 1.0986
  ])("scores truth %o against %d", (truth, predicted, expected) => {
    expect(termScore(truth, predicted)).toBe(expected);
  });
});

describe("scoreCail", () => {
  const labels = { charges: ["盗窃", "故意伤害", "走私、贩卖、运输、制造毒品"], articles: [234, 264, 347] };

  it("deletes brackets before the lookup and scores a perfect run 300", () => {
    const truth = [outcome(["[走私、贩卖、运输、制造]毒品"], [347], 12), outcome(["盗窃"], [264], 6)];
    const score = scoreCail(
      labels,
      truth.map((t) => ({
        truth: t,
        prediction: {
          accusation: t.accusation.map(normalizeChargeName),
          relevant_articles: t.relevant_articles,
          imprisonment: 6 + 6 * Number(t.relevant_articles[0] === 347),
        },
      })),
    );
    expect(score.total).toBeCloseTo(300, 10);
  });

  it("pools micro-F1 and averages macro-F1 over every listed class", () => {
    const score = scoreCail(labels, [
      {
        truth: outcome(["盗窃"], [264], 6),
        prediction: { accusation: ["盗窃", "故意伤害"], relevant_articles: [264], imprisonment: 6 },
      },
    ]);
    // 盗窃 TP, 故意伤害 FP, 毒品 untouched → macro (1 + 0 + 1)/3; micro P = 1/2, R = 1.
    expect(score.accusation.macroF1).toBeCloseTo(2 / 3, 10);
    expect(score.accusation.microF1).toBeCloseTo(2 / 3, 10);
    expect(score.articles.score).toBeCloseTo(100, 10);
  });

  it("round-trips terms through the judger's single number", () => {
    for (const months of [-2, -1, 0, 7, 240]) expect(termToMonths(monthsToTerm(months))).toBe(months);
  });
});
