import type { ErrorDefinition } from "./types";

/** Errors of the case aggregate. */
export const casesErrors = {
  /** No such case, or the caller may not see it. */
  case_not_found: { status: 404, zh: "案件不存在或无权查看", en: "Case not found" },
  /** The act is not allowed in the case's current status. */
  case_status_conflict: {
    status: 409,
    zh: "案件当前状态不允许该操作",
    en: "This cannot be done in the case's current status",
  },
  /** The case changed since the caller loaded it (stale version). */
  case_version_conflict: {
    status: 409,
    zh: "案件已被他人修改，请刷新后重试",
    en: "The case was changed meanwhile; reload and try again",
  },
  /** The court has no active judge who could take the case. */
  no_eligible_judge: {
    status: 409,
    zh: "本院暂无可分配的承办法官",
    en: "No judge of this court is available for assignment",
  },
} as const satisfies Record<string, ErrorDefinition>;
