import type { Readable } from "node:stream";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import { isEditableByFiler, lockCase } from "../../cases/index";
import { appendEvidenceSubmission, recordLedgerVerification } from "../../ledger/index";
import { assertFiler, loadFiling, userOf } from "../filing.access";
import { insertAttachment } from "../filing.repository";
import type { AttachmentCategory } from "../filing.tables";

export interface AddFilingAttachmentOptions {
  caseId: string;
  fileName: string;
  category: AttachmentCategory;
  stream: Readable;
  /** The evidence-ledger deposit number (存证编号) the filer names for this file, if any. */
  ledgerIndex?: number | null;
}

/**
 * Adds a file to a complaint (complaint, evidence, power of attorney …). The type is decided from the
 * content, never the name; the file is stored under its SHA-256, its submission is logged in the evidence
 * ledger and the file is checked against the ledger's deposits (在线诉讼规则第十六条). Throws `case_not_found`, `forbidden`,
 * `case_status_conflict`, `file_name_invalid`, `file_too_large`, `file_empty`, `file_type_not_allowed`,
 * `file_type_mismatch`.
 */
export async function addFilingAttachment(
  context: AppContext,
  meta: CommandMeta,
  options: AddFilingAttachmentOptions,
) {
  const user = userOf(meta.actor);
  const fileName = validateFileName(options.fileName);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  assertFiler(access);
  if (!isEditableByFiler(access.row.status)) {
    options.stream.resume();
    throw new AppError("case_status_conflict", [
      { code: "not_editable", message: "attachments can no longer change" },
    ]);
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
    if (!isEditableByFiler(row.status)) {
      throw new AppError("case_status_conflict", [
        { code: "not_editable", message: "attachments can no longer change" },
      ]);
    }
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    const attachment = await insertAttachment(trx, {
      caseId: options.caseId,
      sha256: staged.sha256,
      fileName,
      mediaType,
      size: staged.size,
      category: options.category,
      uploadedBy: user.userId,
      now: meta.now,
    });
    await appendEvidenceSubmission(trx, {
      kind: "filing_attachment",
      courtId: row.court_id,
      caseId: options.caseId,
      sha256: staged.sha256,
      payload: {
        attachmentId: attachment.id,
        category: options.category,
        fileName,
        mediaType,
        size: staged.size,
      },
      now: meta.now,
    });
    await recordLedgerVerification(trx, {
      subjectType: "filing_attachment",
      subjectId: attachment.id,
      caseId: options.caseId,
      courtId: row.court_id,
      sha256: staged.sha256,
      claimedIndex: options.ledgerIndex ?? null,
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.attachment_added",
      subjectType: "case",
      subjectId: options.caseId,
      courtId: row.court_id,
      data: {
        attachmentId: attachment.id,
        sha256: staged.sha256,
        size: staged.size,
        mediaType,
        category: options.category,
        fileName,
      },
    });
    return attachment;
  });
}
