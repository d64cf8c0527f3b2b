import { describe, expect, it } from "vitest";
import type { CaseRelation } from "./cases.policy";
import {
  answerWindow,
  canCounterclaim,
  canObjectToJurisdiction,
  caseCodeFromBytes,
  checkPartyIdentity,
  defendantPartiesOf,
  formatCaseCode,
  normaliseCaseCode,
} from "./defendant.rules";

const due = new Date("2026-03-17T23:59:59.999+08:00");

describe("answerWindow (民事诉讼法第一百二十八条: 15 days from receipt of the complaint)", () => {
  it.each([
    { status: "service", dueAt: null, now: "2026-03-05T10:00:00+08:00", window: "not_yet_served" },
    { status: "service", dueAt: due, now: "2026-03-17T23:59:59+08:00", window: "open" },
    { status: "service", dueAt: due, now: "2026-03-18T00:00:00+08:00", window: "expired" },
    { status: "accepted", dueAt: null, now: "2026-03-05T10:00:00+08:00", window: "not_yet_served" },
    { status: "evidence_exchange", dueAt: due, now: "2026-03-10T10:00:00+08:00", window: "open" },
    { status: "hearing", dueAt: due, now: "2026-03-10T10:00:00+08:00", window: "closed_status" },
    { status: "under_review", dueAt: null, now: "2026-03-05T10:00:00+08:00", window: "closed_status" },
  ] as const)("$status, due $dueAt, at $now → $window", (row) => {
    expect(answerWindow({ status: row.status, answerDueAt: row.dueAt, now: new Date(row.now) })).toBe(
      row.window,
    );
  });
});

describe("canObjectToJurisdiction (民事诉讼法第一百三十条: within the answer period)", () => {
  it.each([
    { window: "open", pending: false, allowed: true },
    { window: "not_yet_served", pending: false, allowed: true },
    { window: "open", pending: true, allowed: false },
    { window: "expired", pending: false, allowed: false },
    { window: "closed_status", pending: false, allowed: false },
  ] as const)("$window with a pending objection: $pending → $allowed", (row) => {
    expect(canObjectToJurisdiction(row.window, row.pending)).toBe(row.allowed);
  });
});

describe("canCounterclaim (民诉法解释第二百三十二条: after acceptance, before the debate ends)", () => {
  it.each([
    ["accepted", true],
    ["service", true],
    ["evidence_exchange", true],
    ["hearing", true],
    ["under_review", false],
    ["judgment", false],
    ["closed", false],
  ] as const)("%s → %s", (status, allowed) => {
    expect(canCounterclaim(status)).toBe(allowed);
  });
});

describe("checkPartyIdentity (在线诉讼规则第七条: never by name alone)", () => {
  const person = {
    kind: "person" as const,
    idNumber: "110105198811201240",
    creditCode: null,
    isVerified: true,
  };
  const company = {
    kind: "organisation" as const,
    idNumber: null,
    creditCode: "91330100MA27XXXX1X",
    isVerified: true,
  };
  it.each([
    {
      name: "same ID number",
      party: { kind: "natural_person", idNumber: "110105198811201240", creditCode: null },
      account: person,
      result: "match",
    },
    {
      name: "ID number in lower case with spaces",
      party: { kind: "natural_person", idNumber: " 110105198811201240 ", creditCode: null },
      account: person,
      result: "match",
    },
    {
      name: "another ID number",
      party: { kind: "natural_person", idNumber: "330106199003072130", creditCode: null },
      account: person,
      result: "mismatch",
    },
    {
      name: "no ID number on file",
      party: { kind: "natural_person", idNumber: null, creditCode: null },
      account: person,
      result: "not_on_file",
    },
    {
      name: "unverified account",
      party: { kind: "natural_person", idNumber: "110105198811201240", creditCode: null },
      account: { ...person, isVerified: false },
      result: "not_verified",
    },
    {
      name: "same credit code",
      party: { kind: "legal_person", idNumber: null, creditCode: "91330100ma27xxxx1x" },
      account: company,
      result: "match",
    },
    {
      name: "a person for a company",
      party: { kind: "legal_person", idNumber: null, creditCode: "91330100MA27XXXX1X" },
      account: person,
      result: "mismatch",
    },
    {
      name: "company without a code on file",
      party: { kind: "legal_person", idNumber: null, creditCode: null },
      account: company,
      result: "not_on_file",
    },
  ] as const)("$name → $result", (row) => {
    expect(checkPartyIdentity(row.party, row.account)).toBe(row.result);
  });
});

describe("defendantPartiesOf (民事诉讼法第六十一条: a party or their agent acts)", () => {
  const parties = [
    { id: "p", role: "plaintiff" as const },
    { id: "d1", role: "defendant" as const },
    { id: "d2", role: "defendant" as const },
  ];
  const relation = (own: string[]): CaseRelation => ({
    isFiler: false,
    isParty: own.length > 0,
    isAgent: false,
    ownPartyIds: own,
    selfPartyIds: own,
    isClerk: false,
    isCourtAdmin: false,
    isAssignedJudge: false,
    isStaff: false,
  });
  it.each([
    { own: ["d1"], acts: ["d1"] },
    { own: ["d1", "d2"], acts: ["d1", "d2"] },
    { own: ["p"], acts: [] },
    { own: [], acts: [] },
  ])("for $own acts as $acts", (row) => {
    expect(defendantPartiesOf(relation(row.own), parties)).toEqual(row.acts);
  });
});

describe("case codes", () => {
  it("draws 12 unambiguous characters and reads them back however typed", () => {
    const code = caseCodeFromBytes(new Uint8Array(16).map((_, i) => i * 37));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(normaliseCaseCode(formatCaseCode(code).toLowerCase())).toBe(code);
    expect(formatCaseCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN");
  });
});
