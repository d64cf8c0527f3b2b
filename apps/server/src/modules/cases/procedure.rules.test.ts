import { describe, expect, it } from "vitest";
import {
  checkSmallClaimsEligibility,
  computeAnswerDeadline,
  computeAppealTrialDeadline,
  computeAppealWindow,
  computeComplaintServiceDeadline,
  computeFeePaymentDeadline,
  computeRegistrationDeadline,
  computeTrialDeadlines,
  isCostsClaim,
  ProcedureError,
  selectProcedure,
  smallClaimsIssueOf,
  type SmallClaimsInput,
} from "./procedure.rules";

// A province whose published average annual wage of employed persons is 120,000 yuan:
// small claims up to 60,000 by law, up to 240,000 by agreement.
const WAGE = 120_000;
const simpleClaim = (amount: number, extra: Partial<SmallClaimsInput> = {}): SmallClaimsInput => ({
  amount,
  averageAnnualWage: WAGE,
  isSimpleMoneyClaim: true,
  ...extra,
});

describe("checkSmallClaimsEligibility (民事诉讼法第一百六十五条、第一百六十六条)", () => {
  it.each([
    [simpleClaim(1), "statutory"],
    [simpleClaim(60_000), "statutory"],
    [simpleClaim(60_000.01, { partiesAgreed: true }), "by_agreement"],
    [simpleClaim(240_000, { partiesAgreed: true }), "by_agreement"],
  ] as const)("admits %j (%s)", (input, route) => {
    expect(checkSmallClaimsEligibility(input)).toEqual({
      eligible: true,
      route,
      threshold: 60_000,
      agreedCeiling: 240_000,
      refusals: [],
    });
  });

  it.each([
    [simpleClaim(60_000.01), ["amount_above_threshold"]],
    [simpleClaim(240_000.01, { partiesAgreed: true }), ["amount_above_agreed_ceiling"]],
    [simpleClaim(240_000.01), ["amount_above_agreed_ceiling"]],
    [simpleClaim(5_000, { isSimpleMoneyClaim: false }), ["not_simple_money_claim"]],
    [simpleClaim(5_000, { isBasicLevelCourt: false }), ["not_basic_level_court"]],
    [simpleClaim(5_000, { exclusions: ["counterclaim"] }), ["excluded_case_type"]],
    [
      simpleClaim(70_000, { isSimpleMoneyClaim: false, exclusions: ["foreign_related", "appraisal_needed"] }),
      ["not_simple_money_claim", "amount_above_threshold", "excluded_case_type", "excluded_case_type"],
    ],
  ])("refuses %j", (input, codes) => {
    const decision = checkSmallClaimsEligibility(input);
    expect(decision.eligible).toBe(false);
    expect(decision.route).toBeNull();
    expect(decision.refusals.map((r) => r.code)).toEqual(codes);
  });

  it("cites the item of 第一百六十六条 that excludes the case", () => {
    const decision = checkSmallClaimsEligibility(
      simpleClaim(5_000, { exclusions: ["party_whereabouts_unknown"] }),
    );
    expect(decision.refusals).toEqual([
      {
        code: "excluded_case_type",
        exclusion: "party_whereabouts_unknown",
        basis: "民事诉讼法第一百六十六条第（四）项",
      },
    ]);
  });

  it("compares exactly when half the wage is not a whole fen", () => {
    const input = { averageAnnualWage: 100_000.01, isSimpleMoneyClaim: true };
    expect(checkSmallClaimsEligibility({ ...input, amount: 50_000 }).eligible).toBe(true);
    expect(checkSmallClaimsEligibility({ ...input, amount: 50_000.01 }).eligible).toBe(false);
    expect(checkSmallClaimsEligibility({ ...input, amount: 50_000 }).threshold).toBe(50_000.005);
  });

  it.each([
    [simpleClaim(0), "invalid_amount"],
    [simpleClaim(-1), "invalid_amount"],
    [simpleClaim(Number.NaN), "invalid_amount"],
    [simpleClaim(1.234), "invalid_amount"],
    [{ ...simpleClaim(100), averageAnnualWage: 0 }, "invalid_wage"],
  ])("rejects %j with %s", (input, code) => {
    expect(() => checkSmallClaimsEligibility(input)).toThrow(ProcedureError);
    expect(() => checkSmallClaimsEligibility(input)).toThrow(expect.objectContaining({ code }) as Error);
  });
});

