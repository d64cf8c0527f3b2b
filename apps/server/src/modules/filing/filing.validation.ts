import { isEmailAddress, isLawyerLicenceNumber, isPhoneNumber } from "@netcourt/shared/filing-checks";
import { checkCreditCode, checkResidentIdNumber } from "@netcourt/shared/identity-checks";
import type { ErrorDetail } from "@netcourt/shared";
import { AppError } from "../../platform";
import type { TFilingContent } from "./filing.schemas";

/**
 * Checks the form of a saved complaint: identity numbers with their check digits (GB 11643,
 * GB 32100), phone and e-mail shapes, references between parts. Throws `validation_failed` with every
 * problem and its path; an incomplete complaint is fine here (completeness is checked on submission).
 */
export function validateFilingContent(content: TFilingContent, now: Date): void {
  const issues: ErrorDetail[] = [];
  const add = (path: string, code: string, message: string) =>
    issues.push({ path: `body.${path}`, code, message });

  content.parties.forEach((party, i) => {
    if (party.kind === "natural_person") {
      if (party.creditCode)
        add(`parties.${i}.creditCode`, "not_for_natural_person", "a natural person has no credit code");
      if (party.idNumber) {
        const check = checkResidentIdNumber(party.idNumber, now);
        if (!check.ok)
          add(`parties.${i}.idNumber`, `id_number_${check.reason}`, "invalid resident ID number");
      }
    } else {
      if (party.idNumber)
        add(
          `parties.${i}.idNumber`,
          "not_for_organisation",
          "an organisation has a credit code, not an ID number",
        );
      if (party.creditCode) {
        const check = checkCreditCode(party.creditCode);
        if (!check.ok)
          add(`parties.${i}.creditCode`, `credit_code_${check.reason}`, "invalid unified social credit code");
      }
    }
    if (party.phone && !isPhoneNumber(party.phone))
      add(`parties.${i}.phone`, "phone_invalid", "invalid phone number");
    if (party.email && !isEmailAddress(party.email))
      add(`parties.${i}.email`, "email_invalid", "invalid e-mail address");
  });
  content.agents.forEach((agent, i) => {
    if (agent.partyIndex >= content.parties.length)
      add(`agents.${i}.partyIndex`, "party_unknown", "no such party");
    if (agent.licenceNumber && !isLawyerLicenceNumber(agent.licenceNumber)) {
      add(`agents.${i}.licenceNumber`, "licence_number_invalid", "a lawyer's licence number has 17 digits");
    }
    if (agent.phone && !isPhoneNumber(agent.phone))
      add(`agents.${i}.phone`, "phone_invalid", "invalid phone number");
  });
  const filers =
    content.parties.filter((p) => p.isFiler).length + content.agents.filter((a) => a.isFiler).length;
  if (filers > 1) add("parties", "several_filers", "only one party or agent can be the filer");
  if (issues.length > 0) throw new AppError("validation_failed", issues);
}

/** Normalises identifiers the way they are stored: upper case, no spaces. */
export function normaliseIdentifier(value: string | null): string | null {
  return value === null ? null : value.replace(/\s/g, "").toUpperCase();
}
