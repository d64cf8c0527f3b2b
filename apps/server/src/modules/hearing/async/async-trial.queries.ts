import type { AppContext } from "../../../context";
import type { Actor } from "../../../platform";
import { listCaseDocuments } from "../../documents/index";
import { countDisputedEvidence } from "../../evidence/index";
import { loadTrialCase, type TrialCase } from "./async-trial.access";
import {
  findActiveAsyncTrial,
  listAnswers,
  listAsyncTrialsOfCase,
  listConsents,
  listLiveRequests,
  listMissed,
  listQuestions,
  type AsyncTrialRow,
} from "./async-trial.repository";
import {
  addressees,
  canActOnAsyncTrial,
  consentState,
  isTrialStage,
  isWindowOpen,
  procedureAllowsAsyncTrial,
} from "./async-trial.rules";
import type { TAsyncTrial, TAsyncTrialView } from "./async-trial.schemas";

/**
 * The asynchronous trial of a case as the caller sees it: the current (or latest) trial with its
 * consents, its thread and the acts the caller may take. Parties, their agents, the judge and the
 * clerks only. Throws `case_not_found`, `async_trial_not_participant`.
 */
export async function getAsyncTrialView(
  context: AppContext,
  actor: Actor,
  caseId: string,
): Promise<TAsyncTrialView> {
  const access = await loadTrialCase(context.db, actor, caseId);
  const now = context.clock.now();
  const latest = (await listAsyncTrialsOfCase(context.db, caseId))[0] ?? null;
  const active = await findActiveAsyncTrial(context.db, caseId);
  const isAllowed = procedureAllowsAsyncTrial(access.row.procedure);
  return {
    caseId,
    procedure: access.row.procedure,
    isProcedureAllowed: isAllowed,
    isJudge: access.relation.isAssignedJudge,
    myPartyIds: access.relation.ownPartyIds,
    parties: access.parts.parties.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    canApply:
      access.relation.ownPartyIds.length > 0 && isAllowed && isTrialStage(access.row.status) && !active,
    trial: latest ? await presentTrial(context, access, latest, now) : null,
  };
}

async function presentTrial(
  context: AppContext,
  access: TrialCase,
  trial: AsyncTrialRow,
  now: Date,
): Promise<TAsyncTrial> {
  const db = context.db;
  const partyIds = access.parts.parties.map((p) => p.id);
  const own = access.relation.ownPartyIds;
  const isJudge = access.relation.isAssignedJudge;
  const isCourt = isJudge || access.relation.isClerk;
  const consents = await listConsents(db, trial.id);
  const questions = await listQuestions(db, trial.id);
  const ids = questions.map((q) => q.id);
  const answers = await listAnswers(db, ids);
  const missed = await listMissed(db, ids);
  const requests = await listLiveRequests(db, trial.id);
  const allConsented = consentState(partyIds, consents) === "all_consented";
  const isOpen = trial.status === "open";
  const hasPending = requests.some((r) => r.status === "pending");
  const record = trial.record_issue_id
    ? (await listCaseDocuments(db, trial.case_id))
        .filter((d) => d.issue_id === trial.record_issue_id)
        .map((d) => {
          const base = `/api/cases/${trial.case_id}/documents/${d.id}`;
          return { locale: d.locale, docxUrl: `${base}/docx`, pdfUrl: `${base}/pdf` };
        })
    : [];
  const disputed = !isCourt
    ? null
    : trial.status === "applied"
      ? await countDisputedEvidence(db, trial.case_id)
      : trial.disputed_items_at_opening;
  return {
    id: trial.id,
    status: trial.status,
    applicantPartyId: trial.applicant_party_id,
    reasons: trial.reasons,
    appliedAt: trial.applied_at.toISOString(),
    consents: partyIds.map((partyId) => {
      const c = consents.find((x) => x.party_id === partyId);
      return {
        partyId,
        decision: c?.decision ?? null,
        reason: c?.reason ?? null,
        decidedAt: c?.decided_at.toISOString() ?? null,
      };
    }),
    allConsented,
    disputedItems: disputed,
    openedAt: trial.opened_at?.toISOString() ?? null,
    refusal: trial.refusal_kind ? { by: trial.refusal_kind, reasons: trial.refusal_reason } : null,
    endedAt: trial.ended_at?.toISOString() ?? null,
    record:
      trial.record_issue_id && trial.record_sha256
        ? { issueId: trial.record_issue_id, sha256: trial.record_sha256, versions: record }
        : null,
    questions: questions.map((q) => {
      const theirs = answers.filter((a) => a.question_id === q.id);
      const addressed = addressees(q, partyIds);
      const answered = new Set(theirs.map((a) => a.party_id));
      const open = isWindowOpen(q.window_ends_at, now);
      return {
        id: q.id,
        number: q.number,
        kind: q.kind,
        body: q.body,
        addressedPartyId: q.addressed_party_id,
        postedAt: q.posted_at.toISOString(),
        windowEndsAt: q.window_ends_at.toISOString(),
        isWindowOpen: open,
        extendedCount: q.extended_count,
        answers: theirs.map((a) => ({
          id: a.id,
          partyId: a.party_id,
          body: a.body,
          video:
            a.video_sha256 && a.video_media_type && a.video_size
              ? { sha256: a.video_sha256, mediaType: a.video_media_type, size: a.video_size }
              : null,
          isSupplement: a.is_supplement,
          answeredAt: a.answered_at.toISOString(),
        })),
        missedPartyIds: [...new Set(missed.filter((m) => m.question_id === q.id).map((m) => m.party_id))],
        awaitingPartyIds: addressed.filter((id) => !answered.has(id)),
        answerablePartyIds: isOpen && open ? own.filter((id) => addressed.includes(id)) : [],
      };
    }),
    liveRequests: requests.map((r) => ({
      id: r.id,
      partyId: r.party_id,
      reasons: r.reasons,
      requestedAt: r.requested_at.toISOString(),
      status: r.status,
      decisionReasons: r.decision_reasons,
      decidedAt: r.decided_at?.toISOString() ?? null,
    })),
    actions: {
      consentPartyIds: canActOnAsyncTrial(trial.status, "consent")
        ? own.filter((id) => !consents.some((c) => c.party_id === id))
        : [],
      canOpen: isJudge && canActOnAsyncTrial(trial.status, "open") && allConsented,
      canRefuse: isJudge && canActOnAsyncTrial(trial.status, "refuse"),
      canPost: isJudge && isOpen,
      canRequestLive:
        isOpen && own.some((id) => !requests.some((r) => r.party_id === id && r.status === "pending")),
      canDecideLive: isJudge && isOpen && hasPending,
      canClose: isJudge && isOpen && !hasPending,
      shouldScheduleHearing: isJudge && trial.status === "ended_for_live",
    },
  };
}
