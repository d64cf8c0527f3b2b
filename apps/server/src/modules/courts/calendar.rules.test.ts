import { describe, expect, it } from "vitest";
import { HOLIDAY_YEARS } from "./calendar.data";
import {
  addDays,
  addMonths,
  addWorkingDays,
  CalendarError,
  computePeriodEnd,
  countWorkingDays,
  courtDateOf,
  coveredYears,
  dayOfWeek,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  type PeriodUnit,
} from "./calendar.rules";

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

describe("holiday data", () => {
  it("covers 2024 to 2027 with 2027 marked provisional", () => {
    expect(coveredYears()).toEqual({ first: 2024, last: 2027, provisional: [2027] });
    const y2027 = HOLIDAY_YEARS.find((y) => y.year === 2027)!;
    expect(y2027.notice).toBeNull();
    expect(y2027.note).toMatch(/replace/i);
  });

  it.each(HOLIDAY_YEARS.map((y) => [y.year, y] as const))("keeps %i internally consistent", (year, data) => {
    let statutoryTotal = 0;
    for (const holiday of data.holidays) {
      const off = datesBetween(holiday.daysOff.from, holiday.daysOff.to);
      expect(off.length).toBeGreaterThan(0);
      expect(off.every((d) => d.startsWith(`${year}-`))).toBe(true);
      // Every statutory day lies in the block given off.
      expect(holiday.statutoryDays.every((d) => off.includes(d))).toBe(true);
      // 调休 working days are Saturdays or Sundays outside the block.
      expect(holiday.workdays.every((d) => isWeekend(d) && !off.includes(d))).toBe(true);
      // 调休 only moves days: weekdays off = statutory days + weekend days turned into working days.
      // For a provisional year this is 放假办法第六条 (a statutory day on a weekend is made up on a weekday).
      const weekdaysOff = off.filter((d) => !isWeekend(d)).length;
      expect(weekdaysOff, `${holiday.nameZh} ${year}`).toBe(
        holiday.statutoryDays.length + holiday.workdays.length,
      );
      statutoryTotal += holiday.statutoryDays.length;
    }
    // 全国年节及纪念日放假办法第二条: 11 days under the 2013 text, 13 days from 2025 (2024 revision).
    expect(statutoryTotal).toBe(year < 2025 ? 11 : 13);
  });

  it("records each notice by its document number where it is known", () => {
    for (const year of HOLIDAY_YEARS) {
      if (year.notice?.number) expect(year.notice.number).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    }
    expect(HOLIDAY_YEARS.find((y) => y.year === 2024)?.notice?.number).toBe("国办发明电〔2023〕7号");
    expect(HOLIDAY_YEARS.find((y) => y.year === 2025)?.notice?.number).toBe("国办发明电〔2024〕12号");
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-10-07", false, "holiday"],
    ["2026-10-08", true, "working_day"],
    ["2026-10-10", true, "adjusted_working_day"],
    ["2026-10-11", false, "weekend"],
    ["2026-09-20", true, "adjusted_working_day"],
    ["2026-02-14", true, "adjusted_working_day"],
    ["2026-02-23", false, "holiday"],
    ["2026-01-04", true, "adjusted_working_day"],
    ["2025-10-06", false, "holiday"],
    ["2025-02-08", true, "adjusted_working_day"],
    ["2024-02-18", true, "adjusted_working_day"],
    ["2024-02-09", true, "working_day"],
    ["2024-06-08", false, "holiday"],
    ["2024-05-11", true, "adjusted_working_day"],
    ["2027-02-09", false, "holiday"],
    ["2027-02-11", true, "working_day"],
    ["2027-10-05", false, "holiday"],
    ["2027-03-06", false, "weekend"],
  ] as const)("%s is a working day: %s (%s)", (date, working, kind) => {
    expect(isWorkingDay(date)).toBe(working);
    expect(describeDay(date).kind).toBe(kind);
  });

  it("names the holiday and flags provisional years", () => {
    expect(describeDay("2025-10-03")).toEqual({
      date: "2025-10-03",
      kind: "holiday",
      holiday: { nameZh: "国庆节、中秋节", nameEn: "National Day and Mid-Autumn Festival" },
      provisional: false,
    });
    expect(describeDay("2027-06-09")).toMatchObject({ kind: "holiday", provisional: true });
  });

  it.each(["2023-12-29", "2028-01-03", "1999-10-01"])("refuses %s outside the covered years", (date) => {
    expect(() => isWorkingDay(date)).toThrow(CalendarError);
    expect(() => isWorkingDay(date)).toThrow(
      expect.objectContaining({ code: "calendar_year_not_covered" }) as Error,
    );
  });

  it.each(["2026-02-29", "2026-13-01", "2026-1-5", "20260105", ""])("rejects malformed date %j", (date) => {
    expect(() => isWorkingDay(date)).toThrow(expect.objectContaining({ code: "invalid_date" }) as Error);
  });
});

