import type { AppContext } from "../../context";
import { AppError, type Actor } from "../../platform";
import {
  answerWindow,
  canCounterclaim,
  defendantPartiesOf,
  findAnswer,
  findAnswerAttachment,
  findDeadlineDue,
  isAnswerWindowOpen,
  listCasePartyCodes,
  listCounterclaims,
  listJurisdictionObjections,
  listSubmittedAnswers,
  loadCaseParts,
  type CaseActionProvider,
} from "../cases/index";
import type { TDefence } from "./defendant.schemas";
import { loadFiling } from "./filing.access";

/**
 * The defendant's side of a case as the caller may see it: submitted answers, objections and
 * counterclaims to everyone who sees the case; an answer draft to its defendant only.
 * Throws `case_not_found`.
 */
export async function getDefence(context: AppContext, actor: Actor, caseId: string): Promise<TDefence> {
  const access = await loadFiling(context.db, actor, caseId);
  const mine = defendantPartiesOf(access.relation, access.parts.parties);
  const answers = await listSubmittedAnswers(context.db, caseId);
  for (const partyId of mine) {
    const draft = await findAnswer(context.db, caseId, partyId);
    if (draft && draft.status === "draft") answers.push(draft);
  }
  const objections = await listJurisdictionObjections(context.db, caseId);
  const counterclaims = await listCounterclaims(context.db, caseId);
  return {
    answers: answers.map((a) => ({
      id: a.id,
      partyId: a.party_id,
      status: a.status,
      responses: a.responses,
      factsAndReasons: a.facts_and_reasons,
      evidence: a.evidence.map((e) => ({
        name: e.name,
        source: e.source,
        purpose: e.purpose,
        attachmentId: e.attachmentId ?? null,
      })),
      submittedAt: a.submitted_at,
      documentIssueId: a.document_issue_id,
    })),
    objections: objections.map((o) => ({
      id: o.id,
      partyId: o.party_id,
      grounds: o.grounds,
      proposedCourt: o.proposed_court,
      status: o.status,
      filedAt: o.filed_at,
      decidedAt: o.decided_at,
      reason: o.reason,
      rulingIssueId: o.ruling_issue_id,
    })),
    counterclaims: counterclaims.map((c) => ({
      id: c.id,
      partyId: c.party_id,
      claims: c.claims.map((claim) => ({
        text: claim.text,
        amount: claim.amountFen === null ? null : claim.amountFen / 100,
      })),
      factsAndReasons: c.facts_and_reasons,
      fee: Number(c.fee_fen) / 100,
      feeDueAt: c.fee_due_at,
      status: c.status,
      filedAt: c.filed_at,
    })),
    answerDueAt: await findDeadlineDue(context.db, caseId, "answer_period"),
    // The codes link an account to a party: only the court sees them (to print on the notice).
    caseCodes:
      access.relation.isClerk || access.relation.isCourtAdmin
        ? (await listCasePartyCodes(context.db, caseId)).map((c) => ({
            partyId: c.party_id,
            caseCode: c.code,
            usedAt: c.used_at,
          }))
        : [],
  };
}

/**
 * What the caller may do on the defendant's side, for the case page: the clerk serves the complaint; a
 * defendant (or their agent) answers, objects to jurisdiction and counterclaims while the answer period
 * is open (民事诉讼法第一百二十八条、第一百三十条); the judge in charge rules on a pending objection.
 */
export function defendantCaseActions(context: AppContext): CaseActionProvider {
  return async ({ relation, row }) => {
    const actions: string[] = [];
    if (relation.isClerk && row.status === "accepted") actions.push("serve_complaint");
    if (relation.ownPartyIds.length > 0) {
      const { parties } = await loadCaseParts(context.db, row.id);
      const mine = defendantPartiesOf(relation, parties);
      if (mine.length > 0) {
        const window = answerWindow({
          status: row.status,
          answerDueAt: await findDeadlineDue(context.db, row.id, "answer_period"),
          now: context.clock.now(),
        });
        if (isAnswerWindowOpen(window)) {
          const answers = await Promise.all(mine.map((partyId) => findAnswer(context.db, row.id, partyId)));
          if (answers.some((a) => a?.status !== "submitted")) actions.push("answer");
          actions.push("object_to_jurisdiction");
        }
        if (canCounterclaim(row.status)) actions.push("counterclaim");
      }
    }
    if (relation.isAssignedJudge) {
      const objections = await listJurisdictionObjections(context.db, row.id);
      if (objections.some((o) => o.status === "pending")) actions.push("decide_jurisdiction_objection");
    }
    return actions;
  };
}

/**
 * A file of an answer, for download: its defendant's side and the court always; everyone else who sees
 * the case once that answer is filed (its copy is served on the plaintiff). Throws `case_not_found`,
 * `file_not_found`.
 */
export async function openAnswerAttachment(
  context: AppContext,
  actor: Actor,
  caseId: string,
  attachmentId: string,
) {
  const access = await loadFiling(context.db, actor, caseId);
  const attachment = await findAnswerAttachment(context.db, caseId, attachmentId);
  if (!attachment) throw new AppError("file_not_found");
  const isOwn = access.relation.ownPartyIds.includes(attachment.party_id) || access.relation.isStaff;
  if (!isOwn) {
    const answer = await findAnswer(context.db, caseId, attachment.party_id);
    if (answer?.status !== "submitted") throw new AppError("file_not_found");
  }
  return attachment;
}
