import { describe, expect, it } from "vitest";
import { hintDate, statusColor } from "./mediation.format";

const dates = { periodEndsOn: "2026-12-31", appointmentDueOn: "2026-12-10", acceptanceDueOn: "2026-12-11" };

describe("hintDate", () => {
  it.each([
    // 在线调解规则第十条: the court appoints within three working days.
    ["awaiting_mediator", "2026-12-10"],
    // 第十二条: the mediator confirms within three working days.
    ["awaiting_acceptance", "2026-12-11"],
    // 第二十四条: 30 days from the mediator's confirmation.
    ["in_progress", "2026-12-31"],
  ] as const)("names the date that matters while %s", (status, expected) => {
    expect(hintDate({ status, ...dates })).toBe(expected);
  });
});

describe("statusColor", () => {
  it.each([
    ["offered", "gold"],
    ["agreement_drafted", "gold"],
    ["in_progress", "processing"],
    ["confirmed", "success"],
    ["confirmation_dismissed", "error"],
    ["referred", "default"],
  ] as const)("marks %s as %s", (status, color) => {
    expect(statusColor(status)).toBe(color);
  });
});
