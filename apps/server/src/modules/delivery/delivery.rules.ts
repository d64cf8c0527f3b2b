// Service of process (送达) as pure functions: which channels to try, when service is complete, when an
// unanswered service needs the clerk, and when the period that follows service starts. `now` and every
// instant are parameters; court days are `YYYY-MM-DD` (Asia/Shanghai).

import { addDays, computePeriodEnd, courtDateOf, type IsoDate } from "../courts/index";
import type { Deadline } from "../cases/index";
import type {
  AddressBasis,
  AttemptStatus,
  ServedHow,
  ServiceChannel,
  ServiceStatus,
} from "./delivery.tables";

/** Days a court gives an addressee served at an address it did not confirm to open the message. */
export const DEFAULT_UNOPENED_DAYS = 3;

/** 民事诉讼法第九十五条: 自发出公告之日起，经过三十日，即视为送达. */
export const PUBLIC_NOTICE_DAYS = 30;

/** The electronic channels of a recipient, in the order they are tried. */
export type ElectronicChannel = Extract<ServiceChannel, "inbox" | "sms" | "email">;

/**
 * The channels to serve a recipient through (互联网法院规定第十五条; 在线诉讼规则第二十九条): the platform
 * inbox whenever the recipient has an account, then SMS and e-mail where an address exists. The inbox
 * is always used; of SMS and e-mail the first that does not fail is enough (a failure or refusal falls
 * back to the next).
 */
export function channelPlan(recipient: {
  userId: string | null;
  phone: string | null;
  email: string | null;
}): ElectronicChannel[] {
  const plan: ElectronicChannel[] = [];
  if (recipient.userId) plan.push("inbox");
  if (recipient.phone) plan.push("sms");
  if (recipient.email) plan.push("email");
  return plan;
}

/**
 * The next outside channel to try after the attempts so far, or null: none left, or one already went
 * out (sent or delivered). The inbox is not an outside channel.
 */
export function nextOutsideChannel(
  plan: readonly ElectronicChannel[],
  attempts: ReadonlyArray<{ channel: ServiceChannel; status: AttemptStatus }>,
): "sms" | "email" | null {
  const outside = plan.filter((c): c is "sms" | "email" => c !== "inbox");
  if (attempts.some((a) => a.channel !== "inbox" && (a.status === "sent" || a.status === "delivered")))
    return null;
  const tried = new Set(
    attempts.filter((a) => a.status === "failed" || a.status === "refused").map((a) => a.channel),
  );
  return outside.find((c) => !tried.has(c)) ?? null;
}

/** What the rules need to know about a service to decide whether it is complete. */
export interface ServiceFacts {
  addressBasis: AddressBasis;
  /** When each electronic channel reported the message delivered to the addressee's system. */
  deliveredAt: readonly Date[];
  /** When the addressee opened it (the platform, or a system reporting it read). */
  openedAt: Date | null;
  /** When the addressee acted in the case on what was served (answered, filed …). */
  actedAt: Date | null;
  /** 法院专递: the day the return receipt was signed. */
  postSignedOn: IsoDate | null;
  /** Public notice: the day the notice was issued. */
  noticeOn: IsoDate | null;
}

/** The moment service is complete and how, or null while it is not. */
export interface Completion {
  servedAt: Date;
  how: ServedHow;
}

