import { randomUUID } from "node:crypto";
import { recordStoredFile, type Executor, type FileStore } from "../../../platform";
import { appendCourtEvent } from "../../ledger/index";
import { contentSha256, type CourtDocumentModel } from "../documents.model";
import { insertCaseDocument } from "../documents.repository";
import { renderDocx } from "../render-docx";

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface IssueDocumentOptions {
  caseId: string;
  courtId: string;
  /** The Chinese original (the legal document) and its English courtesy translation. */
  zh: CourtDocumentModel;
  en: CourtDocumentModel;
  /** Who issued it: the clerk or judge, the filer for a complaint, null for the system (a receipt). */
  issuedBy: string | null;
  /** The judge who signs a ruling. */
  signedBy?: string | null;
  now: Date;
}

export interface IssuedDocument {
  issueId: string;
  zh: { id: string; docxSha256: string; contentSha256: string };
  en: { id: string; docxSha256: string; contentSha256: string };
}

/**
 * Issues a document of a case in the caller's transaction: renders both language versions to DOCX,
 * stores them, records them in `case_documents` and leaves a `document_issued` court event in the
 * ledger (全流程留痕). The PDF is printed on first download.
 */
export async function issueDocument(
  trx: Executor,
  files: FileStore,
  options: IssueDocumentOptions,
): Promise<IssuedDocument> {
  const issueId = randomUUID();
  const versions = [options.zh, options.en] as const;
  const stored = [];
  for (const model of versions) {
    const docx = await files.put(await renderDocx(model));
    await recordStoredFile(trx, {
      sha256: docx.sha256,
      size: docx.size,
      mediaType: DOCX_MEDIA_TYPE,
      now: options.now,
    });
    const content = contentSha256(model);
    const id = await insertCaseDocument(trx, {
      issueId,
      caseId: options.caseId,
      kind: model.kind,
      locale: model.locale,
      title: model.title,
      caseNumber: model.caseNumber,
      contentSha256: content,
      docxSha256: docx.sha256,
      model,
      issuedBy: options.issuedBy,
      signedBy: options.signedBy ?? null,
      now: options.now,
    });
    stored.push({ id, docxSha256: docx.sha256, contentSha256: content });
  }
  await appendCourtEvent(trx, {
    kind: "document_issued",
    courtId: options.courtId,
    caseId: options.caseId,
    payload: {
      kind: options.zh.kind,
      issueId,
      caseNumber: options.zh.caseNumber,
      documents: stored.map((s) => s.docxSha256),
      contentSha256: stored[0]!.contentSha256,
      issuedBy: options.issuedBy,
      signedBy: options.signedBy ?? null,
    },
    now: options.now,
  });
  return { issueId, zh: stored[0]!, en: stored[1]! };
}
