import type { ColumnType, Generated } from "kysely";
import type { CourtDocumentKind, CourtDocumentModel, DocumentLocale } from "./documents.model";

export interface DocumentsTables {
  case_documents: CaseDocumentsTable;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  seq: Generated<string>;
  issue_id: string;
  case_id: string;
  kind: CourtDocumentKind;
  locale: DocumentLocale;
  title: string;
  case_number: string | null;
  content_sha256: string;
  /** Null until a document issued for later rendering is rendered (the job, or the first download). */
  docx_sha256: string | null;
  pdf_sha256: string | null;
  model: ColumnType<CourtDocumentModel, string, string>;
  issued_by: string | null;
  signed_by: string | null;
  issued_at: Date;
  /** When the DOCX rendering was recorded with its ledger event (by issue, or by the rendering job). */
  rendered_at: Date | null;
}
