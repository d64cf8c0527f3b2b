import { describe, expect, it } from "vitest";
import { elementTableForCause } from "./judgment.elements";
import {
  annualRateText,
  checkElementValue,
  computeElementFigures,
  positionsAfterProposal,
  prefillValue,
  proposalRefusal,
  positionRefusal,
  type ComplaintFacts,
  type ElementState,
} from "./element-values.rules";

describe("element values", () => {
  it.each([
    ["amount", 0, 0],
    ["amount", 5_000_000, 5_000_000],
    ["date", "2025-02-28", "2025-02-28"],
    ["date", "2024-02-29", "2024-02-29"],
    ["rate", "15.40", "15.4"],
    ["rate", "012", "12"],
    ["rate", "3.1000", "3.1"],
    ["boolean", false, false],
    ["text", "  张三  ", "张三"],
    ["duration", { months: 12, days: 0 }, { months: 12, days: 0 }],
  ] as const)("accepts a %s %j as %j", (type, raw, stored) => {
    expect(checkElementValue(type, raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["amount", -1, "amount_invalid"],
    ["amount", 1.5, "amount_invalid"],
    ["amount", "100", "amount_invalid"],
    ["amount", 1e16, "amount_invalid"],
    ["date", "2025-02-29", "date_invalid"],
    ["date", "2025-2-1", "date_invalid"],
    ["date", "1949-09-30", "date_out_of_range"],
    ["date", "2100-01-01", "date_out_of_range"],
    ["rate", "1e2", "rate_invalid"],
    ["rate", "15.40001", "rate_invalid"],
    ["rate", 15.4, "rate_invalid"],
    ["boolean", "true", "boolean_invalid"],
    ["text", "   ", "text_invalid"],
    ["text", "长".repeat(2001), "text_too_long"],
    ["duration", { months: 0, days: 0 }, "duration_invalid"],
    ["duration", { months: 1.5, days: 0 }, "duration_invalid"],
    ["duration", { months: 1, days: 0, years: 1 }, "duration_invalid"],
  ] as const)("refuses a %s %j with %s", (type, raw, code) => {
    const checked = checkElementValue(type, raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issue).toMatchObject({ path: "value", code });
  });
});

describe("pre-filling from the complaint", () => {
  const facts: ComplaintFacts = {
    claimsTotalFen: 500_000,
    plaintiffName: "张三",
    defendantName: "李四",
    factsAndReasons: "事实",
    evidenceNames: ["借款合同"],
    interest: { baseFen: 400_000, ratePercent: "15.4", from: "2025-03-01", until: null },
  };
  const loan = elementTableForCause("small-loan-contract")!;
  const el = (key: string) => loan.elements.find((e) => e.key === key)!;

  it("takes each prefilled element's value from the complaint, typed", () => {
    expect(prefillValue(el("lender"), facts)).toBe("张三");
    expect(prefillValue(el("borrower"), facts)).toBe("李四");
    expect(prefillValue(el("interest_rate"), facts)).toBe("15.4");
    expect(prefillValue(el("default_date"), facts)).toBe("2025-03-01");
    expect(prefillValue(el("principal_outstanding"), facts)).toBe(400_000);
    expect(prefillValue(el("loan_amount"), facts)).toBeNull();
  });

  it("leaves an element empty when the complaint does not state it", () => {
    expect(prefillValue(el("interest_rate"), { ...facts, interest: null })).toBeNull();
  });

  it.each([
    [{ kind: "annual", value: 15.4 }, "15.4"],
    [{ kind: "monthly", value: 2 }, "24"],
    [{ kind: "daily", value: 0.05 }, null],
    [{ kind: "lpr_multiple", value: 4 }, null],
    [null, null],
  ] as const)("reads the claim's rate %j as %j a year", (rate, text) => {
    expect(annualRateText(rate)).toBe(text);
  });
});

describe("positions and proposals", () => {
  const state = (over: Partial<ElementState> = {}): ElementState => ({
    proposedValue: "15.4",
    proposedSource: "complaint",
    plaintiffPosition: "pending",
    defendantPosition: "pending",
    isSettled: false,
    ...over,
  });

  it("refuses positions and proposals once settled, agreement without a value, proposals once agreed", () => {
    expect(positionRefusal(state({ isSettled: true }), "disputed")).toBe("element_settled");
    expect(positionRefusal(state({ proposedValue: null, proposedSource: null }), "agreed")).toBe(
      "element_no_value",
    );
    expect(positionRefusal(state({ proposedValue: null, proposedSource: null }), "disputed")).toBeNull();
    expect(proposalRefusal(state({ plaintiffPosition: "agreed", defendantPosition: "agreed" }))).toBe(
      "element_agreed",
    );
    expect(proposalRefusal(state({ plaintiffPosition: "agreed" }))).toBeNull();
  });

  it("resets the other side's position when the value changes, keeps it otherwise", () => {
    expect(positionsAfterProposal(state({ defendantPosition: "disputed" }), "plaintiff", "12")).toEqual({
      plaintiff: "agreed",
      defendant: "pending",
      resetsOther: true,
    });
    expect(positionsAfterProposal(state({ defendantPosition: "agreed" }), "plaintiff", "15.4")).toEqual({
      plaintiff: "agreed",
      defendant: "agreed",
      resetsOther: false,
    });
  });
});

describe("computed elements", () => {
  const loan = elementTableForCause("financial-loan-contract")!;

  it("caps the agreed rate at four times the LPR when the contract was made (民间借贷规定第二十五条第一款)", () => {
    const values = new Map<string, string>([
      ["contract_date", "2025-01-10"],
      ["interest_rate", "15.4"],
    ]);
    expect(computeElementFigures(loan, "financial-loan-contract", values)).toEqual([
      {
        key: "interest_rate",
        kind: "lending_rate_cap",
        capPercent: "12.4",
        exceedsCap: true,
        lprPercent: "3.10",
        lprPublishedOn: "2024-10-21",
        article: "民间借贷规定第二十五条第一款",
      },
    ]);
    values.set("interest_rate", "12.4");
    expect(computeElementFigures(loan, "financial-loan-contract", values)[0]!.exceedsCap).toBe(false);
  });

  it("computes nothing without a contract date, before the new rules, or for other tables", () => {
    expect(computeElementFigures(loan, "financial-loan-contract", new Map())).toEqual([]);
    expect(
      computeElementFigures(loan, "financial-loan-contract", new Map([["contract_date", "2019-01-01"]])),
    ).toEqual([]);
    const sale = elementTableForCause("online-sale-contract")!;
    expect(
      computeElementFigures(sale, "online-sale-contract", new Map([["contract_date", "2025-01-10"]])),
    ).toEqual([]);
  });
});
