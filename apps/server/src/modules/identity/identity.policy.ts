import { courtsWithRole, type Actor, type UserActor } from "../../platform";

/**
 * Whether a session must pass TOTP before it counts: always for court staff (their memberships open
 * other people's cases), and for any account that chose to enable TOTP.
 */
export function requiresSecondFactor(account: { isStaff: boolean; totpEnabled: boolean }): boolean {
  return account.isStaff || account.totpEnabled;
}

/**
 * Whether the account may enrol TOTP only through an invitation from a court administrator: court
 * staff must. A litigant who chooses TOTP may enrol from their own session.
 */
export function mustEnrolThroughInvitation(account: { isStaff: boolean }): boolean {
  return account.isStaff;
}

/** Clerks and court administrators of any court on this deployment review real-name verifications. */
export function canReviewVerifications(actor: Actor): actor is UserActor {
  return actor.kind === "user" && courtsWithRole(actor, "clerk", "court_admin").length > 0;
}

/** A reviewer may decide a pending verification, but never their own. */
export function canDecideVerification(
  actor: Actor,
  verification: { userId: string; status: "pending" | "approved" | "rejected" },
): boolean {
  return (
    canReviewVerifications(actor) && verification.status === "pending" && verification.userId !== actor.userId
  );
}
