import { catalogs } from "@netcourt/shared/i18n/index";
import { describe, expect, it } from "vitest";
import { courtEventKinds } from "./commands/append-court-event";

// The staff case page lists a case's court events by name: every kind the ledger can record has one,
// in each language, so no screen falls back to the stored code.
describe("court event names", () => {
  it.each(["zh-CN", "en"] as const)("name every court event kind in %s", (locale) => {
    const names = catalogs.workbench[locale].events as Record<string, string>;
    const unnamed = courtEventKinds.filter((kind) => typeof names[kind] !== "string" || names[kind] === "");
    expect(unnamed).toEqual([]);
  });
});
