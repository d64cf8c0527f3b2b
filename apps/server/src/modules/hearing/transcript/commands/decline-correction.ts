import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import { assertTranscriptOpen } from "../transcript.editing";
import { decideCorrection, lockCorrection, type CorrectionRow } from "../transcript.repository";

/**
 * The clerk (or the judge in charge) does not correct the transcript as asked and says why: the request is
 * recorded with the transcript and printed on it (民事诉讼法第一百五十条第二款: 如果不予补正，应当将申请记录在案;
 * 最高人民法院关于人民法院庭审录音录像的若干规定第七条). Throws `hearing_not_found`, `forbidden`,
 * `transcript_item_not_found`, `transcript_correction_decided`, `transcript_closed`.
 */
export async function declineTranscriptCorrection(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  correctionId: string,
  input: { answer: string },
): Promise<CorrectionRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("edit", access);
  const decider = userIdOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    await assertTranscriptOpen(trx, hearingId);
    const correction = await lockCorrection(trx, hearingId, correctionId);
    if (!correction) throw new AppError("transcript_item_not_found");
    if (correction.status !== "open") throw new AppError("transcript_correction_decided");
    await decideCorrection(trx, correctionId, {
      status: "declined",
      answer: input.answer,
      decidedBy: decider,
      now: meta.now,
    });
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.transcript_correction_declined",
      courtEvent: null,
      data: { correctionId, versionId: correction.version_id },
      inbox: [
        {
          recipientIds: [correction.user_id],
          kind: "transcript_correction_declined",
          params: { caseNumber: caseRow.case_number, answer: input.answer },
        },
      ],
    });
    return {
      ...correction,
      status: "declined",
      answer: input.answer,
      decided_by: decider,
      decided_at: meta.now,
    };
  });
}
