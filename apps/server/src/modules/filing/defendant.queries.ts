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
import { loadTransferState } from "./commands/transfer-case";
import type { TDefence, TDefenceTransfer } from "./defendant.schemas";
import { loadFiling, type FilingAccess } from "./filing.access";
import { canRuleOnJurisdiction, canTransferCase } from "./transfer.rules";

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
  const transfer = await transferOf(context, access);
  const canDecide =
    access.relation.isAssignedJudge &&
    canRuleOnJurisdiction(access.row.status) &&
    objections.some((o) => o.status === "pending");
  const now = context.clock.now();
  const userId = actor.kind === "user" ? actor.userId : null;
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
      feeStatus: counterclaimFeeStatus(c, now),
      feePaidAt: c.fee_paid_at,
      withdrawnAt: c.withdrawn_at,
      filedAt: c.filed_at,
      documentIssueId: c.document_issue_id,
      feeReceiptIssueId: c.fee_receipt_issue_id,
      // 诉讼费用交纳办法第二十条、第二十二条: the counterclaimant (or its agent, or whoever filed it) pays
      // within the 7 days.
      canPay:
        counterclaimFeeStatus(c, now) === "unpaid" &&
        (access.relation.ownPartyIds.includes(c.party_id) || (userId !== null && c.filed_by === userId)),
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
    transfer,
    actions: [
      ...(canDecide ? (["decide_jurisdiction_objection"] as const) : []),
      ...(access.relation.isAssignedJudge && transfer?.state === "effective"
        ? (["transfer_case"] as const)
        : []),
    ],
  };
}

/**
 * Where the transfer of a case stands after an upheld objection (民事诉讼法第三十七条、第一百三十条): waiting
 * for the ruling to take effect (第一百五十八条), possible, or done. Null while no objection is upheld.
 */
async function transferOf(context: AppContext, access: FilingAccess): Promise<TDefenceTransfer | null> {
  const state = await loadTransferState(context.db, access.row, context.clock.now());
  if (!state) return null;
  const done = access.parts.timeline.find((t) => t.kind === "case_transferred");
  const data = (done?.data ?? {}) as { receivingCourtName?: string; issueId?: string; effectiveOn?: string };
  const { effect } = state;
  return {
    objectionId: state.objection.id,
    state: access.row.status === "transferred" ? "transferred" : effect.state,
    proposedCourt: state.objection.proposed_court,
    appealEndsOn: effect.state === "appeal_period" ? effect.appealEndsOn : null,
    effectiveOn: data.effectiveOn ?? (effect.state === "effective" ? effect.effectiveOn : null),
    receivingCourtName: data.receivingCourtName ?? null,
    transferredAt: done ? new Date(done.occurred_at) : null,
    letterIssueId: data.issueId ?? null,
  };
}

/** A counterclaim's fee as the page shows it: unpaid while payable, paid, none due, or expired. */
function counterclaimFeeStatus(
  counterclaim: { status: string; fee_fen: number; fee_due_at: Date; fee_paid_at: Date | null },
  now: Date,
): "unpaid" | "paid" | "none" | "expired" {
  if (counterclaim.fee_paid_at !== null) return "paid";
  if (Number(counterclaim.fee_fen) === 0) return "none";
  if (counterclaim.status === "fee_due" && counterclaim.fee_due_at > now) return "unpaid";
  return "expired";
}

/**
 * What the caller may do on the defendant's side, for the case page: the clerk serves the complaint; a
 * defendant (or their agent) answers, objects to jurisdiction and counterclaims while the answer period
 * is open (民事诉讼法第一百二十八条、第一百三十条); the judge in charge rules on a pending objection and
 * transfers the case once a ruling upholding one is in force (第三十七条、第一百五十八条).
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
    if (relation.isAssignedJudge && canRuleOnJurisdiction(row.status)) {
      const objections = await listJurisdictionObjections(context.db, row.id);
      if (objections.some((o) => o.status === "pending")) actions.push("decide_jurisdiction_objection");
      const transfer = await loadTransferState(context.db, row, context.clock.now());
      if (transfer && canTransferCase(transfer.effect)) actions.push("transfer_case");
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
