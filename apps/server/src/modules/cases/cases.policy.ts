import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import { courtsWithRole, hasRole, type Actor, type DB } from "../../platform";
import type { CaseStatus } from "./cases.rules";

/** The case has the account as a party, or as an active agent of a party. */
export function isPartyOrAgent(eb: ExpressionBuilder<DB, "cases">, userId: string): Expression<SqlBool> {
  return eb.or([
    eb.exists(
      eb
        .selectFrom("case_parties")
        .select(sql`1`.as("one"))
        .whereRef("case_parties.case_id", "=", "cases.id")
        .where("case_parties.user_id", "=", userId),
    ),
    eb.exists(
      eb
        .selectFrom("case_agents")
        .select(sql`1`.as("one"))
        .whereRef("case_agents.case_id", "=", "cases.id")
        .where("case_agents.user_id", "=", userId)
        .where("case_agents.status", "=", "active"),
    ),
  ]);
}

/**
 * Who may see a case (STYLE.md step 1: load through a visibility-scoped query; what the caller may not
 * see is 404):
 * - the filer sees their filing from the first draft;
 * - a party or an active agent linked to their account sees it once it left the draft;
 * - clerks and court administrators see every non-draft case of their own court;
 * - a judge sees the cases assigned to them in their court;
 * - a mediator sees only the cases in mediation assigned to them (特邀调解规定第二条(五): mediation is not
 *   public); enforcement officers their court's cases in enforcement.
 * Nobody sees another court's cases through their role.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, "cases">): Expression<SqlBool> => {
    if (actor.kind !== "user" || actor.needsSecondFactor) return sql<boolean>`false`;
    const userId = actor.userId;
    const conditions: Expression<SqlBool>[] = [
      eb("cases.filed_by", "=", userId),
      eb.and([eb("cases.status", "!=", "draft"), isPartyOrAgent(eb, userId)]),
    ];
    const courtWide = courtsWithRole(actor, "clerk", "court_admin");
    if (courtWide.length > 0) {
      conditions.push(eb.and([eb("cases.court_id", "in", courtWide), eb("cases.status", "!=", "draft")]));
    }
    const judgeCourts = courtsWithRole(actor, "judge");
    if (judgeCourts.length > 0) {
      conditions.push(eb.and([eb("cases.court_id", "in", judgeCourts), eb("cases.judge_id", "=", userId)]));
    }
    const mediatorCourts = courtsWithRole(actor, "mediator");
    if (mediatorCourts.length > 0) {
      conditions.push(
        eb.and([
          eb("cases.court_id", "in", mediatorCourts),
          eb("cases.status", "=", "mediation"),
          eb("cases.mediator_id", "=", userId),
        ]),
      );
    }
    const enforcementCourts = courtsWithRole(actor, "enforcement_officer");
    if (enforcementCourts.length > 0) {
      conditions.push(
        eb.and([eb("cases.court_id", "in", enforcementCourts), eb("cases.status", "=", "enforcement")]),
      );
    }
    return eb.or(conditions);
  };
}

/** How the actor relates to a case they can see; drives what they may do and what they are shown. */
export interface CaseRelation {
  isFiler: boolean;
  isParty: boolean;
  isAgent: boolean;
  /** Party ids the actor is, or represents. */
  ownPartyIds: string[];
  /** Party ids the actor is in person (linked to their own account). */
  selfPartyIds: string[];
  isClerk: boolean;
  isCourtAdmin: boolean;
  isAssignedJudge: boolean;
  isStaff: boolean;
}

export interface CaseRelationInput {
  courtId: string;
  filedBy: string;
  judgeId: string | null;
  parties: Array<{ id: string; userId: string | null }>;
  agents: Array<{ partyId: string; userId: string | null; status: string }>;
}

/** The actor's relation to a case. */
export function relationTo(actor: Actor, input: CaseRelationInput): CaseRelation {
  const userId = actor.kind === "user" ? actor.userId : null;
  const partyIds = input.parties.filter((p) => userId !== null && p.userId === userId).map((p) => p.id);
  const agentFor = input.agents
    .filter((a) => userId !== null && a.userId === userId && a.status === "active")
    .map((a) => a.partyId);
  const isClerk = hasRole(actor, input.courtId, "clerk");
  const isCourtAdmin = hasRole(actor, input.courtId, "court_admin");
  const isAssignedJudge =
    userId !== null && input.judgeId === userId && hasRole(actor, input.courtId, "judge");
  return {
    isFiler: userId !== null && input.filedBy === userId,
    isParty: partyIds.length > 0,
    isAgent: agentFor.length > 0,
    ownPartyIds: [...new Set([...partyIds, ...agentFor])],
    selfPartyIds: partyIds,
    isClerk,
    isCourtAdmin,
    isAssignedJudge,
    isStaff:
      isClerk ||
      isCourtAdmin ||
      isAssignedJudge ||
      hasRole(actor, input.courtId, "mediator", "enforcement_officer"),
  };
}

/**
 * Whether the actor sees a party's full ID number: the person it belongs to, the filer who entered it
 * and the court; everyone else (the other side, its lawyers, agents) sees it masked (个人信息保护法第二十八条:
 * an ID number is sensitive personal information, disclosed only where necessary).
 */
export function seesFullIdentityOf(relation: CaseRelation, partyId: string): boolean {
  return relation.isStaff || relation.isFiler || relation.selfPartyIds.includes(partyId);
}

/** The actor's relation to a case, from its row and its parties and agents as stored. */
export function relationToCase(
  actor: Actor,
  row: { court_id: string; filed_by: string; judge_id: string | null },
  parts: {
    parties: ReadonlyArray<{ id: string; user_id: string | null }>;
    agents: ReadonlyArray<{ party_id: string; user_id: string | null; status: string }>;
  },
): CaseRelation {
  return relationTo(actor, {
    courtId: row.court_id,
    filedBy: row.filed_by,
    judgeId: row.judge_id,
    parties: parts.parties.map((p) => ({ id: p.id, userId: p.user_id })),
    agents: parts.agents.map((a) => ({ partyId: a.party_id, userId: a.user_id, status: a.status })),
  });
}

/** The parts of a case that decide who may see it. */
export interface VisibilityInput {
  courtId: string;
  status: CaseStatus;
  filedBy: string;
  judgeId: string | null;
  mediatorId?: string | null;
  partyUserIds: Array<string | null>;
  agents: Array<{ userId: string | null; status: string }>;
}

/**
 * The same rule as `visibleTo`, evaluated in memory on a loaded case (for cached reads). A test keeps
 * the two in agreement.
 */
export function isVisibleTo(actor: Actor, input: VisibilityInput): boolean {
  if (actor.kind !== "user" || actor.needsSecondFactor) return false;
  const userId = actor.userId;
  if (input.filedBy === userId) return true;
  const isDraft = input.status === "draft";
  if (!isDraft && input.partyUserIds.includes(userId)) return true;
  if (!isDraft && input.agents.some((a) => a.userId === userId && a.status === "active")) return true;
  if (!isDraft && hasRole(actor, input.courtId, "clerk", "court_admin")) return true;
  if (input.judgeId === userId && hasRole(actor, input.courtId, "judge")) return true;
  if (
    input.status === "mediation" &&
    input.mediatorId === userId &&
    hasRole(actor, input.courtId, "mediator")
  )
    return true;
  if (input.status === "enforcement" && hasRole(actor, input.courtId, "enforcement_officer")) return true;
  return false;
}
