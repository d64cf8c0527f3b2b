import { courtDateOf, daysBetween, type IsoDate } from "../courts/index";

// The lengths and articles of statutory periods live in procedure.rules.ts; this file only turns
// court days into instants and back.

/** The last instant of a court day (Asia/Shanghai, UTC+8 all year). */
export function endOfCourtDay(date: IsoDate): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** Calendar days from `now` to a due instant's court day (0 = due today; negative = overdue). */
export function daysLeft(now: Date, dueAt: Date): number {
  return daysBetween(courtDateOf(now), courtDateOf(dueAt));
}
