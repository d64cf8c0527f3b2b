import { describe, expect, it } from "vitest";
import { calculateFee, FeeInputError, validateFeeInput, type FeeInput } from "./fees.rules";

// Every expected fee below was worked out by hand from 诉讼费用交纳办法 第十三条/第十四条 using the
// cumulative brackets, e.g. 1,000,000 → 50 + 90,000×2.5% + 100,000×2% + 300,000×1.5% + 500,000×1%
// = 50 + 2,250 + 2,000 + 4,500 + 5,000 = 13,800. Parts are rounded to the fen half-up.

const sumOfLines = (input: FeeInput) =>
  Math.round(calculateFee(input).breakdown.reduce((total, line) => total + line.amount * 100, 0));

describe("property cases (第十三条第（一）项)", () => {
  it.each([
    [0.01, 50],
    [9_999.99, 50],
    [10_000, 50],
    [10_000.01, 50],
    [10_001, 50.03],
    [99_999.99, 2_300],
    [100_000, 2_300],
    [100_000.01, 2_300],
    [123_456.78, 2_769.14],
    [150_000, 3_300],
    [199_999.99, 4_300],
    [200_000, 4_300],
    [200_000.01, 4_300],
    [499_999.99, 8_800],
    [500_000, 8_800],
    [500_000.01, 8_800],
    [999_999.99, 13_800],
    [1_000_000, 13_800],
    [1_000_000.01, 13_800],
    [1_999_999.99, 22_800],
    [2_000_000, 22_800],
    [2_000_000.01, 22_800],
    [3_000_000, 30_800],
    [4_999_999.99, 46_800],
    [5_000_000, 46_800],
    [5_000_000.01, 46_800],
    [9_999_999.99, 81_800],
    [10_000_000, 81_800],
    [10_000_000.01, 81_800],
    [19_999_999.99, 141_800],
    [20_000_000, 141_800],
    [20_000_000.01, 141_800],
    [30_000_000, 191_800],
    [1e13, 50_000_041_800],
  ])("a claim of %d yuan costs %d yuan", (amount, fee) => {
    const quote = calculateFee({ kind: "property", amount });
    expect(quote.fee).toBe(fee);
    expect(quote.feeFen).toBe(Math.round(fee * 100));
    expect(quote.range).toBeNull();
    expect(quote.halvedFor).toBeNull();
    expect(sumOfLines({ kind: "property", amount })).toBe(quote.feeFen);
  });

  it("puts the first fen above a boundary into the next bracket", () => {
    const at = calculateFee({ kind: "property", amount: 100_000 }).breakdown;
    const above = calculateFee({ kind: "property", amount: 100_000.01 }).breakdown;
    expect(at.map((l) => l.rate)).toEqual([null, 0.025]);
    expect(above.map((l) => l.rate)).toEqual([null, 0.025, 0.02]);
    expect(above[2]).toMatchObject({ base: 0.01, amount: 0, article: "诉讼费用交纳办法第十三条第（一）项" });
  });

  it("shows each bracket's part, rate and amount", () => {
    expect(calculateFee({ kind: "property", amount: 1_000_000 }).breakdown).toEqual([
      expect.objectContaining({ type: "charge", base: null, rate: null, amount: 50 }),
      expect.objectContaining({
        base: 90_000,
        rate: 0.025,
        amount: 2_250,
        labelZh: "超过1万元至10万元的部分（2.5%）",
      }),
      expect.objectContaining({ base: 100_000, rate: 0.02, amount: 2_000 }),
      expect.objectContaining({ base: 300_000, rate: 0.015, amount: 4_500 }),
      expect.objectContaining({ base: 500_000, rate: 0.01, amount: 5_000 }),
    ]);
  });
});

