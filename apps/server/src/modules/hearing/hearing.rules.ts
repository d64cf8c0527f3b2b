// The rules of scheduling a hearing as pure functions: when the earliest sitting may be after the
// summons, whether a hearing may be held in private and why, whether it may sit online, the grounds
// for adjourning it, which acts the status allows, and the clashes of a judge, a clerk or a courtroom
// with the hearings already fixed. Instants and court days are parameters; nothing reads the clock.

import { addDays, computePeriodEnd, courtDateOf, type IsoDate } from "../courts/index";
import { surnameOf } from "../publication/index";
import type {
  AdjournmentGroundValue,
  HearingModeValue,
  HearingStatusValue,
  NotPublicReasonValue,
  OfflineReasonValue,
} from "./hearing.tables";

export type HearingMode = HearingModeValue;
export type HearingStatus = HearingStatusValue;
export type NotPublicReason = NotPublicReasonValue;
export type OfflineReason = OfflineReasonValue;
export type AdjournmentGround = AdjournmentGroundValue;

/** 民事诉讼法第一百三十九条; 民诉法解释第二百二十七条: 开庭三日前用传票传唤当事人. */
export const SUMMONS_NOTICE_DAYS = 3;

/** The shortest and longest sitting the court fixes, in minutes. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 720;

/**
 * The first court day a hearing may sit on when its summons is served on `serviceDay`: three full
 * days must lie between service and the sitting (民事诉讼法第一百三十九条: 开庭三日前通知; 民诉法解释
 * 第二百二十七条: 开庭三日前用传票传唤). The period is counted by 民事诉讼法第八十五条 — the day of service is
 * not counted and a period whose last day is a day off ends on the next working day — and the hearing
 * may sit on the day after it ends.
 */
export function earliestHearingDay(serviceDay: IsoDate): IsoDate {
  const { end } = computePeriodEnd({ start: serviceDay, length: SUMMONS_NOTICE_DAYS, unit: "day" });
  return addDays(end, 1);
}

/**
 * Whether a sitting at `startsAt` leaves the summons its three days when it is served at the earliest
 * now (electronic service reaches a confirmed address at once, 在线诉讼规则第三十一条): null when it
 * does, else the earliest court day it could sit. Throws `CalendarError` for years the calendar lacks.
 */
export function summonsTooLate(startsAt: Date, now: Date): { earliestDay: IsoDate } | null {
  const earliestDay = earliestHearingDay(courtDateOf(now));
  return courtDateOf(startsAt) < earliestDay ? { earliestDay } : null;
}

/**
 * Whether a summons gave its addressee the three days (民事诉讼法第一百三十九条): `in_time` once served on
 * a day that leaves them, `late` once served on a later day or when it can no longer be served in time,
 * `pending` while it is unserved and could still be. Served on day D, the earliest sitting day is the
 * day after D's three-day period ends (`earliestHearingDay`).
 */
export type SummonsNotice = "in_time" | "late" | "pending";

export function summonsNotice(startsAt: Date, servedAt: Date | null, now: Date): SummonsNotice {
  const sittingDay = courtDateOf(startsAt);
  if (servedAt) return sittingDay < earliestHearingDay(courtDateOf(servedAt)) ? "late" : "in_time";
  return sittingDay < earliestHearingDay(courtDateOf(now)) ? "late" : "pending";
}

/** A reason for hearing in private, with the article and whether it needs a party's request. */
export interface NotPublicReasonRule {
  basis: string;
  /** 民事诉讼法第一百三十七条第二款: divorce and trade secrets are heard in private only on request. */
  onRequest: boolean;
}

export const notPublicReasons: Record<NotPublicReason, NotPublicReasonRule> = {
  state_secret: { basis: "民事诉讼法第一百三十七条第一款", onRequest: false },
  personal_privacy: { basis: "民事诉讼法第一百三十七条第一款", onRequest: false },
  law_provides: { basis: "民事诉讼法第一百三十七条第一款", onRequest: false },
  divorce_on_request: { basis: "民事诉讼法第一百三十七条第二款", onRequest: true },
  trade_secret_on_request: {
    basis: "民事诉讼法第一百三十七条第二款; 民诉法解释第二百二十条",
    onRequest: true,
  },
};

export type PublicityIssue =
  "reason_required" | "reason_not_allowed" | "not_a_divorce_case" | "request_required" | "note_required";

/**
 * Why a hearing's publicity is wrong, or null. 民事诉讼法第一百三十七条: a hearing is public unless it
 * involves state secrets or personal privacy or a law provides otherwise; a divorce case, or one
 * involving trade secrets, may be heard in private when a party asks. A public hearing names no
 * reason; a private one names one; "divorce on request" fits only a divorce case; a reason on request
 * needs the party's request recorded; "a law provides" needs the law named in the note.
 */
export function publicityIssue(input: {
  isPublic: boolean;
  reason: NotPublicReason | null;
  note: string | null;
  isDivorceCase: boolean;
  partyRequested: boolean;
}): PublicityIssue | null {
  if (input.isPublic) return input.reason === null ? null : "reason_not_allowed";
  if (input.reason === null) return "reason_required";
  if (input.reason === "divorce_on_request" && !input.isDivorceCase) return "not_a_divorce_case";
  if (notPublicReasons[input.reason].onRequest && !input.partyRequested) return "request_required";
  if (input.reason === "law_provides" && (input.note ?? "").trim() === "") return "note_required";
  return null;
}

