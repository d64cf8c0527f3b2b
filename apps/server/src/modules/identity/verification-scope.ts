import { courtsWithRole, type Executor, type UserActor } from "../../platform";

/**
 * What the review of real-name verifications needs from the courts and cases contexts (identity never
 * reads their tables).
 */
export interface VerificationScopePort {
  /** Those of the given courts that review every verification on the platform. */
  findCourtsReviewingAllVerifications(db: Executor, courtIds: readonly string[]): Promise<string[]>;
  /** Accounts that filed, or are a party or agent in, a case at one of the courts. */
  findLitigantsAtCourts(db: Executor, courtIds: readonly string[]): Promise<string[]>;
  /** Courts at which an account filed, or is a party or agent in, a case. */
  findCourtsOfLitigant(db: Executor, userId: string): Promise<string[]>;
}

/** Whose verifications a reviewer sees: everyone's, or those of the listed applicants only. */
export type VerificationScope = { kind: "all" } | { kind: "applicants"; userIds: string[] };

/**
 * A clerk or court administrator reviews the verifications of people who litigate at their court; a
 * court set to handle general verification reviews all. An ID image and number are sensitive personal
 * information (个人信息保护法第二十八条), shown only to the court that needs them.
 */
export async function verificationScopeOf(
  db: Executor,
  port: VerificationScopePort,
  reviewer: UserActor,
): Promise<VerificationScope> {
  const courts = courtsWithRole(reviewer, "clerk", "court_admin");
  if ((await port.findCourtsReviewingAllVerifications(db, courts)).length > 0) return { kind: "all" };
  return { kind: "applicants", userIds: await port.findLitigantsAtCourts(db, courts) };
}

/** Whether the reviewer's scope includes this applicant (see `verificationScopeOf`). */
export async function isInVerificationScope(
  db: Executor,
  port: VerificationScopePort,
  reviewer: UserActor,
  applicantId: string,
): Promise<boolean> {
  const courts = courtsWithRole(reviewer, "clerk", "court_admin");
  if ((await port.findCourtsReviewingAllVerifications(db, courts)).length > 0) return true;
  const applicantCourts = new Set(await port.findCourtsOfLitigant(db, applicantId));
  return courts.some((court) => applicantCourts.has(court));
}
