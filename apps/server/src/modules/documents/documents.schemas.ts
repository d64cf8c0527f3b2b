import { z } from "zod";
import { courtDocumentKinds } from "./documents.model";

export const ZCaseDocumentsParams = z.strictObject({ caseId: z.uuid().describe("The case") });

export const ZCaseDocumentParams = z.strictObject({
  caseId: z.uuid().describe("The case"),
  documentId: z.uuid().describe("One language version of a document"),
  format: z.enum(["docx", "pdf"]).describe("DOCX (editable copy) or PDF (printed by Chromium)"),
});

const ZDocumentVersion = z.object({
  id: z.uuid().describe("The version's id"),
  locale: z.enum(["zh-CN", "en"]).describe("zh-CN is the legal original; en a courtesy translation"),
  title: z.string().describe("The document's title in this language"),
  docxUrl: z.string().describe("Download address of the DOCX"),
  pdfUrl: z.string().describe("Download address of the PDF"),
  docxSha256: z
    .string()
    .nullable()
    .describe("SHA-256 of the DOCX, as recorded in the evidence ledger; null until it is rendered"),
});

export const ZCaseDocument = z.object({
  issueId: z.uuid().describe("One issued document (both language versions)"),
  kind: z.enum(courtDocumentKinds as [string, ...string[]]).describe("What the document is"),
  caseNumber: z.string().nullable().describe("案号 printed on the document, if any"),
  issuedAt: z.date().describe("When it was issued"),
  versions: z.array(ZDocumentVersion).describe("The Chinese original, then the English translation"),
});

export const ZCaseDocumentList = z.object({
  items: z.array(ZCaseDocument).describe("The case's documents, oldest first"),
});

export type TCaseDocument = z.infer<typeof ZCaseDocument>;
