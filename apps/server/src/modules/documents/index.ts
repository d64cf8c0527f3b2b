// Court documents through one pipeline: a typed model, DOCX and PDF renderings, storage, the
// `case_documents` record with its ledger event, and the routes that list and serve them.
export {
  canonicalModelJson,
  chineseDocumentDate,
  contentSha256,
  courtDocumentKinds,
  documentDate,
  documentFileName,
  documentKinds,
  emptyModel,
  englishDocumentDate,
  formatAmount,
  translationNote,
  type CourtDocumentKind,
  type CourtDocumentModel,
  type DocumentLocale,
  type DocumentParagraph,
} from "./documents.model";
export {
  issueDocument,
  issueDocumentForRendering,
  DOCX_MEDIA_TYPE,
  type IssuedDocument,
} from "./commands/issue-document";
export { renderDocumentJob } from "./render-document.job";
// A read other contexts use to find the versions of an issued document (service links them).
export { listCaseDocuments } from "./documents.repository";
export { renderDocx } from "./render-docx";
export { renderHtml } from "./render-html";
export { printPdf } from "./pdf-printer";
export { registerDocumentsRoutes } from "./documents.routes";
