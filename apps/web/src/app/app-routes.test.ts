import { describe, expect, it } from "vitest";
import type { Me } from "../modules/identity/identity.api";
import { audienceOf, isForAudience, isOffered, type Audience, type RouteAccess } from "./app-routes";
import { landingPath } from "./landing";
import { selectedPath } from "./layout/nav-items";
import { nextPath } from "./route-guard";
import { appRoutes } from "./route-table";

type Visitor = Parameters<typeof isOffered>[1];
const visitor: Visitor = { isSignedIn: false, roles: [] };
const litigant: Visitor = { isSignedIn: true, roles: [] };
const clerk: Visitor = { isSignedIn: true, roles: ["clerk"] };

describe("isOffered", () => {
  it.each<[RouteAccess, Visitor, boolean]>([
    ["public", visitor, true],
    ["guest", visitor, true],
    ["guest", litigant, false],
    ["signed-in", visitor, false],
    ["signed-in", litigant, true],
    [{ roles: ["clerk", "court_admin"] }, litigant, false],
    [{ roles: ["clerk", "court_admin"] }, clerk, true],
    [{ roles: ["judge"] }, clerk, false],
  ])("offers %j to %j: %s", (access, who, expected) => {
    expect(isOffered(access, who)).toBe(expected);
  });
});

describe("nextPath", () => {
  it.each([
    ["?next=%2Faccount%2Fverification", "/account/verification"],
    ["", "/account"],
    ["?next=https%3A%2F%2Fevil.example", "/account"],
    ["?next=%2F%2Fevil.example", "/account"],
  ])("returns to a path on this site only (%s)", (search, expected) => {
    expect(nextPath(search)).toBe(expected);
  });
});

describe("selectedPath", () => {
  const paths = ["/", "/account", "/account/verification", "/staff/verifications"];
  it.each([
    ["/", "/"],
    ["/account", "/account"],
    ["/account/verification", "/account/verification"],
    ["/staff/verifications/abc", "/staff/verifications"],
    ["/fees", undefined],
  ])("lights the longest matching entry for %s", (pathname, expected) => {
    expect(selectedPath(pathname, paths)).toBe(expected);
  });
});

/** The menu entries (path → tab position) an audience gets, as the navigation builds them. */
function menuOf(who: Visitor): Map<string, number | undefined> {
  const audience = audienceOf(who);
  return new Map(
    appRoutes
      .filter((route) => route.nav && isOffered(route.access, who) && isForAudience(route.nav, audience))
      .map((route) => [route.path, route.nav!.tabs?.[audience]]),
  );
}

const judge: Visitor = { isSignedIn: true, roles: ["judge"] };

describe("the navigation of each audience", () => {
  it.each<[Visitor, Audience]>([
    [visitor, "visitor"],
    [litigant, "litigant"],
    [clerk, "staff"],
    [judge, "staff"],
  ])("names %j as %s", (who, audience) => {
    expect(audienceOf(who)).toBe(audience);
  });

  it("gives litigants filing and their cases in the phone's tab bar", () => {
    const menu = menuOf(litigant);
    expect(menu.get("/filings/new")).toBeTypeOf("number");
    expect(menu.get("/cases")).toBeTypeOf("number");
    expect(menu.get("/inbox")).toBeTypeOf("number");
  });

  it("shows staff the court's work only, with one entry called my cases", () => {
    const menu = menuOf(judge);
    expect(menu.has("/court/my-cases")).toBe(true);
    expect(menu.has("/inbox")).toBe(true);
    expect(menu.has("/filings/new")).toBe(false);
    expect(menu.has("/cases")).toBe(false);
    const myCases = appRoutes.filter(
      (route) => route.nav && menu.has(route.path) && route.nav.label.endsWith("nav.myCases"),
    );
    expect(myCases.map((route) => route.path)).toEqual(["/court/my-cases"]);
  });

  it.each([visitor, litigant, clerk, judge])(
    "fits the tab bar of %j on a phone (four tabs and Me)",
    (who) => {
      const tabs = [...menuOf(who).values()].filter((tab) => tab !== undefined);
      expect(tabs.length).toBeGreaterThanOrEqual(2);
      expect(tabs.length).toBeLessThanOrEqual(4);
    },
  );
});

describe("landingPath", () => {
  const member = (role: Me["memberships"][number]["role"]) =>
    ({ memberships: [{ role }] }) as unknown as Pick<Me, "memberships">;
  it.each([
    ["clerk", "/court/filings"],
    ["judge", "/court/my-cases"],
    ["court_admin", "/court/filings"],
    ["mediator", "/court/mediations"],
  ] as const)("sends a %s to the workbench at %s", (role, path) => {
    expect(landingPath(member(role))).toBe(path);
  });

  it("sends a litigant to the account", () => {
    expect(landingPath({ memberships: [] })).toBe("/account");
  });
});
