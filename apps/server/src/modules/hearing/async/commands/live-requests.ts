import type { AppContext } from "../../../../context";
import { AppError, cancelJob, inTransaction, type CommandMeta } from "../../../../platform";
import {
  actingParty,
  assertJudge,
  assertTrialStatus,
  everyoneBut,
  judgeBut,
  loadTrialFor,
  lockTrialFor,
  userOf,
} from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import { asyncTrialReminderKey, asyncTrialWindowKey } from "../async-trial.job-kinds";
import {
  insertLiveRequest,
  listLiveRequests,
  listQuestions,
  lockLiveRequest,
  updateAsyncTrial,
  updateLiveRequest,
  type LiveRequestRow,
} from "../async-trial.repository";

/**
 * 在线诉讼规则第二十条 rests the asynchronous trial on every party's agreement and on the conditions of its
 * second paragraph; 第二十一条第二款 has the court switch the manner of trial as soon as it finds it no
 * longer fits. A party who asks for a live hearing puts that to the judge, who decides.
 */
const LIVE_BASIS = "在线诉讼规则第二十条、第二十一条第二款";

/**
 * A party, or its agent, asks for a live (synchronous) hearing with its reasons; the judge is told.
 * Throws `async_trial_not_found`, `forbidden`, `async_trial_status_conflict`,
 * `async_trial_live_request_pending`.
 */
export async function requestLiveHearing(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  input: { reasons: string; partyId?: string | null | undefined },
): Promise<LiveRequestRow> {
  const user = userOf(meta.actor);
  await loadTrialFor(context.db, meta.actor, trialId);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    const party = actingParty(access, input.partyId);
    assertTrialStatus(access.trial, "requestLive");
    const pending = (await listLiveRequests(trx, trialId)).filter(
      (r) => r.status === "pending" && r.party_id === party.id,
    );
    if (pending.length > 0) throw new AppError("async_trial_live_request_pending");
    const request = await insertLiveRequest(trx, {
      trial_id: trialId,
      party_id: party.id,
      reasons: input.reasons,
      requested_by: user.userId,
      requested_at: meta.now,
      status: "pending",
      decision_reasons: null,
      decided_by: null,
      decided_at: null,
    });
    await recordAsyncTrialAct(trx, meta, {
      trial: access.trial,
      action: "async_trial.live_requested",
      courtEvent: "async_trial_live_requested",
      data: { requestId: request.id, partyId: party.id, reasons: input.reasons, basis: LIVE_BASIS },
      inbox: [
        {
          recipientIds: judgeBut(meta.actor, access),
          kind: "async_trial_live_requested",
          params: { caseNumber: access.row.case_number, partyName: party.name, reasons: input.reasons },
        },
      ],
    });
    return request;
  });
}

/**
 * The judge grants or refuses a request for a live hearing, with reasons for a refusal. Granting ends
 * the asynchronous trial (`ended_for_live`): its windows' jobs are called off, and the judge then fixes
 * an online hearing. Throws `async_trial_not_found`, `forbidden`, `async_trial_status_conflict`,
 * `validation_failed`.
 */
export async function decideLiveHearingRequest(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  requestId: string,
  input: { decision: "granted" | "refused"; reasons?: string | null | undefined },
): Promise<LiveRequestRow> {
  const user = userOf(meta.actor);
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  if (input.decision === "refused" && !input.reasons) {
    throw new AppError("validation_failed", [
      { path: "reasons", code: "required", message: "a refusal gives its reasons" },
    ]);
  }
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    const current = await lockLiveRequest(trx, requestId);
    if (!current || current.trial_id !== trialId) throw new AppError("async_trial_not_found");
    assertTrialStatus(access.trial, "decideLive");
    if (current.status !== "pending") {
      throw new AppError("async_trial_status_conflict", [
        {
          code: "request_decided",
          message: "the request is already decided",
          params: { from: current.status },
        },
      ]);
    }
    const request = await updateLiveRequest(trx, requestId, {
      status: input.decision,
      decision_reasons: input.reasons ?? null,
      decided_by: user.userId,
      decided_at: meta.now,
    });
    let trial = access.trial;
    if (input.decision === "granted") {
      trial = await updateAsyncTrial(
        trx,
        trialId,
        { status: "ended_for_live", ended_by: user.userId, ended_at: meta.now },
        meta.now,
      );
      for (const question of await listQuestions(trx, trialId)) {
        await cancelJob(trx, asyncTrialReminderKey(question.id), meta.now);
        await cancelJob(trx, asyncTrialWindowKey(question.id), meta.now);
      }
    }
    await recordAsyncTrialAct(trx, meta, {
      trial,
      action: "async_trial.live_decided",
      courtEvent: "async_trial_live_decided",
      data: {
        requestId,
        partyId: current.party_id,
        decision: input.decision,
        reasons: input.reasons ?? null,
        basis: LIVE_BASIS,
      },
      inbox: [
        {
          recipientIds: everyoneBut(meta.actor, access),
          kind: "async_trial_live_decided",
          params: {
            caseNumber: access.row.case_number,
            decision: input.decision,
            reasons: input.reasons ?? null,
          },
        },
      ],
    });
    return request;
  });
}
