import { complaintFieldIssues, type ComplaintFieldIssue } from "@netcourt/shared/filing-checks";
import { residentIdParticulars } from "@netcourt/shared/identity-checks";
import type { ErrorDetail } from "@netcourt/shared";
import { AppError } from "../../platform";
import type { TFilingContent } from "./filing.schemas";

// The shapes the case record can hold (the CHECK constraints of case_parties): a number of another
// shape cannot be kept even in a draft, a number of this shape with a wrong check digit can.
const STORABLE_ID_NUMBER = /^[0-9]{17}[0-9X]$/;
const STORABLE_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** A draft as it can be kept, and the fields whose values have the wrong form. */
export interface DraftCheck {
  content: TFilingContent;
  /** Every field with a wrong value, kept or not; `kept` is false when the record cannot hold it. */
  issues: Array<ComplaintFieldIssue & { kept: boolean }>;
}

/**
 * Checks a draft the filer saves. A draft is the filer's own work: a wrong value in one field never
 * refuses the rest. A value with the wrong form (a check digit that does not match, a phone of the wrong
 * shape) is kept for the filer to correct, unless the record cannot hold it (an ID number of the wrong
 * length), which is left out; submission refuses every such field (`assertFieldsSubmittable`). The
 * identifier that does not fit the kind of party is left out, as the wizard does. Sex and date of birth
 * come from a valid resident ID number (GB 11643-1999 §5.2). Throws `validation_failed` only for parts
 * that refer to nothing (an agent of no party, several filers).
 */
export function checkDraftContent(content: TFilingContent, now: Date): DraftCheck {
  const references: ErrorDetail[] = [];
  content.agents.forEach((agent, i) => {
    if (agent.partyIndex >= content.parties.length)
      references.push({
        path: `body.agents.${i}.partyIndex`,
        code: "party_unknown",
        message: "no such party",
      });
  });
  const filers =
    content.parties.filter((p) => p.isFiler).length + content.agents.filter((a) => a.isFiler).length;
  if (filers > 1)
    references.push({
      path: "body.parties",
      code: "several_filers",
      message: "only one party or agent can be the filer",
    });
  if (references.length > 0) throw new AppError("validation_failed", references);

  const parties = content.parties.map((party) => ({
    ...party,
    idNumber: normaliseIdentifier(party.idNumber),
    creditCode: normaliseIdentifier(party.creditCode),
  }));
  const agents = content.agents.map((agent) => ({
    ...agent,
    licenceNumber: normaliseIdentifier(agent.licenceNumber),
  }));
  const issues = complaintFieldIssues({ parties, agents }, now).map((issue) => {
    const [, index, field] = issue.path.split(".") as [string, string, string];
    const party = parties[Number(index)];
    let kept = true;
    if (issue.path.startsWith("parties.") && party) {
      if (field === "idNumber") {
        kept = issue.code !== "not_for_organisation" && STORABLE_ID_NUMBER.test(party.idNumber ?? "");
        if (!kept) party.idNumber = null;
      } else if (field === "creditCode") {
        kept = issue.code !== "not_for_natural_person" && STORABLE_CREDIT_CODE.test(party.creditCode ?? "");
        if (!kept) party.creditCode = null;
      }
    }
    return { ...issue, kept };
  });
  for (const party of parties) {
    if (party.kind !== "natural_person" || party.idNumber === null) continue;
    const particulars = residentIdParticulars(party.idNumber, now);
    if (particulars) Object.assign(party, particulars);
  }
  return { content: { ...content, parties, agents }, issues };
}

/**
 * Refuses a complaint with any field of the wrong form (the same rule as the wizard's fields). Throws
 * `validation_failed` listing each field.
 */
export function assertFieldsSubmittable(
  complaint: Parameters<typeof complaintFieldIssues>[0],
  now: Date,
): void {
  const issues = complaintFieldIssues(complaint, now);
  if (issues.length > 0) {
    throw new AppError(
      "validation_failed",
      issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.code })),
    );
  }
}

/** Normalises identifiers the way they are stored: upper case, no spaces. */
export function normaliseIdentifier(value: string | null): string | null {
  return value === null ? null : value.replace(/\s/g, "").toUpperCase();
}
