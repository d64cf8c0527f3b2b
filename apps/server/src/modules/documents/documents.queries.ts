import type { AppContext } from "../../context";
import { AppError, recordStoredFile, type Actor } from "../../platform";
import { findVisibleCase, loadCaseParts, relationToCase } from "../cases/index";
import { documentFileName } from "./documents.model";
import { assertCanReadCaseDocuments } from "./documents.policy";
import { DOCX_MEDIA_TYPE, storeDocx } from "./commands/issue-document";
import { findCaseDocument, listCaseDocuments, setDocumentDocx, setDocumentPdf } from "./documents.repository";
import { printPdf } from "./pdf-printer";
import { renderHtml } from "./render-html";
import type { TCaseDocument } from "./documents.schemas";

async function loadReadableCase(context: AppContext, actor: Actor, caseId: string) {
  const row = await findVisibleCase(context.db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(context.db, caseId);
  assertCanReadCaseDocuments(relationToCase(actor, row, parts));
  return row;
}

/** A case's documents, each with its language versions and download addresses. */
export async function getCaseDocuments(
  context: AppContext,
  actor: Actor,
  caseId: string,
): Promise<TCaseDocument[]> {
  await loadReadableCase(context, actor, caseId);
  const rows = await listCaseDocuments(context.db, caseId);
  const issues = new Map<string, TCaseDocument>();
  for (const row of rows) {
    let issue = issues.get(row.issue_id);
    if (!issue) {
      issue = {
        issueId: row.issue_id,
        kind: row.kind,
        caseNumber: row.case_number,
        issuedAt: row.issued_at,
        versions: [],
      };
      issues.set(row.issue_id, issue);
    }
    const base = `/api/cases/${caseId}/documents/${row.id}`;
    issue.versions.push({
      id: row.id,
      locale: row.locale,
      title: row.title,
      docxUrl: `${base}/docx`,
      pdfUrl: `${base}/pdf`,
      docxSha256: row.docx_sha256,
    });
  }
  return [...issues.values()];
}

/**
 * One version of a document as DOCX (stored at issue, or rendered by its job or here) or PDF (printed from the same model on first
 * download, then kept). Throws `case_not_found`, `forbidden`, `document_not_found`,
 * `pdf_renderer_unavailable`.
 */
export async function openCaseDocument(
  context: AppContext,
  actor: Actor,
  params: { caseId: string; documentId: string; format: "docx" | "pdf" },
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  await loadReadableCase(context, actor, params.caseId);
  const document = await findCaseDocument(context.db, params.caseId, params.documentId);
  if (!document) throw new AppError("document_not_found");
  const fileName = documentFileName(document.kind, document.locale, params.format);
  if (params.format === "docx") {
    if (document.docx_sha256)
      return { bytes: await context.files.read(document.docx_sha256), fileName, mediaType: DOCX_MEDIA_TYPE };
    // Issued for later rendering and not rendered yet: the same bytes the job will record.
    const rendered = await storeDocx(context.db, context.files, document.model, context.clock.now());
    const kept = await setDocumentDocx(context.db, document.id, rendered);
    return { bytes: await context.files.read(kept), fileName, mediaType: DOCX_MEDIA_TYPE };
  }
  if (document.pdf_sha256)
    return { bytes: await context.files.read(document.pdf_sha256), fileName, mediaType: "application/pdf" };
  const pdf = await printPdf(renderHtml(document.model));
  const stored = await context.files.put(pdf);
  await recordStoredFile(context.db, {
    sha256: stored.sha256,
    size: stored.size,
    mediaType: "application/pdf",
    now: context.clock.now(),
  });
  const kept = await setDocumentPdf(context.db, document.id, stored.sha256);
  return {
    bytes: kept === stored.sha256 ? pdf : await context.files.read(kept),
    fileName,
    mediaType: "application/pdf",
  };
}
