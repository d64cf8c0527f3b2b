import { describe, expect, it } from "vitest";
import type { MediationRelation } from "./mediation.policy";
import {
  acceptanceDueOn,
  addWorkingDays,
  allowedActions,
  appointmentDueOn,
  canAct,
  computeMediationPeriod,
  consentState,
  extensionState,
  mediationActs,
  registrationReceivedOn,
  takesDispute,
  type ActionFacts,
  type MediationAct,
  type MediationStatus,
} from "./mediation.rules";

describe("working days (在线调解规则第十条、第十二条: three working days)", () => {
  it.each([
    // [start, working days, expected, why]
    ["2026-03-06", 3, "2026-03-11", "a Friday: the weekend is skipped"],
    ["2026-04-02", 3, "2026-04-08", "清明 2026-04-04..06 is skipped"],
    ["2026-09-29", 3, "2026-10-09", "National Day 2026-10-01..07 is skipped"],
    ["2026-03-02", 1, "2026-03-03", "the start day is not counted"],
  ])("%s + %i working days = %s (%s)", (start, count, expected) => {
    expect(addWorkingDays(start, count)).toBe(expected);
  });

  it("gives the court three working days to appoint and the mediator three to confirm", () => {
    expect(appointmentDueOn("2026-04-02")).toBe("2026-04-08");
    expect(acceptanceDueOn("2026-03-06")).toBe("2026-03-11");
  });
});

describe("the mediation period (在线调解规则第二十四条; 民事诉讼法第八十五条)", () => {
  it.each([
    ["2026-03-02", 0, "2026-04-01", false, "30 days from the mediator's confirmation"],
    ["2026-03-05", 0, "2026-04-07", true, "ends on 清明: moves to the next working day"],
    ["2026-03-05", 10, "2026-04-14", false, "extended by 10 days with every party's agreement"],
  ])("confirmed %s, +%i days → ends %s", (acceptedOn, extra, end, moved) => {
    const period = computeMediationPeriod(acceptedOn, extra);
    expect(period.end).toBe(end);
    expect(period.extendedForHoliday).toBe(moved);
    expect(period.basis).toContain("人民法院在线调解规则第二十四条");
  });
});

describe("the status machine", () => {
  const table: Array<[MediationAct, MediationStatus, boolean]> = [
    ["consentToOffer", "offered", true],
    ["consentToOffer", "declined", false],
    ["declineOffer", "offered", true],
    ["assignMediator", "awaiting_mediator", true],
    ["assignMediator", "awaiting_acceptance", true], // 第十二条第二款: appoint again
    ["assignMediator", "in_progress", false],
    ["acceptAssignment", "awaiting_acceptance", true],
    ["acceptAssignment", "awaiting_mediator", false],
    ["declineAssignment", "awaiting_acceptance", true],
    ["recordFailure", "in_progress", true],
    ["recordFailure", "agreed", false],
    ["withdrawMediation", "awaiting_mediator", true], // 第二十五条第二项
    ["withdrawMediation", "ended", false],
    ["refuseMediation", "in_progress", true], // 第十五条第二款
    ["lapse", "in_progress", true], // 第二十五条第六项
    ["lapse", "awaiting_acceptance", false], // the period starts only at acceptance
    ["referToFiling", "ended", true], // 第二十一条第一项
    ["referToFiling", "in_progress", false],
    ["referToFiling", "referred", false],
  ];
  it.each(table)("%s from %s: %s", (act, status, allowed) => {
    expect(canAct(status, act)).toBe(allowed);
  });

  it("cites an article for every act", () => {
    for (const rule of Object.values(mediationActs)) expect(rule.basis).toMatch(/规则第.+条/);
  });
});

