import { AppError, type Actor, type Executor, type UserActor } from "../../../platform";
import {
  findVisibleCase,
  loadCaseParts,
  lockCase,
  relationToCase,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../../cases/index";
import { canActOnAsyncTrial, asyncTrialActs, type AsyncTrialAct } from "./async-trial.rules";
import { findAsyncTrial, lockAsyncTrial, type AsyncTrialRow } from "./async-trial.repository";

export interface TrialCase {
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
}

/** Whether the actor takes part: a party or its agent, the judge of the case, or a clerk of its court. */
export function isParticipant(relation: CaseRelation): boolean {
  return relation.isParty || relation.isAgent || relation.isAssignedJudge || relation.isClerk;
}

/**
 * Loads a case for the asynchronous trial (STYLE.md step 1): whoever may not see the case gets
 * `case_not_found` (404); staff of the court who are neither its judge nor a clerk, `async_trial_not_participant`.
 */
export async function loadTrialCase(db: Executor, actor: Actor, caseId: string): Promise<TrialCase> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  const relation = relationToCase(actor, row, parts);
  if (!isParticipant(relation)) throw new AppError("async_trial_not_participant");
  return { row, parts, relation };
}

/** Loads a trial through its case's visibility: `async_trial_not_found` (404) for whoever may not see it. */
export async function loadTrialFor(
  db: Executor,
  actor: Actor,
  trialId: string,
): Promise<TrialCase & { trial: AsyncTrialRow }> {
  const trial = await findAsyncTrial(db, trialId);
  if (!trial) throw new AppError("async_trial_not_found");
  const row = await findVisibleCase(db, actor, trial.case_id);
  if (!row) throw new AppError("async_trial_not_found");
  const parts = await loadCaseParts(db, row.id);
  const relation = relationToCase(actor, row, parts);
  if (!isParticipant(relation)) throw new AppError("async_trial_not_participant");
  return { trial, row, parts, relation };
}

/** Re-reads the case and the trial under their row locks (the case first, as every command does). */
export async function lockTrialFor(
  trx: Executor,
  actor: Actor,
  trialId: string,
): Promise<TrialCase & { trial: AsyncTrialRow }> {
  const found = await findAsyncTrial(trx, trialId);
  if (!found) throw new AppError("async_trial_not_found");
  const row = await lockCase(trx, found.case_id);
  const trial = await lockAsyncTrial(trx, trialId);
  if (!trial) throw new AppError("async_trial_not_found");
  const parts = await loadCaseParts(trx, row.id);
  return { trial, row, parts, relation: relationToCase(actor, row, parts) };
}

/** The actor as a user, for acts that record who acted. */
export function userOf(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor;
}

/** Only the judge of the case conducts the trial (民事诉讼法第四十条: the judge who tries it). */
export function assertJudge(access: TrialCase): void {
  if (!access.relation.isAssignedJudge) {
    throw new AppError("forbidden", [
      { code: "judge_only", message: "only the judge of the case may do this" },
    ]);
  }
}

/**
 * The party the actor acts for, in person or as its agent (民事诉讼法第六十一条); `partyId` chooses one
 * when the actor acts for several. The judge and the clerks are `forbidden` (403).
 */
export function actingParty(access: TrialCase, partyId?: string | null): CaseParts["parties"][number] {
  const own = access.relation.ownPartyIds;
  const chosen = partyId ?? own[0];
  if (chosen === undefined || !own.includes(chosen)) {
    throw new AppError("forbidden", [
      { code: "party_only", message: "only a party of the case or its agent may do this" },
    ]);
  }
  return access.parts.parties.find((p) => p.id === chosen)!;
}

/** The act must be allowed from the trial's status (409 `async_trial_status_conflict`). */
export function assertTrialStatus(trial: { status: AsyncTrialRow["status"] }, act: AsyncTrialAct): void {
  if (!canActOnAsyncTrial(trial.status, act)) {
    throw new AppError("async_trial_status_conflict", [
      {
        code: act,
        message: `${act} is not allowed from ${trial.status}`,
        params: { from: trial.status, allowedFrom: [...asyncTrialActs[act]] },
      },
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

/** Everyone to tell: every party's accounts and the judge, except the actor. */
export function everyoneBut(actor: Actor, access: TrialCase): string[] {
  const self = actor.kind === "user" ? actor.userId : null;
  const all = [
    ...accountsOfParties(
      access.parts,
      access.parts.parties.map((p) => p.id),
    ),
    ...(access.row.judge_id ? [access.row.judge_id] : []),
  ];
  return [...new Set(all)].filter((id) => id !== self);
}

/** The judge, unless the judge is the actor. */
export function judgeBut(actor: Actor, access: TrialCase): string[] {
  const self = actor.kind === "user" ? actor.userId : null;
  return access.row.judge_id && access.row.judge_id !== self ? [access.row.judge_id] : [];
}
