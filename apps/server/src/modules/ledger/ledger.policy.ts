import { AppError, courtsWithRole, hasRole, type Actor } from "../../platform";

/** Court administrators manage the platforms of their own court (天平链接入管理: the court admits platforms). */
export function canManagePlatforms(actor: Actor, courtId: string): boolean {
  return hasRole(actor, courtId, "court_admin");
}

/** Throws `forbidden` (403) unless the actor administers the court. */
export function assertCanManagePlatforms(actor: Actor, courtId: string): void {
  if (!canManagePlatforms(actor, courtId))
    throw new AppError("forbidden", [
      { code: "court_admin_only", message: "only this court's administrators" },
    ]);
}

/** Courts whose platforms the actor may see. */
export function platformCourts(actor: Actor): string[] {
  return courtsWithRole(actor, "court_admin");
}
