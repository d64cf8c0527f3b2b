import type { Readable } from "node:stream";
import {
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { insertAnswerAttachment, lockCase } from "../../cases/index";
import { appendEvidenceSubmission } from "../../ledger/index";
import { answerWindowOf, assertAnswerWindowOpen, loadDefendantAct } from "../defendant.access";
import { userOf } from "../filing.access";

/**
 * Attaches a file to the defendant's answer (its evidence list names it by id). The type is read from
 * the content; the file is stored under its SHA-256 and its submission is logged in the evidence ledger
 * (在线诉讼规则第十六条). Refused after the answer period (民事诉讼法第一百二十八条). Throws
 * `case_not_found`, `not_a_defendant`, `answer_period_expired`, `case_status_conflict` and the file errors.
 */
export async function addAnswerAttachment(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; partyId?: string | null; fileName: string; stream: Readable },
) {
  const user = userOf(meta.actor);
  const fileName = validateFileName(options.fileName);
  let access;
  try {
    access = await loadDefendantAct(context.db, meta.actor, options.caseId, options.partyId);
  } catch (error) {
    options.stream.resume();
    throw error;
  }
  const staged = await context.files.stage(options.stream, context.config.maxUploadBytes);
  let mediaType: string;
  try {
    mediaType = (await sniffFileType(staged.head, fileName, staged.size)).mediaType;
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    assertAnswerWindowOpen(await answerWindowOf(trx, row, meta.now));
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    const attachment = await insertAnswerAttachment(trx, {
      caseId: row.id,
      partyId: access.partyId,
      sha256: staged.sha256,
      fileName,
      mediaType,
      size: staged.size,
      uploadedBy: user.userId,
      now: meta.now,
    });
    // 在线诉讼规则第十六条: the defendant's evidence is logged as submitted, like the plaintiff's.
    await appendEvidenceSubmission(trx, {
      kind: "answer_attachment",
      courtId: row.court_id,
      caseId: row.id,
      sha256: staged.sha256,
      payload: {
        attachmentId: attachment.id,
        partyId: access.partyId,
        fileName,
        mediaType,
        size: staged.size,
      },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.answer_attachment_added",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        attachmentId: attachment.id,
        partyId: access.partyId,
        sha256: staged.sha256,
        mediaType,
        fileName,
      },
    });
    return {
      id: attachment.id,
      fileName: attachment.file_name,
      mediaType: attachment.media_type,
      size: Number(attachment.size),
    };
  });
}
