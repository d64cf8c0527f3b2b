import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import {
  actingParty,
  assertTrialStatus,
  everyoneBut,
  loadTrialFor,
  lockTrialFor,
  userOf,
} from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import { insertConsent, listConsents, updateAsyncTrial, type AsyncTrialRow } from "../async-trial.repository";
import { consentState } from "../async-trial.rules";

/**
 * Another party, or its agent, answers the application (在线诉讼规则第二十条第一款: 经各方当事人同意;
 * 第二款第（二）项: 各方当事人均表示同意). Consent is recorded with its time; one refusal ends the
 * application — the trial is then held in the ordinary way. Throws `async_trial_not_found`,
 * `async_trial_not_participant`, `forbidden`, `async_trial_status_conflict`, `async_trial_consent_given`.
 */
export async function answerAsyncTrialApplication(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
  input: {
    decision: "consented" | "refused";
    reason?: string | null | undefined;
    partyId?: string | null | undefined;
  },
): Promise<AsyncTrialRow> {
  const user = userOf(meta.actor);
  await loadTrialFor(context.db, meta.actor, trialId);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    const party = actingParty(access, input.partyId);
    assertTrialStatus(access.trial, "consent");
    const consents = await listConsents(trx, trialId);
    if (consents.some((c) => c.party_id === party.id)) throw new AppError("async_trial_consent_given");
    await insertConsent(trx, {
      trial_id: trialId,
      party_id: party.id,
      decision: input.decision,
      reason: input.reason ?? null,
      decided_by: user.userId,
      decided_at: meta.now,
    });
    const recipients = everyoneBut(meta.actor, access);
    if (input.decision === "refused") {
      const trial = await updateAsyncTrial(
        trx,
        trialId,
        {
          status: "refused",
          refusal_kind: "party",
          refusal_reason: input.reason ?? null,
          ended_by: user.userId,
          ended_at: meta.now,
        },
        meta.now,
      );
      await recordAsyncTrialAct(trx, meta, {
        trial,
        action: "async_trial.consent_refused",
        courtEvent: "async_trial_refused",
        data: { by: "party", partyId: party.id, reasons: input.reason ?? null },
        inbox: [
          {
            recipientIds: recipients,
            kind: "async_trial_refused",
            params: {
              caseNumber: access.row.case_number,
              by: "party",
              partyName: party.name,
              reasons: input.reason ?? null,
            },
          },
        ],
      });
      return trial;
    }
    const state = consentState(
      access.parts.parties.map((p) => p.id),
      [...consents, { party_id: party.id, decision: "consented" as const }],
    );
    const trial = await updateAsyncTrial(trx, trialId, {}, meta.now);
    await recordAsyncTrialAct(trx, meta, {
      trial,
      action: "async_trial.consented",
      courtEvent: "async_trial_consent_given",
      data: { partyId: party.id, allConsented: state === "all_consented" },
      inbox: [
        {
          recipientIds: recipients,
          kind: "async_trial_consented",
          params: {
            caseNumber: access.row.case_number,
            partyName: party.name,
            allConsented: state === "all_consented",
          },
        },
      ],
    });
    return trial;
  });
}
