import type { ErrorDefinition } from "./types";

/** Errors of the court registry and calendar. */
export const courtsErrors = {
  /** No court with this id or code. */
  court_not_found: { status: 404, zh: "法院不存在", en: "Court not found" },
  /** The date lies outside the years whose holiday arrangement is known. */
  calendar_year_not_covered: {
    status: 422,
    zh: "该日期不在已发布的节假日安排范围内",
    en: "The date is outside the years whose holiday arrangement is known",
  },
} as const satisfies Record<string, ErrorDefinition>;
