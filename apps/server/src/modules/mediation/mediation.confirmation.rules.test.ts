import { describe, expect, it } from "vitest";
import {
  canActOnConfirmation,
  computeConfirmationAcceptanceDeadline,
  computeConfirmationApplicationDeadline,
  computeConfirmationDecisionDeadline,
  isFullySigned,
  isJointlyApplied,
  isWithinApplicationPeriod,
  partiesToSignFor,
  pendingSignatures,
} from "./mediation.confirmation.rules";

describe("periods of judicial confirmation (民事诉讼法第八十五条)", () => {
  it.each([
    // 民事诉讼法第二百零五条: 30 days from the day the agreement took effect, that day not counted.
    ["2026-03-02", "2026-04-01", "2026-04-01"],
    // Ends on 2026-10-03 (National Day holiday) → next working day (第八十五条).
    ["2026-09-03", "2026-10-03", "2026-10-08"],
  ])("applying from an agreement effective on %s ends on %s, moved to %s", (effective, nominal, end) => {
    const d = computeConfirmationApplicationDeadline(effective);
    expect(d.nominalEnd).toBe(nominal);
    expect(d.end).toBe(end);
    expect(d.basis).toBe("民事诉讼法第二百零五条");
  });

  it("is open on day 30 and closed on day 31", () => {
    expect(isWithinApplicationPeriod("2026-03-02", "2026-04-01")).toBe(true);
    expect(isWithinApplicationPeriod("2026-03-02", "2026-04-02")).toBe(false);
  });

  it("gives the court 3 days to accept and 15 (+10) to decide (若干规定第四条、第五条)", () => {
    expect(computeConfirmationAcceptanceDeadline("2026-03-02").end).toBe("2026-03-05");
    expect(computeConfirmationAcceptanceDeadline("2026-03-02").basis).toContain("第四条");
    expect(computeConfirmationDecisionDeadline("2026-03-02").nominalEnd).toBe("2026-03-17");
    expect(computeConfirmationDecisionDeadline("2026-03-02", true).nominalEnd).toBe("2026-03-27");
    expect(computeConfirmationDecisionDeadline("2026-03-02").basis).toContain("第五条");
  });
});

describe("signatures (在线调解规则第十九条)", () => {
  it.each([
    [["a", "b"], [], false, false],
    [["a", "b"], ["a"], true, false],
    [["a", "b"], ["a", "b"], false, false],
    [["a", "b"], ["b", "a"], true, true],
    [[], [], true, false],
  ])(
    "parties %j, signed %j, mediator %s → effective %s",
    (partyIds, signedPartyIds, mediatorSigned, effective) => {
      expect(isFullySigned({ partyIds, signedPartyIds, mediatorSigned })).toBe(effective);
    },
  );

  it("lists who still has to sign, and signs each party once", () => {
    expect(pendingSignatures({ partyIds: ["a", "b"], signedPartyIds: ["a"], mediatorSigned: false })).toEqual(
      {
        partyIds: ["b"],
        mediator: true,
      },
    );
    expect(partiesToSignFor(["a", "b"], ["a"])).toEqual(["b"]);
    expect(partiesToSignFor(["a"], ["a"])).toEqual([]);
  });
});

describe("the joint application (民事诉讼法第二百零五条)", () => {
  it.each([
    [["a", "b"], ["a"], false],
    [["a", "b"], ["a", "b"], true],
    [[], [], false],
  ])("parties %j applied %j → joint %s", (parties, applied, joint) => {
    expect(isJointlyApplied(parties, applied)).toBe(joint);
  });

  it.each([
    ["awaiting_parties", "join", true],
    ["applied", "join", false],
    ["applied", "accept", true],
    ["applied", "refuse", true],
    ["accepted", "accept", false],
    ["accepted", "decide", true],
    ["confirmed", "decide", false],
    ["refused", "decide", false],
  ] as const)("from %s, %s is allowed: %s", (status, act, allowed) => {
    expect(canActOnConfirmation(status, act)).toBe(allowed);
  });
});
