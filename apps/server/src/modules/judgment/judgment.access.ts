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
import type { ElementSide } from "./judgment.tables";

export interface ElementAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/** Who works on the element table: the parties and their agents, the judge of the case, its court's clerks. */
function isEntitled(relation: CaseRelation): boolean {
  return relation.isParty || relation.isAgent || relation.isAssignedJudge || relation.isClerk;
}

/**
 * Loads a case for the element table through the visibility-scoped query (STYLE.md step 1): the public,
 * a lawyer not appointed, a judge of another case, a clerk of another court — and anyone who sees the
 * case without working on its table — get `case_not_found` (404).
 */
export async function loadElementCase(db: Executor, actor: Actor, caseId: string): Promise<ElementAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  const relation = relationToCase(actor, row, parts);
  if (!isEntitled(relation)) throw new AppError("case_not_found");
  return { row, parts, relation };
}

/** Re-reads the case under its row lock inside a command's transaction. */
export async function lockElementCase(trx: Executor, actor: Actor, caseId: string): Promise<ElementAccess> {
  const row = await lockCase(trx, caseId);
  const parts = await loadCaseParts(trx, caseId);
  return { row, parts, relation: relationToCase(actor, row, parts) };
}

export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}

/** The sides (plaintiff, defendant) the actor acts for, in person or as an agent (民事诉讼法第六十一条). */
export function sidesOf(access: ElementAccess): ElementSide[] {
  const sides = new Set<ElementSide>();
  for (const party of access.parts.parties) {
    if (!access.relation.ownPartyIds.includes(party.id)) continue;
    if (party.role === "plaintiff" || party.role === "defendant") sides.add(party.role);
  }
  return [...sides].sort();
}

/**
 * The side the actor marks for: the one named, or its only side. A party marks its own side's position
 * only (民诉法解释第九十二条: an admission binds the party who makes it). Throws `element_not_your_side`.
 */
export function actingSide(access: ElementAccess, side: ElementSide | null | undefined): ElementSide {
  const sides = sidesOf(access);
  const chosen = side ?? (sides.length === 1 ? sides[0] : undefined);
  if (!chosen || !sides.includes(chosen)) throw new AppError("element_not_your_side");
  return chosen;
}

/** Only the judge of the case settles the elements (民诉法解释第二百二十六条: the court sums up the issues). */
export function assertCaseJudge(access: ElementAccess): void {
  if (!access.relation.isAssignedJudge) {
    throw new AppError("forbidden", [
      { code: "judge_only", message: "only the judge of the case may do this" },
    ]);
  }
}

/** The accounts acting for one side: its parties with accounts and their active agents. */
export function accountsOfSide(parts: CaseParts, side: ElementSide): string[] {
  const partyIds = parts.parties.filter((p) => p.role === side).map((p) => p.id);
  const ids = new Set<string>();
  for (const party of parts.parties) if (partyIds.includes(party.id) && party.user_id) ids.add(party.user_id);
  for (const agent of parts.agents) {
    if (partyIds.includes(agent.party_id) && agent.status === "active" && agent.user_id)
      ids.add(agent.user_id);
  }
  return [...ids];
}

/** Statuses in which the parties mark and propose: registered, up to the end of the hearing. */
const MARKING_STATUSES = new Set<string>(["accepted", "service", "evidence_exchange", "hearing"]);
/** The judge settles elements until the judgment is given. */
const SETTLING_STATUSES = new Set<string>([...MARKING_STATUSES, "judgment"]);
/** Statuses before the case is registered: the table does not exist yet. */
const BEFORE_REGISTRATION = new Set<string>([
  "mediation",
  "draft",
  "under_review",
  "correction_requested",
  "refused",
  "withdrawn",
  "transferred",
]);

export function isTableOpenable(status: string): boolean {
  return !BEFORE_REGISTRATION.has(status);
}

export function canMarkInStatus(status: string): boolean {
  return MARKING_STATUSES.has(status);
}

export function canSettleInStatus(status: string): boolean {
  return SETTLING_STATUSES.has(status);
}

export function assertStatus(allowed: boolean): void {
  if (!allowed) {
    throw new AppError("case_status_conflict", [
      {
        code: "element_stage",
        message: "the element table is worked on between registration and the judgment",
      },
    ]);
  }
}
