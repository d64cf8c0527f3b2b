// Which courts may hear a first-instance case (级别管辖 and the Internet courts' centralised
// jurisdiction). One rule for the court picker, the court list filter and submission.
import type { CourtLevel } from "./courts.tables";

/** What the rule needs to know of a court. */
export interface JurisdictionCourt {
  level: CourtLevel;
  isInternetCourt: boolean;
}

/** What the rule needs to know of a cause of action; null while the filer has not chosen one. */
export interface JurisdictionCause {
  /** Falls within an item of 互联网法院规定第二条. */
  internetCourt: boolean;
}

/** Why a court cannot hear the case at first instance, as a stable code. */
export type JurisdictionIssue =
  | { code: "court_level_not_first_instance"; basis: string }
  | { code: "outside_internet_court_jurisdiction"; basis: string };

/**
 * Why the court cannot hear this case at first instance, or null when it can. Online filing addresses
 * the basic-level courts: 民事诉讼法第十八条 and 行政诉讼法第十四条 give first-instance civil and
 * administrative cases to them (the higher courts' own first-instance cases — major foreign-related
 * cases and the like, 第十九条至第二十一条 — are assigned, not filed here). An Internet court hears only
 * the first-instance cases listed in 最高人民法院关于互联网法院审理案件若干问题的规定第二条; before a
 * cause is chosen it is not excluded.
 */
export function firstInstanceJurisdictionIssue(
  court: JurisdictionCourt,
  cause: JurisdictionCause | null,
): JurisdictionIssue | null {
  if (court.level !== "basic") {
    return { code: "court_level_not_first_instance", basis: "民事诉讼法第十八条；行政诉讼法第十四条" };
  }
  if (court.isInternetCourt && cause !== null && !cause.internetCourt) {
    return {
      code: "outside_internet_court_jurisdiction",
      basis: "最高人民法院关于互联网法院审理案件若干问题的规定第二条",
    };
  }
  return null;
}

/** True when the court may hear the case at first instance (`firstInstanceJurisdictionIssue` finds nothing). */
export function hasFirstInstanceJurisdiction(
  court: JurisdictionCourt,
  cause: JurisdictionCause | null,
): boolean {
  return firstInstanceJurisdictionIssue(court, cause) === null;
}
