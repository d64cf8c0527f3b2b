import { AppError } from "../../platform";
import type { CaseRelation } from "../cases/index";

/**
 * Who reads a case's documents: its parties and their active agents, the filer, and the staff of the
 * case's court. Everyone else never gets this far: the case itself is invisible to them (404).
 */
export function canReadCaseDocuments(relation: CaseRelation): boolean {
  return relation.isFiler || relation.isParty || relation.isAgent || relation.isStaff;
}

/** Throws `forbidden` (403) for someone who sees the case but not its documents. */
export function assertCanReadCaseDocuments(relation: CaseRelation): void {
  if (!canReadCaseDocuments(relation))
    throw new AppError("forbidden", [{ code: "documents", message: "not a party or the court" }]);
}