export type ModeIssue =
  "courtroom_required" | "courtroom_not_allowed" | "offline_reason_required" | "state_secret_online";

/**
 * Why a hearing's mode is wrong, or null:
 * - a courtroom hearing names its courtroom, an online one sits in no physical room;
 * - 互联网法院规定第十二条: an Internet court hears online, and sits offline only where identity,
 *   originals or physical evidence must be checked in person, so it states why;
 * - 在线诉讼规则第二十一条第一款第五项: a case involving state secrets is never heard online.
 */
export function modeIssue(input: {
  mode: Exclude<HearingMode, "asynchronous">;
  courtroomKind: "physical" | "online" | null;
  isInternetCourt: boolean;
  offlineReason: OfflineReason | null;
  notPublicReason: NotPublicReason | null;
}): ModeIssue | null {
  if (input.mode === "courtroom") {
    if (input.courtroomKind !== "physical") return "courtroom_required";
    if (input.isInternetCourt && input.offlineReason === null) return "offline_reason_required";
    return null;
  }
  if (input.courtroomKind === "physical") return "courtroom_not_allowed";
  if (input.notPublicReason === "state_secret") return "state_secret_online";
  return null;
}

/** 民事诉讼法第一百四十九条: the grounds for adjourning, each with its item. */
export const adjournmentGrounds: Record<AdjournmentGround, { basis: string }> = {
  absence_with_cause: { basis: "民事诉讼法第一百四十九条第一项" },
  recusal_request: { basis: "民事诉讼法第一百四十九条第二项" },
  further_evidence: { basis: "民事诉讼法第一百四十九条第三项" },
  other: { basis: "民事诉讼法第一百四十九条第四项" },
};

/** The acts on a hearing and the statuses they may be taken from. */
export type HearingAct = "reschedule" | "adjourn" | "cancel";

export const hearingActs: Record<HearingAct, readonly HearingStatus[]> = {
  // A fixed sitting moves to another time, or an adjourned one gets its new date.
  reschedule: ["scheduled", "adjourned"],
  // 民事诉讼法第一百四十九条: a sitting is adjourned before or while it sits.
  adjourn: ["scheduled", "in_progress"],
  cancel: ["scheduled", "adjourned"],
};

/** True when the act is allowed from the hearing's status. */
export function canActOnHearing(status: HearingStatus, act: HearingAct): boolean {
  return hearingActs[act].includes(status);
}

/** A sitting as conflict detection sees it. */
export interface Sitting {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  judgeId: string;
  clerkId: string | null;
  courtroomId: string | null;
}

export type ConflictKind = "judge" | "clerk" | "courtroom";

export interface Conflict {
  kind: ConflictKind;
  hearingId: string;
  startsAt: Date;
  endsAt: Date;
}

/** When a sitting ends. */
export function endOf(sitting: Pick<Sitting, "startsAt" | "durationMinutes">): Date {
  return new Date(sitting.startsAt.getTime() + sitting.durationMinutes * 60_000);
}

/**
 * The clashes of a proposed sitting with sittings already fixed: the same judge, the same clerk or the
 * same courtroom at overlapping times ([start, end): one sitting may begin when another ends). The
 * sitting itself (same id) never clashes with itself. Ordered by time, then kind.
 */
export function detectConflicts(candidate: Sitting, existing: readonly Sitting[]): Conflict[] {
  const start = candidate.startsAt.getTime();
  const end = endOf(candidate).getTime();
  const conflicts: Conflict[] = [];
  for (const other of existing) {
    if (other.id === candidate.id) continue;
    const otherEnd = endOf(other);
    if (!(other.startsAt.getTime() < end && start < otherEnd.getTime())) continue;
    const clash = (kind: ConflictKind) =>
      conflicts.push({ kind, hearingId: other.id, startsAt: other.startsAt, endsAt: otherEnd });
    if (other.judgeId === candidate.judgeId) clash("judge");
    if (candidate.clerkId !== null && other.clerkId === candidate.clerkId) clash("clerk");
    if (candidate.courtroomId !== null && other.courtroomId === candidate.courtroomId) clash("courtroom");
  }
  const order: ConflictKind[] = ["judge", "clerk", "courtroom"];
  return conflicts.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || order.indexOf(a.kind) - order.indexOf(b.kind),
  );
}

/**
 * A party's name as the public announcement shows it (民事诉讼法第一百三十九条 names the parties; a
 * natural person appears by surname only, 张某, as courts publish 开庭公告 to protect personal
 * information, 个人信息保护法第二十八条); organisations appear in full.
 */
export function announcedName(
  name: string,
  kind: "natural_person" | "legal_person" | "other_organisation",
): string {
  if (kind !== "natural_person") return name;
  const trimmed = name.trim();
  if (trimmed === "") return "某";
  // A Latin-script name keeps only its first letter.
  if (/^[A-Za-z]/.test(trimmed)) return `${trimmed[0]!.toUpperCase()}.`;
  // 欧阳娜娜 is 欧阳某: a compound surname is kept whole, as the judgment rules keep it (法释〔2016〕19号第八条).
  return `${surnameOf(trimmed) ?? [...trimmed][0]}某`;
}

/** When the participants are reminded: one day before the sitting, or at once if that has passed. */
export function reminderAt(startsAt: Date, now: Date): Date {
  const at = new Date(startsAt.getTime() - 24 * 60 * 60 * 1000);
  return at.getTime() < now.getTime() ? now : at;
}
