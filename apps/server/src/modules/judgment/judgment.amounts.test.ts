import { beforeAll, describe, expect, it } from "vitest";
import { needsSharedData } from "../../../../../scripts/shared-data";
import {
  AmountInputError,
  apportionCosts,
  assessPenalty,
  calculateCopyrightDamages,
  calculateInterest,
  calculatePrivateLendingInterest,
  calculatePunitiveDamages,
  capOverdueCharges,
  countDays,
  formatYuan,
  oneYearLprOn,
  privateLendingCaps,
  splitFenByShares,
  type AmountInputErrorCode,
  type AmountStep,
} from "./judgment.amounts";
import { ARTICLES_FILE, citationProblems, loadArticleIndex } from "./judgment.test-support";

/** The issue codes an amount rule throws for `run`. */
function codesOf(run: () => unknown): AmountInputErrorCode[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountInputError) return error.issues.map((issue) => issue.code);
    throw error;
  }
  return [];
}

const yuan = (value: number) => Math.round(value * 100);

describe("one-year LPR", () => {
  it.each([
    ["2019-08-20", "4.25", "2019-08-20"],
    ["2019-09-19", "4.25", "2019-08-20"],
    ["2019-09-20", "4.20", "2019-09-20"],
    ["2020-08-20", "3.85", "2020-04-20"],
    ["2021-12-19", "3.85", "2020-04-20"],
    ["2021-12-20", "3.80", "2021-12-20"],
    ["2022-08-22", "3.65", "2022-08-22"],
    ["2024-10-21", "3.10", "2024-10-21"],
    ["2025-05-19", "3.10", "2024-10-21"],
    ["2025-05-20", "3.00", "2025-05-20"],
    ["2025-11-19", "3.00", "2025-05-20"],
  ])("on %s is %s%% (published %s)", (date, rate, publishedOn) => {
    expect(oneYearLprOn(date)).toEqual({ date, ratePercent: rate, publishedOn });
  });

  it("refuses a day before the first publication, after the checked table, or not a date", () => {
    expect(codesOf(() => oneYearLprOn("2019-08-19"))).toEqual(["lpr_not_published"]);
    expect(codesOf(() => oneYearLprOn("2025-11-20"))).toEqual(["lpr_beyond_table"]);
    expect(codesOf(() => oneYearLprOn("2023-02-29"))).toEqual(["date_invalid"]);
  });
});

describe("day counts", () => {
  it("counts both ends: 2023-01-01 to 2023-12-31 is 365 days, 2024 is 366", () => {
    expect(countDays("2023-01-01", "2023-12-31")).toBe(365);
    expect(countDays("2024-01-01", "2024-12-31")).toBe(366);
    expect(countDays("2024-02-28", "2024-03-01")).toBe(3);
    expect(countDays("2023-02-28", "2023-03-01")).toBe(2);
    expect(countDays("2023-05-05", "2023-05-05")).toBe(1);
  });

  it("refuses a period that ends before it starts", () => {
    expect(codesOf(() => countDays("2023-05-05", "2023-05-04"))).toEqual(["date_order"]);
  });
});

describe("calculateInterest", () => {
  it("100,000.00 × 6% × 365 ÷ 365 = 6,000.00", () => {
    const result = calculateInterest({
      principalFen: yuan(100_000),
      annualRatePercent: "6",
      from: "2023-01-01",
      until: "2023-12-31",
    });
    expect(result).toMatchObject({ days: 365, interestFen: yuan(6_000) });
    expect(result.steps[0]!.formula).toBe("100,000.00 × 6% × 365 ÷ 365 = 6,000.00");
  });

  it("on a 360-day year the contract names: 100,000.00 × 6% × 365 ÷ 360 = 6,083.333… → 6,083.33", () => {
    const result = calculateInterest({
      principalFen: yuan(100_000),
      annualRatePercent: "6",
      from: "2023-01-01",
      until: "2023-12-31",
      dayBasis: 360,
    });
    expect(result.interestFen).toBe(608_333);
  });

  it("rounds to the fen half-up: 1,000.00 × 3.85% × 1 ÷ 365 = 0.1054… → 0.11; 0.50 × 1% × 365 ÷ 365 = 0.005 → 0.01", () => {
    expect(
      calculateInterest({
        principalFen: 100_000,
        annualRatePercent: "3.85",
        from: "2023-01-01",
        until: "2023-01-01",
      }).interestFen,
    ).toBe(11);
    expect(
      calculateInterest({ principalFen: 50, annualRatePercent: "1", from: "2023-01-01", until: "2023-12-31" })
        .interestFen,
    ).toBe(1);
  });

  it("refuses floats for money, rates that are not decimal text and unknown day bases", () => {
    expect(
      codesOf(() =>
        calculateInterest({
          principalFen: 100.5,
          annualRatePercent: "6%",
          from: "2023-01-01",
          until: "2023-12-31",
          dayBasis: 366 as 365,
        }),
      ),
    ).toEqual(["amount_invalid", "rate_invalid", "day_basis_invalid"]);
  });
});

