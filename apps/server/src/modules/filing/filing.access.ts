import { AppError, type Actor, type Executor, type UserActor } from "../../platform";
import {
  findVisibleCase,
  loadCaseParts,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";

export interface FilingAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/**
 * Loads a filing through the visibility-scoped query (STYLE.md step 1): invisible is `case_not_found`
 * (404). The relation then drives the policy checks (403) of each command.
 */
export async function loadFiling(db: Executor, actor: Actor, caseId: string): Promise<FilingAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  const relation = relationToCase(actor, row, parts);
  return { row, parts, relation };
}

/** Only the filer may do this (403 for others who can see the case). */
export function assertFiler(access: FilingAccess): void {
  if (!access.relation.isFiler)
    throw new AppError("forbidden", [{ code: "filer_only", message: "only the filer may do this" }]);
}

/** Only a clerk of the case's court may do this (403). */
export function assertClerk(access: FilingAccess): void {
  if (!access.relation.isClerk)
    throw new AppError("forbidden", [
      { code: "clerk_only", message: "only a clerk of this court may do this" },
    ]);
}

/** The actor as a user, for commands that need the id. */
export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}
