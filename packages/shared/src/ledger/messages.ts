// The ledger catalog's messages outside i18next (the command line) and as parts (the web page, which
// sets the interpolated values apart): same keys, same `{{name}}` values.
import type { TlogPolicy } from "@netcourt/ledger";
import { ledger } from "../i18n/ledger";
import type { Locale } from "../locale";
import { LiveLogError } from "./live-log";
import type { TrustSource } from "./trust";
import type { VerificationStepId } from "./verify-receipt";

/** A piece of a message: the catalog's own words, or a value put into it. */
export type MessagePart = string | { name: string; value: string };

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

const interpolate = (message: string, params: Record<string, string | number>) =>
  message.replace(PLACEHOLDER, (_m, name: string) => String(params[name] ?? ""));

/** A catalog message split into its words and its values, in order. */
export function messageParts(message: string, params: Record<string, string | number>): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of message.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push(message.slice(at, match.index));
    parts.push({ name: match[1]!, value: String(params[match[1]!] ?? "") });
    at = match.index + match[0].length;
  }
  if (at < message.length) parts.push(message.slice(at));
  return parts;
}

/** The message of a verification code (`ledger:codes.<code>`) in parts, or the code itself when unknown. */
export function ledgerMessageParts(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): MessagePart[] {
  const message = (ledger[locale].codes as Record<string, string>)[code];
  return message === undefined ? [code] : messageParts(message, params);
}

/** The message of a verification code (`ledger:codes.<code>`), or the code itself when unknown. */
export function ledgerMessage(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  return ledgerMessageParts(locale, code, params)
    .map((part) => (typeof part === "string" ? part : part.value))
    .join("");
}

/** Why a verification could not even start: a receipt that cannot be read, a policy that cannot be had. */
export type VerifyProblem = keyof (typeof ledger)["en"]["problems"];

/** The message of a problem code (`ledger:problems.<code>`). */
export function receiptProblemMessage(locale: Locale, code: VerifyProblem): string {
  return ledger[locale].problems[code];
}

/** Why the live log could not be read, in words: never the error's own (English, technical) text. */
export function liveProblemMessage(locale: Locale, error: unknown): string {
  const problems = ledger[locale].liveProblems;
  if (!(error instanceof LiveLogError)) return problems.network;
  return error.code === "http_status"
    ? interpolate(problems.http_status, { status: error.status ?? "" })
    : problems[error.code];
}

/**
 * The quorum rule in words — "notary.test、arbitration.test、ca.test 中至少 2 个" / "at least 2 of
 * notary.test, arbitration.test, ca.test" — nested for groups of groups.
 */
export function quorumText(locale: Locale, policy: TlogPolicy, name = policy.quorum): string {
  const words = ledger[locale].quorum;
  if (name === "none") return words.none;
  const group = policy.groups.get(name);
  if (!group) return name;
  const members = group.members.map((member) =>
    policy.groups.has(member)
      ? interpolate(words.group, { rule: quorumText(locale, policy, member) })
      : quorumText(locale, policy, member),
  );
  return interpolate(words.rule, { threshold: group.threshold, members: members.join(words.separator) });
}

/** The name of a leaf type (deposit, evidence), or the type itself when unknown. */
export function leafTypeName(locale: Locale, type: string): string {
  return (ledger[locale].leafTypes as Record<string, string>)[type] ?? type;
}

/** The name of a deposit's kind (the platform's category), or null when the catalog has none. */
export function kindName(locale: Locale, kind: string): string | null {
  return (ledger[locale].kinds as Record<string, string>)[kind] ?? null;
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