describe("consents, extensions and mediators", () => {
  it.each([
    [["pending", "agreed"], "pending"],
    [["agreed", "agreed"], "agreed"],
    [["agreed", "refused"], "refused"],
    [[], "pending"],
  ] as const)("other side answers %j → %s (第十五条)", (answers, state) => {
    expect(consentState(answers)).toBe(state);
  });

  it.each([
    [{}, ["a", "b"], "open"],
    [{ a: "agreed" }, ["a", "b"], "open"],
    [{ a: "agreed", b: "agreed" }, ["a", "b"], "agreed"],
    [{ a: "refused" }, ["a", "b"], "refused"],
  ] as const)(
    "extension answers %j of %j → %s (第二十四条: every party agrees)",
    (answers, parties, state) => {
      expect(extensionState(answers, parties)).toBe(state);
    },
  );

  it.each([
    [[], "online-sale-contract", "民初", true],
    [["online-sale-contract"], "online-sale-contract", "民初", true],
    [["民初"], "loan-contract", "民初", true],
    [["loan-contract"], "online-sale-contract", "民初", false],
  ])("a mediator taking %j takes %s/%s: %s (第五条: 纠纷受理范围)", (types, cause, type, takes) => {
    expect(takesDispute(types, { causeCode: cause, typeCode: type })).toBe(takes);
  });

  it("starts the registration review from the original submission for a filing offered mediation", () => {
    expect(registrationReceivedOn("offered_at_filing", "2026-03-02", "2026-04-10")).toBe("2026-03-02");
    expect(registrationReceivedOn("application", null, "2026-04-10")).toBe("2026-04-10");
  });
});

describe("what each participant may do next", () => {
  const facts = (over: Partial<ActionFacts> = {}): ActionFacts => ({
    status: "in_progress",
    origin: "application",
    isFiler: false,
    sides: [],
    hasPendingConsent: false,
    hasOfferToAnswer: false,
    hasExtensionToAnswer: false,
    hasOpenExtension: false,
    ...over,
  });
  const as = (kind: MediationRelation["kind"], isApplicant = false): MediationRelation => ({
    kind,
    ownPartyIds: kind === "party" || kind === "agent" ? ["p"] : [],
    isApplicant,
  });

  it("lets only the mediator schedule sessions and record failure", () => {
    expect(allowedActions(as("mediator"), facts())).toEqual(
      expect.arrayContaining(["schedule_session", "record_failure", "post_message"]),
    );
    expect(allowedActions(as("party"), facts({ sides: ["applicant"] }))).not.toContain("schedule_session");
    expect(allowedActions(as("court_staff"), facts())).not.toContain("record_failure");
  });

  it.each([
    { kind: "mediator", status: "in_progress", drafts: true },
    { kind: "mediator", status: "agreement_drafted", drafts: false },
    { kind: "mediator", status: "awaiting_acceptance", drafts: false },
    { kind: "party", status: "in_progress", drafts: false },
    { kind: "agent", status: "in_progress", drafts: false },
    { kind: "court_staff", status: "in_progress", drafts: false },
  ] as const)(
    "offers draft_agreement to $kind in $status: $drafts (在线调解规则第十九条)",
    ({ kind, status, drafts }) => {
      expect(
        allowedActions(as(kind), facts({ status, sides: ["applicant"] })).includes("draft_agreement"),
      ).toBe(drafts);
    },
  );

  it("lets the court appoint only while a mediator is awaited", () => {
    expect(allowedActions(as("court_staff"), facts({ status: "awaiting_mediator" }))).toEqual([
      "assign_mediator",
    ]);
    expect(allowedActions(as("court_staff"), facts())).toEqual([]);
  });

  it("offers referral to the applicant of an ended application only", () => {
    const ended = facts({ status: "ended", isFiler: true, sides: ["applicant"] });
    expect(allowedActions(as("party", true), ended)).toContain("refer_to_filing");
    expect(allowedActions(as("party"), { ...ended, isFiler: false })).not.toContain("refer_to_filing");
    expect(allowedActions(as("party", true), { ...ended, origin: "offered_at_filing" })).not.toContain(
      "refer_to_filing",
    );
  });

  it("lets a party answer only the other side's offers and open proposals", () => {
    expect(allowedActions(as("party"), facts({ sides: ["respondent"], hasOfferToAnswer: true }))).toContain(
      "answer_offer",
    );
    expect(allowedActions(as("party"), facts({ sides: ["respondent"] }))).not.toContain("answer_offer");
    expect(allowedActions(as("agent"), facts({ hasOpenExtension: true }))).not.toContain("propose_extension");
  });
});
