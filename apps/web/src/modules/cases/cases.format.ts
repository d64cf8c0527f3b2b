import { currentLocale, i18next } from "../../platform/i18n";

// Formatting shared by the case screens. Court time is China Standard Time wherever the reader is.
const courtTimeZone = "Asia/Shanghai";

/** A moment in the court's time zone: "2026年11月23日 20:07" / "Nov 23, 2026, 8:07 PM". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: courtTimeZone,
  }).format(date);
}

/** A court day (`YYYY-MM-DD`, or a moment shown as its court day). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeZone: courtTimeZone }).format(
    date,
  );
}

/** Yuan with two decimals in the reader's notation. */
export function formatYuan(value: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
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
