import { AppError, type Actor, type Executor, type UserActor } from "../../platform";
import {
  findVisibleCase,
  loadCaseParts,
  lockCase,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";
import { isEvidenceStage } from "./evidence.rules";

export interface EvidenceAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/**
 * Loads a case for the evidence context through the visibility-scoped query (STYLE.md step 1): the public,
 * a lawyer not appointed in it and a judge of another case get `case_not_found` (404).
 */
export async function loadEvidenceCase(db: Executor, actor: Actor, caseId: string): Promise<EvidenceAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  return { row, parts, relation: relationToCase(actor, row, parts) };
}

/** Re-reads the case under its row lock inside a command's transaction (closes races between acts). */
export async function lockEvidenceCase(trx: Executor, actor: Actor, caseId: string): Promise<EvidenceAccess> {
  const row = await lockCase(trx, caseId);
  const parts = await loadCaseParts(trx, caseId);
  return { row, parts, relation: relationToCase(actor, row, parts) };
}

/** The actor as a user, for commands that record who acted. */
export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}

/** The judge of the case, or a clerk of its court, sets the periods (民事诉讼法第六十八条). */
export function assertCaseStaff(access: EvidenceAccess): void {
  if (!access.relation.isAssignedJudge && !access.relation.isClerk) {
    throw new AppError("forbidden", [
      { code: "case_staff_only", message: "only the judge of the case or a clerk of its court may do this" },
    ]);
  }
}

/** Only the judge of the case decides on requests and on the evidence (证据规定第八十五条). */
export function assertCaseJudge(access: EvidenceAccess): void {
  if (!access.relation.isAssignedJudge) {
    throw new AppError("forbidden", [
      { code: "judge_only", message: "only the judge of the case may do this" },
    ]);
  }
}

/**
 * The party the actor acts for, in person or as its agent (民事诉讼法第六十一条); `partyId` names it when
 * the actor acts for several. Staff and others who can see the case are `not_a_party` (403).
 */
export function actingParty(access: EvidenceAccess, partyId?: string | null): CaseParts["parties"][number] {
  const own = access.relation.ownPartyIds;
  const chosen = partyId ?? own[0];
  if (chosen === undefined || !own.includes(chosen)) throw new AppError("evidence_not_a_party");
  return access.parts.parties.find((p) => p.id === chosen)!;
}

/** Evidence is exchanged after registration and up to the hearing (409 otherwise). */
export function assertEvidenceStage(row: { status: CaseRow["status"] }): void {
  if (!isEvidenceStage(row.status)) {
    throw new AppError("case_status_conflict", [
      { code: "evidence_stage", message: "evidence is exchanged between registration and the hearing" },
    ]);
  }
}

/** The accounts that act for the given parties: the parties themselves and their active agents. */
export function accountsOfParties(parts: CaseParts, partyIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const party of parts.parties) {
    if (partyIds.includes(party.id) && party.user_id) ids.add(party.user_id);
  }
  for (const agent of parts.agents) {
    if (partyIds.includes(agent.party_id) && agent.status === "active" && agent.user_id)
      ids.add(agent.user_id);
  }
  return [...ids];
}

/** The parties on the other sides of a party (证据规定第六十二条). */
export function otherSidesOf(parts: CaseParts, party: { id: string; role: string }): string[] {
  return parts.parties.filter((p) => p.id !== party.id && p.role !== party.role).map((p) => p.id);
}
