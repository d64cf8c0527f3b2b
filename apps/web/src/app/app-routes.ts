import type { MessageKey } from "@netcourt/shared/i18n/index";
import type { ComponentType, ReactNode } from "react";
import type { StaffRole } from "../modules/identity/identity.api";

/**
 * Who may open a route: anyone; only visitors who are not signed in (sign-in, registration);
 * any signed-in account; or staff holding one of the roles at some court.
 */
export type RouteAccess = "public" | "guest" | "signed-in" | { roles: readonly StaffRole[] };

/** The menu groups, in display order. */
export const navSections = ["public", "litigant", "staff"] as const;
export type NavSection = (typeof navSections)[number];

/**
 * Whom the navigation speaks to: visitors who are not signed in, litigants (parties, agents and
 * lawyers) and court staff. Staff see the court's work, not a litigant's menu.
 */
export type Audience = "visitor" | "litigant" | "staff";

/** A route's entry in the navigation (side menu on wide screens, drawer and tab bar on phones). */
export interface NavEntry {
  section: NavSection;
  label: MessageKey;
  icon: ReactNode;
  /** Position within the section (lower first). */
  order: number;
  /**
   * Who the menu offers it to (besides the route's access rule). Defaults: public entries to all,
   * litigant entries to litigants, staff entries to staff.
   */
  audiences?: readonly Audience[];
  /**
   * Position in the phone's bottom tab bar for each audience; absent = drawer only. The bar also
   * gets "Me", so an audience has at most four tabs to fit a 375 px phone.
   */
  tabs?: Partial<Record<Audience, number>>;
  /** A short label for the tab bar, where the menu's label would not fit a fifth of a phone. */
  tabLabel?: MessageKey;
}

/** One screen of a module. Each module exports a list of these from `<module>.routes.tsx`. */
export interface AppRoute {
  /** Absolute path; `:param` segments as in react-router. */
  path: string;
  access: RouteAccess;
  /** Loads the scene on first visit, so each screen is its own chunk. */
  scene: () => Promise<ComponentType>;
  nav?: NavEntry;
}

/** The audience of a visitor: not signed in, a litigant, or court staff (holding any staff role). */
export function audienceOf(visitor: { isSignedIn: boolean; roles: readonly StaffRole[] }): Audience {
  if (!visitor.isSignedIn) return "visitor";
  return visitor.roles.length > 0 ? "staff" : "litigant";
}

const defaultAudiences: Record<NavSection, readonly Audience[]> = {
  public: ["visitor", "litigant", "staff"],
  litigant: ["litigant"],
  staff: ["staff"],
};

/** Whether the menu shows an entry to an audience (the route's access rule is checked apart). */
export function isForAudience(entry: NavEntry, audience: Audience): boolean {
  return (entry.audiences ?? defaultAudiences[entry.section]).includes(audience);
}

/** Whether the navigation should offer a route to this visitor. */
export function isOffered(
  access: RouteAccess,
  visitor: { isSignedIn: boolean; roles: readonly StaffRole[] },
): boolean {
  if (access === "public") return true;
  if (access === "guest") return !visitor.isSignedIn;
  if (access === "signed-in") return visitor.isSignedIn;
  return visitor.isSignedIn && access.roles.some((role) => visitor.roles.includes(role));
}
