import { api } from "../../platform/api-client";
import type { LedgerVerification } from "../filing/filing.api";

// The evidence API (`/api/cases/:caseId/evidence…`). Shapes follow
// apps/server/src/modules/evidence/evidence.schemas.ts.

export type PartyRole = "plaintiff" | "defendant" | "third_party";
export type Answer = "admit" | "dispute";
export type LedgerGround = "altered_after_deposit" | "untrue_before_deposit";
export type PeriodKind = "evidence" | "cross_examination";
export type RequestKind = "extension" | "late_submission";
export type DecisionValue = "admitted" | "not_admitted";

export interface EvidencePeriod {
  startsOn: string;
  endsOn: string;
  days: number;
  basis: string;
  basisEn: string;
  extendedCount: number;
  isOver: boolean;
}

export interface EvidenceOpinion {
  partyId: string;
  partyName: string;
  authenticity: Answer;
  authenticityReason: string | null;
  ledgerGround: LedgerGround | null;
  legality: Answer;
  legalityReason: string | null;
  relevance: Answer;
  relevanceReason: string | null;
  givenAt: string;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  url: string;
  ledgerVerification: LedgerVerification | null;
}

export interface EvidenceItem {
  id: string;
  origin: "filing" | "catalogue";
  number: number;
  partyId: string;
  partyName: string;
  role: PartyRole;
  title: string;
  source: string | null;
  purpose: string | null;
  status: "draft" | "submitted";
  isLate: boolean;
  submittedAt: string | null;
  files: EvidenceFile[];
  isLedgerVerified: boolean;
  opinions: EvidenceOpinion[];
  decision: { decision: DecisionValue; reason: string | null; decidedAt: string } | null;
  actions: Array<"edit" | "withdraw" | "add_file" | "give_opinion" | "decide">;
}

export interface EvidenceRequest {
  id: string;
  partyId: string;
  partyName: string;
  kind: RequestKind;
  reason: string;
  requestedUntil: string;
  status: "pending" | "granted" | "refused";
  grantedUntil: string | null;
  decisionReason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

export interface EvidenceView {
  caseId: string;
  caseNumber: string | null;
  title: string | null;
  status: string;
  procedure: "ordinary" | "simplified" | "small_claims" | null;
  periods: { evidence: EvidencePeriod | null; crossExamination: EvidencePeriod | null };
  parties: Array<{ id: string; name: string; role: PartyRole; isMine: boolean }>;
  myParties: Array<{
    id: string;
    name: string;
    role: PartyRole;
    submissionWindow: "open" | "late_with_leave" | "expired";
  }>;
  items: EvidenceItem[];
  requests: EvidenceRequest[];
  isStaff: boolean;
  actions: Array<
    | "set_evidence_period"
    | "set_cross_examination_period"
    | "decide_requests"
    | "add_item"
    | "request_extension"
    | "request_late_submission"
  >;
}

export interface EvidenceReview {
  caseId: string;
  parties: Array<{ id: string; name: string; role: PartyRole }>;
  rows: Array<{
    item: EvidenceItem;
    opinions: Array<{ partyId: string; opinion: EvidenceOpinion | null }>;
    disputed: boolean;
  }>;
}

export interface OpinionInput {
  authenticity: Answer;
  authenticityReason?: string | null;
  ledgerGround?: LedgerGround | null;
  legality: Answer;
  legalityReason?: string | null;
  relevance: Answer;
  relevanceReason?: string | null;
}

const base = (caseId: string) => `/api/cases/${caseId}/evidence`;

export const evidenceApi = {
  get: (caseId: string, signal?: AbortSignal) => api.get<EvidenceView>(base(caseId), { signal }),
  review: (caseId: string, signal?: AbortSignal) =>
    api.get<EvidenceReview>(`${base(caseId)}/review`, { signal }),
  setPeriod: (caseId: string, kind: PeriodKind, days: number) =>
    api.put<EvidenceView>(`${base(caseId)}/periods`, { kind, days }),
  addItem: (caseId: string, item: { title: string; source: string; purpose: string; partyId?: string }) =>
    api.post<EvidenceView>(`${base(caseId)}/items`, item),
  updateItem: (
    caseId: string,
    itemId: string,
    patch: { title?: string; source?: string; purpose?: string },
  ) => api.patch<EvidenceView>(`${base(caseId)}/items/${itemId}`, patch),
  withdrawItem: (caseId: string, itemId: string) =>
    api.delete<EvidenceView>(`${base(caseId)}/items/${itemId}`),
  uploadFile: (caseId: string, itemId: string, file: File, ledgerIndex?: number | null) =>
    api.upload<EvidenceView>(
      `${base(caseId)}/items/${itemId}/files`,
      ledgerIndex === undefined || ledgerIndex === null ? {} : { ledgerIndex: String(ledgerIndex) },
      file,
      file.name,
    ),
  submit: (caseId: string, partyId?: string) =>
    api.post<EvidenceView>(`${base(caseId)}/submit`, partyId ? { partyId } : {}),
  request: (caseId: string, body: { kind: RequestKind; until: string; reason: string; partyId?: string }) =>
    api.post<EvidenceView>(`${base(caseId)}/requests`, body),
  decideRequest: (
    caseId: string,
    requestId: string,
    body: { grant: boolean; until?: string | null; reason?: string | null },
  ) => api.post<EvidenceView>(`${base(caseId)}/requests/${requestId}/decision`, body),
  giveOpinion: (caseId: string, itemId: string, opinion: OpinionInput) =>
    api.put<EvidenceView>(`${base(caseId)}/items/${itemId}/opinion`, opinion),
  decide: (caseId: string, itemId: string, body: { decision: DecisionValue; reason?: string | null }) =>
    api.put<EvidenceView>(`${base(caseId)}/items/${itemId}/decision`, body),
};
