import {
  formatAmount,
  formatDate as sharedFormatDate,
  formatDateTime as sharedFormatDateTime,
} from "@netcourt/shared/format";
import { currentLocale, i18next } from "../../platform/i18n";

// Formatting of the case screens, in the screen's language: dates and money come from the one
// formatter every screen, message and document uses (court time, China Standard Time).

/** A moment in the court's time zone: "2026年11月23日 20:07" / "Nov 23, 2026, 8:07 PM". */
export function formatDateTime(iso: string | null | undefined): string {
  return sharedFormatDateTime(currentLocale(), iso);
}

/** A court day (`YYYY-MM-DD`, or a moment shown as its court day): "2026年12月14日" / "Dec 14, 2026". */
export function formatDate(value: string | null | undefined): string {
  return sharedFormatDate(currentLocale(), value);
}

/** Yuan with two decimals in the reader's notation, no unit: "1,050.00". */
export function formatYuan(value: number): string {
  return formatAmount(currentLocale(), value);
}

/** A file size in B / KB / MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ["KB", "MB", "GB"];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** Looks a message up by a key built from server data, falling back to `fallback` when the catalog lacks it. */
export function translateOr(key: string, fallback: string, options: Record<string, unknown> = {}): string {
  return i18next.t(key, { ...options, defaultValue: fallback } as never) as unknown as string;
}

/** The name of a court, cause or similar record in the reader's language. */
export function localName(record: { nameZh: string; nameEn: string }): string {
  return currentLocale() === "en" ? record.nameEn : record.nameZh;
}

/** The legal basis of a period in the reader's language (the Chinese citation is the legal one). */
export function localBasis(record: { basis: string; basisEn: string }): string {
  return currentLocale() === "en" ? record.basisEn : record.basis;
}
