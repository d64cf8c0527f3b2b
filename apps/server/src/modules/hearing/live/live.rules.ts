import type { HearingModeValue, HearingStatusValue, NotPublicReasonValue } from "../hearing.tables";

/** Why a hearing may not be streamed on the Internet. */
export type LiveRefusal = NotPublicReasonValue | "not_public" | "asynchronous";

/** zh-CN and en words of each refusal, for the error's details. */
export const liveRefusalText: Record<LiveRefusal, { zh: string; en: string }> = {
  state_secret: { zh: "涉及国家秘密", en: "it involves state secrets" },
  personal_privacy: { zh: "涉及个人隐私", en: "it involves personal privacy" },
  law_provides: {
    zh: "法律另有规定不公开审理（如涉及未成年人）",
    en: "the law provides it is not heard in public (e.g. minors)",
  },
  divorce_on_request: {
    zh: "离婚案件，当事人申请不公开审理",
    en: "a divorce heard in private at a party's request",
  },
  trade_secret_on_request: {
    zh: "涉及商业秘密，当事人申请不公开审理",
    en: "trade secrets, heard in private at a party's request",
  },
  not_public: { zh: "本案不公开审理", en: "the hearing is not public" },
  asynchronous: { zh: "非同步审理没有可直播的庭审", en: "an asynchronous trial has no sitting to stream" },
};

/**
 * Why the hearing may not be streamed live, or null when it may. 民事诉讼法第一百三十七条: only a public
 * hearing; 在线诉讼规则第二十七条: a hearing involving state security, state secrets or personal privacy is
 * never shown on the Internet, nor one of minors, trade secrets or divorce heard in private at a party's
 * request; 最高人民法院关于人民法院直播录播庭审活动的规定第二条: cases heard in private may not be streamed.
 */
export function liveRefusal(hearing: {
  is_public: boolean;
  not_public_reason: NotPublicReasonValue | null;
  mode: HearingModeValue;
}): LiveRefusal | null {
  if (hearing.not_public_reason !== null) return hearing.not_public_reason;
  if (!hearing.is_public) return "not_public";
  if (hearing.mode === "asynchronous") return "asynchronous";
  return null;
}

/** A stream is started and fed only while the court sits. */
export function canStream(status: HearingStatusValue): boolean {
  return status === "in_progress";
}

/** Segments each node keeps in memory per stream (about half a minute of 1.5-second segments). */
export const RING_CAPACITY = 20;
/** The largest live segment accepted (a 1–2 second WebM is far smaller). */
export const MAX_SEGMENT_BYTES = 4 * 1024 * 1024;
/** How long a viewer's request waits for a segment not yet published. */
export const SEGMENT_WAIT_MS = 4_000;
/** How often a waiting request on another node looks for the segment in the database. */
export const SEGMENT_POLL_MS = 150;
/** A viewer counts while it fetched within this window. */
export const VIEWER_WINDOW_MS = 10_000;
/** How often a node writes its viewer count. */
export const VIEWER_FLUSH_MS = 2_000;
/** A segment number this far beyond the latest is not waited for. */
export const MAX_SEQ_AHEAD = 3;
/** A capture time further than this from the server's clock is replaced by the time of receipt. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The segment's capture time on the server's clock: the browser says when capture started and when it
 * sent the segment (both on its clock), so the age is kept and the clocks' difference dropped.
 */
export function captureTime(
  receivedAt: number,
  header: { capturedAt: number | null; sentAt: number | null },
): number {
  if (header.capturedAt === null) return receivedAt;
  if (header.sentAt !== null) {
    const age = header.sentAt - header.capturedAt;
    if (age >= 0 && age <= MAX_CLOCK_SKEW_MS) return receivedAt - age;
    return receivedAt;
  }
  return Math.abs(receivedAt - header.capturedAt) <= MAX_CLOCK_SKEW_MS ? header.capturedAt : receivedAt;
}
