import type { TlogPolicy } from "@netcourt/ledger";
import type { Locale } from "@netcourt/shared";
import { ledger } from "@netcourt/shared/i18n/ledger";
import {
  kindName,
  leafTypeName,
  ledgerMessageParts,
  quorumText,
  trustSourceText,
} from "@netcourt/shared/ledger/messages";
import type { TrustSource } from "@netcourt/shared/ledger/trust";
import { formatDateTime } from "../cases/cases.format";

/** A piece of a shown message: the catalog's words, a value in words, or data (hash, name) as given. */
export type ShownPart = { text: string; isData: boolean };

/** A moment in the court's time zone, the zone named: "2026年3月1日 10:00（北京时间）". */
export function formatCourtTime(locale: Locale, iso: string): string {
  const formatted = formatDateTime(iso);
  return formatted === iso || formatted === "—"
    ? iso
    : ledger[locale].verify.courtTime.replace("{{time}}", formatted);
}

const TIMES = new Set(["time", "occurredAt"]);
const LISTS = new Set(["witnesses", "missing", "witness"]);

/**
 * A verification message in the page's language, its values put in words where the catalog has
 * words for them (times, leaf types, kinds, the quorum rule, where keys came from).
 */
export function shownMessage(
  locale: Locale,
  code: string,
  params: Record<string, string | number>,
  context: { trustSource: TrustSource | null; policy: TlogPolicy | null },
): ShownPart[] {
  const words = (text: string): ShownPart => ({ text, isData: false });
  const data = (text: string): ShownPart => ({ text, isData: true });
  const show = (name: string, value: string): ShownPart => {
    if (TIMES.has(name)) return value === "" ? words("—") : words(formatCourtTime(locale, value));
    if (name === "type") return words(leafTypeName(locale, value));
    if (name === "kind") {
      const known = kindName(locale, value);
      return known === null ? data(value) : words(known);
    }
    if (name === "source" && context.trustSource) return words(trustSourceText(locale, context.trustSource));
    // The rule names witnesses, so it is shown as data.
    if (name === "rule" && context.policy) return data(quorumText(locale, context.policy));
    if (LISTS.has(name)) return data(value.split(", ").join(ledger[locale].verify.listSeparator));
    return data(value);
  };
  return ledgerMessageParts(locale, code, params).map((part) =>
    typeof part === "string" ? words(part) : show(part.name, part.value),
  );
}
