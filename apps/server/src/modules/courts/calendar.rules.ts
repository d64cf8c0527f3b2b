// The court calendar: which days are working days, and how procedural periods (期间) are counted.
//
// Dates are ISO `YYYY-MM-DD` strings naming a calendar day in the court's time zone, Asia/Shanghai
// (UTC+8 all year since 1991, so an instant is turned into a court day by adding 8 hours). Strings
// compare and sort correctly, survive JSON and database round trips unchanged, and never carry a
// time of day that could shift the day. Instants (`Date`) enter only through `courtDateOf(now)`.
//
// The calendar covers the years in calendar.data.ts and throws `calendar_year_not_covered` for any
// other year rather than guessing which days are holidays.

import { HOLIDAY_YEARS, type HolidayYear } from "./calendar.data";

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export type IsoDate = string;

export type CalendarErrorCode = "invalid_date" | "calendar_year_not_covered" | "invalid_period";

/** Thrown for malformed dates, periods, and days outside the covered years. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CalendarError";
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Splits a date into numbers; throws `invalid_date` unless it is a real `YYYY-MM-DD` day. */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new CalendarError("invalid_date", `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** The last court day asked for and its bounds in epoch milliseconds (every request asks for today). */
let lastDay = { from: 0, to: 0, date: "1970-01-01" as IsoDate };

/** The court day (Asia/Shanghai) on which an instant falls. */
export function courtDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const local = ms + SHANGHAI_OFFSET_MS;
  const from = Math.floor(local / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  lastDay = { from, to: from + DAY_MS, date: new Date(local).toISOString().slice(0, 10) };
  return lastDay.date;
}

/** The date `days` days after (or before, if negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new CalendarError("invalid_period", "Days must be an integer");
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * The same day-of-month `months` later; when the target month has no such day, its last day
 * (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new CalendarError("invalid_period", "Months must be an integer");
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(targetDay).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

// ---------------------------------------------------------------------------------------------
// Working days
// ---------------------------------------------------------------------------------------------

export type DayKind = "working_day" | "weekend" | "holiday" | "adjusted_working_day";

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  /** The holiday the day belongs to (a day off, or a 调休 working day). */
  holiday: { nameZh: string; nameEn: string } | null;
  /** True when the year's arrangement is derived, not yet the published notice. */
  provisional: boolean;
}

interface Indexed {
  years: Map<number, HolidayYear>;
  special: Map<IsoDate, { kind: "holiday" | "adjusted_working_day"; nameZh: string; nameEn: string }>;
}

function buildIndex(years: readonly HolidayYear[]): Indexed {
  const index: Indexed = { years: new Map(), special: new Map() };
  for (const year of years) {
    index.years.set(year.year, year);
    for (const holiday of year.holidays) {
      const names = { nameZh: holiday.nameZh, nameEn: holiday.nameEn };
      for (let day = holiday.daysOff.from; day <= holiday.daysOff.to; day = addDays(day, 1)) {
        index.special.set(day, { kind: "holiday", ...names });
      }
      for (const day of holiday.workdays) index.special.set(day, { kind: "adjusted_working_day", ...names });
    }
  }
  return index;
}

const INDEX = buildIndex(HOLIDAY_YEARS);

/** The first and last year the calendar knows. */
export function coveredYears(): { first: number; last: number; provisional: number[] } {
  const years = [...INDEX.years.keys()].sort((a, b) => a - b);
  return {
    first: years[0]!,
    last: years[years.length - 1]!,
    provisional: HOLIDAY_YEARS.filter((y) => y.provisional).map((y) => y.year),
  };
}

/** Classifies a day; throws `calendar_year_not_covered` outside the covered years. */
export function describeDay(date: IsoDate): DayInfo {
  const { year } = parseIsoDate(date);
  const yearData = INDEX.years.get(year);
  if (!yearData) {
    const { first, last } = coveredYears();
    throw new CalendarError(
      "calendar_year_not_covered",
      `The court calendar covers ${first}–${last}; add the State Council holiday notice for ${year} before computing dates in it`,
    );
  }
  const special = INDEX.special.get(date);
  if (special) {
    return {
      date,
      kind: special.kind,
      holiday: { nameZh: special.nameZh, nameEn: special.nameEn },
      provisional: yearData.provisional,
    };
  }
  const weekday = dayOfWeek(date);
  return {
    date,
    kind: weekday === 0 || weekday === 6 ? "weekend" : "working_day",
    holiday: null,
    provisional: yearData.provisional,
  };
}

/** True on Monday–Friday that are not holidays, and on 调休 Saturdays/Sundays. */
export function isWorkingDay(date: IsoDate): boolean {
  const { kind } = describeDay(date);
  return kind === "working_day" || kind === "adjusted_working_day";
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/**
 * Counts `count` working days after `date` (the day itself not counted); negative counts go back.
 * For internal targets ("3 working days"), not statutory periods.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count)) throw new CalendarError("invalid_period", "Working days must be an integer");
  const step = count < 0 ? -1 : 1;
  let day = date;
  parseIsoDate(day);
  for (let remaining = Math.abs(count); remaining > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day)) remaining--;
  }
  return day;
}

/** Working days in (from, to]: after `from`, up to and including `to`; 0 when `to` ≤ `from`. */
export function countWorkingDays(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Procedural periods — 民事诉讼法第八十五条
// ---------------------------------------------------------------------------------------------

export type PeriodUnit = "day" | "month" | "year";

export interface PeriodInput {
  /** The day of the event that starts the period (service, filing, registration …). */
  start: IsoDate;
  length: number;
  unit: PeriodUnit;
}

export interface PeriodEnd {
  /** The last day of the period by counting alone. */
  nominalEnd: IsoDate;
  /** The day the period actually ends, after the statutory-holiday rule. */
  end: IsoDate;
  /** True when `nominalEnd` fell on a holiday or rest day and the end moved. */
  extendedForHoliday: boolean;
  /** True when a day consulted lies in a year whose arrangement is provisional. */
  provisional: boolean;
}

/**
 * The last day of a period counted in days, months or years from an event day
 * (民事诉讼法第八十五条). Throws `invalid_period` or `calendar_year_not_covered`.
 */
export function computePeriodEnd(input: PeriodInput): PeriodEnd {
  const { start, length, unit } = input;
  if (!Number.isInteger(length) || length < 1) {
    throw new CalendarError("invalid_period", "A period's length must be a positive integer");
  }
  // 民事诉讼法第八十五条第二款 and 民诉法解释第一百二十五条: the starting day is not counted, so a
  // period of n days from day D ends on D + n. For months and years the end is the corresponding
  // day of the due month, or its last day (民法典第二百零二条).
  let nominalEnd: IsoDate;
  switch (unit) {
    case "day":
      nominalEnd = addDays(start, length);
      break;
    case "month":
      nominalEnd = addMonths(start, length);
      break;
    case "year":
      nominalEnd = addMonths(start, length * 12);
      break;
  }
  // 民事诉讼法第八十五条第三款: a period whose last day is a statutory day off (a holiday, or a
  // Saturday/Sunday that is a rest day) ends on the first day after it that is a working day. A
  // 调休 Saturday or Sunday is a working day, so a period ending on one is not extended.
  const nominal = describeDay(nominalEnd);
  let provisional = nominal.provisional;
  let end = nominalEnd;
  while (!isWorkingDay(end)) {
    end = addDays(end, 1);
    provisional ||= describeDay(end).provisional;
  }
  return { nominalEnd, end, extendedForHoliday: end !== nominalEnd, provisional };
}
