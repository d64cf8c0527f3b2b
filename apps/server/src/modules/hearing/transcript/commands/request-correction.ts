import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import {
  insertCorrection,
  lockCurrentVersion,
  lockSignatureOf,
  type CorrectionRow,
} from "../transcript.repository";

/**
 * A participant who finds the record of their statement incomplete or wrong asks for a correction
 * (民事诉讼法第一百五十条第二款: 有权申请补正) before signing. The clerk corrects and re-issues the transcript, or
 * declines and the request is recorded with the transcript. Throws `hearing_not_found`, `forbidden`,
 * `transcript_already_signed`, `transcript_not_awaiting_signature`, `validation_failed`.
 */
export async function requestTranscriptCorrection(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  versionId: string,
  input: { request: string; segmentId: string | null },
): Promise<CorrectionRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("sign", access);
  const requester = userIdOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    const version = await lockCurrentVersion(trx, hearingId);
    const mine = await lockSignatureOf(trx, versionId, requester);
    const pending = mine.filter((s) => s.decision === "pending");
    if (mine.length > 0 && pending.length === 0) throw new AppError("transcript_already_signed");
    if (
      !version ||
      version.id !== versionId ||
      version.status !== "awaiting_signatures" ||
      pending.length === 0
    )
      throw new AppError("transcript_not_awaiting_signature");
    if (input.segmentId !== null && !version.content.segments.some((s) => s.id === input.segmentId))
      throw new AppError("validation_failed", [
        { path: "segmentId", code: "not_in_version", message: "not a line of this version" },
      ]);
    const correction = await insertCorrection(trx, {
      versionId,
      hearingId,
      participantId: pending[0]!.participant_id,
      userId: requester,
      segmentId: input.segmentId,
      request: input.request,
      now: meta.now,
    });
    const court = access.participants.filter((p) => p.role === "judge" || p.role === "clerk");
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.transcript_correction_requested",
      courtEvent: null,
      data: { versionId, correctionId: correction.id, segmentId: input.segmentId },
      inbox: [
        {
          recipientIds: [...new Set(court.map((p) => p.user_id).filter((id): id is string => id !== null))],
          kind: "transcript_correction_requested",
          params: { caseNumber: caseRow.case_number, name: pending[0]!.name, number: version.number },
        },
      ],
    });
    return correction;
  });
}
