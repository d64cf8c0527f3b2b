import type { ErrorDefinition } from "./types";

/** Errors of the court registry and calendar. */
export const courtsErrors = {
  /** No court with this id or code. */
  court_not_found: { status: 404, zh: "法院不存在", en: "Court not found" },
  /** No division with this id or code at the court. */
  division_not_found: { status: 404, zh: "审判业务部门不存在", en: "Division not found" },
  /** A court or division with this code exists already. */
  court_code_taken: { status: 409, zh: "代字已被使用", en: "This code is already in use" },
  /** The parent court is missing, or its level does not sit directly above the new court's. */
  court_parent_invalid: {
    status: 400,
    zh: "上级法院不存在或审级不符",
    en: "The parent court does not exist or is not one level above",
  },
  /** No active staff member with this account at the court. */
  staff_not_found: { status: 404, zh: "该法院没有此工作人员", en: "No such staff member at this court" },
  /** An administrator may not deactivate their own membership (the court would be left without one). */
  staff_self_deactivation: {
    status: 409,
    zh: "不能停用本人的账户",
    en: "You cannot deactivate your own membership",
  },
  /** No courtroom with this id at the court. */
  courtroom_not_found: { status: 404, zh: "法庭不存在", en: "Courtroom not found" },
  /** A courtroom with this code exists already at the court. */
  courtroom_code_taken: {
    status: 409,
    zh: "该法庭编号已被使用",
    en: "This courtroom code is already in use",
  },
  /** The date lies outside the years whose holiday arrangement is known. */
  calendar_year_not_covered: {
    status: 422,
    zh: "该日期不在已发布的节假日安排范围内",
    en: "The date is outside the years whose holiday arrangement is known",
  },
} as const satisfies Record<string, ErrorDefinition>;