describe("privateLendingCaps", () => {
  it("caps a contract made on 2021-03-01 at 4 × 3.85% = 15.4% (民间借贷规定第二十五条第一款)", () => {
    expect(
      privateLendingCaps({ contractDate: "2021-03-01", from: "2021-03-02", until: "2022-03-01" }),
    ).toEqual([
      {
        from: "2021-03-02",
        until: "2022-03-01",
        capPercent: "15.4",
        source: {
          kind: "lpr_multiple",
          lpr: { date: "2021-03-01", publishedOn: "2020-04-20", ratePercent: "3.85" },
        },
        article: "民间借贷规定第二十五条第一款",
      },
    ]);
  });

  it("uses the LPR when the contract was made, not when the suit was filed: 2023-08-21 → 4 × 3.45% = 13.8%", () => {
    const [cap] = privateLendingCaps({
      contractDate: "2023-08-21",
      from: "2023-08-22",
      until: "2025-01-31",
      filingDate: "2025-03-01",
    });
    expect(cap!.capPercent).toBe("13.8");
  });

  it("splits a contract made before 2020-08-20 at 2020-08-19: 24% on request, then 4 × the LPR at filing", () => {
    const segments = privateLendingCaps({
      contractDate: "2018-05-01",
      from: "2019-01-01",
      until: "2021-12-31",
      filingDate: "2022-03-01",
      requestsFormerRules: true,
    });
    expect(segments.map((s) => [s.from, s.until, s.capPercent])).toEqual([
      ["2019-01-01", "2020-08-19", "24"],
      ["2020-08-20", "2021-12-31", "14.8"],
    ]);
    expect(segments[0]!.article).toContain("民间借贷规定第三十一条第二款");
  });

  it("applies 4 × the LPR at filing to the whole period of an old contract without that request", () => {
    const segments = privateLendingCaps({
      contractDate: "2018-05-01",
      from: "2019-01-01",
      until: "2021-12-31",
      filingDate: "2022-03-01",
    });
    expect(segments.map((s) => s.capPercent)).toEqual(["14.8", "14.8"]);
  });

  it("gives one segment when an old contract's period starts after 2020-08-19", () => {
    const segments = privateLendingCaps({
      contractDate: "2018-05-01",
      from: "2020-09-01",
      until: "2021-08-31",
      filingDate: "2022-03-01",
      requestsFormerRules: true,
    });
    expect(segments.map((s) => [s.from, s.until, s.capPercent])).toEqual([
      ["2020-09-01", "2021-08-31", "14.8"],
    ]);
  });

  it("needs the filing date for an old contract and refuses the former rules for a new one", () => {
    expect(
      codesOf(() =>
        privateLendingCaps({ contractDate: "2018-05-01", from: "2019-01-01", until: "2020-01-01" }),
      ),
    ).toEqual(["filing_date_required"]);
    expect(
      codesOf(() =>
        privateLendingCaps({
          contractDate: "2021-05-01",
          from: "2021-05-02",
          until: "2022-01-01",
          requestsFormerRules: true,
        }),
      ),
    ).toEqual(["former_rules_not_applicable"]);
  });

  it("refuses interest before the contract and suits filed before the 2020 provisions", () => {
    expect(
      codesOf(() =>
        privateLendingCaps({ contractDate: "2021-05-01", from: "2021-04-30", until: "2022-01-01" }),
      ),
    ).toEqual(["date_order"]);
    expect(
      codesOf(() =>
        privateLendingCaps({
          contractDate: "2018-05-01",
          from: "2018-05-02",
          until: "2020-01-01",
          filingDate: "2020-08-19",
        }),
      ),
    ).toEqual(["filing_before_new_rules"]);
  });

  it("ends the former stretch on the period's own last day when it ends before 2020-08-20", () => {
    const segments = privateLendingCaps({
      contractDate: "2018-05-01",
      from: "2019-01-01",
      until: "2019-12-31",
      filingDate: "2021-06-01",
      requestsFormerRules: true,
    });
    expect(segments.map((s) => [s.from, s.until, s.capPercent])).toEqual([
      ["2019-01-01", "2019-12-31", "24"],
    ]);
  });
});

