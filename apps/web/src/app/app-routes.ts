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

/** A route's entry in the navigation (side menu on wide screens, drawer and tab bar on phones). */
export interface NavEntry {
  section: NavSection;
  label: MessageKey;
  icon: ReactNode;
  /** Position within the section (lower first). */
  order: number;
  /** Position in the phone's bottom tab bar; absent = drawer only. The bar also gets "Me". */
  tab?: number;
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
