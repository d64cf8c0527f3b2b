import { currentLocale, i18next } from "../../platform/i18n";
import { formatDateTime, localName } from "../cases/cases.format";
import type { CalendarEntry, Conflict, Hearing } from "./hearing.api";

/** The wall-clock time of an instant at the court (UTC+8): `09:30`. */
export function courtTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000).toISOString().slice(11, 16);
}

/** The court day of an instant (UTC+8): `2026-03-10`. */
export function courtDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const endFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day an instant shows at the court, as the screen's language writes it: 10:30 / 10:30 AM. */
function courtClock(iso: string): string {
  const locale = currentLocale();
  let format = endFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-US" : "zh-CN", {
      hour: "numeric",
      minute: "2-digit",
      hour12: locale === "en",
      timeZone: "Asia/Shanghai",
    });
    endFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** A sitting's time: "2026年3月10日 09:30–10:30" / "Mar 10, 2026, 9:30 AM–10:30 AM". */
export function sittingTime(hearing: Pick<Hearing, "startsAt" | "endsAt">): string {
  return `${formatDateTime(hearing.startsAt)}–${courtClock(hearing.endsAt)}`;
}

/** Where a sitting takes place, in the screen's language. */
export function placeOf(hearing: Pick<Hearing, "mode" | "courtroom"> | CalendarEntry): string {
  const room = hearing.courtroom;
  if (hearing.mode === "online") {
    const base = i18next.t("hearing:card.online");
    return room ? `${base} · ${localName(room)}` : base;
  }
  if (!room) return i18next.t("hearing:mode.courtroom");
  const location = currentLocale() === "en" ? room.locationEn : room.locationZh;
  return location ? `${localName(room)} (${location})` : localName(room);
}

/** A clash in words: "The courtroom is taken from … to …". */
export function conflictText(conflict: Conflict): string {
  return i18next.t(`hearing:conflict.${conflict.kind}`, {
    from: formatDateTime(conflict.startsAt),
    to: courtClock(conflict.endsAt),
  });
}