describe("calculatePrivateLendingInterest", () => {
  const base = {
    principalFen: yuan(100_000),
    contractDate: "2021-03-01",
    from: "2021-03-02",
    until: "2022-03-01", // 365 days
  };

  it("cuts 24% to 15.4%: agreed 24,000.00, supported 100,000.00 × 15.4% × 365 ÷ 365 = 15,400.00, excess 8,600.00", () => {
    const result = calculatePrivateLendingInterest({ ...base, contractRatePercent: "24" });
    expect(result).toMatchObject({
      agreedFen: yuan(24_000),
      supportedFen: yuan(15_400),
      excessFen: yuan(8_600),
    });
    expect(result.steps.map((s) => s.article)).toContain("民间借贷规定第二十五条第一款");
  });

  it("supports a rate of exactly 4 × LPR in full (15.4% → 15,400.00, no excess)", () => {
    const result = calculatePrivateLendingInterest({ ...base, contractRatePercent: "15.4" });
    expect(result).toMatchObject({ agreedFen: yuan(15_400), supportedFen: yuan(15_400), excessFen: 0 });
  });

  it("cuts a rate one ten-thousandth of a percent above the cap: 15.4001% → 15,400.10, supported 15,400.00", () => {
    const result = calculatePrivateLendingInterest({ ...base, contractRatePercent: "15.4001" });
    expect(result).toMatchObject({ agreedFen: 1_540_010, supportedFen: 1_540_000, excessFen: 10 });
  });

  it("measures the cap on 365 days when the contract counts 360: 15.4% × 365 ÷ 360 = 15,613.89 → 15,400.00", () => {
    const result = calculatePrivateLendingInterest({ ...base, contractRatePercent: "15.4", dayBasis: 360 });
    expect(result).toMatchObject({ agreedFen: 1_561_389, supportedFen: 1_540_000 });
  });

  it("caps overdue interest under 第二十八条第一款 with the same cap", () => {
    const result = calculatePrivateLendingInterest({ ...base, contractRatePercent: "24", kind: "overdue" });
    expect(result.supportedFen).toBe(yuan(15_400));
    expect(result.steps.map((s) => s.article)).toContain("民间借贷规定第二十八条第一款");
  });

  it("cites the 2015 overdue rule for the stretch the former provisions govern", () => {
    const result = calculatePrivateLendingInterest({
      principalFen: yuan(100_000),
      contractRatePercent: "30",
      contractDate: "2019-01-10",
      from: "2020-01-01",
      until: "2020-03-31",
      filingDate: "2021-06-01",
      requestsFormerRules: true,
      kind: "overdue",
    });
    expect(result.steps[0]!.article).toBe(
      "民间借贷规定第三十一条第二款；民间借贷规定（法释〔2015〕18号）第二十九条第一款",
    );
  });

  it("computes an old contract in two stretches (36% agreed, 232 days at 24%, 134 days at 14.8%)", () => {
    // 100,000.00 × 36% × 232 ÷ 365 = 22,882.19;  × 24% → 15,254.79
    // 100,000.00 × 36% × 134 ÷ 365 = 13,216.44;  × 14.8% → 5,433.42
    const result = calculatePrivateLendingInterest({
      principalFen: yuan(100_000),
      contractRatePercent: "36",
      contractDate: "2018-05-01",
      from: "2020-01-01",
      until: "2020-12-31",
      filingDate: "2022-03-01",
      requestsFormerRules: true,
    });
    expect(result.segments.map((s) => [s.days, s.agreedFen, s.supportedFen])).toEqual([
      [232, 2_288_219, 1_525_479],
      [134, 1_321_644, 543_342],
    ]);
    expect(result).toMatchObject({ agreedFen: 3_609_863, supportedFen: 2_068_821, excessFen: 1_541_042 });
    expect(result.steps.at(-1)!.formula).toBe("15,254.79 + 5,433.42 = 20,688.21");
  });
});

