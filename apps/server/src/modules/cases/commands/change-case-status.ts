import { AppError, actorUserId, type CommandMeta, type Tx } from "../../../platform";
import { appendTimeline, updateCase, type CaseRow } from "../cases.repository";
import { nextStatus, transitions, type CaseTransition } from "../cases.rules";

export interface ChangeCaseStatusOptions {
  /** The case row, loaded with `lockCase` in this transaction. */
  row: CaseRow;
  transition: CaseTransition;
  /** Other columns that change with the status. */
  patch?: Parameters<typeof updateCase>[2];
  timeline: { kind: string; data?: Record<string, unknown>; isPublic: boolean };
}

/**
 * Moves a locked case along the status machine (cases.rules.ts) and records the step on its timeline.
 * Throws `case_status_conflict` (409) when the act is not allowed from the current status.
 */
export async function changeCaseStatus(
  trx: Tx,
  meta: CommandMeta,
  options: ChangeCaseStatusOptions,
): Promise<CaseRow["status"]> {
  const to = nextStatus(options.row.status, options.transition);
  if (to === null) {
    throw new AppError("case_status_conflict", [
      {
        code: options.transition,
        message: `${options.transition} is not allowed from ${options.row.status}`,
        params: { from: options.row.status, allowedFrom: transitions[options.transition].from },
      },
    ]);
  }
  await updateCase(trx, options.row.id, { ...options.patch, status: to }, meta.now);
  await appendTimeline(trx, {
    caseId: options.row.id,
    kind: options.timeline.kind,
    actorUserId: actorUserId(meta.actor),
    data: { ...options.timeline.data, basis: transitions[options.transition].basis },
    isPublic: options.timeline.isPublic,
    now: meta.now,
  });
  return to;
}
