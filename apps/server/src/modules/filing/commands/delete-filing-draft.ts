import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { discardDraftCase, lockCase } from "../../cases/index";
import { assertFiler, loadFiling } from "../filing.access";

/** Discards a draft that was never submitted. Throws `case_not_found`, `forbidden`, `case_status_conflict`. */
export async function deleteFilingDraft(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
): Promise<void> {
  await inTransaction(context.db, async (trx) => {
    assertFiler(await loadFiling(trx, meta.actor, caseId));
    const row = await lockCase(trx, caseId);
    if (row.status !== "draft") {
      throw new AppError("case_status_conflict", [
        { code: "not_a_draft", message: "only drafts can be deleted" },
      ]);
    }
    await discardDraftCase(trx, caseId);
    await writeAuditEvent(trx, meta, {
      action: "filing.draft_deleted",
      subjectType: "case",
      subjectId: caseId,
      courtId: row.court_id,
    });
  });
}
