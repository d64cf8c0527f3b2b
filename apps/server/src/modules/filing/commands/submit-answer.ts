import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { courtDateOf, findAnswer, lockCase, markAnswerSubmitted, recordTimeline } from "../../cases/index";
import { findCourt } from "../../courts/index";
import { recordPartyActed, sendInboxMessage, serveDocument } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { addressBasisOf } from "../defendant.delivery";
import { answerWindowOf, assertAnswerWindowOpen, loadDefendantAct } from "../defendant.access";
import { buildAnswerDocument } from "../documents/answer";
import { userOf } from "../filing.access";

/**
 * Files the defendant's answer (民事诉讼法第一百二十八条): issues the 民事答辩状 and serves its copy on every
 * plaintiff (the court sends it within 5 days of receipt — here at once). Filing it shows the defendant
 * received the complaint, which completes its service. Throws `case_not_found`, `not_a_defendant`,
 * `answer_not_found`, `answer_already_submitted`, `answer_period_expired`, `case_status_conflict`.
 */
export async function submitAnswer(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; partyId?: string | null },
): Promise<{ answerId: string; issueId: string }> {
  const user = userOf(meta.actor);
  const access = await loadDefendantAct(context.db, meta.actor, options.caseId, options.partyId);
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("court_not_found");
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    const answer = await findAnswer(trx, row.id, access.partyId);
    if (!answer) throw new AppError("answer_not_found");
    if (answer.status === "submitted") throw new AppError("answer_already_submitted");
    // 民事诉讼法第一百二十八条: within 15 days of receiving the complaint copy.
    assertAnswerWindowOpen(await answerWindowOf(trx, row, meta.now));
    const parties = access.parts.parties;
    const plaintiffs = parties.filter((p) => p.role === "plaintiff");
    const document = buildAnswerDocument({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: row.case_number,
      respondent: {
        name: access.party.name,
        kind: access.party.kind,
        legalRepresentative: access.party.legal_representative,
      },
      plaintiffs: plaintiffs.map((p) => p.name),
      claims: access.parts.claims.map((c) => ({ position: c.position, text: c.text })),
      responses: answer.responses,
      factsAndReasons: answer.facts_and_reasons,
      evidence: answer.evidence,
      submittedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.id,
      courtId: row.court_id,
      ...document,
      issuedBy: user.userId,
      now: meta.now,
    });
    await markAnswerSubmitted(trx, { answerId: answer.id, documentIssueId: issued.issueId, now: meta.now });
    // An addressee who acts in the case has received the complaint (service completes).
    await recordPartyActed(trx, {
      caseId: row.id,
      userId: user.userId,
      partyIds: [access.partyId],
      now: meta.now,
    });
    // 民事诉讼法第一百二十八条: the answer copy goes to the plaintiff within 5 days of receipt.
    for (const plaintiff of plaintiffs) {
      const addressBasis = await addressBasisOf(trx, plaintiff.user_id);
      await serveDocument(trx, {
        caseId: row.id,
        courtId: row.court_id,
        documentIssueId: issued.issueId,
        kind: "answer_copy",
        recipient: {
          partyId: plaintiff.id,
          userId: plaintiff.user_id,
          name: plaintiff.name,
          role: plaintiff.role,
          phone: plaintiff.phone,
          email: plaintiff.email,
          addressBasis,
        },
        servedBy: null,
        followingDeadline: null,
        now: meta.now,
      });
    }
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "answer_submitted",
      actorUserId: user.userId,
      data: { partyId: access.partyId, partyName: access.party.name },
      isPublic: false,
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [row.judge_id, row.filed_by, ...plaintiffs.map((p) => p.user_id)].filter(
        (id): id is string => id !== null,
      ),
      caseId: row.id,
      kind: "answer_submitted",
      params: { caseNumber: row.case_number, partyName: access.party.name },
      now: meta.now,
    });
    // 全流程留痕: the answer and its document are court events.
    await appendCourtEvent(trx, {
      kind: "answer_submitted",
      courtId: row.court_id,
      caseId: row.id,
      payload: { partyId: access.partyId, issueId: issued.issueId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.answer_submitted",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { partyId: access.partyId, answerId: answer.id, issueId: issued.issueId },
    });
    return { answerId: answer.id, issueId: issued.issueId };
  });
}