describe("capOverdueCharges (民间借贷规定第二十九条)", () => {
  const base = {
    principalFen: yuan(50_000),
    contractDate: "2022-09-01", // LPR 3.65% → cap 14.6%
    from: "2023-01-01",
    until: "2023-12-31",
  };

  it("cuts 6,000 + 2,000 + 500 = 8,500.00 to 50,000.00 × 14.6% × 365 ÷ 365 = 7,300.00, interest first", () => {
    const result = capOverdueCharges({
      ...base,
      overdueInterestFen: yuan(6_000),
      penaltyFen: yuan(2_000),
      otherFeesFen: yuan(500),
    });
    expect(result).toMatchObject({
      claimedFen: yuan(8_500),
      capFen: yuan(7_300),
      supportedFen: yuan(7_300),
      excessFen: yuan(1_200),
      supported: { overdueInterestFen: yuan(6_000), penaltyFen: yuan(1_300), otherFeesFen: 0 },
    });
  });

  it("caps the charges on an old contract at 24% up to 2020-08-19 under the 2015 provisions on request", () => {
    // 232 days at 24%: 50,000.00 × 24% × 232 ÷ 365 = 7,627.40; 134 days at 14.8%: 2,716.71
    const result = capOverdueCharges({
      principalFen: yuan(50_000),
      contractDate: "2018-05-01",
      from: "2020-01-01",
      until: "2020-12-31",
      filingDate: "2022-03-01",
      requestsFormerRules: true,
      overdueInterestFen: yuan(20_000),
      penaltyFen: 0,
      otherFeesFen: 0,
    });
    expect(result.capFen).toBe(762_740 + 271_671);
    expect(result.steps.map((s) => s.article)).toEqual([
      "民间借贷规定第三十一条第二款；民间借贷规定（法释〔2015〕18号）第三十条",
      "民间借贷规定第二十九条；民间借贷规定第三十一条第二款",
      "民间借贷规定第三十一条第二款；民间借贷规定（法释〔2015〕18号）第三十条；民间借贷规定第二十九条",
    ]);
  });

  it("supports charges exactly at the cap: 5,000 + 2,000 + 300 = 7,300.00", () => {
    const result = capOverdueCharges({
      ...base,
      overdueInterestFen: yuan(5_000),
      penaltyFen: yuan(2_000),
      otherFeesFen: yuan(300),
    });
    expect(result).toMatchObject({ supportedFen: yuan(7_300), excessFen: 0 });
    expect(result.supported.otherFeesFen).toBe(yuan(300));
  });
});

describe("assessPenalty", () => {
  const loss = yuan(10_000);

  it.each([
    ["13,000.00 against a loss of 10,000.00 is exactly 130%: not excessive", yuan(13_000), false, "keep"],
    ["13,000.01 is more than 30% above the loss: excessive", 1_300_001, true, "may_reduce"],
    ["5,000.00 is below the loss: may be increased", yuan(5_000), false, "may_increase"],
  ] as const)("%s", (_, agreedFen, isExcessive, outcome) => {
    const result = assessPenalty({ agreedFen, lossFen: loss, hasAdjustmentRequest: true });
    expect(result).toMatchObject({ thresholdFen: yuan(13_000), isExcessive, outcome });
  });

  it("does nothing without a request and generally refuses a bad-faith breacher", () => {
    expect(
      assessPenalty({ agreedFen: yuan(20_000), lossFen: loss, hasAdjustmentRequest: false }).outcome,
    ).toBe("no_request");
    const badFaith = assessPenalty({
      agreedFen: yuan(20_000),
      lossFen: loss,
      hasAdjustmentRequest: true,
      isBadFaithBreach: true,
    });
    expect(badFaith.outcome).toBe("reduction_generally_refused");
    expect(badFaith.steps.at(-1)!.article).toBe("合同编通则解释第六十五条第三款");
  });

  it("compares without rounding the threshold: a loss of 0.01 allows 0.01 but not 0.02", () => {
    expect(assessPenalty({ agreedFen: 1, lossFen: 1, hasAdjustmentRequest: true }).isExcessive).toBe(false);
    expect(assessPenalty({ agreedFen: 2, lossFen: 1, hasAdjustmentRequest: true }).isExcessive).toBe(true);
  });
});

