import type { Executor } from "../../platform";
import type { CourtDocumentKind, CourtDocumentModel, DocumentLocale } from "./documents.model";

const columns = [
  "id",
  "issue_id",
  "case_id",
  "kind",
  "locale",
  "title",
  "case_number",
  "content_sha256",
  "docx_sha256",
  "pdf_sha256",
  "issued_by",
  "signed_by",
  "issued_at",
] as const;

export async function insertCaseDocument(
  db: Executor,
  values: {
    issueId: string;
    caseId: string;
    kind: CourtDocumentKind;
    locale: DocumentLocale;
    title: string;
    caseNumber: string | null;
    contentSha256: string;
    /** Null for a document issued for later rendering. */
    docxSha256: string | null;
    model: CourtDocumentModel;
    issuedBy: string | null;
    signedBy: string | null;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto("case_documents")
    .values({
      issue_id: values.issueId,
      case_id: values.caseId,
      kind: values.kind,
      locale: values.locale,
      title: values.title,
      case_number: values.caseNumber,
      content_sha256: values.contentSha256,
      docx_sha256: values.docxSha256,
      rendered_at: values.docxSha256 === null ? null : values.now,
      model: JSON.stringify(values.model),
      issued_by: values.issuedBy,
      signed_by: values.signedBy,
      issued_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case's documents, oldest first, the Chinese original before its translation. */
export async function listCaseDocuments(db: Executor, caseId: string) {
  return db
    .selectFrom("case_documents")
    .select(columns)
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
}

export async function findCaseDocument(db: Executor, caseId: string, documentId: string) {
  return db
    .selectFrom("case_documents")
    .select([...columns, "model"])
    .where("case_id", "=", caseId)
    .where("id", "=", documentId)
    .executeTakeFirst();
}

/** Records the printed PDF of a document once; a concurrent print of the same model keeps the first. */
export async function setDocumentPdf(db: Executor, documentId: string, pdfSha256: string): Promise<string> {
  await db
    .updateTable("case_documents")
    .set({ pdf_sha256: pdfSha256 })
    .where("id", "=", documentId)
    .where("pdf_sha256", "is", null)
    .execute();
  const row = await db
    .selectFrom("case_documents")
    .select("pdf_sha256")
    .where("id", "=", documentId)
    .executeTakeFirstOrThrow();
  return row.pdf_sha256 ?? pdfSha256;
}

/** Records the DOCX of a document rendered on download before its job ran; the first rendering stays. */
export async function setDocumentDocx(db: Executor, documentId: string, docxSha256: string): Promise<string> {
  await db
    .updateTable("case_documents")
    .set({ docx_sha256: docxSha256 })
    .where("id", "=", documentId)
    .where("docx_sha256", "is", null)
    .execute();
  const row = await db
    .selectFrom("case_documents")
    .select("docx_sha256")
    .where("id", "=", documentId)
    .executeTakeFirstOrThrow();
  return row.docx_sha256 ?? docxSha256;
}

/** The language versions of one issue, Chinese original first, locked for the rendering job. */
export async function lockIssueVersions(trx: Executor, issueId: string) {
  return trx
    .selectFrom("case_documents")
    .select(["id", "locale", "docx_sha256", "rendered_at", "model"])
    .where("issue_id", "=", issueId)
    .orderBy("seq")
    .forUpdate()
    .execute();
}

/** The language versions of one issue, Chinese original first. */
export async function listIssueVersions(db: Executor, issueId: string) {
  return db
    .selectFrom("case_documents")
    .select(["id", "locale", "docx_sha256", "rendered_at", "model"])
    .where("issue_id", "=", issueId)
    .orderBy("seq")
    .execute();
}

export async function markDocumentRendered(trx: Executor, documentId: string, docxSha256: string, now: Date) {
  await trx
    .updateTable("case_documents")
    .set({ docx_sha256: docxSha256, rendered_at: now })
    .where("id", "=", documentId)
    .execute();
}
