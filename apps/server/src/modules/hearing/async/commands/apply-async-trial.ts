import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase, loadCaseParts, relationToCase } from "../../../cases/index";
import { actingParty, everyoneBut, loadTrialCase, userOf } from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import {
  findActiveAsyncTrial,
  insertAsyncTrial,
  insertConsent,
  type AsyncTrialRow,
} from "../async-trial.repository";
import { ASYNC_TRIAL_BASIS, isTrialStage, procedureAllowsAsyncTrial } from "../async-trial.rules";

/**
 * A party, or its agent, applies in writing with its reasons for the case to be tried asynchronously
 * (在线诉讼规则第二十条第二款第（二）项: 一方当事人提出书面申请). Only a case under the small-claims or the
 * simplified procedure qualifies (第二十条第二款). The application is the applicant's own consent; the
 * other parties and the judge are told. Throws `case_not_found`, `async_trial_not_participant`,
 * `forbidden`, `async_trial_procedure_not_allowed`, `async_trial_case_stage`, `async_trial_already_active`.
 */
export async function applyForAsyncTrial(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  input: { reasons: string; partyId?: string | null | undefined },
): Promise<AsyncTrialRow> {
  const user = userOf(meta.actor);
  await loadTrialCase(context.db, meta.actor, caseId);
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, caseId);
    const parts = await loadCaseParts(trx, caseId);
    const access = { row, parts, relation: relationToCase(meta.actor, row, parts) };
    const party = actingParty(access, input.partyId);
    if (!procedureAllowsAsyncTrial(row.procedure)) {
      throw new AppError("async_trial_procedure_not_allowed", [
        {
          code: "procedure",
          message: "only small-claims or simplified-procedure cases",
          params: { procedure: row.procedure, basis: ASYNC_TRIAL_BASIS },
        },
      ]);
    }
    if (!isTrialStage(row.status)) {
      throw new AppError("async_trial_case_stage", [
        { code: "case_status", message: `the case is ${row.status}`, params: { status: row.status } },
      ]);
    }
    if (await findActiveAsyncTrial(trx, caseId)) throw new AppError("async_trial_already_active");
    const trial = await insertAsyncTrial(trx, {
      case_id: row.id,
      court_id: row.court_id,
      status: "applied",
      applicant_party_id: party.id,
      applied_by: user.userId,
      reasons: input.reasons,
      applied_at: meta.now,
      difficulty_attested: false,
      undisputed_attested: false,
      disputed_items_at_opening: null,
      opened_by: null,
      opened_at: null,
      refusal_kind: null,
      refusal_reason: null,
      ended_by: null,
      ended_at: null,
      record_issue_id: null,
      record_sha256: null,
      created_at: meta.now,
      updated_at: meta.now,
    });
    // The written application is the applicant's own agreement.
    await insertConsent(trx, {
      trial_id: trial.id,
      party_id: party.id,
      decision: "consented",
      reason: null,
      decided_by: user.userId,
      decided_at: meta.now,
    });
    await recordAsyncTrialAct(trx, meta, {
      trial,
      action: "async_trial.applied",
      courtEvent: "async_trial_applied",
      data: { applicantPartyId: party.id, procedure: row.procedure, reasons: input.reasons },
      inbox: [
        {
          recipientIds: everyoneBut(meta.actor, access),
          kind: "async_trial_applied",
          params: { caseNumber: row.case_number, partyName: party.name, reasons: input.reasons },
        },
      ],
    });
    return trial;
  });
}