describe("calculatePunitiveDamages", () => {
  it.each([
    ["166.66 × 3 = 499.98 → raised to the 500.00 minimum", 16_666, 50_000, true],
    ["166.67 × 3 = 500.01, above the minimum", 16_667, 50_001, false],
    ["1,000.00 × 3 = 3,000.00", yuan(1_000), yuan(3_000), false],
    ["0.01 × 3 = 0.03 → 500.00", 1, 50_000, true],
  ])(
    "consumer fraud (消费者权益保护法第五十五条第一款): %s",
    (_, pricePaidFen, amountFen, isMinimumApplied) => {
      const result = calculatePunitiveDamages({ regime: "consumer_fraud", pricePaidFen });
      expect(result).toMatchObject({ amountFen, isMinimumApplied, isCeiling: false });
      expect(result.steps.every((s) => s.article === "消费者权益保护法第五十五条第一款")).toBe(true);
    },
  );

  it.each([
    [
      "price 99.99 × 10 = 999.90 → 1,000.00",
      { pricePaidFen: 9_999, basis: "price" as const },
      yuan(1_000),
      true,
    ],
    [
      "price 100.00 × 10 = 1,000.00 exactly",
      { pricePaidFen: yuan(100), basis: "price" as const },
      yuan(1_000),
      false,
    ],
    ["price 120.50 × 10 = 1,205.00", { pricePaidFen: 12_050, basis: "price" as const }, 120_500, false],
    [
      "loss 400.00 × 3 = 1,200.00 (price 20.00)",
      { pricePaidFen: yuan(20), lossFen: yuan(400), basis: "loss" as const },
      yuan(1_200),
      false,
    ],
    [
      "loss 300.00 × 3 = 900.00 → 1,000.00",
      { pricePaidFen: yuan(20), lossFen: yuan(300), basis: "loss" as const },
      yuan(1_000),
      true,
    ],
  ])("food safety (食品安全法第一百四十八条第二款): %s", (_, input, amountFen, isMinimumApplied) => {
    const result = calculatePunitiveDamages({ regime: "food_safety", ...input });
    expect(result).toMatchObject({ amountFen, isMinimumApplied });
    expect(result.steps[0]!.article).toBe("食品安全法第一百四十八条第二款");
  });

  it("gives twice the loss as the ceiling for a known defect causing serious harm", () => {
    expect(calculatePunitiveDamages({ regime: "known_defect_injury", lossFen: yuan(10_000) })).toMatchObject({
      amountFen: yuan(20_000),
      isCeiling: true,
    });
  });

  it("needs the loss when the consumer chooses three times the loss", () => {
    expect(
      codesOf(() => calculatePunitiveDamages({ regime: "food_safety", pricePaidFen: 100, basis: "loss" })),
    ).toEqual(["loss_required"]);
  });
});

