import { describe, expect, it } from "vitest";
import { canTransferCase, jurisdictionRulingEffect } from "./transfer.rules";

const at = (instant: string) => new Date(instant);
const decidedAt = at("2026-03-02T10:00:00+08:00");

describe("jurisdictionRulingEffect (民事诉讼法第一百五十八条、第一百七十一条第二款)", () => {
  it("makes a small-claims ruling effective when made (民诉法解释第二百七十六条)", () => {
    const effect = jurisdictionRulingEffect({
      isFinalWhenMade: true,
      decidedAt,
      services: [{ servedAt: null, appealDays: null }],
      now: decidedAt,
    });
    expect(effect).toEqual({ state: "effective", effectiveOn: "2026-03-02" });
    expect(canTransferCase(effect)).toBe(true);
  });

  it("waits while the ruling is not yet served on every party: no period has started for them", () => {
    const effect = jurisdictionRulingEffect({
      isFinalWhenMade: false,
      decidedAt,
      services: [
        { servedAt: at("2026-03-02T11:00:00+08:00"), appealDays: 10 },
        { servedAt: null, appealDays: 10 },
      ],
      now: at("2026-06-01T00:00:00+08:00"),
    });
    expect(effect).toEqual({ state: "awaiting_service" });
    expect(canTransferCase(effect)).toBe(false);
  });

  it("waits with no service at all", () => {
    expect(
      jurisdictionRulingEffect({ isFinalWhenMade: false, decidedAt, services: [], now: decidedAt }).state,
    ).toBe("awaiting_service");
  });

  // Served on Monday 2 March 2026: the day of service is not counted (第八十五条), 10 days end on
  // Thursday 12 March, a working day.
  it.each([
    { now: "2026-03-02T12:00:00+08:00", state: "appeal_period" },
    { now: "2026-03-12T23:59:59.999+08:00", state: "appeal_period" },
    { now: "2026-03-13T00:00:00+08:00", state: "effective" },
  ])("is $state at $now for a ruling served on 2 March", (row) => {
    const effect = jurisdictionRulingEffect({
      isFinalWhenMade: false,
      decidedAt,
      services: [{ servedAt: at("2026-03-02T11:00:00+08:00"), appealDays: 10 }],
      now: at(row.now),
    });
    expect(effect.state).toBe(row.state);
    if (effect.state === "appeal_period") {
      expect(effect.appealEndsOn).toBe("2026-03-12");
      expect(effect.appealEndsAt).toEqual(at("2026-03-12T23:59:59.999+08:00"));
    }
    if (effect.state === "effective") expect(effect.effectiveOn).toBe("2026-03-13");
  });

  it("runs until the last party's period ends when the parties were served on different days", () => {
    const effect = jurisdictionRulingEffect({
      isFinalWhenMade: false,
      decidedAt,
      services: [
        { servedAt: at("2026-03-05T09:00:00+08:00"), appealDays: 10 },
        { servedAt: at("2026-03-02T11:00:00+08:00"), appealDays: 10 },
      ],
      now: at("2026-03-13T09:00:00+08:00"),
    });
    expect(effect).toMatchObject({ state: "appeal_period", appealEndsOn: "2026-03-16" });
  });

  it("moves a period whose last day is a holiday to the next working day (第八十五条第三款)", () => {
    // Served 21 September 2026: ten days end on 1 October, 国庆节; the period ends
    // on 8 October, the first working day after the holiday.
    const effect = jurisdictionRulingEffect({
      isFinalWhenMade: false,
      decidedAt: at("2026-09-21T09:00:00+08:00"),
      services: [{ servedAt: at("2026-09-21T10:00:00+08:00"), appealDays: 10 }],
      now: at("2026-10-02T09:00:00+08:00"),
    });
    expect(effect).toMatchObject({ state: "appeal_period", appealEndsOn: "2026-10-08" });
  });
});
