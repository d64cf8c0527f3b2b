import { describe, expect, it } from "vitest";
import { catalogs } from "./index";

// A period has a long name on the party's case page (with its legal basis) and a short one in the
// court's lists: every period the party page names, the court's lists name too.
describe("period names", () => {
  it.each(["zh-CN", "en"] as const)(
    "name in the court's lists every period the case page names, in %s",
    (locale) => {
      const long = Object.keys(catalogs.cases[locale].detail.deadlineKinds).sort();
      const short = Object.keys(catalogs.workbench[locale].deadlines).sort();
      expect(short).toEqual(long);
    },
  );
});
