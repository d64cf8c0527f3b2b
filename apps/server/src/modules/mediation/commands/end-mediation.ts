import { cancelJob, inTransaction, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import { closeDeadline, lockCase } from "../../cases/index";
import { listStaff } from "../../courts/index";
import {
  assertApplicant,
  assertCanAct,
  assertRelation,
  loadMediation,
  lockMediationFor,
  othersThan,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { acceptanceDueKey, appointmentDueKey, mediationPeriodKey } from "../mediation.job-kinds";
import {
  closeOpenExtensions,
  loadMediationParts,
  updateMediation,
  type MediationRow,
} from "../mediation.repository";
import { outcomeOfAct, type MediationAct } from "../mediation.rules";
import { referInTransaction } from "./refer-mediation-to-filing";

type EndingAct = Extract<MediationAct, "recordFailure" | "withdrawMediation" | "refuseMediation" | "lapse">;

const courtEventOf = {
  recordFailure: "mediation_failed",
  withdrawMediation: "mediation_withdrawn",
  refuseMediation: "mediation_failed",
  lapse: "mediation_lapsed",
} as const;

/**
 * Ends a running mediation without agreement (在线调解规则第二十五条) inside a transaction holding the
 * mediation's row lock: records the outcome and reason, closes its open periods and proposals, and tells
 * everyone. A filing that was offered mediation at review goes back to review at once (在线调解规则
 * 第二十一条; 特邀调解规定第二十一条); an applicant's dispute waits for the applicant to choose filing.
 */
export async function endMediationInTransaction(
  trx: Tx,
  context: AppContext,
  meta: CommandMeta,
  row: MediationRow,
  options: { act: EndingAct; reason: string | null },
): Promise<{ status: string; reviewDueOn: string | null }> {
  assertCanAct(row, options.act);
  const outcome = outcomeOfAct[options.act]!;
  const caseRow = await lockCase(trx, row.case_id);
  await updateMediation(
    trx,
    row.id,
    { status: "ended", outcome, outcome_reason: options.reason, ended_at: meta.now },
    meta.now,
  );
  await closeDeadline(
    trx,
    row.case_id,
    "mediation_period",
    options.act === "lapse" ? "missed" : "cancelled",
    meta.now,
  );
  await closeDeadline(trx, row.case_id, "mediator_appointment", "cancelled", meta.now);
  await closeDeadline(trx, row.case_id, "mediator_acceptance", "cancelled", meta.now);
  await closeOpenExtensions(trx, row.id, meta.now);
  if (options.act !== "lapse") await cancelJob(trx, mediationPeriodKey(row.id), meta.now);
  await cancelJob(trx, appointmentDueKey(row.id), meta.now);
  await cancelJob(trx, acceptanceDueKey(row.id), meta.now);
  const parts = await loadMediationParts(trx, row);
  const clerks = (await listStaff(trx, row.court_id, ["clerk"])).map((c) => c.user_id);
  await recordMediationAct(trx, meta, {
    mediation: row,
    action: `mediation.${outcome}`,
    courtEvent: courtEventOf[options.act],
    data: { outcome, reason: options.reason, basis: basisOf(options.act) },
    inbox: [
      {
        recipientIds: othersThan(meta.actor, row, parts),
        kind: "mediation_ended",
        params: { title: caseRow.title, outcome, reason: options.reason, origin: row.origin },
      },
      ...(row.origin === "application"
        ? []
        : [
            {
              recipientIds: clerks,
              kind: "mediation_ended" as const,
              params: { title: caseRow.title, outcome, reason: options.reason, origin: row.origin },
            },
          ]),
    ],
  });
  if (row.origin === "offered_at_filing") {
    const ended = {
      ...row,
      status: "ended" as const,
      outcome,
      outcome_reason: options.reason,
      ended_at: meta.now,
    };
    const referred = await referInTransaction(trx, context, meta, ended);
    return { status: "referred", reviewDueOn: referred.reviewDueOn };
  }
  return { status: "ended", reviewDueOn: null };
}

function basisOf(act: EndingAct): string {
  switch (act) {
    case "recordFailure":
      return "人民法院在线调解规则第二十五条；第二十一条";
    case "withdrawMediation":
      return "人民法院在线调解规则第二十五条第二项";
    case "refuseMediation":
      return "人民法院在线调解规则第十五条第二款";
    case "lapse":
      return "人民法院在线调解规则第二十五条第六项";
  }
}

/**
 * The mediator ends the mediation as failed and records why (在线调解规则第二十一条: 调解不成的原因;
 * 第二十五条). Throws `mediation_not_found`, `forbidden`, `mediation_status_conflict`.
 */
export async function recordMediationFailure(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  reason: string,
) {
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "mediator");
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.case_id);
    const { row } = await lockMediationFor(trx, meta.actor, mediationId);
    return endMediationInTransaction(trx, context, meta, row, { act: "recordFailure", reason });
  });
}

/**
 * The applicant withdraws the application for mediation (在线调解规则第二十五条第二项). Throws
 * `mediation_not_found`, `forbidden`, `mediation_status_conflict`.
 */
export async function withdrawMediation(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  reason: string | null,
) {
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertApplicant(access);
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.case_id);
    const { row } = await lockMediationFor(trx, meta.actor, mediationId);
    return endMediationInTransaction(trx, context, meta, row, { act: "withdrawMediation", reason });
  });
}