describe("halving (第十五条, 第十六条, 民诉法解释第二百零六条)", () => {
  it.each<[FeeInput, number, string | null]>([
    [{ kind: "property", amount: 100_000, procedure: "ordinary" }, 2_300, null],
    [{ kind: "property", amount: 100_000, procedure: "simplified" }, 1_150, "simplified_procedure"],
    [{ kind: "property", amount: 100_000, procedure: "small_claims" }, 1_150, "small_claims"],
    [{ kind: "property", amount: 100_000, resolution: "mediation" }, 1_150, "mediation"],
    [{ kind: "property", amount: 100_000, resolution: "withdrawal" }, 1_150, "withdrawal"],
    [{ kind: "property", amount: 100_000, resolution: "judgment" }, 2_300, null],
    // Halved only once even when two grounds apply.
    [
      { kind: "property", amount: 100_000, procedure: "simplified", resolution: "mediation" },
      1_150,
      "simplified_procedure",
    ],
    // 50.03 / 2 = 25.015 → 25.02 (half-up to the fen).
    [{ kind: "property", amount: 10_001, procedure: "simplified" }, 25.02, "simplified_procedure"],
    [{ kind: "property", amount: 123_456.78, procedure: "small_claims" }, 1_384.57, "small_claims"],
    [{ kind: "labour", procedure: "simplified" }, 5, "simplified_procedure"],
    [{ kind: "administrative", subject: "other", procedure: "simplified" }, 25, "simplified_procedure"],
  ])("%j costs %d (halved for %s)", (input, fee, reason) => {
    const quote = calculateFee(input);
    expect(quote.fee).toBe(fee);
    expect(quote.halvedFor).toBe(reason);
    expect(sumOfLines(input)).toBe(quote.feeFen);
  });

  it("cites the small-claims basis on the halving line", () => {
    const last = calculateFee({ kind: "property", amount: 20_000, procedure: "small_claims" }).breakdown.at(
      -1,
    );
    expect(last).toMatchObject({ type: "adjustment", base: 300, rate: 0.5, amount: -150 });
    expect(last?.article).toContain("第十六条");
    expect(last?.article).toContain("民事诉讼法第一百六十五条");
  });
});

describe("non-property cases (第十三条第（二）项 to 第（六）项)", () => {
  it.each<[FeeInput, number, { min: number; max: number } | null]>([
    [{ kind: "divorce" }, 50, { min: 50, max: 300 }],
    [{ kind: "divorce", propertyAmount: 200_000 }, 50, { min: 50, max: 300 }],
    [{ kind: "divorce", propertyAmount: 200_000.01 }, 50, { min: 50, max: 300 }],
    [{ kind: "divorce", propertyAmount: 500_000 }, 1_550, { min: 1_550, max: 1_800 }],
    [{ kind: "divorce", propertyAmount: 500_000, baseFee: 300 }, 1_800, { min: 1_550, max: 1_800 }],
    [{ kind: "divorce", propertyAmount: 500_000, procedure: "simplified" }, 775, { min: 775, max: 900 }],
    [{ kind: "personality_rights" }, 100, { min: 100, max: 500 }],
    [{ kind: "personality_rights", damages: 50_000 }, 100, { min: 100, max: 500 }],
    [{ kind: "personality_rights", damages: 80_000, baseFee: 500 }, 800, { min: 400, max: 800 }],
    [{ kind: "personality_rights", damages: 100_000 }, 600, { min: 600, max: 1_000 }],
    [{ kind: "personality_rights", damages: 200_000 }, 1_100, { min: 1_100, max: 1_500 }],
    [{ kind: "other_non_property" }, 50, { min: 50, max: 100 }],
    [{ kind: "other_non_property", baseFee: 80 }, 80, { min: 50, max: 100 }],
    [{ kind: "other_non_property", procedure: "simplified" }, 25, { min: 25, max: 50 }],
    [{ kind: "intellectual_property" }, 500, { min: 500, max: 1_000 }],
    [{ kind: "intellectual_property", amount: 100_000 }, 2_300, null],
    [{ kind: "intellectual_property", amount: 1_000_000, procedure: "simplified" }, 6_900, null],
    [{ kind: "labour" }, 10, null],
    [{ kind: "labour", procedure: "small_claims" }, 5, null],
    [{ kind: "administrative", subject: "trademark" }, 100, null],
    [{ kind: "administrative", subject: "patent" }, 100, null],
    [{ kind: "administrative", subject: "maritime" }, 100, null],
    [{ kind: "administrative", subject: "other" }, 50, null],
    [{ kind: "jurisdiction_objection" }, 50, { min: 50, max: 100 }],
    [{ kind: "jurisdiction_objection", baseFee: 100 }, 100, { min: 50, max: 100 }],
  ])("%j costs %d", (input, fee, range) => {
    const quote = calculateFee(input);
    expect(quote.fee).toBe(fee);
    expect(quote.range).toEqual(range);
    expect(sumOfLines(input)).toBe(quote.feeFen);
  });

  it("cites the IP clause together with the property brackets", () => {
    const lines = calculateFee({ kind: "intellectual_property", amount: 100_000 }).breakdown;
    expect(lines.every((l) => l.article === "诉讼费用交纳办法第十三条第（三）项、第（一）项")).toBe(true);
  });
});

