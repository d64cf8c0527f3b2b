import { AppError, type Actor, type Executor } from "../../platform";
import {
  findCause,
  findVisibleCase,
  loadCaseParts,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";
import { findCourt, firstInstanceJurisdictionIssue } from "../courts/index";
import { findMediator, type MediatorRow } from "./mediators.repository";
import { takesDispute } from "./mediation.rules";

export interface DisputeAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/** A filing the actor may see (404 `case_not_found` otherwise), with their relation to it. */
export async function loadDispute(db: Executor, actor: Actor, caseId: string): Promise<DisputeAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  return { row, parts, relation: relationToCase(actor, row, parts) };
}

/**
 * What an application for mediation needs (在线调解规则第八条: 纠纷简要情况 and the electronic filing
 * materials): a cause of action, an applicant and a respondent, at least one claim and the facts. The
 * details name each missing item, like an incomplete complaint.
 */
export function missingForMediation(row: CaseRow, parts: CaseParts): Array<{ path: string; code: string }> {
  const missing: Array<{ path: string; code: string }> = [];
  if (!row.cause_code) missing.push({ path: "causeCode", code: "required" });
  if (!parts.parties.some((p) => p.role === "plaintiff"))
    missing.push({ path: "parties", code: "plaintiff_required" });
  if (!parts.parties.some((p) => p.role === "defendant"))
    missing.push({ path: "parties", code: "defendant_required" });
  if (parts.claims.length === 0) missing.push({ path: "claims", code: "required" });
  if (row.facts_and_reasons.trim() === "") missing.push({ path: "factsAndReasons", code: "required" });
  return missing;
}

/** Throws `mediation_application_incomplete` (422) listing what is missing. */
export function assertMediationApplicable(row: CaseRow, parts: CaseParts): void {
  const missing = missingForMediation(row, parts);
  if (missing.length > 0) {
    throw new AppError(
      "mediation_application_incomplete",
      missing.map((m) => ({ path: m.path, code: m.code, message: m.code })),
    );
  }
}

/**
 * 在线调解规则第九条第二项: the court that invited the mediator must have jurisdiction over the dispute;
 * the same first-instance check as filing applies.
 */
export async function assertCourtHearsDispute(db: Executor, row: CaseRow): Promise<void> {
  const court = await findCourt(db, row.court_id);
  if (!court) throw new AppError("court_not_found");
  const issue = firstInstanceJurisdictionIssue(
    { level: court.level, isInternetCourt: court.is_internet_court },
    findCause(row.cause_code ?? "") ?? null,
  );
  if (issue) {
    throw new AppError(issue.code, [
      { path: "causeCode", code: issue.code, message: issue.basis, params: { basis: issue.basis } },
    ]);
  }
}

/**
 * An active mediator of the case's court who takes this kind of dispute (在线调解规则第五条第二款,
 * 第九条第二项). Throws `mediator_not_found` (404), `mediator_not_eligible` (422).
 */
export async function eligibleMediator(
  db: Executor,
  row: { court_id: string; cause_code: string | null; type_code: string },
  mediatorId: string,
): Promise<MediatorRow> {
  const mediator = await findMediator(db, row.court_id, mediatorId);
  if (!mediator || !mediator.is_active) {
    throw new AppError("mediator_not_found", [
      { path: "mediatorId", code: "not_found", message: "not on the register" },
    ]);
  }
  if (!takesDispute(mediator.case_types, { causeCode: row.cause_code, typeCode: row.type_code })) {
    throw new AppError("mediator_not_eligible", [
      { path: "mediatorId", code: "case_type", message: "the mediator does not take this kind of dispute" },
    ]);
  }
  return mediator;
}