describe("calculateCopyrightDamages (著作权法第五十四条)", () => {
  it("adds reasonable expenses to statutory damages: 30,000.00 + 2,000.00 = 32,000.00", () => {
    const result = calculateCopyrightDamages({
      method: "statutory",
      amountFen: yuan(30_000),
      reasonableExpensesFen: yuan(2_000),
    });
    expect(result).toMatchObject({
      damagesFen: yuan(30_000),
      reasonableExpensesFen: yuan(2_000),
      totalFen: yuan(32_000),
    });
    expect(result.steps.map((s) => s.article)).toEqual([
      "著作权法第五十四条第二款",
      "著作权法第五十四条第三款",
    ]);
  });

  it.each([
    [49_999, ["statutory_damages_out_of_range"]],
    [50_000, []],
    [500_000_000, []],
    [500_000_001, ["statutory_damages_out_of_range"]],
  ])("keeps statutory damages of %i fen within 500 to 5,000,000 yuan", (amountFen, codes) => {
    expect(codesOf(() => calculateCopyrightDamages({ method: "statutory", amountFen }))).toEqual(codes);
  });

  it("multiplies a licence fee for wilful serious infringement: 10,000.00 × 3 = 30,000.00", () => {
    const result = calculateCopyrightDamages({
      method: "licence_fee",
      baseFen: yuan(10_000),
      multiplier: "3",
      isWilfulAndSerious: true,
    });
    expect(result.totalFen).toBe(yuan(30_000));
  });

  it("rounds a fractional multiple to the fen: 10,000.01 × 2.5 = 25,000.025 → 25,000.03", () => {
    const result = calculateCopyrightDamages({
      method: "illegal_gain",
      baseFen: 1_000_001,
      multiplier: "2.5",
      isWilfulAndSerious: true,
    });
    expect(result.damagesFen).toBe(2_500_003);
  });

  it("refuses a multiple above 1 without wilful serious infringement, and one outside 1 to 5", () => {
    const run = (multiplier: string, isWilfulAndSerious: boolean) =>
      codesOf(() =>
        calculateCopyrightDamages({ method: "actual_loss", baseFen: 100, multiplier, isWilfulAndSerious }),
      );
    expect(run("2", false)).toEqual(["multiplier_requires_wilful_serious_infringement"]);
    expect(run("5", true)).toEqual([]);
    expect(run("5.01", true)).toEqual(["multiplier_invalid"]);
    expect(run("0.5", true)).toEqual(["multiplier_invalid"]);
  });
});

describe("splitFenByShares", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1, [1, 1], [1, 0]],
    [10, [3, 0, 7], [3, 0, 7]],
    [55_000, [1, 2], [18_333, 36_667]],
    [0, [5, 5], [0, 0]],
  ])("splits %i fen by %j into %j", (total, shares, parts) => {
    expect(splitFenByShares(total, shares)).toEqual(parts);
  });

  it("never loses or invents a fen", () => {
    for (let total = 0; total < 400; total += 7) {
      for (const shares of [
        [1, 2],
        [3, 3, 1],
        [97, 3],
        [1, 1, 1, 1, 1, 1, 1],
      ]) {
        expect(splitFenByShares(total, shares).reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
  });

  it("refuses no shares, negative shares and all-zero shares", () => {
    expect(codesOf(() => splitFenByShares(10, []))).toEqual(["shares_invalid"]);
    expect(codesOf(() => splitFenByShares(10, [-1, 2]))).toEqual(["shares_invalid"]);
    expect(codesOf(() => splitFenByShares(10, [0, 0]))).toEqual(["shares_invalid"]);
  });
});

describe("apportionCosts (诉讼费用交纳办法第二十九条)", () => {
  it("splits 2,300.00 (50 + 90,000 × 2.5%) on a 100,000.00 claim with 60,000.00 awarded: 1,380.00 / 920.00", () => {
    const result = apportionCosts({ claimedFen: yuan(100_000), awardedFen: yuan(60_000) });
    expect(result.steps[0]!.formula).toBe("50.00 + 2,250.00 = 2,300.00");
    expect(result).toMatchObject({
      feeFen: yuan(2_300),
      defendantFen: yuan(1_380),
      plaintiffFen: yuan(920),
      outcome: "partly",
    });
    expect(result.steps[1]!.article).toBe("诉讼费用交纳办法第二十九条第二款");
  });

  it("gives the odd fen to the larger remainder: 550.00 on 30,000.00 with 10,000.00 awarded → 183.33 / 366.67", () => {
    const result = apportionCosts({ claimedFen: yuan(30_000), awardedFen: yuan(10_000) });
    expect(result).toMatchObject({ feeFen: 55_000, defendantFen: 18_333, plaintiffFen: 36_667 });
  });

  it("puts the whole fee on the losing side, halved in simplified and small-claims procedure", () => {
    expect(
      apportionCosts({ claimedFen: yuan(100_000), awardedFen: yuan(100_000), procedure: "simplified" }),
    ).toMatchObject({
      feeFen: yuan(1_150),
      defendantFen: yuan(1_150),
      plaintiffFen: 0,
      outcome: "plaintiff_won",
    });
    const lost = apportionCosts({ claimedFen: yuan(5_000), awardedFen: 0, procedure: "small_claims" });
    expect(lost.steps[0]!.formula).toBe("50.00 − 25.00 = 25.00");
    expect(lost).toMatchObject({
      feeFen: yuan(25),
      defendantFen: 0,
      plaintiffFen: yuan(25),
      outcome: "plaintiff_lost",
    });
    expect(lost.steps[1]!.article).toBe("诉讼费用交纳办法第二十九条第一款");
  });

  it("adds up to the fee for every award on an odd claim", () => {
    for (let awarded = 0; awarded <= 1_234_567; awarded += 123_457) {
      const result = apportionCosts({ claimedFen: 1_234_567, awardedFen: awarded });
      expect(result.defendantFen + result.plaintiffFen).toBe(result.feeFen);
    }
  });

  it("refuses an award above the claim and a zero claim", () => {
    expect(codesOf(() => apportionCosts({ claimedFen: 100, awardedFen: 101 }))).toEqual([
      "awarded_exceeds_claimed",
    ]);
    expect(codesOf(() => apportionCosts({ claimedFen: 0, awardedFen: 0 }))).toEqual(["claimed_zero"]);
  });
});

describe("formatYuan", () => {
  it("groups thousands and keeps two decimals", () => {
    expect(formatYuan(123_456_789)).toBe("1,234,567.89");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(-120)).toBe("-1.20");
  });
});

