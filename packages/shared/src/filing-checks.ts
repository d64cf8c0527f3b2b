// Field rules of a complaint that the browser and the server both apply: the wizard gives instant
// feedback with them, the server enforces them on save and on submission. Each failure is a stable
// code that is also the key of its message in the filing catalog (`filing:checks.<code>`).

/**
 * The fewest characters a complaint's facts and reasons may have. 民事诉讼法第一百二十四条第三项: a
 * complaint states the facts and reasons of the claims; a word or two does not.
 */
export const FACTS_MIN_CHARACTERS = 10;
/** The most characters the facts and reasons may have (the stored text). */
export const FACTS_MAX_LENGTH = 50_000;

/** Why the facts and reasons cannot be submitted. */
export type FactsIssue = "facts_required" | "facts_too_short";

/** Characters a reader sees: whitespace is not counted, a CJK extension character counts once. */
export function countCharacters(text: string): number {
  return Array.from(text.replace(/\s+/g, "")).length;
}

/** Why the facts and reasons are not enough to submit, or null when they are. */
export function factsAndReasonsIssue(text: string | null | undefined): FactsIssue | null {
  const count = countCharacters(text ?? "");
  if (count === 0) return "facts_required";
  return count < FACTS_MIN_CHARACTERS ? "facts_too_short" : null;
}

/** Phones a court can call: mobiles, landlines with area code and extension, 400 numbers. */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|400-?\d{3}-?\d{4})$/;
/** A plausible e-mail address (the court proves it by writing to it). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A lawyer's practising licence number: 17 digits. */
export const LAWYER_LICENCE_PATTERN = /^\d{17}$/;

/** True when a phone number (spaces ignored) has a shape a court can call. */
export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(value.replace(/\s/g, ""));
}

/** True when an e-mail address has a plausible shape. */
export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** True when a lawyer's licence number has 17 digits (the wizard removes spaces before sending it). */
export function isLawyerLicenceNumber(value: string): boolean {
  return LAWYER_LICENCE_PATTERN.test(value);
}