describe("isCostsClaim (诉讼费用交纳办法第六条、第二十九条)", () => {
  it.each([
    [{ text: "判令被告承担本案诉讼费用", amountFen: null }, true],
    [{ text: "本案诉讼费由被告负担", amountFen: null }, true],
    [{ text: "判令被告承担本案案件受理费、保全费", amountFen: null }, true],
    [{ text: "判令被告退还货款人民币5000元", amountFen: 500_000 }, false],
    [{ text: "判令被告继续履行合同", amountFen: null }, false],
    [{ text: "判令被告赔礼道歉", amountFen: null }, false],
    // An amount makes it a money claim (e.g. a lawyer's fee claimed as a loss).
    [{ text: "判令被告赔偿律师费及诉讼费3000元", amountFen: 300_000 }, false],
  ])("%j → %s", (claim, expected) => {
    expect(isCostsClaim(claim)).toBe(expected);
  });
});

describe("smallClaimsIssueOf a complaint (民事诉讼法第一百六十五条)", () => {
  // 浙江: the court configures the published ceiling, 50 % of the average wage (here 60,000 yuan).
  const limitFen = 6_000_000;
  const costs = { text: "判令被告承担本案诉讼费用", amountFen: null };
  const money = (amountFen: number) => ({ text: "判令被告支付货款", amountFen });

  it.each([
    [[money(500_000), costs], null],
    [[money(500_000)], null],
    [[money(6_000_000), costs], null],
    [[money(3_000_000), money(3_000_000), costs], null],
    [[money(6_000_001), costs], "small_claims_over_limit"],
    [[money(3_000_000), money(3_000_001)], "small_claims_over_limit"],
    [[money(500_000), { text: "判令被告继续履行合同", amountFen: null }], "small_claims_money_only"],
    [[costs], "small_claims_money_only"],
    [[], "small_claims_money_only"],
    [[money(0), costs], "small_claims_money_only"],
  ])("%j → %s", (claims, expected) => {
    expect(smallClaimsIssueOf({ claims, limitFen, isBasicLevelCourt: true })?.code ?? null).toBe(expected);
  });

  it("needs a basic-level court and its configured ceiling", () => {
    expect(smallClaimsIssueOf({ claims: [money(100)], limitFen, isBasicLevelCourt: false })).toEqual({
      code: "small_claims_not_basic_court",
      basis: "民事诉讼法第一百六十五条第一款",
    });
    expect(smallClaimsIssueOf({ claims: [money(100)], limitFen: null, isBasicLevelCourt: true })).toEqual({
      code: "small_claims_limit_not_configured",
      basis: "民事诉讼法第一百六十五条第一款",
    });
  });

  it("cites the paragraph for the amount: above the ceiling, and above what the parties may agree", () => {
    const issue = (amountFen: number) =>
      smallClaimsIssueOf({ claims: [money(amountFen)], limitFen, isBasicLevelCourt: true });
    expect(issue(limitFen * 3)).toEqual({
      code: "small_claims_over_limit",
      basis: "民事诉讼法第一百六十五条第一款",
    });
    expect(issue(limitFen * 5)).toEqual({
      code: "small_claims_over_limit",
      basis: "民事诉讼法第一百六十五条第二款",
    });
  });
});

describe("selectProcedure", () => {
  it.each([
    [
      { isBasicLevelCourt: true, isSimpleCase: true, smallClaims: simpleClaim(30_000) },
      "small_claims",
      "民事诉讼法第一百六十五条",
    ],
    [
      { isBasicLevelCourt: true, isSimpleCase: true, smallClaims: simpleClaim(300_000) },
      "simplified",
      "民事诉讼法第一百六十条第一款",
    ],
    [{ isBasicLevelCourt: true, isSimpleCase: true }, "simplified", "民事诉讼法第一百六十条第一款"],
    [
      { isBasicLevelCourt: true, isSimpleCase: false, partiesAgreedSimplified: true },
      "simplified",
      "民事诉讼法第一百六十条第二款",
    ],
    [{ isBasicLevelCourt: true, isSimpleCase: false }, "ordinary", "民事诉讼法第十二章"],
    [
      { isBasicLevelCourt: false, isSimpleCase: true, smallClaims: simpleClaim(30_000) },
      "ordinary",
      "民事诉讼法第十二章",
    ],
  ] as const)("puts %j in the %s procedure", (input, procedure, basis) => {
    expect(selectProcedure(input)).toMatchObject({ procedure, basis });
  });

  it("explains why small claims did not apply", () => {
    const selection = selectProcedure({
      isBasicLevelCourt: false,
      isSimpleCase: true,
      smallClaims: simpleClaim(30_000),
    });
    expect(selection.smallClaims?.refusals.map((r) => r.code)).toEqual(["not_basic_level_court"]);
  });
});

