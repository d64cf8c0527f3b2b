import { api } from "../../platform/api-client";
import type {
  Attachment,
  FeeStatus,
  FilingView,
  Procedure,
  RefusalGround,
  ReviewQueueItem,
} from "../filing/filing.api";

/** Evidence-ledger check of an attached file, as the filing view summarises it (核验). */
export interface LedgerVerificationSummary {
  result: "verified" | "not_deposited" | "no_match";
  checkedAt: string;
  depositCount: number;
  firstDepositedAt: string | null;
  /** Names of the depositing platforms. */
  platforms: string[];
  /** `GET` this for the full check with proofs and legal basis. */
  detailsUrl: string;
}

export interface ReviewAttachment extends Attachment {
  ledgerVerification: LedgerVerificationSummary | null;
}

/** The filing view as a reviewing clerk receives it. */
export interface ReviewFilingView extends Omit<FilingView, "attachments"> {
  attachments: ReviewAttachment[];
}

export interface CheckpointSummary {
  size: number;
  rootHash: string;
  note: string;
  cosignatures: Array<{ witness: string; cosignedAt: string }>;
  quorum: number;
}

export type VerificationStep =
  "leafRecomputed" | "inclusionVerified" | "checkpointSignatureVerified" | "witnessQuorumMet";

export type BasisCode =
  | "technically_consistent"
  | "technical_check_incomplete"
  | "hash_mismatch"
  | "not_deposited"
  | "platform_identified"
  | "platform_related_to_party"
  | "pre_deposit_authenticity_not_proven"
  | "independent_verification_possible";

export interface VerifiedDeposit {
  index: number;
  kind: string;
  depositedAt: string;
  platform: {
    id: string;
    name: string;
    operatorName: string;
    operatorCreditCode: string | null;
    category: string;
    credentialKind: "ed25519" | "api_key";
    relatedParties: string[];
  };
  opening: { title: string; occurredAt: string; metadata: Record<string, unknown> } | null;
  firstCheckpoint: CheckpointSummary | null;
  proof: {
    leafHash: string;
    checkpoint: CheckpointSummary;
    inclusionProof: string[];
    steps: Record<VerificationStep, boolean>;
  } | null;
}

/** One full ledger check of a file (`GET /api/ledger/verifications`). */
export interface LedgerVerification {
  subjectType: string;
  subjectId: string;
  caseId: string;
  sha256: string;
  result: LedgerVerificationSummary["result"];
  claimedIndex: number | null;
  checkedAt: string;
  deposits: VerifiedDeposit[];
  basis: Array<{ article: string; code: BasisCode; params: Record<string, unknown> }>;
}

/** A court event or evidence submission of a case in the ledger. */
export interface CaseLedgerEvent {
  leafIndex: number | null;
  leafType: "court_event" | "evidence";
  kind: string;
  recordedAt: string;
  sha256: string | null;
  entry: string | null;
  opening: Record<string, unknown>;
  inclusionProof: string[] | null;
}

export interface CaseLedgerEvents {
  treeSize: number | null;
  checkpoint: string | null;
  items: CaseLedgerEvent[];
}

/** One entry of the audit trail (全流程留痕). */
export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  courtId: string | null;
  data: Record<string, unknown>;
}

export interface AuditQuery {
  courtId?: string;
  /** An action, or a prefix ending in "." */
  action?: string;
  subjectId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** Cursor: only events with a smaller id. */
  before?: number;
  limit?: number;
}

export type ReviewQueueStatus = "under_review" | "correction_requested";
export type { FeeStatus, Procedure, RefusalGround, ReviewQueueItem };

const filingPath = (caseId: string) => `/api/filings/${encodeURIComponent(caseId)}`;

