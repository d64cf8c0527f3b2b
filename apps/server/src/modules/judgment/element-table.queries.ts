import { inTransaction, type Actor, type Executor } from "../../platform";
import type { AppContext } from "../../context";
import type { CaseParts, CaseRow } from "../cases/index";
import { extractClaim, listFiledEvidence } from "../filing/index";
import {
  canMarkInStatus,
  canSettleInStatus,
  isTableOpenable,
  loadElementCase,
  sidesOf,
  type ElementAccess,
} from "./judgment.access";
import {
  elementTableForCause,
  loanElementsFor,
  loanKindOfCause,
  type ElementTable,
  type JudgmentElement,
} from "./judgment.elements";
import { presentElementTable, type TableCapabilities } from "./judgment.presenter";
import { findElementTable, insertElementTable, listElementValues } from "./judgment.repository";
import { annualRateText, prefillValue, type ComplaintFacts } from "./element-values.rules";

/** The elements of a table that apply to a case's cause (the loan table differs by kind of loan). */
export function elementsForCause(table: ElementTable, causeId: string): readonly JudgmentElement[] {
  const loanKind = table.id === "loan" ? loanKindOfCause(causeId) : undefined;
  return loanKind ? loanElementsFor(loanKind) : table.elements;
}

/** What the filed complaint states: parties, claims with their interest terms, facts, evidence list. */
export async function complaintFactsOf(
  db: Executor,
  row: Pick<CaseRow, "id" | "claim_total_fen" | "facts_and_reasons">,
  parts: CaseParts,
): Promise<ComplaintFacts> {
  const filed = await listFiledEvidence(db, row.id);
  const nameOf = (role: string) => parts.parties.find((p) => p.role === role)?.name ?? null;
  // The filing keeps each claim's text; its interest clause is read again with the filing's extraction.
  let interest: ComplaintFacts["interest"] = null;
  for (const claim of parts.claims) {
    const clause = extractClaim(claim.text).interest;
    if (!clause) continue;
    interest = {
      baseFen: clause.baseFen,
      ratePercent: annualRateText(clause.rate),
      from: clause.from,
      until: clause.until === "actual_payment" ? null : clause.until,
    };
    break;
  }
  return {
    claimsTotalFen: row.claim_total_fen > 0 ? row.claim_total_fen : null,
    plaintiffName: nameOf("plaintiff"),
    defendantName: nameOf("defendant"),
    factsAndReasons: row.facts_and_reasons || null,
    evidenceNames: filed.map((item) => item.name),
    interest,
  };
}

/**
 * The case's element table, created from its cause the first time someone entitled reads it or acts
 * on it, with the values the complaint gives (marked "from the complaint"). Undefined when the cause
 * has no element table or the case is not registered yet.
 */
export async function ensureElementTable(
  db: Executor,
  row: CaseRow,
  parts: CaseParts,
  now: Date,
): Promise<ElementTable | undefined> {
  if (!row.cause_code) return undefined;
  const table = elementTableForCause(row.cause_code);
  if (!table) return undefined;
  if (await findElementTable(db, row.id)) return table;
  if (!isTableOpenable(row.status)) return undefined;
  const facts = await complaintFactsOf(db, row, parts);
  await insertElementTable(db, {
    caseId: row.id,
    tableId: table.id,
    causeCode: row.cause_code,
    elements: elementsForCause(table, row.cause_code).map((element) => ({
      key: element.key,
      valueType: element.valueType,
      prefilled: prefillValue(element, facts),
    })),
    now,
  });
  return table;
}

/** What the caller may do on the table, from the status and the caller's relation to the case. */
export function capabilitiesOf(access: ElementAccess): TableCapabilities {
  return {
    sides: canMarkInStatus(access.row.status) ? sidesOf(access) : [],
    canSettle: access.relation.isAssignedJudge && canSettleInStatus(access.row.status),
  };
}

/** The element table of a case as the caller sees it (opening it on first read). Throws `case_not_found`. */
export async function getElementTableView(context: AppContext, actor: Actor, caseId: string) {
  const access = await loadElementCase(context.db, actor, caseId);
  const table = await inTransaction(context.db, (trx) =>
    ensureElementTable(trx, access.row, access.parts, context.clock.now()),
  );
  const rows = table ? await listElementValues(context.db, caseId) : [];
  return presentElementTable({
    caseId,
    causeCode: access.row.cause_code,
    table,
    elements: table && access.row.cause_code ? elementsForCause(table, access.row.cause_code) : [],
    rows,
    capabilities: capabilitiesOf(access),
  });
}
