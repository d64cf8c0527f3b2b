import { describe, expect, it } from "vitest";
import { isOffered, type RouteAccess } from "./app-routes";
import { selectedPath } from "./layout/nav-items";
import { nextPath } from "./route-guard";

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