describe("nextWorkingDay and working-day arithmetic", () => {
  it.each([
    ["2026-09-30", "2026-10-08"],
    ["2026-10-09", "2026-10-10"],
    ["2024-02-09", "2024-02-18"],
    ["2026-03-06", "2026-03-09"],
    ["2025-01-24", "2025-01-26"],
  ])("the working day after %s is %s", (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });

  it("keeps a working day and moves a day off to the next working day", () => {
    expect(workingDayOnOrAfter("2026-10-08")).toBe("2026-10-08");
    expect(workingDayOnOrAfter("2026-10-01")).toBe("2026-10-08");
  });

  it.each([
    ["2026-09-30", 1, "2026-10-08"],
    ["2026-10-08", 2, "2026-10-10"],
    ["2026-03-05", 0, "2026-03-05"],
    ["2026-03-05", 5, "2026-03-12"],
    ["2026-10-12", -3, "2026-10-08"],
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-14", 1, "2026-02-24"],
  ] as const)("%s plus %i working days is %s", (date, count, expected) => {
    expect(addWorkingDays(date, count)).toBe(expected);
  });

  it("counts working days after a day up to and including another", () => {
    expect(countWorkingDays("2026-09-30", "2026-10-10")).toBe(3);
    expect(countWorkingDays("2026-03-05", "2026-03-05")).toBe(0);
    expect(countWorkingDays("2026-03-06", "2026-03-13")).toBe(5);
  });
});

describe("computePeriodEnd (民事诉讼法第八十五条)", () => {
  it.each<[string, number, PeriodUnit, string, string, boolean]>([
    // start, length, unit, nominal end, end, provisional
    ["2026-09-18", 15, "day", "2026-10-03", "2026-10-08", false],
    ["2026-09-05", 15, "day", "2026-09-20", "2026-09-20", false],
    ["2026-02-21", 7, "day", "2026-02-28", "2026-02-28", false],
    ["2024-02-02", 15, "day", "2024-02-17", "2024-02-18", false],
    ["2026-03-02", 5, "day", "2026-03-07", "2026-03-09", false],
    ["2026-03-03", 7, "day", "2026-03-10", "2026-03-10", false],
    ["2026-04-01", 3, "day", "2026-04-04", "2026-04-07", false],
    ["2026-01-31", 1, "month", "2026-02-28", "2026-02-28", false],
    ["2024-01-31", 1, "month", "2024-02-29", "2024-02-29", false],
    ["2025-01-31", 1, "month", "2025-02-28", "2025-02-28", false],
    ["2026-03-31", 1, "month", "2026-04-30", "2026-04-30", false],
    ["2026-08-31", 1, "month", "2026-09-30", "2026-09-30", false],
    ["2025-12-31", 2, "month", "2026-02-28", "2026-02-28", false],
    ["2026-05-01", 6, "month", "2026-11-01", "2026-11-02", false],
    ["2024-02-29", 1, "year", "2025-02-28", "2025-02-28", false],
    ["2026-12-27", 5, "day", "2027-01-01", "2027-01-04", true],
    ["2027-09-17", 15, "day", "2027-10-02", "2027-10-06", true],
  ])("%s + %i %s ends %s → %s", (start, length, unit, nominalEnd, end, provisional) => {
    expect(computePeriodEnd({ start, length, unit })).toEqual({
      nominalEnd,
      end,
      extendedForHoliday: nominalEnd !== end,
      provisional,
    });
  });

  it("refuses to guess when the period ends beyond the covered years", () => {
    expect(() => computePeriodEnd({ start: "2027-12-20", length: 15, unit: "day" })).toThrow(
      expect.objectContaining({ code: "calendar_year_not_covered" }) as Error,
    );
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects a period of length %d", (length) => {
    expect(() => computePeriodEnd({ start: "2026-03-05", length, unit: "day" })).toThrow(
      expect.objectContaining({ code: "invalid_period" }) as Error,
    );
  });
});

describe("date helpers", () => {
  it("turns an instant into the court day in Asia/Shanghai", () => {
    expect(courtDateOf(new Date("2026-03-04T15:59:59Z"))).toBe("2026-03-04");
    expect(courtDateOf(new Date("2026-03-04T16:00:00Z"))).toBe("2026-03-05");
    // Asked again in any order (the last day is remembered): the same answers, to the millisecond.
    expect(courtDateOf(new Date("2026-03-05T15:59:59.999Z"))).toBe("2026-03-05");
    expect(courtDateOf(new Date("2026-03-04T15:59:59.999Z"))).toBe("2026-03-04");
    expect(courtDateOf(new Date("2026-03-04T16:00:00Z"))).toBe("2026-03-05");
    expect(courtDateOf(new Date("1969-12-31T16:00:00Z"))).toBe("1970-01-01");
    expect(courtDateOf(new Date("1969-12-31T15:59:59Z"))).toBe("1969-12-31");
  });

  it("adds months across year ends and clamps to the month's last day", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
  });
});
