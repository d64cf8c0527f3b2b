import { hasRole, type Actor } from "../../platform";

/** How an actor stands to a mediation; "none" sees nothing of it (404). */
export type MediationRelationKind = "party" | "agent" | "mediator" | "court_staff" | "none";

export interface MediationRelation {
  kind: MediationRelationKind;
  /** Party ids the actor is, or represents as an active agent. */
  ownPartyIds: string[];
  /** True for the account that applied for (or consented to) the mediation. */
  isApplicant: boolean;
}

interface PolicyMediation {
  court_id: string;
  applicant_user_id: string;
  mediator_user_id: string | null;
}

interface PolicyParts {
  parties: ReadonlyArray<{ id: string; user_id: string | null }>;
  agents: ReadonlyArray<{ party_id: string; user_id: string | null; status: string }>;
}

/**
 * The actor's relation to a mediation:
 * - a party (its own account) or an active agent of a party;
 * - the assigned mediator, only while they still hold the mediator role at the court (在线调解规则
 *   第二十七条: the court manages its mediators; 特邀调解规定第二条(五): mediation is not public, so an
 *   unassigned mediator sees nothing);
 * - the court's clerks and administrators (特邀调解规定第三条: the court manages the mediation flow);
 * - everyone else: none.
 * A party that is also staff is treated as a party (they act for themselves).
 */
export function relationToMediation(
  actor: Actor,
  mediation: PolicyMediation,
  parts: PolicyParts,
): MediationRelation {
  if (actor.kind !== "user" || actor.needsSecondFactor) {
    return { kind: "none", ownPartyIds: [], isApplicant: false };
  }
  const userId = actor.userId;
  const selfParties = parts.parties.filter((p) => p.user_id === userId).map((p) => p.id);
  const agentFor = parts.agents
    .filter((a) => a.user_id === userId && a.status === "active")
    .map((a) => a.party_id);
  const ownPartyIds = [...new Set([...selfParties, ...agentFor])];
  const isApplicant = mediation.applicant_user_id === userId;
  if (selfParties.length > 0 || (isApplicant && agentFor.length === 0)) {
    return { kind: "party", ownPartyIds, isApplicant };
  }
  if (agentFor.length > 0) return { kind: "agent", ownPartyIds, isApplicant };
  if (mediation.mediator_user_id === userId && hasRole(actor, mediation.court_id, "mediator")) {
    return { kind: "mediator", ownPartyIds: [], isApplicant: false };
  }
  if (hasRole(actor, mediation.court_id, "clerk", "court_admin")) {
    return { kind: "court_staff", ownPartyIds: [], isApplicant: false };
  }
  return { kind: "none", ownPartyIds: [], isApplicant: false };
}

/** True for the parties' side (a party in person or their agent). */
export function isSide(relation: MediationRelation): boolean {
  return relation.kind === "party" || relation.kind === "agent";
}
