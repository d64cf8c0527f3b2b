import { describe, expect, it } from "vitest";
import {
  addressees,
  canActOnAsyncTrial,
  consentState,
  isWindowOpen,
  procedureAllowsAsyncTrial,
  reminderAt,
  windowIssue,
} from "./async-trial.rules";

const t = (iso: string) => new Date(iso);

describe("the asynchronous trial's rules", () => {
  it.each([
    ["small_claims", true],
    ["simplified", true],
    ["ordinary", false],
    [null, false],
  ] as const)("allows procedure %s: %s (在线诉讼规则第二十条第二款)", (procedure, allowed) => {
    expect(procedureAllowsAsyncTrial(procedure)).toBe(allowed);
  });

  it.each([
    ["2026-03-02T10:00:00Z", null, "too_short"],
    ["2026-03-02T11:00:00Z", null, null],
    ["2026-04-01T09:00:00Z", null, null],
    ["2026-04-01T09:00:01Z", null, "too_long"],
    ["2026-03-02T08:59:59Z", null, "not_ahead"],
    ["2026-03-03T09:00:00Z", "2026-03-04T09:00:00Z", "not_later"],
    ["2026-03-05T09:00:00Z", "2026-03-04T09:00:00Z", null],
  ] as const)("judges a window ending %s (current end %s): %s", (end, current, issue) => {
    expect(windowIssue(t(end), t("2026-03-02T09:00:00Z"), current ? t(current) : null)).toBe(issue);
  });

  it.each([
    ["2026-03-05T09:00:00Z", "2026-03-04T09:00:00Z"], // three days: a day ahead
    ["2026-03-03T09:00:00Z", "2026-03-03T06:00:00Z"], // a day: three hours ahead
    ["2026-03-02T13:00:00Z", "2026-03-02T12:00:00Z"], // four hours: one hour ahead
  ])("reminds before a window ending %s at %s", (end, at) => {
    expect(reminderAt(t(end), t("2026-03-02T09:00:00Z")).toISOString()).toBe(t(at).toISOString());
  });

  it("accepts an answer up to the window's last instant", () => {
    expect(isWindowOpen(t("2026-03-02T10:00:00Z"), t("2026-03-02T10:00:00Z"))).toBe(true);
    expect(isWindowOpen(t("2026-03-02T10:00:00Z"), t("2026-03-02T10:00:00.001Z"))).toBe(false);
  });

  it("needs every party's consent, and one refusal ends it", () => {
    expect(consentState(["a", "b"], [{ party_id: "a", decision: "consented" }])).toBe("waiting");
    expect(
      consentState(
        ["a", "b"],
        [
          { party_id: "a", decision: "consented" },
          { party_id: "b", decision: "consented" },
        ],
      ),
    ).toBe("all_consented");
    expect(consentState(["a", "b"], [{ party_id: "b", decision: "refused" }])).toBe("refused");
  });

  it("puts a question to one party or to all", () => {
    expect(addressees({ addressed_party_id: null }, ["a", "b"])).toEqual(["a", "b"]);
    expect(addressees({ addressed_party_id: "b" }, ["a", "b"])).toEqual(["b"]);
  });

  it("allows each act only from its status", () => {
    expect(canActOnAsyncTrial("applied", "open")).toBe(true);
    expect(canActOnAsyncTrial("open", "consent")).toBe(false);
    expect(canActOnAsyncTrial("closed", "answer")).toBe(false);
    expect(canActOnAsyncTrial("ended_for_live", "close")).toBe(false);
  });
});