/** The first moment of a court day. */
export function startOfCourtDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000+08:00`);
}

/** The last moment of a court day. */
export function endOfCourtDayOf(date: IsoDate): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** The court day on which a public notice is deemed served (民事诉讼法第九十五条, 第八十五条). */
export function noticeServedOn(noticeOn: IsoDate): IsoDate {
  return addDays(noticeOn, PUBLIC_NOTICE_DAYS);
}

/**
 * When service is complete, the earliest of every way that completes it (在线诉讼规则第三十一条第四款:
 * 多种方式送达的，以最先到达的时间为送达生效时间):
 * - an address the addressee gave or confirmed: when the message reaches their system, opened or not
 *   (互联网法院规定第十七条; 在线诉讼规则第三十一条第一款);
 * - any other address: when the addressee opens it, or acts in the case on it
 *   (在线诉讼规则第三十一条第二款);
 * - 法院专递: the day the return receipt is signed (法院专递规定第九条);
 * - public notice: thirty days after the notice (民事诉讼法第九十五条).
 */
export function serviceCompletion(facts: ServiceFacts): Completion | null {
  const candidates: Completion[] = [];
  if (facts.addressBasis === "confirmed") {
    for (const at of facts.deliveredAt) candidates.push({ servedAt: at, how: "delivered" });
  }
  // An addressee who opened or acted has been served whatever the address (第三十一条第二款 is the
  // floor for an unconfirmed address; for a confirmed one delivery already came first).
  if (facts.openedAt) candidates.push({ servedAt: facts.openedAt, how: "opened" });
  if (facts.actedAt) candidates.push({ servedAt: facts.actedAt, how: "acted" });
  if (facts.postSignedOn) candidates.push({ servedAt: startOfCourtDay(facts.postSignedOn), how: "post" });
  if (facts.noticeOn)
    candidates.push({ servedAt: endOfCourtDayOf(noticeServedOn(facts.noticeOn)), how: "notice" });
  let first: Completion | null = null;
  for (const candidate of candidates) {
    if (!first || candidate.servedAt.getTime() < first.servedAt.getTime()) first = candidate;
  }
  return first;
}

/** The status a completed service takes from how it was completed. */
export function completedStatus(how: ServedHow): ServiceStatus {
  switch (how) {
    case "post":
      return "served_by_post";
    case "notice":
      return "served_by_notice";
    case "delivered":
    case "opened":
    case "acted":
      return "served";
  }
}

/**
 * The instant an electronic service at an unconfirmed address needs the clerk: the end of the last
 * day of the period the court set (default three days) counted from the day it was sent, with
 * 民事诉讼法第八十五条 (the sending day is not counted; a last day off moves to the next working day).
 * Null for a confirmed address (served on delivery, 在线诉讼规则第三十一条第一款).
 */
export function unopenedDeadline(input: {
  addressBasis: AddressBasis;
  sentAt: Date | null;
  unopenedDays: number;
}): Date | null {
  if (input.addressBasis === "confirmed" || !input.sentAt) return null;
  const { end } = computePeriodEnd({
    start: courtDateOf(input.sentAt),
    length: input.unopenedDays,
    unit: "day",
  });
  return endOfCourtDayOf(end);
}

/**
 * Whether an electronic service at an unconfirmed address has become undeliverable: sent, not
 * complete, and not opened within the period (在线诉讼规则第三十一条第二款: without a sign that the
 * addressee received it, the court serves another way, 民事诉讼法第九十条, 民诉法解释第一百三十六条).
 */
export function isUndeliverable(input: {
  addressBasis: AddressBasis;
  status: ServiceStatus;
  sentAt: Date | null;
  unopenedDays: number;
  now: Date;
}): boolean {
  if (input.status !== "pending" && input.status !== "delivered") return false;
  const due = unopenedDeadline(input);
  return due !== null && input.now.getTime() > due.getTime();
}

/** Labels of the periods a service opens, by deadline kind; other kinds are labelled by their kind. */
const followingLabels: Record<string, { zh: string; en: string }> = {
  answer_period: { zh: "答辩期", en: "Time to answer" },
  appeal_period: { zh: "上诉期", en: "Time to appeal" },
  evidence_period: { zh: "举证期限", en: "Time to produce evidence" },
  objection_period: { zh: "管辖权异议期", en: "Time to object to jurisdiction" },
};

/**
 * The period that follows service (答辩期 民事诉讼法第一百二十八条, 上诉期 第一百七十一条 …): counted from the
 * court day of service, that day not counted, a last day off moving to the next working day
 * (民事诉讼法第八十五条).
 */
export function followingPeriod(
  servedAt: Date,
  following: { kind: string; days: number; basis: string },
): Deadline {
  const label = followingLabels[following.kind] ?? { zh: following.kind, en: following.kind };
  return {
    ...computePeriodEnd({ start: courtDateOf(servedAt), length: following.days, unit: "day" }),
    length: following.days,
    unit: "day",
    labelZh: label.zh,
    labelEn: label.en,
    basis: following.basis,
  };
}

/** Whether the status is one where service is complete. */
export function isComplete(status: ServiceStatus): boolean {
  return status === "served" || status === "served_by_post" || status === "served_by_notice";
}

/**
 * Whether the clerk may record service by post or public notice: not once service is complete
 * (民事诉讼法第九十条: other ways of service stand beside electronic service; 第九十五条: public notice
 * only when the other ways failed — the clerk attests that by choosing it).
 */
export function canServeAnotherWay(status: ServiceStatus): boolean {
  return !isComplete(status);
}

/** The latest court day a clerk may enter for a signed receipt or a notice: not in the future. */
export function isCourtDayNotAfter(day: IsoDate, now: Date): boolean {
  return day <= courtDateOf(now);
}
