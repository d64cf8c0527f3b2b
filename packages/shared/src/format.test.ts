import { describe, expect, it } from "vitest";
import { formatAmount, formatDate, formatDateTime, formatMoney } from "./format";
import { catalogs } from "./i18n/index";
import { locales, type Locale } from "./locale";

describe("formatDate", () => {
  it.each([
    ["zh-CN", "2026-12-14", "2026年12月14日"],
    ["en", "2026-12-14", "Dec 14, 2026"],
    // 23:30 in UTC is already the next day at the court.
    ["zh-CN", "2026-12-14T23:30:00Z", "2026年12月15日"],
    ["en", new Date("2026-12-14T23:30:00Z"), "Dec 15, 2026"],
  ] as const)("writes %s %s as %s", (locale, value, expected) => {
    expect(formatDate(locale, value)).toBe(expected);
  });

  it("shows a dash for no date and keeps text that is not a date", () => {
    expect(formatDate("zh-CN", null)).toBe("—");
    expect(formatDate("en", "")).toBe("—");
    expect(formatDate("en", "soon")).toBe("soon");
  });
});

describe("formatDateTime", () => {
  it("writes a moment in court time in each language", () => {
    expect(formatDateTime("zh-CN", "2026-12-14T01:30:00Z")).toBe("2026年12月14日 09:30");
    expect(formatDateTime("en", "2026-12-14T01:30:00Z")).toBe("Dec 14, 2026, 9:30 AM");
  });

  it("writes a bare court day as a day", () => {
    expect(formatDateTime("zh-CN", "2026-12-14")).toBe("2026年12月14日");
  });
});

describe("formatMoney", () => {
  it.each([
    ["zh-CN", 1050, "1,050.00 元"],
    ["en", 1050, "1,050.00 yuan"],
    ["zh-CN", "1050.00", "1,050.00 元"],
    ["en", "0.5", "0.50 yuan"],
    ["zh-CN", 1234567.891, "1,234,567.89 元"],
  ] as const)("writes %s %s as %s", (locale, value, expected) => {
    expect(formatMoney(locale, value)).toBe(expected);
  });

  it("keeps text that is not an amount and shows a dash for none", () => {
    expect(formatMoney("en", "n/a")).toBe("n/a");
    expect(formatMoney("en", "")).toBe("");
    expect(formatMoney("zh-CN", null)).toBe("—");
  });

  it("is what every catalogue's yuan message prints for the same amount", () => {
    const templates = (Object.values(catalogs) as Record<Locale, unknown>[]).flatMap((catalog) =>
      locales.flatMap((locale) => yuanTemplates(catalog[locale]).map((template) => ({ locale, template }))),
    );
    expect(templates.length).toBeGreaterThanOrEqual(6);
    for (const { locale, template } of templates) {
      expect(template.replace("{{amount}}", formatAmount(locale, 1050))).toBe(formatMoney(locale, 1050));
    }
  });
});

/** Every message named `yuan` in a catalogue tree. */
function yuanTemplates(tree: unknown): string[] {
  if (typeof tree !== "object" || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) =>
    key === "yuan" && typeof value === "string" ? [value] : yuanTemplates(value),
  );
}