describe("application fees (第十四条)", () => {
  it.each<[FeeInput, number, { min: number; max: number } | null]>([
    // Enforcement: 1.5 % / 1 % / 0.5 % / 0.1 % above 10,000.
    [{ kind: "enforcement" }, 50, { min: 50, max: 500 }],
    [{ kind: "enforcement", baseFee: 200 }, 200, { min: 50, max: 500 }],
    [{ kind: "enforcement", amount: 10_000 }, 50, null],
    [{ kind: "enforcement", amount: 10_000.01 }, 50, null],
    [{ kind: "enforcement", amount: 100_000 }, 1_400, null],
    [{ kind: "enforcement", amount: 500_000 }, 7_400, null],
    [{ kind: "enforcement", amount: 5_000_000 }, 52_400, null],
    [{ kind: "enforcement", amount: 10_000_000 }, 77_400, null],
    [{ kind: "enforcement", amount: 20_000_000 }, 87_400, null],
    // Preservation: 30 up to 1,000; 1 % to 100,000; 0.5 % above; at most 5,000 (reached at 896,000).
    [{ kind: "preservation" }, 30, null],
    [{ kind: "preservation", amount: 0 }, 30, null],
    [{ kind: "preservation", amount: 1_000 }, 30, null],
    [{ kind: "preservation", amount: 1_000.01 }, 30, null],
    [{ kind: "preservation", amount: 100_000 }, 1_020, null],
    [{ kind: "preservation", amount: 896_000 }, 5_000, null],
    [{ kind: "preservation", amount: 1_000_000 }, 5_000, null],
    [{ kind: "preservation", amount: 50_000_000 }, 5_000, null],
    // Payment order: one third of the property fee.
    [{ kind: "payment_order", amount: 10_000 }, 16.67, null],
    [{ kind: "payment_order", amount: 100_000 }, 766.67, null],
    [{ kind: "payment_order", amount: 1_000_000 }, 4_600, null],
    [{ kind: "public_notice" }, 100, null],
    [{ kind: "arbitration_review" }, 400, null],
    // Bankruptcy: half the property fee, at most 300,000: 100,000,000 → (141,800 + 80,000,000×0.5%) / 2;
    // the cap is reached at 111,640,000 (property fee 600,000).
    [{ kind: "bankruptcy", amount: 100_000_000 }, 270_900, null],
    [{ kind: "bankruptcy", amount: 111_640_000 }, 300_000, null],
    [{ kind: "bankruptcy", amount: 200_000_000 }, 300_000, null],
    [{ kind: "maritime_application", application: "limitation_fund" }, 1_000, { min: 1_000, max: 10_000 }],
    [
      { kind: "maritime_application", application: "injunction", baseFee: 5_000 },
      5_000,
      { min: 1_000, max: 5_000 },
    ],
    [
      { kind: "maritime_application", application: "ship_priority_notice" },
      1_000,
      { min: 1_000, max: 5_000 },
    ],
    [{ kind: "maritime_application", application: "claim_registration" }, 1_000, null],
    [{ kind: "maritime_application", application: "general_average" }, 1_000, null],
  ])("%j costs %d", (input, fee, range) => {
    const quote = calculateFee(input);
    expect(quote.fee).toBe(fee);
    expect(quote.range).toEqual(range);
    expect(quote.halvedFor).toBeNull();
    expect(sumOfLines(input)).toBe(quote.feeFen);
  });

  it("shows the preservation cap as an adjustment line", () => {
    expect(calculateFee({ kind: "preservation", amount: 1_000_000 }).breakdown.at(-1)).toMatchObject({
      type: "adjustment",
      base: 5_520,
      amount: -520,
      article: "诉讼费用交纳办法第十四条第（二）项",
    });
    expect(
      calculateFee({ kind: "preservation", amount: 896_000 }).breakdown.some((l) => l.type === "adjustment"),
    ).toBe(false);
  });
});

