import { describe, expect, it } from "vitest";
import {
  awardRatio,
  ratioPercent,
  summariseSimilarCases,
  type FilingSimilarResponse,
  type SimilarJudgment,
} from "./similar-cases";

const judgment = (overrides: Partial<SimilarJudgment> = {}): SimilarJudgment => ({
  id: "00000000-0000-4000-8000-000000000001",
  courtName: "杭州互联网法院",
  caseNumber: "（2025）浙0192民初100号",
  title: "张某与某公司信息网络买卖合同纠纷一审民事判决书",
  decidedOn: "2025-06-01",
  causes: ["信息网络买卖合同纠纷"],
  claimedAmount: 5000,
  awardedAmount: 4000,
  published: true,
  outcomeExcerpt: "判决如下：",
  ...overrides,
});

describe("awardRatio", () => {
  it("divides the award by the claim", () => {
    expect(awardRatio(5000, 4000)).toBe(0.8);
    expect(awardRatio(1000, 0)).toBe(0);
  });
  it("gives none when either amount is missing or the claim is not positive", () => {
    expect(awardRatio(null, 100)).toBeNull();
    expect(awardRatio(100, null)).toBeNull();
    expect(awardRatio(0, 100)).toBeNull();
    expect(awardRatio(100, -1)).toBeNull();
  });
});

describe("summariseSimilarCases", () => {
  it("maps each published judgment with its ratio and the median as a percentage", () => {
    const response: FilingSimilarResponse = {
      items: [
        { judgment: judgment(), score: 1.2 },
        {
          judgment: judgment({ id: "00000000-0000-4000-8000-000000000002", claimedAmount: null }),
          score: 0.9,
        },
      ],
      awards: { cases: 1, medianRatio: 0.8349 },
      indexedJudgments: 40,
    };
    const summary = summariseSimilarCases(response);
    expect(summary.empty).toBeNull();
    expect(summary.median).toEqual({ percent: 83, cases: 1 });
    expect(summary.rows.map((row) => row.ratio)).toEqual([0.8, null]);
    expect(summary.rows[0]).toMatchObject({
      caseNumber: "（2025）浙0192民初100号",
      claimed: 5000,
      awarded: 4000,
    });
  });

  it("never shows an unpublished judgment", () => {
    const summary = summariseSimilarCases({
      items: [{ judgment: judgment({ published: false }), score: 1 }],
      awards: null,
      indexedJudgments: 3,
    });
    expect(summary.rows).toEqual([]);
    expect(summary.empty).toBe("no_match");
  });

  it("tells an empty archive from no similar case, and has no median without awards", () => {
    expect(summariseSimilarCases({ items: [], awards: null, indexedJudgments: 0 })).toEqual({
      rows: [],
      median: null,
      empty: "no_index",
    });
    const none = summariseSimilarCases({
      items: [],
      awards: { cases: 0, medianRatio: 0 },
      indexedJudgments: 5,
    });
    expect(none.median).toBeNull();
    expect(none.empty).toBe("no_match");
  });

  it("rounds ratios to whole percentages", () => {
    expect(ratioPercent(1)).toBe(100);
    expect(ratioPercent(0.005)).toBe(1);
    expect(ratioPercent(1.256)).toBe(126);
  });
});
