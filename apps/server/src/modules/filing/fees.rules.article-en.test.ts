import { describe, expect, it } from "vitest";
import { calculateFee, type FeeInput } from "./fees.rules";

describe("the fee breakdown's legal basis", () => {
  const inputs: FeeInput[] = [
    { kind: "property", amount: 2_000_000, procedure: "small_claims" },
    { kind: "property", amount: 100_000, resolution: "mediation" },
    { kind: "divorce", propertyAmount: 500_000 },
    { kind: "personality_rights", damages: 100_000 },
    { kind: "other_non_property" },
    { kind: "intellectual_property", amount: 100_000 },
    { kind: "labour" },
    { kind: "administrative", subject: "patent" },
    { kind: "jurisdiction_objection" },
    { kind: "enforcement", amount: 1_000_000 },
    { kind: "preservation", amount: 1_000_000 },
    { kind: "payment_order", amount: 100_000 },
    { kind: "public_notice" },
    { kind: "arbitration_review" },
    { kind: "bankruptcy", amount: 100_000_000 },
    { kind: "maritime_application", application: "limitation_fund" },
    { kind: "maritime_application", application: "general_average" },
  ];

  it.each(inputs)("reads in English with no Chinese left for %j", (input) => {
    const { breakdown } = calculateFee(input);
    expect(breakdown.length).toBeGreaterThan(0);
    for (const line of breakdown) {
      expect(line.articleEn).toMatch(/art\. \d+/);
      expect(line.articleEn).not.toMatch(/\p{Script=Han}/u);
      expect(line.article).toMatch(/^诉讼费用交纳办法第/);
    }
  });
});
