// Field rules of a complaint that the browser and the server both apply: the wizard gives instant
// feedback with them, the server marks them on a saved draft and enforces them on submission. Each
// failure is a stable code that is also the key of its message in the filing catalog (`filing:checks.<code>`).

import { checkCreditCode, checkResidentIdNumber } from "./identity-checks";

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

/** The identifying fields of a party that have a form to check. */
export interface PartyFieldsToCheck {
  kind: "natural_person" | "legal_person" | "other_organisation";
  idNumber?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The fields of an agent that have a form to check. */
export interface AgentFieldsToCheck {
  phone?: string | null;
  licenceNumber?: string | null;
}

/**
 * One field of a complaint whose value has the wrong form. `path` names the field as the API body does
 * (`parties.0.idNumber`); `code` is the key of its message in the filing catalog (`filing:checks.<code>`).
 */
export interface ComplaintFieldIssue {
  path: string;
  code: string;
}

const isGiven = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.trim() !== "";

/**
 * The fields of a complaint whose value has the wrong form: identity numbers with their check digits
 * (GB 11643-1999, GB 32100-2015), the identifier that does not fit the kind of party, phone, e-mail
 * and licence shapes. Blank fields pass (what is required is checked before submission). A draft keeps
 * such values for the filer to correct; submission refuses them.
 */
export function complaintFieldIssues(
  content: { parties: readonly PartyFieldsToCheck[]; agents?: readonly AgentFieldsToCheck[] },
  now: Date,
): ComplaintFieldIssue[] {
  const issues: ComplaintFieldIssue[] = [];
  content.parties.forEach((party, i) => {
    const at = (field: string) => `parties.${i}.${field}`;
    if (party.kind === "natural_person") {
      if (isGiven(party.creditCode)) issues.push({ path: at("creditCode"), code: "not_for_natural_person" });
      if (isGiven(party.idNumber)) {
        const check = checkResidentIdNumber(party.idNumber, now);
        if (!check.ok) issues.push({ path: at("idNumber"), code: `id_number_${check.reason}` });
      }
    } else {
      if (isGiven(party.idNumber)) issues.push({ path: at("idNumber"), code: "not_for_organisation" });
      if (isGiven(party.creditCode)) {
        const check = checkCreditCode(party.creditCode);
        if (!check.ok) issues.push({ path: at("creditCode"), code: `credit_code_${check.reason}` });
      }
    }
    if (isGiven(party.phone) && !isPhoneNumber(party.phone))
      issues.push({ path: at("phone"), code: "phone_invalid" });
    if (isGiven(party.email) && !isEmailAddress(party.email))
      issues.push({ path: at("email"), code: "email_invalid" });
  });
  (content.agents ?? []).forEach((agent, i) => {
    if (isGiven(agent.licenceNumber) && !isLawyerLicenceNumber(agent.licenceNumber.replace(/\s/g, "")))
      issues.push({ path: `agents.${i}.licenceNumber`, code: "licence_number_invalid" });
    if (isGiven(agent.phone) && !isPhoneNumber(agent.phone))
      issues.push({ path: `agents.${i}.phone`, code: "phone_invalid" });
  });
  return issues;
}
