import type { Locale } from "./locale";

// One way to write dates and money on every screen, message and document, per language. Court
// time is China Standard Time wherever the reader is, so a day or moment reads the same on a
// server in any zone and in any browser.

/** The court's time zone: every date and time is shown as it is in China. */
export const courtTimeZone = "Asia/Shanghai";

/** What a missing date or amount is shown as. */
export const noValue = "—";

const courtDayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` court day, an ISO moment or a Date as a Date; null when it is not a date. */
function toDate(value: string | Date): Date | null {
  const date =
    value instanceof Date
      ? value
      : courtDayPattern.test(value)
        ? // Noon in China: the same calendar day in every time zone.
          new Date(`${value}T12:00:00+08:00`)
        : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime ? "time" : "day"}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: courtTimeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A court day (`YYYY-MM-DD`) or the court day of a moment: "2026年12月14日" / "Dec 14, 2026".
 * Empty input gives "—"; text that is not a date is returned as given.
 */
export function formatDate(locale: Locale, value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return noValue;
  const date = toDate(value);
  if (!date) return String(value);
  return dateFormat(locale, false).format(date);
}

/**
 * A moment in court time: "2026年12月14日 09:30" / "Dec 14, 2026, 9:30 AM". A bare court day is
 * shown as a day. Empty input gives "—"; text that is not a date is returned as given.
 */
export function formatDateTime(locale: Locale, value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return noValue;
  if (typeof value === "string" && courtDayPattern.test(value)) return formatDate(locale, value);
  const date = toDate(value);
  if (!date) return String(value);
  return dateFormat(locale, true).format(date);
}

const amountFormats = new Map<Locale, Intl.NumberFormat>();

/** A yuan number from a number or its decimal text ("1050.00"); null when it is neither. */
function toYuan(value: number | string): number | null {
  const yuan = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
  return Number.isFinite(yuan) ? yuan : null;
}

/** A yuan amount with grouping and two decimals, no unit: "1,050.00". */
export function formatAmount(locale: Locale, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return noValue;
  const yuan = toYuan(value);
  if (yuan === null) return String(value);
  let format = amountFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    amountFormats.set(locale, format);
  }
  return format.format(yuan);
}

/** The unit written after an amount, as the i18n catalogues write it ("{{amount}} 元"). */
const yuanUnit: Record<Locale, string> = { "zh-CN": "元", en: "yuan" };

/**
 * A sum of money in yuan: "1,050.00 元" / "1,050.00 yuan". Accepts a number or its decimal text
 * (as stored in older messages); anything else is returned as given.
 */
export function formatMoney(locale: Locale, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return noValue;
  if (toYuan(value) === null) return String(value);
  return `${formatAmount(locale, value)} ${yuanUnit[locale]}`;
}