describe("computeTrialDeadlines (第一百五十二条、第一百六十四条、第一百六十八条)", () => {
  it.each([
    // procedure, registered, limit nominal, limit end, extended end, provisional extension
    ["ordinary", "2026-03-05", "2026-09-05", "2026-09-07", "2027-03-05", true],
    ["simplified", "2026-03-05", "2026-06-05", "2026-06-05", "2026-07-06", false],
    ["small_claims", "2026-03-05", "2026-05-05", "2026-05-06", "2026-06-05", false],
    ["small_claims", "2026-08-31", "2026-10-31", "2026-11-02", "2026-11-30", false],
  ] as const)(
    "%s from %s: %s → %s, extended to %s",
    (procedure, registeredOn, nominal, end, extendedEnd, provisional) => {
      const result = computeTrialDeadlines({ procedure, registeredOn });
      expect(result.limit).toMatchObject({ nominalEnd: nominal, end, unit: "month" });
      expect(result.extendedByPresident).toMatchObject({ end: extendedEnd, provisional });
      expect(result.furtherExtension).toBe(procedure === "ordinary" ? "higher_court_approval" : null);
    },
  );

  it("cites the article of each procedure", () => {
    expect(computeTrialDeadlines({ procedure: "ordinary", registeredOn: "2026-03-05" }).limit.basis).toBe(
      "民事诉讼法第一百五十二条",
    );
    expect(
      computeTrialDeadlines({ procedure: "small_claims", registeredOn: "2026-03-05" }).limit,
    ).toMatchObject({
      length: 2,
      basis: "民事诉讼法第一百六十八条",
      labelZh: "小额诉讼审限",
    });
  });

  it("postpones the end by days that do not count (民诉法解释第二百四十三条)", () => {
    const result = computeTrialDeadlines({
      procedure: "ordinary",
      registeredOn: "2026-03-05",
      excludedDays: 30,
    });
    expect(result.limit).toMatchObject({
      nominalEnd: "2026-10-05",
      end: "2026-10-08",
      extendedForHoliday: true,
    });
  });

  it.each([-1, 1.5])("rejects %d excluded days", (excludedDays) => {
    expect(() =>
      computeTrialDeadlines({ procedure: "ordinary", registeredOn: "2026-03-05", excludedDays }),
    ).toThrow(expect.objectContaining({ code: "invalid_excluded_days" }) as Error);
  });
});

describe("second-instance limits (第一百八十三条)", () => {
  it("gives three months for an appeal against a judgment, ending on a 调休 Saturday", () => {
    expect(
      computeAppealTrialDeadline({ appealAgainst: "judgment", registeredOn: "2026-07-10" }),
    ).toMatchObject({
      end: "2026-10-10",
      extendedForHoliday: false,
      basis: "民事诉讼法第一百八十三条第一款",
    });
  });

  it("gives thirty days for an appeal against a ruling", () => {
    expect(computeAppealTrialDeadline({ appealAgainst: "ruling", registeredOn: "2026-09-01" })).toMatchObject(
      {
        nominalEnd: "2026-10-01",
        end: "2026-10-08",
      },
    );
  });
});

