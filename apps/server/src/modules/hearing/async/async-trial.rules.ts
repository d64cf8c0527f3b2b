// The rules of the asynchronous trial (非同步审理) as pure functions: which cases may be tried so, which
// acts each status allows, how long a response window may be, when a party is reminded before it
// closes, and whether a party may still answer. Instants are parameters; nothing reads the clock.

import type { AsyncTrialStatusValue } from "./async-trial.tables";

export type AsyncTrialStatus = AsyncTrialStatusValue;

/** 在线诉讼规则第二十条第二款: the procedures under which a trial may be held asynchronously. */
export const ASYNC_TRIAL_PROCEDURES = ["small_claims", "simplified"] as const;
export const ASYNC_TRIAL_BASIS = "在线诉讼规则第二十条";

/** Whether the case's procedure allows an asynchronous trial (小额诉讼程序或者民事、行政简易程序). */
export function procedureAllowsAsyncTrial(procedure: string | null): boolean {
  return procedure !== null && (ASYNC_TRIAL_PROCEDURES as readonly string[]).includes(procedure);
}

/** A case is tried after registration and before judgment. */
export const TRIAL_STAGES = ["accepted", "service", "evidence_exchange", "hearing"] as const;

export function isTrialStage(status: string): boolean {
  return (TRIAL_STAGES as readonly string[]).includes(status);
}

export type AsyncTrialAct =
  "consent" | "open" | "refuse" | "post" | "answer" | "extend" | "requestLive" | "decideLive" | "close";

/** The statuses each act is allowed from. */
export const asyncTrialActs: Record<AsyncTrialAct, readonly AsyncTrialStatus[]> = {
  consent: ["applied"],
  open: ["applied"],
  refuse: ["applied"],
  post: ["open"],
  answer: ["open"],
  extend: ["open"],
  requestLive: ["open"],
  decideLive: ["open"],
  close: ["open"],
};

export function canActOnAsyncTrial(status: AsyncTrialStatus, act: AsyncTrialAct): boolean {
  return asyncTrialActs[act].includes(status);
}

/** The shortest and the longest response window the judge sets, in hours. */
export const MIN_WINDOW_HOURS = 2;
export const MAX_WINDOW_DAYS = 30;

const HOUR = 60 * 60 * 1000;

export type WindowIssue = "not_ahead" | "too_short" | "too_long" | "not_later";

/**
 * Why a response window ending at `endsAt` is not acceptable when set at `now`, or null. A window gives
 * the parties at least two hours and at most thirty days; an extension must end later than the window
 * it extends (`currentEnd`).
 */
export function windowIssue(endsAt: Date, now: Date, currentEnd: Date | null = null): WindowIssue | null {
  const length = endsAt.getTime() - now.getTime();
  if (length <= 0) return "not_ahead";
  if (currentEnd !== null && endsAt.getTime() <= currentEnd.getTime()) return "not_later";
  if (length < MIN_WINDOW_HOURS * HOUR) return "too_short";
  if (length > MAX_WINDOW_DAYS * 24 * HOUR) return "too_long";
  return null;
}

/**
 * When a party who has not answered is reminded: a day before the window closes, or — for a window of
 * less than two days — three hours before it, or one hour before a window of less than eight hours.
 * Never before `now`.
 */
export function reminderAt(windowEndsAt: Date, now: Date): Date {
  const length = windowEndsAt.getTime() - now.getTime();
  const lead = length >= 48 * HOUR ? 24 * HOUR : length >= 8 * HOUR ? 3 * HOUR : HOUR;
  return new Date(Math.max(now.getTime(), windowEndsAt.getTime() - lead));
}

/** Whether an answer at `now` is within the window (the window's last instant included). */
export function isWindowOpen(windowEndsAt: Date, now: Date): boolean {
  return now.getTime() <= windowEndsAt.getTime();
}

/** The parties a question is put to: one party, or every party of the case. */
export function addressees(question: { addressed_party_id: string | null }, partyIds: readonly string[]) {
  return question.addressed_party_id === null
    ? [...partyIds]
    : partyIds.filter((id) => id === question.addressed_party_id);
}

/**
 * Whether every party has agreed (在线诉讼规则第二十条第二款第（二）项): each party has consented; one
 * refusal ends the application.
 */
export function consentState(
  partyIds: readonly string[],
  consents: ReadonlyArray<{ party_id: string; decision: "consented" | "refused" }>,
): "all_consented" | "refused" | "waiting" {
  if (consents.some((c) => c.decision === "refused")) return "refused";
  const consented = new Set(consents.filter((c) => c.decision === "consented").map((c) => c.party_id));
  return partyIds.every((id) => consented.has(id)) ? "all_consented" : "waiting";
}
