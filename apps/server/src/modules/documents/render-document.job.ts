import type { AppContext } from "../../context";
import { defineJob, inTransaction, type JobDefinition } from "../../platform";
import { appendCourtEvent } from "../ledger/index";
import { renderDocumentJobKind, storeDocx } from "./commands/issue-document";
import { listIssueVersions, lockIssueVersions, markDocumentRendered } from "./documents.repository";

/**
 * Renders a document issued for later rendering: both language versions to DOCX (deterministic, so a
 * download that rendered first stored the same bytes), then, in one transaction, records the files and
 * a `document_rendered` court event with their hashes (全流程留痕). Idempotent: a rendered issue is left
 * alone; the files are stored before the transaction, content-addressed, so a retry stores nothing twice.
 */
export function renderDocumentJob(
  context: AppContext,
): JobDefinition<{ issueId: string; caseId: string; courtId: string }> {
  return defineJob({
    ...renderDocumentJobKind,
    async handle({ issueId, caseId, courtId }, { now }) {
      const versions = await listIssueVersions(context.db, issueId);
      if (versions.length === 0 || versions.every((v) => v.rendered_at !== null)) return;
      const rendered = new Map<string, string>();
      for (const version of versions) {
        rendered.set(
          version.id,
          version.docx_sha256 ?? (await storeDocx(context.db, context.files, version.model, now)),
        );
      }
      await inTransaction(context.db, async (trx) => {
        const locked = await lockIssueVersions(trx, issueId);
        if (locked.every((v) => v.rendered_at !== null)) return;
        for (const version of locked) {
          if (version.rendered_at === null)
            await markDocumentRendered(
              trx,
              version.id,
              version.docx_sha256 ?? rendered.get(version.id)!,
              now,
            );
        }
        await appendCourtEvent(trx, {
          kind: "document_rendered",
          courtId,
          caseId,
          payload: {
            issueId,
            documents: locked.map((v) => v.docx_sha256 ?? rendered.get(v.id)!),
          },
          now,
        });
      });
    },
  });
}
