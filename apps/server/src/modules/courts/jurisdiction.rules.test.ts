import { describe, expect, it } from "vitest";
import type { CourtLevel } from "./courts.tables";
import { firstInstanceJurisdictionIssue, hasFirstInstanceJurisdiction } from "./jurisdiction.rules";

describe("first-instance jurisdiction (民事诉讼法第十八条, 互联网法院规定第二条)", () => {
  const internet = { internetCourt: true };
  const other = { internetCourt: false };
  const court = (level: CourtLevel, isInternetCourt = false) => ({ level, isInternetCourt });

  it.each([
    ["an Internet court, an Internet cause", court("basic", true), internet, null],
    ["an Internet court, no cause yet", court("basic", true), null, null],
    [
      "an Internet court, a cause outside 第二条",
      court("basic", true),
      other,
      "outside_internet_court_jurisdiction",
    ],
    ["a basic court, any cause", court("basic"), other, null],
    ["a basic court, an Internet cause", court("basic"), internet, null],
    ["an intermediate court", court("intermediate"), internet, "court_level_not_first_instance"],
    ["a high court", court("high"), null, "court_level_not_first_instance"],
    ["the Supreme People's Court", court("supreme"), internet, "court_level_not_first_instance"],
  ] as const)("%s → %s", (_name, target, cause, expected) => {
    expect(firstInstanceJurisdictionIssue(target, cause)?.code ?? null).toBe(expected);
    expect(hasFirstInstanceJurisdiction(target, cause)).toBe(expected === null);
  });

  it("cites the article each refusal rests on", () => {
    expect(firstInstanceJurisdictionIssue(court("high"), null)?.basis).toContain("民事诉讼法第十八条");
    expect(firstInstanceJurisdictionIssue(court("basic", true), other)?.basis).toContain("第二条");
  });
});
