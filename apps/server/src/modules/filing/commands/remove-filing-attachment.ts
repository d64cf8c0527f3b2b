import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { isEditableByFiler, lockCase } from "../../cases/index";
import { assertFiler, loadFiling } from "../filing.access";
import { markAttachmentRemoved } from "../filing.repository";

/**
 * Takes a file off a complaint that is still being edited; the stored file itself is kept (nothing
 * received by the court is ever deleted). Throws `case_not_found`, `forbidden`, `case_status_conflict`,
 * `file_not_found`.
 */
export async function removeFilingAttachment(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; attachmentId: string },
): Promise<void> {
  await inTransaction(context.db, async (trx) => {
    const access = await loadFiling(trx, meta.actor, options.caseId);
    assertFiler(access);
    const row = await lockCase(trx, options.caseId);
    if (!isEditableByFiler(row.status)) {
      throw new AppError("case_status_conflict", [
        { code: "not_editable", message: "attachments can no longer change" },
      ]);
    }
    const removed = await markAttachmentRemoved(trx, options.caseId, options.attachmentId, meta.now);
    if (!removed) throw new AppError("file_not_found");
    await writeAuditEvent(trx, meta, {
      action: "filing.attachment_removed",
      subjectType: "case",
      subjectId: options.caseId,
      courtId: row.court_id,
      data: { attachmentId: options.attachmentId },
    });
  });
}
