import type { Me } from "../modules/identity/identity.api";
import { audienceOf, isForAudience, isOffered } from "./app-routes";
import { appRoutes } from "./route-table";

/**
 * Where a user lands after signing in when no page asked for them: staff at their workbench (the
 * first court-work entry their roles open: filing review for clerks, their cases for judges), or
 * the inbox when their roles have no workbench screen; litigants at their account, where their
 * real-name verification and the way to file begin.
 */
export function landingPath(me: Pick<Me, "memberships">): string {
  const visitor = { isSignedIn: true, roles: me.memberships.map((membership) => membership.role) };
  if (audienceOf(visitor) === "litigant") return "/account";
  const workbench = appRoutes
    .filter(
      (route) =>
        route.nav?.section === "staff" &&
        isForAudience(route.nav, "staff") &&
        isOffered(route.access, visitor),
    )
    .sort((a, b) => a.nav!.order - b.nav!.order)[0];
  return workbench?.path ?? "/inbox";
}
