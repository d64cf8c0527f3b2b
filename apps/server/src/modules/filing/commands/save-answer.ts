import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  findAnswer,
  listAnswerAttachmentIds,
  lockCase,
  upsertAnswerDraft,
  type AnswerEvidence,
  type AnswerResponse,
} from "../../cases/index";
import { answerWindowOf, assertAnswerWindowOpen, loadDefendantAct } from "../defendant.access";
import { userOf } from "../filing.access";

export interface SaveAnswerOptions {
  caseId: string;
  partyId?: string | null;
  responses: AnswerResponse[];
  factsAndReasons: string;
  evidence: AnswerEvidence[];
}

/**
 * Saves a defendant's answer draft (民事答辩状) whole: a response to each claim of the complaint, facts
 * and reasons, an evidence list. Throws `case_not_found`, `not_a_defendant`, `answer_period_expired`,
 * `case_status_conflict`, `answer_already_submitted`, `answer_claim_unknown`.
 */
export async function saveAnswer(
  context: AppContext,
  meta: CommandMeta,
  options: SaveAnswerOptions,
): Promise<{ answerId: string }> {
  const user = userOf(meta.actor);
  const access = await loadDefendantAct(context.db, meta.actor, options.caseId, options.partyId);
  const positions = new Set(access.parts.claims.map((c) => c.position));
  const unknown = options.responses.findIndex((r) => !positions.has(r.claimPosition));
  if (unknown >= 0)
    throw new AppError("answer_claim_unknown", [
      { path: `responses.${unknown}.claimPosition`, code: "answer_claim_unknown", message: "no such claim" },
    ]);
  const uploaded = new Set(await listAnswerAttachmentIds(context.db, options.caseId, access.partyId));
  const foreign = options.evidence.findIndex((e) => e.attachmentId && !uploaded.has(e.attachmentId));
  if (foreign >= 0)
    throw new AppError("validation_failed", [
      {
        path: `evidence.${foreign}.attachmentId`,
        code: "unknown_attachment",
        message: "not attached to this answer",
      },
    ]);
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    // 民事诉讼法第一百二十八条: the answer is filed within 15 days of receiving the complaint.
    assertAnswerWindowOpen(await answerWindowOf(trx, row, meta.now));
    const existing = await findAnswer(trx, row.id, access.partyId);
    if (existing?.status === "submitted") throw new AppError("answer_already_submitted");
    const answerId = await upsertAnswerDraft(trx, {
      caseId: row.id,
      partyId: access.partyId,
      responses: options.responses,
      factsAndReasons: options.factsAndReasons,
      evidence: options.evidence,
      writtenBy: user.userId,
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.answer_saved",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { partyId: access.partyId, answerId },
    });
    return { answerId };
  });
}
