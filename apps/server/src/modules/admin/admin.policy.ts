import { AppError, courtsWithRole, hasRole, type Actor } from "../../platform";

/**
 * A court's administrator (审判管理办公室) manages its divisions and staff. Memberships count only
 * after the session passed TOTP, so this also requires the second factor.
 */
export function canAdministerCourt(actor: Actor, courtId: string): boolean {
  return hasRole(actor, courtId, "court_admin");
}

/**
 * Throws unless the actor administers the court: an administrator of another court is told the court
 * does not exist for them (`court_not_found`), anyone else `forbidden`.
 */
export function assertCanAdministerCourt(actor: Actor, courtId: string): void {
  if (canAdministerCourt(actor, courtId)) return;
  if (courtsWithRole(actor, "court_admin").length > 0) throw new AppError("court_not_found");
  throw new AppError("forbidden");
}
