import type { Deadline } from "../cases/cases.api";
import type { ReviewQueueItem } from "./workbench.api";

/** How urgent a registration review is, from the server's days left (民事诉讼法第一百二十六条: seven days). */
export type Urgency = "calm" | "near" | "last" | "overdue" | "unknown";

/** Calm with four or more days left, near with two or three, last on the final day or the one before it. */
export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return "unknown";
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 1) return "last";
  if (daysLeft <= 3) return "near";
  return "calm";
}

/** Antd tag colours of each urgency; the text always says the days too, so colour is never the only cue. */
export const urgencyColors: Record<Urgency, string> = {
  calm: "green",
  near: "orange",
  last: "red",
  overdue: "magenta",
  unknown: "default",
};

/** Share of the seven-day period still left (0–100), for the countdown bar. */
export function remainingPercent(daysLeft: number | null, periodDays = 7): number {
  if (daysLeft === null) return 0;
  return Math.round((Math.min(Math.max(daysLeft, 0), periodDays) / periodDays) * 100);
}

export type FeeFilter = "all" | "paid" | "unpaid";

/** The queue's client-side filters: fee state and a name search over title and parties. */
export function filterQueue(
  items: readonly ReviewQueueItem[],
  filter: { fee: FeeFilter; search: string },
): ReviewQueueItem[] {
  const needle = filter.search.trim().toLowerCase();
  return items.filter((item) => {
    if (filter.fee === "paid" && item.feeStatus !== "paid") return false;
    if (filter.fee === "unpaid" && item.feeStatus === "paid") return false;
    if (needle === "") return true;
    return [item.title ?? "", ...item.plaintiffs, ...item.defendants].some((text) =>
      text.toLowerCase().includes(needle),
    );
  });
}

/** The open period that ends first, or null. */
export function nextOpenDeadline(deadlines: readonly Deadline[]): Deadline | null {
  const open = deadlines.filter((d) => d.status === "open");
  open.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return open[0] ?? null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an account id the audit filter can send. */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text.trim());
}

/** Days left of the running registration review, as the server counted them (null when none runs). */
export function registrationDaysLeft(deadlines: readonly Deadline[]): number | null {
  return deadlines.find((d) => d.kind === "registration_review" && d.status === "open")?.daysLeft ?? null;
}
