// The ledger catalog's messages outside i18next (the command line): same keys, same `{{name}}` values.
import { ledger } from "../i18n/ledger";
import type { Locale } from "../locale";
import type { VerificationStepId } from "./verify-receipt";
import type { TrustSource } from "./trust";

const interpolate = (message: string, params: Record<string, string | number>) =>
  message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ""));

/** The message of a verification code (`ledger:codes.<code>`), or the code itself when unknown. */
export function ledgerMessage(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const codes = ledger[locale].codes as Record<string, string>;
  const message = codes[code];
  return message === undefined ? code : interpolate(message, params);
}

/** The title of a verification step. */
export function stepTitle(locale: Locale, step: VerificationStepId | "live"): string {
  return ledger[locale].verify.steps[step];
}

/** A text of the verify page's tree (`ledger:verify.<key>`). */
export function verifyText(
  locale: Locale,
  key: "verified" | "notVerified" | "failedAt",
  params: Record<string, string | number> = {},
): string {
  return interpolate(ledger[locale].verify[key], params);
}

/** Where the trusted keys came from, in words. */
export function trustSourceText(locale: Locale, source: TrustSource): string {
  return ledger[locale].trustSource[source];
}
