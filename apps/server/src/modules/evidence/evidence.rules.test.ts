import { describe, expect, it } from "vitest";
import {
  decisionIssues,
  evidencePeriodLimits,
  isPeriodLengthAllowed,
  opinionIssues,
  opinionPartyFor,
  planPeriod,
  requestKindNow,
  submissionWindow,
  type OpinionInput,
} from "./evidence.rules";

describe("evidence period lengths by procedure", () => {
  // 民诉法解释第九十九条: ≥ 15 days (ordinary); 第二百六十六条: ≤ 15 (simplified); 第二百七十五条: ≤ 7 (small claims).
  it.each([
    ["ordinary", 14, false],
    ["ordinary", 15, true],
    ["ordinary", 30, true],
    ["simplified", 15, true],
    ["simplified", 16, false],
    ["simplified", 1, true],
    ["small_claims", 7, true],
    ["small_claims", 8, false],
    ["small_claims", 0, false],
    ["ordinary", 15.5, false],
  ] as const)("%s procedure, %d days → allowed %s", (procedure, days, allowed) => {
    expect(isPeriodLengthAllowed(evidencePeriodLimits(procedure), days)).toBe(allowed);
  });

  it("cites the article of each procedure", () => {
    expect(evidencePeriodLimits("ordinary").basis).toBe("民诉法解释第九十九条");
    expect(evidencePeriodLimits("simplified").basis).toBe("民诉法解释第二百六十六条");
    expect(evidencePeriodLimits("small_claims").basis).toBe("民诉法解释第二百七十五条");
  });

  it("does not count the day it is set and moves an end on a rest day to the next working day", () => {
    // Set on Monday 2 March 2026: 15 days end on Tuesday 17 March.
    const plan = planPeriod(new Date("2026-03-02T09:00:00+08:00"), 15);
    expect(plan).toMatchObject({ startsOn: "2026-03-02", endsOn: "2026-03-17", days: 15 });
    // 7 days from Monday 2 March end on Monday 9 March; 5 days end on Saturday 7 March → Monday 9 March.
    expect(planPeriod(new Date("2026-03-02T09:00:00+08:00"), 5).endsOn).toBe("2026-03-09");
  });
});

describe("may a party submit evidence now (民事诉讼法第六十八条, 民诉法解释第一百零一条)", () => {
  const end = new Date("2026-03-17T15:59:59.999Z");
  const before = new Date("2026-03-17T10:00:00Z");
  const after = new Date("2026-03-18T01:00:00Z");
  it.each([
    ["no period set yet", null, null, after, "open"],
    ["within the period", end, null, before, "open"],
    ["on the last instant", end, null, end, "open"],
    ["after the period without leave", end, null, after, "expired"],
    ["after the period with leave", end, new Date("2026-03-20T15:59:59Z"), after, "late_with_leave"],
    ["after the leave too", end, new Date("2026-03-17T20:00:00Z"), after, "expired"],
  ] as const)("%s → %s", (_name, periodEndsAt, leaveEndsAt, now, expected) => {
    expect(submissionWindow({ periodEndsAt, leaveEndsAt, now })).toBe(expected);
  });

  it("asks for an extension before the period ends and for leave after it (民诉法解释第一百条)", () => {
    expect(requestKindNow(null, before)).toBeNull();
    expect(requestKindNow(end, before)).toBe("extension");
    expect(requestKindNow(end, after)).toBe("late_submission");
  });
});

describe("who gives an opinion on which item (证据规定第六十二条)", () => {
  const plaintiff = { id: "p", role: "plaintiff" as const };
  const coPlaintiff = { id: "p2", role: "plaintiff" as const };
  const defendant = { id: "d", role: "defendant" as const };
  const third = { id: "t", role: "third_party" as const };
  it.each([
    ["the defendant on the plaintiff's item", [defendant], plaintiff, null, "d"],
    ["the plaintiff on the defendant's item", [plaintiff], defendant, null, "p"],
    ["a third party on the plaintiff's item", [third], plaintiff, null, "t"],
    ["the plaintiff on its own item", [plaintiff], plaintiff, null, null],
    ["a co-plaintiff on the plaintiff's item", [coPlaintiff], plaintiff, null, null],
    ["an agent of both sides on either side's item", [plaintiff, defendant], plaintiff, null, null],
    ["a chosen party that is not the caller's", [defendant], plaintiff, "x", null],
  ] as const)("%s", (_name, own, owner, chosen, expected) => {
    expect(opinionPartyFor(own, owner, chosen)).toBe(expected);
  });
});

describe("what an opinion must contain (在线诉讼规则第十五条–第十八条)", () => {
  const admitAll: OpinionInput = {
    authenticity: "admit",
    authenticityReason: null,
    ledgerGround: null,
    legality: "admit",
    legalityReason: null,
    relevance: "admit",
    relevanceReason: null,
  };
  it("takes a plain admission of any item", () => {
    expect(opinionIssues(admitAll, true)).toEqual([]);
    expect(opinionIssues(admitAll, false)).toEqual([]);
  });
  it("takes a dispute of an item not verified against the ledger without a ground", () => {
    expect(opinionIssues({ ...admitAll, authenticity: "dispute" }, false)).toEqual([]);
  });
  it("refuses to dispute a ledger-verified item without a ground and reasons (第十七条/第十八条)", () => {
    const issues = opinionIssues({ ...admitAll, authenticity: "dispute", authenticityReason: "假" }, true);
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      "ledgerGround:required",
      "authenticityReason:required",
    ]);
  });
  it("takes a ledger-verified dispute with its ground and reasons", () => {
    expect(
      opinionIssues(
        {
          ...admitAll,
          authenticity: "dispute",
          ledgerGround: "untrue_before_deposit",
          authenticityReason: "截图系上链前伪造，订单号在平台查无此单",
        },
        true,
      ),
    ).toEqual([]);
  });
  it("refuses a ground without a dispute, or on an item the ledger did not verify", () => {
    expect(opinionIssues({ ...admitAll, ledgerGround: "altered_after_deposit" }, true)[0]!.code).toBe(
      "ground_without_dispute",
    );
    expect(
      opinionIssues(
        {
          ...admitAll,
          authenticity: "dispute",
          ledgerGround: "altered_after_deposit",
          authenticityReason: "上链后被修改过",
        },
        false,
      )[0]!.code,
    ).toBe("not_ledger_verified");
  });
});

describe("the judge's decision (证据规定第八十五条)", () => {
  it.each([
    ["admits without reasons", "admitted", null, false, 0],
    ["refuses without reasons", "not_admitted", null, false, 1],
    ["refuses with reasons", "not_admitted", "与本案争议事实无关", false, 0],
    ["admits a disputed ledger-verified item without reasons", "admitted", null, true, 1],
    ["admits a disputed ledger-verified item with reasons", "admitted", "存证平台合规，哈希一致", true, 0],
  ] as const)("%s", (_name, decision, reason, hasDisputedLedgerItem, count) => {
    expect(decisionIssues({ decision, reason, hasDisputedLedgerItem })).toHaveLength(count);
  });
});