describe("articles the amount rules cite", needsSharedData(ARTICLES_FILE), () => {
  let steps: AmountStep[];
  beforeAll(() => {
    steps = [
      ...calculatePrivateLendingInterest({
        principalFen: yuan(100_000),
        contractRatePercent: "36",
        contractDate: "2018-05-01",
        from: "2020-01-01",
        until: "2020-12-31",
        filingDate: "2022-03-01",
        requestsFormerRules: true,
        kind: "overdue",
      }).steps,
      ...calculatePrivateLendingInterest({
        principalFen: yuan(100_000),
        contractRatePercent: "36",
        contractDate: "2018-05-01",
        from: "2020-01-01",
        until: "2020-12-31",
        filingDate: "2022-03-01",
      }).steps,
      ...calculatePrivateLendingInterest({
        principalFen: yuan(100_000),
        contractRatePercent: "24",
        contractDate: "2021-03-01",
        from: "2021-03-02",
        until: "2022-03-01",
      }).steps,
      ...capOverdueCharges({
        principalFen: 100,
        contractDate: "2022-09-01",
        from: "2023-01-01",
        until: "2023-01-31",
        overdueInterestFen: 10,
        penaltyFen: 10,
        otherFeesFen: 10,
      }).steps,
      ...(["no_request", "may_reduce", "bad_faith", "may_increase", "keep"] as const).flatMap(
        (kind) =>
          assessPenalty({
            agreedFen: kind === "may_increase" ? 50 : kind === "keep" ? 100 : 200,
            lossFen: 100,
            hasAdjustmentRequest: kind !== "no_request",
            isBadFaithBreach: kind === "bad_faith",
          }).steps,
      ),
      ...calculatePunitiveDamages({ regime: "consumer_fraud", pricePaidFen: 1 }).steps,
      ...calculatePunitiveDamages({ regime: "food_safety", pricePaidFen: 1, basis: "price" }).steps,
      ...calculatePunitiveDamages({ regime: "known_defect_injury", lossFen: 1 }).steps,
      ...calculateCopyrightDamages({ method: "statutory", amountFen: 50_000, reasonableExpensesFen: 1 })
        .steps,
      ...calculateCopyrightDamages({
        method: "licence_fee",
        baseFen: 1,
        multiplier: "2",
        isWilfulAndSerious: true,
      }).steps,
      ...apportionCosts({ claimedFen: yuan(100_000), awardedFen: yuan(1) }).steps,
      ...apportionCosts({ claimedFen: yuan(100_000), awardedFen: 0 }).steps,
    ];
  });

  it("cites only articles in the law texts (the 2015 lending provisions, repealed, are not in the corpus)", () => {
    const index = loadArticleIndex();
    const citations = [...new Set(steps.flatMap((s) => (s.article ? s.article.split("；") : [])))].filter(
      (citation) => !citation.includes("法释〔2015〕18号"),
    );
    expect(citations.length).toBeGreaterThan(15);
    expect(citations.flatMap((citation) => citationProblems(citation, index))).toEqual([]);
  });
});
