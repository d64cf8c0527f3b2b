import type { ErrorDefinition } from "./types";

/** Errors of hearing recordings (庭审录音录像) and public live streaming (庭审直播). */
export const broadcastErrors = {
  /**
   * The hearing may not be streamed: it is not public, or the law keeps it off the Internet
   * (民事诉讼法第一百三十七条, 在线诉讼规则第二十七条); `details[0].params.reason` names why.
   */
  hearing_not_public: {
    status: 409,
    zh: "本案不公开审理或依法不得在互联网公开，不能直播",
    en: "This hearing is not public or may not be shown on the Internet, so it cannot be streamed",
  },
  /** A recording chunk with this sequence number was already received with other bytes. */
  hearing_recording_chunk_conflict: {
    status: 409,
    zh: "该序号的录像片段已接收且内容不同",
    en: "A different recording chunk with this sequence number was already received",
  },
  /** The recording misses chunks between the first and the last; `details` list the missing numbers. */
  hearing_recording_gap: {
    status: 409,
    zh: "录像片段不连续，缺少部分片段，不能封存",
    en: "The recording is missing chunks and cannot be sealed",
  },
  /** No recording is open for the hearing (nothing received, or it was sealed already). */
  hearing_recording_not_open: {
    status: 409,
    zh: "本次庭审没有正在进行的录像，或录像已封存",
    en: "No recording is in progress for this hearing, or it was already sealed",
  },
  /** No such recording, or the caller may not play it. */
  hearing_recording_not_found: {
    status: 404,
    zh: "庭审录像不存在或无权查看",
    en: "Hearing recording not found",
  },
  /** The hearing is not being streamed (start the stream first, or it has ended). */
  hearing_live_not_live: {
    status: 409,
    zh: "本次庭审未在直播",
    en: "This hearing is not being streamed",
  },
  /** No such live segment (not yet published, or never was). */
  hearing_live_segment_not_found: {
    status: 404,
    zh: "直播片段不存在",
    en: "Live segment not found",
  },
  /** A live segment with this sequence number was already published with other bytes. */
  hearing_live_segment_conflict: {
    status: 409,
    zh: "该序号的直播片段已发布且内容不同",
    en: "A different live segment with this sequence number was already published",
  },
} as const satisfies Record<string, ErrorDefinition>;
