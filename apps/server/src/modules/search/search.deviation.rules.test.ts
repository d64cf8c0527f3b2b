import { describe, expect, it } from "vitest";
import {
  checkOutcomeDeviation,
  MIN_COMPARABLE_CASES,
  type OutcomeSample,
  type ProposedOutcome,
} from "./search.deviation.rules";

function sample(index: number, overrides: Partial<OutcomeSample> = {}): OutcomeSample {
  return {
    judgmentId: `j${index}`,
    title: `类案${index}`,
    caseNumber: null,
    similarity: 0.5,
    charges: [],
    articles: ["民法典:577"],
    termMonths: null,
    claimedAmount: 10_000,
    awardedAmount: 8_000 + index * 100,
    ...overrides,
  };
}

const samples = (count: number) => Array.from({ length: count }, (_, i) => sample(i));

const outcome = (overrides: Partial<ProposedOutcome> = {}): ProposedOutcome => ({
  charges: [],
  articles: [],
  termMonths: null,
  claimedAmount: 10_000,
  awardedAmount: 8_500,
  ...overrides,
});

describe("checkOutcomeDeviation with too few comparable cases", () => {
  it.each([
    ["no similar case", 0, outcome({ articles: ["民法典:999"], charges: ["盗窃"], awardedAmount: 100 })],
    ["one similar case", 1, outcome({ awardedAmount: 100 })],
    ["one fewer than the minimum", MIN_COMPARABLE_CASES - 1, outcome({ articles: ["民法典:999"] })],
    ["a proposed term", 2, outcome({ termMonths: 36, awardedAmount: null, charges: ["盗窃"] })],
  ])("says there is not enough to compare and never warns: %s", (_name, count, proposed) => {
    const check = checkOutcomeDeviation(samples(count), proposed);
    expect(check.neighbours).toBe(count);
    expect(check.findings.map((f) => f.code)).toEqual(["too_few_comparable_cases"]);
    expect(check.findings.every((f) => f.severity === "info")).toBe(true);
    expect(check.term).toBeNull();
    expect(check.award).toBeNull();
    const [finding] = check.findings;
    expect(finding!.message["zh-CN"]).toContain(`${MIN_COMPARABLE_CASES}`);
    expect(finding!.message["zh-CN"]).not.toContain("偏离");
    expect(finding!.message.en).toMatch(/not enough/i);
  });

  it("compares once the minimum is reached", () => {
    const low = checkOutcomeDeviation(samples(MIN_COMPARABLE_CASES), outcome({ awardedAmount: 100 }));
    expect(low.findings.map((f) => f.code)).toEqual(["award_below_range"]);
    expect(low.findings[0]!.severity).toBe("warning");
    const fair = checkOutcomeDeviation(samples(MIN_COMPARABLE_CASES), outcome({ awardedAmount: 8_200 }));
    expect(fair.findings.map((f) => f.code)).toEqual(["award_within_range"]);
  });

  it("warns about an article none of enough similar cases applies", () => {
    const check = checkOutcomeDeviation(samples(MIN_COMPARABLE_CASES), outcome({ articles: ["民法典:999"] }));
    expect(check.findings.map((f) => [f.code, f.severity])).toContainEqual([
      "article_unsupported",
      "warning",
    ]);
  });
});