/** The court workbench's calls: the review queue and decisions, ledger checks and the audit trail. */
export const workbenchApi = {
  reviewQueue: (query: { courtId?: string; status?: ReviewQueueStatus }, signal?: AbortSignal) =>
    api.get<{ items: ReviewQueueItem[] }>("/api/review-queue", { query: { ...query }, signal }),
  filing: (caseId: string, signal?: AbortSignal) => api.get<ReviewFilingView>(filingPath(caseId), { signal }),
  accept: (caseId: string, procedure?: Procedure) =>
    api.post<ReviewFilingView>(`${filingPath(caseId)}/accept`, procedure ? { procedure } : {}),
  requestCorrection: (caseId: string, items: string[], note: string | null) =>
    api.post<ReviewFilingView>(`${filingPath(caseId)}/request-correction`, { items, note }),
  refuse: (caseId: string, reason: string, basis: RefusalGround[]) =>
    api.post<ReviewFilingView>(`${filingPath(caseId)}/refuse`, { reason, basis }),
  /** The full check behind a summary's `detailsUrl` (a server-made path under /api/ledger). */
  verification: (detailsUrl: string, signal?: AbortSignal) =>
    api.get<{ items: LedgerVerification[] }>(detailsUrl, { signal }),
  caseLedgerEvents: (caseId: string, signal?: AbortSignal) =>
    api.get<CaseLedgerEvents>(`/api/ledger/cases/${encodeURIComponent(caseId)}/events`, { signal }),
  audit: (query: AuditQuery, signal?: AbortSignal) =>
    api.get<{ items: AuditEvent[]; nextBefore: number | null }>("/api/audit", {
      query: { ...query },
      signal,
    }),
};

// ——— The judge's tools (类案推送, applicable articles, 偏离度预警): GET/POST /api/cases/:id/… ———

export interface Localized {
  "zh-CN": string;
  en: string;
}

export interface JudgmentSummary {
  id: string;
  source: string;
  courtName: string | null;
  caseNumber: string | null;
  title: string;
  decidedOn: string | null;
  kind: "criminal" | "civil" | "administrative" | "other";
  charges: string[];
  causes: string[];
  articles: string[];
  termMonths: number | null;
  claimedAmount: number | null;
  awardedAmount: number | null;
  published: boolean;
  outcomeExcerpt: string;
}

export interface SimilarHit {
  judgment: JudgmentSummary;
  score: number;
  textScore: number;
  legalScore: number;
  explanation: {
    sharedCharges: string[];
    sharedArticles: string[];
    sharedElements: string[];
    matchedTerms: string[];
    passages: Array<{ field: "facts" | "reasoning"; marked: string; terms: string[] }>;
  } | null;
}

export interface SimilarCases {
  items: SimilarHit[];
  queryCharges: string[];
  chargesInferred: boolean;
  indexedJudgments: number;
  /** Judgments the caller may search, per source (netcourt: court archives; lecard, cail: public corpora). */
  sources: Array<{ source: "netcourt" | "lecard" | "cail"; judgments: number }>;
}

export interface ApplicableArticle {
  key: string;
  citation: Localized;
  article: {
    label: string;
    title: string;
    text: string;
    citation: Localized;
    effectiveFrom: string | null;
  } | null;
  basis: "cited_in_case" | "similar_cases";
  similarCases: number;
  weight: number;
}

export interface DeviationOutcome {
  charges?: string[];
  articles?: string[];
  termMonths?: number | null;
  awardedAmount?: number | null;
  claimedAmount?: number | null;
}

export interface RangeCheck {
  status: "below" | "within" | "above" | "insufficient_data";
  proposed: number;
  range: { low: number; median: number; high: number; lowQuantile: number; highQuantile: number } | null;
  percentile: number | null;
  cases: Array<{
    judgmentId: string;
    title: string;
    caseNumber: string | null;
    similarity: number;
    value: number;
  }>;
}

export interface Deviation {
  isWarning: boolean;
  term: RangeCheck | null;
  award: RangeCheck | null;
  charge: string | null;
  neighbours: number;
  findings: Array<{ code: string; severity: "info" | "warning"; message: Localized }>;
}

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const judgeToolsApi = {
  similar: (caseId: string, signal?: AbortSignal) =>
    api.get<SimilarCases>(`${casePath(caseId)}/similar`, { query: { limit: 10 }, signal }),
  articles: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: ApplicableArticle[]; similarCases: number; catalogueLoading: boolean }>(
      `${casePath(caseId)}/articles`,
      { signal },
    ),
  deviation: (caseId: string, outcome: DeviationOutcome) =>
    api.post<Deviation>(`${casePath(caseId)}/deviation`, { outcome }),
};
