import { AppError, type Actor, type Executor, type UserActor } from "../../platform";
import { relationToMediation, type MediationRelation } from "./mediation.policy";
import {
  findMediation,
  loadMediationParts,
  lockMediation,
  type MediationParts,
  type MediationRow,
} from "./mediation.repository";
import { canAct, mediationActs, sidesOf, type MediationAct, type Side } from "./mediation.rules";

export interface MediationAccess {
  row: MediationRow;
  parts: MediationParts;
  relation: MediationRelation;
  sides: Side[];
}

/**
 * Loads a mediation the actor may see (STYLE.md step 1): anyone without a relation to it gets
 * `mediation_not_found` (404), never a hint that it exists.
 */
export async function loadMediation(db: Executor, actor: Actor, id: string): Promise<MediationAccess> {
  const row = await findMediation(db, id);
  if (!row) throw new AppError("mediation_not_found");
  return accessTo(db, actor, row);
}

/** Re-reads a mediation under its row lock inside a command's transaction, with the caller's relation. */
export async function lockMediationFor(trx: Executor, actor: Actor, id: string): Promise<MediationAccess> {
  const row = await lockMediation(trx, id);
  if (!row) throw new AppError("mediation_not_found");
  return accessTo(trx, actor, row);
}

async function accessTo(db: Executor, actor: Actor, row: MediationRow): Promise<MediationAccess> {
  const parts = await loadMediationParts(db, row);
  const relation = relationToMediation(actor, row, parts);
  if (relation.kind === "none") throw new AppError("mediation_not_found");
  return { row, parts, relation, sides: sidesOf(relation.ownPartyIds, parts.parties) };
}

/** The actor must stand in one of these relations (403 otherwise). */
export function assertRelation(access: MediationAccess, ...kinds: MediationRelation["kind"][]): void {
  if (!kinds.includes(access.relation.kind)) {
    throw new AppError("forbidden", [
      { code: `${kinds.join("_or_")}_only`, message: `only ${kinds.join(" or ")} may do this` },
    ]);
  }
}

/** Only the applicant (the filer of the dispute) may do this (403). */
export function assertApplicant(access: MediationAccess): void {
  if (!access.relation.isApplicant) {
    throw new AppError("forbidden", [{ code: "applicant_only", message: "only the applicant may do this" }]);
  }
}

/** The act must be allowed from the current status (409 `mediation_status_conflict`). */
export function assertCanAct(row: { status: MediationRow["status"] }, act: MediationAct): void {
  if (!canAct(row.status, act)) {
    throw new AppError("mediation_status_conflict", [
      {
        code: act,
        message: `${act} is not allowed from ${row.status}`,
        params: { from: row.status, allowedFrom: mediationActs[act].from },
      },
    ]);
  }
}

/** The mediation must be in one of these states (409). */
export function assertStatus(
  row: { status: MediationRow["status"] },
  ...statuses: MediationRow["status"][]
): void {
  if (!statuses.includes(row.status)) {
    throw new AppError("mediation_status_conflict", [
      {
        code: "status",
        message: `not allowed from ${row.status}`,
        params: { from: row.status, allowedFrom: statuses },
      },
    ]);
  }
}

/** The actor as a user, for commands that need the id. */
export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}

/** Accounts of the parties and their active agents. */
export function sideAccounts(parts: Pick<MediationParts, "parties" | "agents">, side?: Side): string[] {
  const partyIds = new Set(
    parts.parties
      .filter((p) => side === undefined || (p.role === "defendant" ? "respondent" : "applicant") === side)
      .map((p) => p.id),
  );
  const ids = [
    ...parts.parties.filter((p) => partyIds.has(p.id)).map((p) => p.user_id),
    ...parts.agents.filter((a) => a.status === "active" && partyIds.has(a.party_id)).map((a) => a.user_id),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Everyone taking part (parties, agents, the mediator) except the actor. */
export function othersThan(actor: Actor, row: MediationRow, parts: MediationParts): string[] {
  const self = actor.kind === "user" ? actor.userId : null;
  const all = [
    ...sideAccounts(parts),
    row.applicant_user_id,
    ...(row.mediator_user_id ? [row.mediator_user_id] : []),
  ];
  return [...new Set(all)].filter((id) => id !== self);
}