describe("validateFeeInput", () => {
  it.each<[string, FeeInput, { path: string; code: string }[]]>([
    ["a negative amount", { kind: "property", amount: -1 }, [{ path: "amount", code: "amount_negative" }]],
    ["NaN", { kind: "property", amount: Number.NaN }, [{ path: "amount", code: "amount_not_a_number" }]],
    [
      "a string",
      { kind: "property", amount: "100" as unknown as number },
      [{ path: "amount", code: "amount_not_a_number" }],
    ],
    ["infinity", { kind: "property", amount: Infinity }, [{ path: "amount", code: "amount_too_large" }]],
    [
      "more than 1e13",
      { kind: "property", amount: 1.0000000000001e13 },
      [{ path: "amount", code: "amount_too_large" }],
    ],
    [
      "three decimals",
      { kind: "property", amount: 1.234 },
      [{ path: "amount", code: "amount_too_many_decimals" }],
    ],
    [
      "0.1 + 0.2",
      { kind: "property", amount: 0.1 + 0.2 },
      [{ path: "amount", code: "amount_too_many_decimals" }],
    ],
    ["1e-7", { kind: "property", amount: 1e-7 }, [{ path: "amount", code: "amount_too_many_decimals" }]],
    ["zero", { kind: "property", amount: 0 }, [{ path: "amount", code: "amount_zero" }]],
    ["no amount", { kind: "payment_order" } as FeeInput, [{ path: "amount", code: "amount_required" }]],
    ["zero bankruptcy assets", { kind: "bankruptcy", amount: 0 }, [{ path: "amount", code: "amount_zero" }]],
    [
      "negative divorce property",
      { kind: "divorce", propertyAmount: -5 },
      [{ path: "propertyAmount", code: "amount_negative" }],
    ],
    [
      "negative damages",
      { kind: "personality_rights", damages: -5 },
      [{ path: "damages", code: "amount_negative" }],
    ],
    [
      "an unknown procedure",
      { kind: "property", amount: 100, procedure: "summary" as "ordinary" },
      [{ path: "procedure", code: "unknown_procedure" }],
    ],
    [
      "an unknown resolution",
      { kind: "labour", resolution: "settled" as "mediation" },
      [{ path: "resolution", code: "unknown_resolution" }],
    ],
    [
      "an unknown administrative subject",
      { kind: "administrative", subject: "tax" as "other" },
      [{ path: "subject", code: "unknown_subject" }],
    ],
    [
      "an unknown maritime application",
      { kind: "maritime_application", application: "salvage" as "injunction" },
      [{ path: "application", code: "unknown_application" }],
    ],
    ["an unknown kind", { kind: "fine" } as unknown as FeeInput, [{ path: "kind", code: "unknown_kind" }]],
    [
      "a base fee above the range",
      { kind: "divorce", baseFee: 301 },
      [{ path: "baseFee", code: "base_fee_out_of_range" }],
    ],
    [
      "a base fee below the range",
      { kind: "jurisdiction_objection", baseFee: 49.99 },
      [{ path: "baseFee", code: "base_fee_out_of_range" }],
    ],
    [
      "a base fee with three decimals",
      { kind: "other_non_property", baseFee: 60.001 },
      [{ path: "baseFee", code: "amount_too_many_decimals" }],
    ],
    [
      "a base fee where the law fixes the fee",
      { kind: "enforcement", amount: 100, baseFee: 100 },
      [{ path: "baseFee", code: "base_fee_not_applicable" }],
    ],
    [
      "several problems at once",
      { kind: "property", amount: -1, procedure: "x" as "ordinary", resolution: "y" as "mediation" },
      [
        { path: "amount", code: "amount_negative" },
        { path: "procedure", code: "unknown_procedure" },
        { path: "resolution", code: "unknown_resolution" },
      ],
    ],
  ])("reports %s", (_name, input, issues) => {
    expect(validateFeeInput(input)).toEqual(issues);
  });

  it("accepts the largest amount and two decimals", () => {
    expect(validateFeeInput({ kind: "property", amount: 1e13 })).toEqual([]);
    expect(validateFeeInput({ kind: "property", amount: 0.29 })).toEqual([]);
  });

  it("makes calculateFee throw with every issue", () => {
    expect(() => calculateFee({ kind: "property", amount: -1 })).toThrow(FeeInputError);
    try {
      calculateFee({ kind: "divorce", propertyAmount: Number.NaN, baseFee: 1_000 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FeeInputError);
      expect((error as FeeInputError).code).toBe("fee_input_invalid");
      expect((error as FeeInputError).issues.map((i) => i.code)).toEqual([
        "amount_not_a_number",
        "base_fee_out_of_range",
      ]);
    }
  });
});
