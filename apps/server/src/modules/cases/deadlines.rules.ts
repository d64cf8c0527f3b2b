import { computePeriodEnd, courtDateOf, daysBetween, type IsoDate } from "../courts/index";

/** The last instant of a court day (Asia/Shanghai, UTC+8 all year). */
export function endOfCourtDay(date: IsoDate): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/**
 * When a period of `days` that starts with an event at `eventAt` ends: the event day is not counted and
 * a last day that is a statutory day off moves to the next working day (民事诉讼法第八十五条).
 */
export function periodEndsAt(
  eventAt: Date,
  days: number,
): { endsOn: IsoDate; endsAt: Date; extendedForHoliday: boolean } {
  const result = computePeriodEnd({ start: courtDateOf(eventAt), length: days, unit: "day" });
  return {
    endsOn: result.end,
    endsAt: endOfCourtDay(result.end),
    extendedForHoliday: result.extendedForHoliday,
  };
}

/** The same for periods counted in months (审限: 6 months ordinary, 3 simplified, 2 small claims). */
export function monthsEndAt(eventAt: Date, months: number): { endsOn: IsoDate; endsAt: Date } {
  const result = computePeriodEnd({ start: courtDateOf(eventAt), length: months, unit: "month" });
  return { endsOn: result.end, endsAt: endOfCourtDay(result.end) };
}

/** Calendar days from `now` to a due instant's court day (0 = due today; negative = overdue). */
export function daysLeft(now: Date, dueAt: Date): number {
  return daysBetween(courtDateOf(now), courtDateOf(dueAt));
}

/** Trial time limits (审限) by procedure, from registration. */
export const trialLimitMonths: Record<
  "ordinary" | "simplified" | "small_claims",
  { months: number; basis: string }
> = {
  // 民事诉讼法第一百五十二条: six months, extendable by six with the president's approval.
  ordinary: { months: 6, basis: "民事诉讼法第一百五十二条" },
  // 民事诉讼法第一百六十四条: three months, extendable by one.
  simplified: { months: 3, basis: "民事诉讼法第一百六十四条" },
  // 民事诉讼法第一百六十八条: two months, extendable by one.
  small_claims: { months: 2, basis: "民事诉讼法第一百六十八条" },
};
