import type { ErrorDefinition } from "./types";

/** Errors of hearings: scheduling, summons, adjournment, conflicts and announcements. */
export const hearingErrors = {
  /** No such hearing, or the caller may not see it. */
  hearing_not_found: { status: 404, zh: "庭审不存在或无权查看", en: "Hearing not found" },
  /** The act is not possible in the hearing's current status; `details` name the status. */
  hearing_status_conflict: {
    status: 409,
    zh: "庭审当前状态不允许该操作",
    en: "This cannot be done in the hearing's current status",
  },
  /**
   * The sitting leaves the summons less than three full days (民事诉讼法第一百三十九条); `details` give the
   * earliest court day.
   */
  hearing_summons_too_late: {
    status: 422,
    zh: "开庭时间距传票送达不足三日，请选择更晚的日期",
    en: "The summons must be served at least three full days before the hearing; choose a later date",
  },
  /** The judge, the clerk or the courtroom is already taken at that time; `details` list each clash. */
  hearing_conflict: {
    status: 409,
    zh: "法官、书记员或法庭在该时段已有其他庭审安排",
    en: "The judge, the clerk or the courtroom already has a hearing at that time",
  },
  /** The hearing's publicity and its reason do not fit (民事诉讼法第一百三十七条); `details` say why. */
  hearing_publicity_invalid: {
    status: 422,
    zh: "公开审理设置不符合法律规定",
    en: "Whether the hearing is public, and why not, does not fit the law",
  },
  /** The mode, courtroom or offline reason do not fit (互联网法院规定第十二条, 在线诉讼规则第二十一条). */
  hearing_mode_invalid: {
    status: 422,
    zh: "庭审方式或法庭选择不符合规定",
    en: "The hearing's mode or courtroom does not fit the rules",
  },
  /** The named clerk does not hold the clerk role at the case's court. */
  hearing_clerk_invalid: {
    status: 422,
    zh: "所选书记员不是本院书记员",
    en: "The clerk chosen is not a clerk of this court",
  },
  /** The case has no judge in charge yet, so no hearing can be fixed. */
  hearing_judge_missing: {
    status: 409,
    zh: "案件尚未确定承办法官",
    en: "The case has no judge in charge yet",
  },
} as const satisfies Record<string, ErrorDefinition>;
