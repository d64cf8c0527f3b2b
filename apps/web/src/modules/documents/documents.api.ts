import { api } from "../../platform/api-client";
import type { FilingView } from "../filing/filing.api";
import type { RefusalGround, ReviewFilingView } from "../workbench/workbench.api";

export type CourtDocumentKind =
  | "complaint"
  | "fee_receipt"
  | "acceptance_notice"
  | "evidence_notice"
  | "response_notice"
  | "refusal_ruling"
  | "referral_notice"
  | "service_certificate"
  | "answer"
  | "counterclaim"
  | "jurisdiction_ruling"
  | "mediation_record"
  | "mediation_agreement"
  | "confirmation_ruling"
  | "transfer_letter"
  | "hearing_transcript";

/** One language version of a document: zh-CN is the legal original, en a courtesy translation. */
export interface CaseDocumentVersion {
  id: string;
  locale: "zh-CN" | "en";
  title: string;
  docxUrl: string;
  pdfUrl: string;
  docxSha256: string | null;
}

/** A document of a case (`GET /api/cases/:id/documents`). */
export interface CaseDocument {
  issueId: string;
  kind: CourtDocumentKind;
  caseNumber: string | null;
  issuedAt: string;
  versions: CaseDocumentVersion[];
}

/** The draft rendered as the complaint to submit, and the hash the filer confirms. */
export interface ComplaintPreview {
  sha256: string;
  zh: { docxUrl: string; pdfUrl: string };
  en: { docxUrl: string; pdfUrl: string };
}

/** A judge of the court who may make a ruling on a filing. */
export interface RulingJudge {
  id: string;
  name: string;
  titleZh: string | null;
  titleEn: string | null;
  isFilingDivision: boolean;
}

/** Grounds that call for a ruling (not a 告知书): 民事诉讼法第一百二十二条, 第一百二十七条第六项、第七项. */
export const rulingGrounds: ReadonlySet<string> = new Set(["122", "127-6", "127-7"]);

export const documentsApi = {
  list: (caseId: string) =>
    api.get<{ items: CaseDocument[] }>(`/api/cases/${encodeURIComponent(caseId)}/documents`),
  complaintPreview: (caseId: string) =>
    api.get<ComplaintPreview>(`/api/filings/${encodeURIComponent(caseId)}/complaint-preview`),
  /** Submits the complaint the filer previewed and confirmed (refused if the draft changed since). */
  submitConfirmed: (caseId: string, complaintSha256: string) =>
    api.post<FilingView>(`/api/filings/${encodeURIComponent(caseId)}/submit`, { complaintSha256 }),
  rulingJudges: (caseId: string, signal?: AbortSignal) =>
    api.get<{ reviewerIsJudge: boolean; items: RulingJudge[] }>(
      `/api/filings/${encodeURIComponent(caseId)}/ruling-judges`,
      { signal },
    ),
  /** Does not register a suit: a ruling by the named judge, or a 告知书 (see refuse-filing on the server). */
  refuse: (caseId: string, body: { reason: string; basis: RefusalGround[]; judgeId?: string }) =>
    api.post<ReviewFilingView>(`/api/filings/${encodeURIComponent(caseId)}/refuse`, body),
};
