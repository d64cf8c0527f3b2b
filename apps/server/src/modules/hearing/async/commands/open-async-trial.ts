import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { countDisputedEvidence } from "../../../evidence/index";
import {
  assertJudge,
  assertTrialStatus,
  everyoneBut,
  loadTrialFor,
  lockTrialFor,
  userOf,
} from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import { listConsents, updateAsyncTrial, type AsyncTrialRow } from "../async-trial.repository";
import { ASYNC_TRIAL_BASIS, consentState, procedureAllowsAsyncTrial } from "../async-trial.rules";

export interface OpenAsyncTrialInput {
  /** 在线诉讼规则第二十条第二款第（一）项: 各方当事人同时在线参与庭审确有困难. */
  difficultyAttested: boolean;
  /** 第（三）项: after online evidence exchange or inquiry the main facts and evidence are not disputed. */
  undisputedAttested: boolean;
}

/**
 * The judge of the case opens the asynchronous trial once every party has agreed, attesting the
 * conditions of 在线诉讼规则第二十条第二款: the parties truly have difficulty attending together, and after
 * the online evidence exchange they do not dispute the main facts and evidence. Items disputed in the
 * exchange are counted and recorded (the judge decides). Throws `async_trial_not_found`, `forbidden`,
 * `async_trial_status_conflict`, `async_trial_conditions_not_met`, `async_trial_procedure_not_allowed`.
 */
export async function openAsyncTrial(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  input: OpenAsyncTrialInput,
): Promise<AsyncTrialRow> {
  const user = userOf(meta.actor);
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    assertTrialStatus(access.trial, "open");
    if (!procedureAllowsAsyncTrial(access.row.procedure)) {
      throw new AppError("async_trial_procedure_not_allowed", [
        { code: "procedure", message: "the procedure changed", params: { procedure: access.row.procedure } },
      ]);
    }
    const issues = [];
    const consents = await listConsents(trx, trialId);
    if (
      consentState(
        access.parts.parties.map((p) => p.id),
        consents,
      ) !== "all_consented"
    ) {
      issues.push({ code: "consents_missing", message: "every party must agree (第二十条第二款第（二）项)" });
    }
    if (!input.difficultyAttested) {
      issues.push({
        path: "difficultyAttested",
        code: "difficulty_not_attested",
        message: "the parties' difficulty attending together (第二十条第二款第（一）项)",
      });
    }
    if (!input.undisputedAttested) {
      issues.push({
        path: "undisputedAttested",
        code: "dispute_not_excluded",
        message: "no dispute over the main facts and evidence (第二十条第二款第（三）项)",
      });
    }
    if (issues.length > 0) throw new AppError("async_trial_conditions_not_met", issues);
    const disputedItems = await countDisputedEvidence(trx, access.row.id);
    const trial = await updateAsyncTrial(
      trx,
      trialId,
      {
        status: "open",
        difficulty_attested: true,
        undisputed_attested: true,
        disputed_items_at_opening: disputedItems,
        opened_by: user.userId,
        opened_at: meta.now,
      },
      meta.now,
    );
    await recordAsyncTrialAct(trx, meta, {
      trial,
      action: "async_trial.opened",
      courtEvent: "async_trial_opened",
      data: { difficultyAttested: true, undisputedAttested: true, disputedItems, basis: ASYNC_TRIAL_BASIS },
      inbox: [
        {
          recipientIds: everyoneBut(meta.actor, access),
          kind: "async_trial_opened",
          params: { caseNumber: access.row.case_number },
        },
      ],
    });
    return trial;
  });
}

/**
 * The judge refuses the application with reasons (the conditions of 在线诉讼规则第二十条第二款 are not met);
 * the case is heard in the ordinary way. Throws `async_trial_not_found`, `forbidden`,
 * `async_trial_status_conflict`.
 */
export async function refuseAsyncTrial(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  input: { reasons: string },
): Promise<AsyncTrialRow> {
  const user = userOf(meta.actor);
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    assertTrialStatus(access.trial, "refuse");
    const trial = await updateAsyncTrial(
      trx,
      trialId,
      {
        status: "refused",
        refusal_kind: "judge",
        refusal_reason: input.reasons,
        ended_by: user.userId,
        ended_at: meta.now,
      },
      meta.now,
    );
    await recordAsyncTrialAct(trx, meta, {
      trial,
      action: "async_trial.refused",
      courtEvent: "async_trial_refused",
      data: { by: "judge", partyId: null, reasons: input.reasons },
      inbox: [
        {
          recipientIds: everyoneBut(meta.actor, access),
          kind: "async_trial_refused",
          params: { caseNumber: access.row.case_number, by: "judge", reasons: input.reasons },
        },
      ],
    });
    return trial;
  });
}
