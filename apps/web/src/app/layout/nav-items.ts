import type { MessageKey } from "@netcourt/shared/i18n/index";
import type { ReactNode } from "react";
import { useMemo } from "react";
import { isFullySignedIn, useMe } from "../../modules/identity/session-context";
import { audienceOf, isForAudience, isOffered, navSections, type NavSection } from "../app-routes";
import { appRoutes } from "../route-table";

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  section: NavSection;
  order: number;
  /** Position in this visitor's tab bar; absent = drawer only. */
  tab?: number;
  tabLabel?: MessageKey;
}

/**
 * The navigation entries this visitor may use, grouped by section in display order, and the tabs of
 * the phone's bar. Staff get the court's entries; litigants theirs; each entry appears once.
 */
export function useNavItems(): { sections: { section: NavSection; items: NavItem[] }[]; tabs: NavItem[] } {
  const { me } = useMe();
  return useMemo(() => {
    const visitor = {
      isSignedIn: isFullySignedIn(me),
      roles: me?.memberships.map((membership) => membership.role) ?? [],
    };
    const audience = audienceOf(visitor);
    const items: NavItem[] = appRoutes.flatMap((route) =>
      route.nav && isOffered(route.access, visitor) && isForAudience(route.nav, audience)
        ? [
            {
              path: route.path,
              label: route.nav.label,
              icon: route.nav.icon,
              // What staff share with litigants (the inbox) sits among the court's work.
              section: audience === "staff" && route.nav.section === "litigant" ? "staff" : route.nav.section,
              order: route.nav.order,
              tab: route.nav.tabs?.[audience],
              tabLabel: route.nav.tabLabel,
            },
          ]
        : [],
    );
    const sections = navSections
      .map((section) => ({
        section,
        items: items.filter((item) => item.section === section).sort((a, b) => a.order - b.order),
      }))
      .filter((group) => group.items.length > 0);
    const tabs = items.filter((item) => item.tab !== undefined).sort((a, b) => a.tab! - b.tab!);
    return { sections, tabs };
  }, [me]);
}

/** The entry whose path is the longest prefix of the current path (so a detail page lights its list). */
export function selectedPath(pathname: string, paths: string[]): string | undefined {
  return paths
    .filter((path) => pathname === path || (path !== "/" && pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
