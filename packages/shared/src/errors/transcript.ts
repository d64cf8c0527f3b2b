import type { ErrorDefinition } from "./types";

/** Errors of the hearing transcript (庭审笔录): audio intake, the clerk's edits and online signing. */
export const transcriptErrors = {
  /** No such segment or correction request in this hearing's transcript. */
  transcript_item_not_found: {
    status: 404,
    zh: "笔录内容不存在",
    en: "No such entry in the transcript",
  },
  /** The audio chunk is empty, too large or not WebM, Ogg or WAV audio; `details` say which. */
  transcript_audio_invalid: {
    status: 422,
    zh: "录音片段无效（为空、过大或格式不受支持）",
    en: "The audio chunk is empty, too large or not in a supported format",
  },
  /** The transcript is signed: it is part of the case file and no longer changes. */
  transcript_closed: {
    status: 409,
    zh: "庭审笔录已签署完毕，不能再修改",
    en: "The transcript has been signed and can no longer change",
  },
  /** No version of the transcript awaits signature (it was not closed, or a newer one replaced it). */
  transcript_not_awaiting_signature: {
    status: 409,
    zh: "该版本笔录不在待签署状态，请刷新后阅读最新版本",
    en: "This version of the transcript does not await signature; reload and read the latest",
  },
  /** The text confirmed is not the version's text (its hash differs): read the current version again. */
  transcript_version_mismatch: {
    status: 409,
    zh: "确认的笔录内容与当前版本不一致，请重新阅读后签名",
    en: "What you confirmed differs from the current version; read it again before signing",
  },
  /** The participant already signed or refused this version; nothing was changed. */
  transcript_already_signed: {
    status: 409,
    zh: "您已对该版本笔录签名或拒签，不能重复操作",
    en: "You have already signed or refused this version of the transcript",
  },
  /** The transcript has no line to sign. */
  transcript_empty: {
    status: 422,
    zh: "笔录尚无内容，不能提交签署",
    en: "The transcript has no lines yet and cannot be closed for signature",
  },
  /** The request was already decided. */
  transcript_correction_decided: {
    status: 409,
    zh: "该补正申请已处理",
    en: "This request for correction has already been decided",
  },
} as const satisfies Record<string, ErrorDefinition>;
