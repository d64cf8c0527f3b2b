import { randomUUID } from "node:crypto";
import { z } from "zod";
import { enqueueJob, recordStoredFile, type Executor, type FileStore } from "../../../platform";
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

export interface IssuedForRendering {
  issueId: string;
  zh: { id: string; contentSha256: string };
  en: { id: string; contentSha256: string };
}

/** The job that renders a document issued for later rendering (its handler: render-document.job.ts). */
export const renderDocumentJobKind = {
  kind: "render_document",
  payload: z.object({ issueId: z.uuid(), caseId: z.uuid(), courtId: z.uuid() }),
  maxAttempts: 10,
};

/** Renders a model to DOCX and stores it, recording the stored blob (in `db`'s transaction, if any). */
export async function storeDocx(
  db: Executor,
  files: FileStore,
  model: CourtDocumentModel,
  now: Date,
): Promise<string> {
  const docx = await files.put(await renderDocx(model));
  await recordStoredFile(db, { sha256: docx.sha256, size: docx.size, mediaType: DOCX_MEDIA_TYPE, now });
  return docx.sha256;
}

async function recordVersions(
  trx: Executor,
  issueId: string,
  options: IssueDocumentOptions,
  docxOf: (model: CourtDocumentModel) => Promise<string | null>,
) {
  const stored = [];
  for (const model of [options.zh, options.en]) {
    const docxSha256 = await docxOf(model);
    const content = contentSha256(model);
    const id = await insertCaseDocument(trx, {
      issueId,
      caseId: options.caseId,
      kind: model.kind,
      locale: model.locale,
      title: model.title,
      caseNumber: model.caseNumber,
      contentSha256: content,
      docxSha256,
      model,
      issuedBy: options.issuedBy,
      signedBy: options.signedBy ?? null,
      now: options.now,
    });
    stored.push({ id, docxSha256, contentSha256: content });
  }
  return stored;
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
  const stored = await recordVersions(trx, issueId, options, (model) =>
    storeDocx(trx, files, model, options.now),
  );
  const [zh, en] = stored.map((s) => ({ ...s, docxSha256: s.docxSha256! }));
  await appendCourtEvent(trx, {
    kind: "document_issued",
    courtId: options.courtId,
    caseId: options.caseId,
    payload: {
      kind: options.zh.kind,
      issueId,
      caseNumber: options.zh.caseNumber,
      documents: [zh!.docxSha256, en!.docxSha256],
      contentSha256: zh!.contentSha256,
      issuedBy: options.issuedBy,
      signedBy: options.signedBy ?? null,
    },
    now: options.now,
  });
  return { issueId, zh: zh!, en: en! };
}

/**
 * Issues a document whose DOCX is rendered after commit, for acts on a litigant's hot path (a filed
 * 起诉状): records both language versions with the SHA-256 of their content (the canonical model the
 * filer confirmed) and the `document_issued` court event carrying those hashes, and queues the
 * rendering. The job renders the same bytes a download would (rendering is deterministic), stores them
 * and records their hashes in a `document_rendered` court event; a download before the job renders on
 * the spot.
 */
export async function issueDocumentForRendering(
  trx: Executor,
  options: IssueDocumentOptions,
): Promise<IssuedForRendering> {
  const issueId = randomUUID();
  const [zh, en] = await recordVersions(trx, issueId, options, () => Promise.resolve(null));
  await appendCourtEvent(trx, {
    kind: "document_issued",
    courtId: options.courtId,
    caseId: options.caseId,
    payload: {
      kind: options.zh.kind,
      issueId,
      caseNumber: options.zh.caseNumber,
      // Version 2 of this event: the DOCX hashes follow in `document_rendered`.
      version: 2,
      contents: [zh!.contentSha256, en!.contentSha256],
      contentSha256: zh!.contentSha256,
      issuedBy: options.issuedBy,
      signedBy: options.signedBy ?? null,
    },
    now: options.now,
  });
  await enqueueJob(
    trx,
    renderDocumentJobKind,
    { issueId, caseId: options.caseId, courtId: options.courtId },
    { runAt: options.now, now: options.now, dedupeKey: `render-document:${issueId}` },
  );
  return {
    issueId,
    zh: { id: zh!.id, contentSha256: zh!.contentSha256 },
    en: { id: en!.id, contentSha256: en!.contentSha256 },
  };
}
