import { AppError, hasRole, type Actor, type Executor } from "../../platform";
import {
  findMediation,
  loadMediationParts,
  type MediationParts,
  type MediationRow,
} from "./mediation.repository";
import { relationToMediation, type MediationRelation } from "./mediation.policy";
import {
  findConfirmation,
  lockConfirmation,
  type ConfirmationRow,
} from "./mediation.confirmation.repository";

/**
 * The parties an account may sign or apply for: the parties it is in person, and those it represents
 * as an active agent holding a power of attorney (民事诉讼法第六十二条: settling a dispute needs the
 * principal's special authority, so an agent without one on record cannot).
 */
export function authorisedPartyIds(
  actor: Actor,
  parts: Pick<MediationParts, "parties" | "agents">,
): { self: string[]; asAgent: string[]; withoutAuthority: string[] } {
  if (actor.kind !== "user") return { self: [], asAgent: [], withoutAuthority: [] };
  const self = parts.parties.filter((p) => p.user_id === actor.userId).map((p) => p.id);
  const agents = parts.agents.filter(
    (a) => a.user_id === actor.userId && a.status === "active" && !self.includes(a.party_id),
  );
  const asAgent = [
    ...new Set(agents.filter((a) => a.power_of_attorney_sha256 !== null).map((a) => a.party_id)),
  ];
  const withoutAuthority = [
    ...new Set(agents.filter((a) => a.power_of_attorney_sha256 === null).map((a) => a.party_id)),
  ].filter((id) => !asAgent.includes(id));
  return { self, asAgent, withoutAuthority };
}

/** Throws `forbidden` (403) for an agent whose principal gave no special authority. */
export function assertMayActForParties(authorised: ReturnType<typeof authorisedPartyIds>): string[] {
  const ids = [...authorised.self, ...authorised.asAgent];
  if (ids.length === 0) {
    throw new AppError("forbidden", [
      authorised.withoutAuthority.length > 0
        ? { code: "special_authority_required", message: "an agent needs the party's special authority" }
        : { code: "party_only", message: "only a party or its agent may do this" },
    ]);
  }
  return ids;
}

/** How an actor stands to a judicial confirmation. */
export interface ConfirmationRelation {
  /** A party of the mediation, in person or as an agent. */
  isParty: boolean;
  /** A clerk of the court (accepts or refuses). */
  isClerk: boolean;
  /** A clerk or administrator of the court (sees the court's queue). */
  isCourtStaff: boolean;
  /** An administrator of the court (records the president's approval of an extension). */
  isCourtAdmin: boolean;
  /** The judge assigned to review it (decides). */
  isAssignedJudge: boolean;
  mediationRelation: MediationRelation;
}

export interface ConfirmationAccess {
  row: ConfirmationRow;
  mediation: MediationRow;
  parts: MediationParts;
  relation: ConfirmationRelation;
}

/**
 * Who sees a confirmation (404 for anyone else): the parties and their agents; the clerks and
 * administrators of the court, once the parties' joint application is before it; the judge assigned
 * to it. Judges and clerks of other courts, unassigned judges, mediators and strangers see nothing.
 */
export function relationToConfirmation(
  actor: Actor,
  row: Pick<ConfirmationRow, "court_id" | "judge_id" | "status">,
  mediation: MediationRow,
  parts: MediationParts,
): ConfirmationRelation {
  const mediationRelation = relationToMediation(actor, mediation, parts);
  const isParty = mediationRelation.kind === "party" || mediationRelation.kind === "agent";
  const beforeCourt = row.status !== "awaiting_parties";
  const isCourtStaff = beforeCourt && hasRole(actor, row.court_id, "clerk", "court_admin");
  const isClerk = beforeCourt && hasRole(actor, row.court_id, "clerk");
  const isCourtAdmin = beforeCourt && hasRole(actor, row.court_id, "court_admin");
  const isAssignedJudge =
    actor.kind === "user" &&
    !actor.needsSecondFactor &&
    row.judge_id === actor.userId &&
    hasRole(actor, row.court_id, "judge");
  return { isParty, isClerk, isCourtStaff, isCourtAdmin, isAssignedJudge, mediationRelation };
}

function visible(relation: ConfirmationRelation): boolean {
  return relation.isParty || relation.isCourtStaff || relation.isAssignedJudge;
}

async function accessTo(
  db: Executor,
  actor: Actor,
  row: ConfirmationRow | undefined,
): Promise<ConfirmationAccess> {
  if (!row) throw new AppError("confirmation_not_found");
  const mediation = await findMediation(db, row.mediation_id);
  if (!mediation) throw new AppError("confirmation_not_found");
  const parts = await loadMediationParts(db, mediation);
  const relation = relationToConfirmation(actor, row, mediation, parts);
  if (!visible(relation)) throw new AppError("confirmation_not_found");
  return { row, mediation, parts, relation };
}

/** Loads a confirmation the actor may see (404 `confirmation_not_found` otherwise). */
export async function loadConfirmation(db: Executor, actor: Actor, id: string): Promise<ConfirmationAccess> {
  return accessTo(db, actor, await findConfirmation(db, id));
}

/** The same under the confirmation's row lock, inside a command's transaction. */
export async function lockConfirmationFor(
  trx: Executor,
  actor: Actor,
  id: string,
): Promise<ConfirmationAccess> {
  return accessTo(trx, actor, await lockConfirmation(trx, id));
}

/** Only a clerk of the court (403). */
export function assertConfirmationClerk(access: ConfirmationAccess): void {
  if (!access.relation.isClerk)
    throw new AppError("forbidden", [
      { code: "clerk_only", message: "only a clerk of this court may do this" },
    ]);
}

/** Only the judge assigned to the confirmation (403). */
export function assertAssignedJudge(access: ConfirmationAccess): void {
  if (!access.relation.isAssignedJudge)
    throw new AppError("forbidden", [
      { code: "assigned_judge_only", message: "only the assigned judge may do this" },
    ]);
}

/** Accounts of the parties and their active agents. */
export function partyAccounts(parts: Pick<MediationParts, "parties" | "agents">): string[] {
  const ids = [
    ...parts.parties.map((p) => p.user_id),
    ...parts.agents.filter((a) => a.status === "active").map((a) => a.user_id),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
