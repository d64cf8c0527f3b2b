import type { AppContext } from "../../../../context";
import { AppError, cancelJob, inTransaction, type CommandMeta } from "../../../../platform";
import { courtDateOf } from "../../../cases/index";
import { findCourt } from "../../../courts/index";
import { issueDocument } from "../../../documents/index";
import { findUserSummaries } from "../../../identity/index";
import {
  assertJudge,
  assertTrialStatus,
  everyoneBut,
  loadTrialFor,
  lockTrialFor,
  userOf,
} from "../async-trial.access";
import { recordAsyncTrialAct } from "../async-trial.events";
import { asyncTrialReminderKey, asyncTrialWindowKey } from "../async-trial.job-kinds";
import {
  listAnswers,
  listConsents,
  listLiveRequests,
  listMissed,
  listQuestions,
  updateAsyncTrial,
  type AsyncTrialRow,
} from "../async-trial.repository";
import { buildAsyncTrialRecordModels } from "../documents/async-trial-record";

export const partyRoleNames: Record<"plaintiff" | "defendant" | "third_party", { zh: string; en: string }> = {
  plaintiff: { zh: "原告", en: "Plaintiff" },
  defendant: { zh: "被告", en: "Defendant" },
  third_party: { zh: "第三人", en: "Third party" },
};

/**
 * The judge closes the asynchronous trial: the thread is the record (在线诉讼规则第二十条: the trial is
 * completed asynchronously on the platform). The record — every question and issue with its window,
 * each answer with its time, the missed answers, the requests for a live hearing and their decisions —
 * is issued as a document in both languages, and its DOCX hash goes to the ledger with the act. A
 * request for a live hearing still waiting must be decided first. Throws `async_trial_not_found`,
 * `forbidden`, `async_trial_status_conflict`, `async_trial_live_request_pending`.
 */
export async function closeAsyncTrial(
  context: AppContext,
  meta: CommandMeta,
  trialId: string,
): Promise<AsyncTrialRow> {
  const user = userOf(meta.actor);
  const loaded = await loadTrialFor(context.db, meta.actor, trialId);
  assertJudge(loaded);
  const court = await findCourt(context.db, loaded.row.court_id);
  if (!court) throw new AppError("case_not_found");
  const [judge] = await findUserSummaries(context.db, [user.userId]);
  return inTransaction(context.db, async (trx) => {
    const access = await lockTrialFor(trx, meta.actor, trialId);
    assertTrialStatus(access.trial, "close");
    const requests = await listLiveRequests(trx, trialId);
    if (requests.some((r) => r.status === "pending")) throw new AppError("async_trial_live_request_pending");
    const questions = await listQuestions(trx, trialId);
    const ids = questions.map((q) => q.id);
    const answers = await listAnswers(trx, ids);
    const missed = await listMissed(trx, ids);
    const consents = await listConsents(trx, trialId);
    const partyOf = (id: string) => {
      const p = access.parts.parties.find((x) => x.id === id)!;
      const role = partyRoleNames[p.role];
      return { name: p.name, roleZh: role.zh, roleEn: role.en };
    };
    const trial = access.trial;
    const models = buildAsyncTrialRecordModels({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: access.row.case_number,
      causeNameZh: access.row.cause_name_zh,
      causeNameEn: access.row.cause_name_en,
      procedure: access.row.procedure === "small_claims" ? "small_claims" : "simplified",
      parties: access.parts.parties.map((p) => partyOf(p.id)),
      applicant: partyOf(trial.applicant_party_id),
      reasons: trial.reasons,
      appliedAt: trial.applied_at,
      consents: consents
        .filter((c) => c.decision === "consented")
        .sort((a, b) => a.decided_at.getTime() - b.decided_at.getTime())
        .map((c) => ({ party: partyOf(c.party_id), at: c.decided_at })),
      openedAt: trial.opened_at!,
      disputedItems: trial.disputed_items_at_opening ?? 0,
      questions: questions.map((q) => ({
        number: q.number,
        kind: q.kind,
        body: q.body,
        addressedTo: q.addressed_party_id ? partyOf(q.addressed_party_id) : null,
        postedAt: q.posted_at,
        windowEndsAt: q.window_ends_at,
        extendedCount: q.extended_count,
        answers: answers
          .filter((a) => a.question_id === q.id)
          .map((a) => ({
            party: partyOf(a.party_id),
            body: a.body,
            videoSha256: a.video_sha256,
            at: a.answered_at,
            isSupplement: a.is_supplement,
          })),
        missed: missed
          .filter((m) => m.question_id === q.id)
          .map((m) => ({ party: partyOf(m.party_id), windowEndsAt: m.window_ends_at })),
      })),
      liveRequests: requests.map((r) => ({
        party: partyOf(r.party_id),
        reasons: r.reasons,
        at: r.requested_at,
        decision: r.status,
        decisionReasons: r.decision_reasons,
        decidedAt: r.decided_at,
      })),
      closedAt: meta.now,
      judgeName: judge?.name ?? "",
      issuedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: access.row.id,
      courtId: access.row.court_id,
      zh: models.zh,
      en: models.en,
      issuedBy: user.userId,
      signedBy: user.userId,
      now: meta.now,
    });
    for (const id of ids) {
      await cancelJob(trx, asyncTrialReminderKey(id), meta.now);
      await cancelJob(trx, asyncTrialWindowKey(id), meta.now);
    }
    const closed = await updateAsyncTrial(
      trx,
      trialId,
      {
        status: "closed",
        ended_by: user.userId,
        ended_at: meta.now,
        record_issue_id: issued.issueId,
        record_sha256: issued.zh.docxSha256,
      },
      meta.now,
    );
    await recordAsyncTrialAct(trx, meta, {
      trial: closed,
      action: "async_trial.closed",
      courtEvent: "async_trial_closed",
      data: {
        questions: questions.length,
        answers: answers.length,
        recordIssueId: issued.issueId,
        recordSha256: issued.zh.docxSha256,
        recordEnSha256: issued.en.docxSha256,
        recordContentSha256: issued.zh.contentSha256,
      },
      inbox: [
        {
          recipientIds: everyoneBut(meta.actor, access),
          kind: "async_trial_closed",
          params: { caseNumber: access.row.case_number },
        },
      ],
    });
    return closed;
  });
}
