import { AppError, hasRole, type Actor, type Executor } from "../../platform";
import {
  findVisibleCase,
  loadCaseParts,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";
import { canActOnHearing, hearingActs, type HearingAct } from "./hearing.rules";
import { findHearing, type HearingRow } from "./hearing.repository";

export interface CaseAccess {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/**
 * Loads a case the actor may see (STYLE.md step 1): a party of another case, a judge not in charge of
 * it, the public — `case_not_found` (404), never a hint that it exists.
 */
export async function loadCaseFor(db: Executor, actor: Actor, caseId: string): Promise<CaseAccess> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  return { row, parts, relation: relationToCase(actor, row, parts) };
}

/** Loads a hearing through its case's visibility: `hearing_not_found` (404) for whoever may not see the case. */
export async function loadHearingFor(
  db: Executor,
  actor: Actor,
  hearingId: string,
): Promise<{ hearing: HearingRow } & CaseAccess> {
  const hearing = await findHearing(db, hearingId);
  if (!hearing) throw new AppError("hearing_not_found");
  const row = await findVisibleCase(db, actor, hearing.case_id);
  if (!row) throw new AppError("hearing_not_found");
  const parts = await loadCaseParts(db, row.id);
  return { hearing, row, parts, relation: relationToCase(actor, row, parts) };
}

/** How the actor stands to a hearing. */
export interface HearingRole {
  /** The judge in charge of the case (民事诉讼法第四十条: the judge who tries it). */
  isJudge: boolean;
  /** The clerk named for the hearing (民事诉讼法第一百四十条: the clerk checks who is present). */
  isHearingClerk: boolean;
  /** A clerk or administrator of the court: reads every hearing of the court. */
  isCourtStaff: boolean;
  /** A party or an agent of a party. */
  isParticipant: boolean;
}

export function hearingRoleOf(
  actor: Actor,
  relation: CaseRelation,
  hearing: { court_id: string; clerk_id: string | null } | null,
): HearingRole {
  const userId = actor.kind === "user" ? actor.userId : null;
  return {
    isJudge: relation.isAssignedJudge,
    isHearingClerk:
      hearing !== null &&
      userId !== null &&
      hearing.clerk_id === userId &&
      hasRole(actor, hearing.court_id, "clerk"),
    isCourtStaff: relation.isClerk || relation.isCourtAdmin,
    isParticipant: relation.isParty || relation.isAgent,
  };
}

/** Who may do what to a hearing (the presenter shows it; commands enforce it). */
export const hearingPolicy = {
  /** 民事诉讼法第一百三十九条: the court fixes the hearing — the judge in charge of the case. */
  schedule: (role: HearingRole) => role.isJudge,
  /** The judge, or the clerk named for the hearing, who keeps the judge's schedule. */
  reschedule: (role: HearingRole) => role.isJudge || role.isHearingClerk,
  /** 民事诉讼法第一百四十九条: adjourning is the judge's decision. */
  adjourn: (role: HearingRole) => role.isJudge,
  cancel: (role: HearingRole) => role.isJudge,
} satisfies Record<"schedule" | HearingAct, (role: HearingRole) => boolean>;

/** The actor must be allowed the act (403 otherwise). */
export function assertAllowed(act: keyof typeof hearingPolicy, role: HearingRole): void {
  if (!hearingPolicy[act](role)) {
    throw new AppError("forbidden", [
      {
        code: act === "reschedule" ? "judge_or_hearing_clerk_only" : "judge_in_charge_only",
        message:
          act === "reschedule"
            ? "only the judge in charge or the hearing's clerk may do this"
            : "only the judge in charge may do this",
      },
    ]);
  }
}

/** The act must be allowed from the hearing's status (409 `hearing_status_conflict`). */
export function assertHearingStatus(hearing: { status: HearingRow["status"] }, act: HearingAct): void {
  if (!canActOnHearing(hearing.status, act)) {
    throw new AppError("hearing_status_conflict", [
      {
        code: act,
        message: `${act} is not allowed from ${hearing.status}`,
        params: { from: hearing.status, allowedFrom: hearingActs[act] },
      },
    ]);
  }
}

/** Accounts of the parties and their active agents. */
export function partyAccounts(parts: Pick<CaseParts, "parties" | "agents">): string[] {
  const ids = [
    ...parts.parties.map((p) => p.user_id),
    ...parts.agents.filter((a) => a.status === "active").map((a) => a.user_id),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Everyone to tell about a hearing (parties, agents, the judge, the clerk) except the actor. */
export function othersThan(
  actor: Actor,
  parts: Pick<CaseParts, "parties" | "agents">,
  hearing: { judge_id: string; clerk_id: string | null },
): string[] {
  const self = actor.kind === "user" ? actor.userId : null;
  const all = [...partyAccounts(parts), hearing.judge_id, ...(hearing.clerk_id ? [hearing.clerk_id] : [])];
  return [...new Set(all)].filter((id) => id !== self);
}