describe("filing and answer periods", () => {
  it("gives seven days to register, counted from a completed complaint when one was asked for", () => {
    expect(computeRegistrationDeadline({ receivedOn: "2026-09-28" })).toMatchObject({
      nominalEnd: "2026-10-05",
      end: "2026-10-08",
      basis: "民事诉讼法第一百二十六条",
    });
    expect(
      computeRegistrationDeadline({ receivedOn: "2026-09-28", completedOn: "2026-10-09" }),
    ).toMatchObject({
      end: "2026-10-16",
      basis: "民事诉讼法第一百二十六条；民诉法解释第一百二十六条",
    });
  });

  it("cites 第一百二十八条第一款 for the complaint copy", () => {
    expect(computeComplaintServiceDeadline("2026-03-02")).toMatchObject({
      basis: "民事诉讼法第一百二十八条第一款",
      labelZh: "发送起诉状副本期限",
    });
  });

  it("gives seven days to pay the acceptance fee from the notice (诉讼费用交纳办法第二十二条)", () => {
    // Notice on Monday 2026-03-02: the seventh day is Monday 2026-03-09.
    expect(computeFeePaymentDeadline("2026-03-02")).toMatchObject({
      nominalEnd: "2026-03-09",
      end: "2026-03-09",
      length: 7,
      unit: "day",
      basis: "诉讼费用交纳办法第二十二条",
    });
    // Notice on 2026-09-28: the seventh day falls in the National Day holiday, so it ends on 10-08.
    expect(computeFeePaymentDeadline("2026-09-28")).toMatchObject({
      nominalEnd: "2026-10-05",
      end: "2026-10-08",
      extendedForHoliday: true,
    });
  });

  it("gives the same seven days to register and to pay when both start with the receipt", () => {
    for (const receivedOn of ["2026-03-02", "2026-04-30", "2026-09-28", "2026-12-31"] as const) {
      expect(computeFeePaymentDeadline(receivedOn).end).toBe(computeRegistrationDeadline({ receivedOn }).end);
    }
  });

  it("gives five days to send the complaint (第一百二十八条)", () => {
    expect(computeComplaintServiceDeadline("2026-09-30")).toMatchObject({ end: "2026-10-08", length: 5 });
    expect(computeComplaintServiceDeadline("2026-03-02")).toMatchObject({
      end: "2026-03-09",
      extendedForHoliday: true,
    });
  });

  it("gives fifteen days to answer, thirty for a defendant domiciled abroad", () => {
    expect(computeAnswerDeadline({ receivedOn: "2026-09-20" })).toMatchObject({
      end: "2026-10-08",
      length: 15,
    });
    expect(computeAnswerDeadline({ receivedOn: "2026-09-20", defendantDomicileAbroad: true })).toMatchObject({
      end: "2026-10-20",
      length: 30,
      basis: "民事诉讼法第二百八十五条",
    });
  });
});

describe("computeAppealWindow (第一百七十一条)", () => {
  it.each([
    ["judgment", "2026-09-18", "ordinary", false, 15, "2026-10-08"],
    ["judgment", "2026-09-18", "simplified", false, 15, "2026-10-08"],
    ["ruling_on_jurisdiction_objection", "2026-09-25", "ordinary", false, 10, "2026-10-08"],
    ["ruling_refusing_acceptance", "2026-05-05", "ordinary", false, 10, "2026-05-15"],
    ["ruling_dismissing_action", "2026-03-05", "simplified", false, 10, "2026-03-16"],
    ["judgment", "2026-09-18", "ordinary", true, 30, "2026-10-19"],
  ] as const)(
    "a %s served on %s (%s, abroad: %s) may be appealed for %i days until %s",
    (decision, servedOn, procedure, abroad, days, end) => {
      expect(
        computeAppealWindow({ decision, servedOn, procedure, partyDomicileAbroad: abroad }),
      ).toMatchObject({
        appealable: true,
        length: days,
        end,
      });
    },
  );

  it("allows no appeal in small claims", () => {
    expect(
      computeAppealWindow({ decision: "judgment", servedOn: "2026-09-18", procedure: "small_claims" }),
    ).toEqual({
      appealable: false,
      reason: "small_claims_final",
      basis: "民事诉讼法第一百六十五条（一审终审）",
    });
  });

  it("allows no appeal against other rulings", () => {
    expect(
      computeAppealWindow({ decision: "other_ruling", servedOn: "2026-09-18", procedure: "ordinary" }),
    ).toMatchObject({
      appealable: false,
      reason: "ruling_not_appealable",
    });
  });
});
