import { api } from "../../platform/api-client";

/** Case acceptance fees (诉讼费用交纳办法第十三条). */
export const acceptanceFeeKinds = [
  "property",
  "divorce",
  "personality_rights",
  "other_non_property",
  "intellectual_property",
  "labour",
  "administrative",
  "jurisdiction_objection",
] as const;

/** Application fees (第十四条). */
export const applicationFeeKinds = ["enforcement", "preservation", "payment_order", "public_notice"] as const;

export type FeeKind = (typeof acceptanceFeeKinds)[number] | (typeof applicationFeeKinds)[number];
export type Procedure = "ordinary" | "simplified" | "small_claims";
export type AdministrativeSubject = "trademark" | "patent" | "maritime" | "other";

/** The query parameter that carries a kind's amount, and whether the law needs it. */
export type AmountParameter = "amount" | "propertyAmount" | "damages";
export const amountParameters: Partial<Record<FeeKind, { name: AmountParameter; isRequired: boolean }>> = {
  property: { name: "amount", isRequired: true },
  divorce: { name: "propertyAmount", isRequired: false },
  personality_rights: { name: "damages", isRequired: false },
  intellectual_property: { name: "amount", isRequired: false },
  enforcement: { name: "amount", isRequired: false },
  preservation: { name: "amount", isRequired: false },
  payment_order: { name: "amount", isRequired: true },
};

/** 第十六条 halves the acceptance fee under the simplified procedure; it does not apply to rulings on jurisdiction. */
export function takesProcedure(kind: FeeKind): boolean {
  return (acceptanceFeeKinds as readonly string[]).includes(kind) && kind !== "jurisdiction_objection";
}

export interface FeeLine {
  labelZh: string;
  labelEn: string;
  /** Yuan the rate applies to, or null for a fixed sum. */
  base: number | null;
  /** 0.025 = 2.5 %; a factor such as 0.5 for halving; null for a fixed sum. */
  rate: number | null;
  /** Yuan; negative for a reduction. */
  amount: number;
  /** The legal basis as Chinese law cites it. */
  article: string;
  /** The same basis cited in English. */
  articleEn: string;
}

export interface FeeQuote {
  kind?: string;
  fee: number;
  breakdown: FeeLine[];
  /** Where the law gives a range (the fee uses its lower end). */
  range?: { min: number; max: number } | null;
  halvedFor?: string | null;
}

export interface FeeQuoteQuery {
  kind: FeeKind;
  amount?: number;
  propertyAmount?: number;
  damages?: number;
  procedure?: Procedure;
  subject?: AdministrativeSubject;
}

export const filingApi = {
  quoteFee: (query: FeeQuoteQuery, signal?: AbortSignal) =>
    api.get<FeeQuote>("/api/fees/quote", { query: { ...query }, signal }),
};

// ——— Online filing (网上立案): the complaint wizard, attachments, payment and the clerks' review ———

export type CaseTypeCode = "民初" | "行初";
export type PartyRole = "plaintiff" | "defendant" | "third_party";
export type PartyKind = "natural_person" | "legal_person" | "other_organisation";
export type AgentKind = "lawyer" | "legal_worker" | "relative" | "employee" | "other";
export type AttachmentCategory = "complaint" | "evidence" | "identity" | "power_of_attorney" | "other";
export const attachmentCategories: readonly AttachmentCategory[] = [
  "evidence",
  "complaint",
  "identity",
  "power_of_attorney",
  "other",
];
export type FeeStatus = "pending" | "paid" | "expired" | "cancelled";
export type RefusalGround = "122" | "127-1" | "127-2" | "127-3" | "127-4" | "127-5" | "127-6" | "127-7";

export const partyRoles: readonly PartyRole[] = ["plaintiff", "defendant", "third_party"];
export const partyKinds: readonly PartyKind[] = ["natural_person", "legal_person", "other_organisation"];
export const agentKinds: readonly AgentKind[] = ["lawyer", "legal_worker", "relative", "employee", "other"];
export const procedures: readonly Procedure[] = ["ordinary", "simplified", "small_claims"];
/** 民事诉讼法第一百二十二条 and the seven items of 第一百二十七条, as the refusal endpoint names them. */
export const refusalGrounds: readonly RefusalGround[] = [
  "122",
  "127-1",
  "127-2",
  "127-3",
  "127-4",
  "127-5",
  "127-6",
  "127-7",
];

export interface Court {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  level: "supreme" | "high" | "intermediate" | "basic";
  isInternetCourt: boolean;
  parentId: string | null;
  provinceZh: string | null;
  provinceEn: string | null;
  smallClaimsLimitYuan: number | null;
  smallClaimsBasis: string | null;
  addressZh: string | null;
}

export interface Cause {
  id: string;
  level: number;
  parentId: string | null;
  officialNumber: string | null;
  nameZh: string;
  nameEn: string;
  /** Can fall within 互联网法院规定第二条. */
  internetCourt: boolean;
  feeKind: string | null;
}

export interface PartyContent {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  sex: "male" | "female" | null;
  ethnicity: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  serviceAddress: string | null;
  isFiler: boolean;
}

export interface AgentContent {
  partyIndex: number;
  kind: AgentKind;
  name: string;
  phone: string | null;
  lawFirm: string | null;
  licenceNumber: string | null;
  isFiler: boolean;
  powerOfAttorneyAttachmentId: string | null;
}

export interface ClaimContent {
  text: string;
  amount: number | null;
}

export interface EvidenceContent {
  name: string;
  source: string | null;
  purpose: string | null;
  attachmentId: string | null;
}

/** The whole complaint as `PUT /api/filings/:id` takes it (民事诉讼法第一百二十四条). */
export interface FilingContent {
  courtId?: string;
  typeCode?: CaseTypeCode;
  causeCode?: string | null;
  procedure?: Procedure | null;
  parties: PartyContent[];
  agents: AgentContent[];
  claims: ClaimContent[];
  factsAndReasons: string;
  evidence: EvidenceContent[];
  /** The version edited; a stale one is refused with 409 `case_version_conflict`. */
  version?: number;
}

/** The evidence ledger's check of an uploaded file (核验). */
export interface LedgerVerification {
  result: "verified" | "not_deposited" | "no_match";
  checkedAt: string;
  depositCount: number;
  firstDepositedAt: string | null;
  /** Names of the depositing platforms. */
  platforms: string[];
  /** The full check with its proof and legal basis. */
  detailsUrl: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  category: AttachmentCategory;
  uploadedAt: string;
  url: string;
  /** Null for files attached before the ledger check existed. */
  ledgerVerification: LedgerVerification | null;
}

export interface FeeState {
  amount: number;
  breakdown: FeeLine[];
  status: FeeStatus;
  dueAt: string;
  paidAt: string | null;
}

export interface Review {
  decision: "accepted" | "correction_requested" | "refused";
  items: string[];
  reason: string | null;
  decidedAt: string;
  rulingUrl: string | null;
  rulingEnUrl: string | null;
}

export interface MissingItem {
  code: string;
  path: string;
}

/** A complaint as its filer or a reviewing clerk sees it (`GET /api/filings/:id`). */
export interface FilingView {
  caseId: string;
  status: string;
  courtId: string;
  typeCode: CaseTypeCode;
  causeCode: string | null;
  procedure: Procedure | null;
  title: string | null;
  caseNumber: string | null;
  /** Who submits: the account holder in person, or as an agent (由代理人代为提交). */
  filer: { kind: "party" | "agent"; name: string; agentKind: AgentKind | null } | null;
  content: Pick<FilingContent, "parties" | "agents" | "claims" | "factsAndReasons" | "evidence">;
  attachments: Attachment[];
  fee: FeeState | null;
  feeEstimate: { amount: number; breakdown: FeeLine[] } | null;
  reviews: Review[];
  queryCode: string | null;
  missing: MissingItem[];
  submittedAt: string | null;
  reviewDueOn: string | null;
  version: number;
  /** What the caller may do next: filing.edit, filing.submit, filing.pay, filing.accept … */
  actions: string[];
}

export interface ExtractionSuggestion {
  causeCode: string | null;
  parties: Array<
    Omit<PartyContent, "email" | "serviceAddress" | "isFiler"> & {
      /** Lowest confidence among the party's fields (0–1). */
      confidence: number;
    }
  >;
  agents: Array<{
    partyIndex: number;
    kind: AgentKind;
    name: string;
    lawFirm: string | null;
    phone: string | null;
  }>;
  claims: Array<{ text: string; amount: number | null; confidence: number }>;
  factsAndReasons: string;
  evidence: Array<{ name: string }>;
  courtName: string | null;
  issues: Array<{ code: string; path: string }>;
}

export interface ReviewQueueItem {
  caseId: string;
  courtId: string;
  title: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  status: string;
  submittedAt: string | null;
  reviewDueOn: string | null;
  /** Calendar days left to decide (negative when overdue). */
  daysLeft: number | null;
  feeStatus: FeeStatus | null;
  claimTotal: number;
  plaintiffs: string[];
  defendants: string[];
}

const filingPath = (caseId: string) => `/api/filings/${encodeURIComponent(caseId)}`;

/** The filing context's API beyond the fee calculator. */
export const filingsApi = {
  courts: (signal?: AbortSignal) => api.get<{ items: Court[] }>("/api/courts", { signal }),
  /**
   * The courts that may hear a first-instance case of the cause (basic-level courts, 民事诉讼法第十八条;
   * Internet courts only for the causes of 互联网法院规定第二条); all basic-level courts before a cause is chosen.
   */
  firstInstanceCourts: (cause: string | null | undefined, signal?: AbortSignal) =>
    api.get<{ items: Court[] }>("/api/courts", {
      query: { instance: "first", cause: cause ?? undefined },
      signal,
    }),
  causes: (query: { q?: string; parentId?: string; internetCourtOnly?: boolean }, signal?: AbortSignal) =>
    api.get<{ items: Cause[] }>("/api/causes", {
      query: {
        q: query.q,
        parentId: query.parentId,
        internetCourtOnly: query.internetCourtOnly ? "true" : undefined,
      },
      signal,
    }),
  extractText: (text: string) =>
    api.post<{ suggestion: ExtractionSuggestion }>("/api/filings/extract", { text }),
  extractFile: (file: File) =>
    api.upload<{ suggestion: ExtractionSuggestion }>("/api/filings/extract/file", {}, file, file.name),
  create: (courtId: string, typeCode: CaseTypeCode) =>
    api.post<FilingView>("/api/filings", { courtId, typeCode }),
  get: (caseId: string, signal?: AbortSignal) => api.get<FilingView>(filingPath(caseId), { signal }),
  save: (caseId: string, content: FilingContent) => api.put<FilingView>(filingPath(caseId), content),
  remove: (caseId: string) => api.delete<void>(filingPath(caseId)),
  /** Uploads a file; `ledgerIndex` names the evidence-ledger deposit (存证编号) that should hold it. */
  upload: (caseId: string, category: AttachmentCategory, file: File, ledgerIndex?: number | null) =>
    api.upload<Attachment>(
      `${filingPath(caseId)}/attachments`,
      ledgerIndex === undefined || ledgerIndex === null
        ? { category }
        : { category, ledgerIndex: String(ledgerIndex) },
      file,
      file.name,
    ),
  removeAttachment: (caseId: string, attachmentId: string) =>
    api.delete<void>(`${filingPath(caseId)}/attachments/${encodeURIComponent(attachmentId)}`),
  resubmit: (caseId: string, complaintSha256: string) =>
    api.post<FilingView>(`${filingPath(caseId)}/resubmit`, { complaintSha256 }),
  withdraw: (caseId: string) => api.post<FilingView>(`${filingPath(caseId)}/withdraw`, {}),
  startPayment: (caseId: string) =>
    api.post<{ orderId: string; amount: number; payUrl: string }>(`${filingPath(caseId)}/payment`, {}),
  reviewQueue: (
    query: { courtId?: string; status?: "under_review" | "correction_requested" },
    signal?: AbortSignal,
  ) => api.get<{ items: ReviewQueueItem[] }>("/api/review-queue", { query, signal }),
  accept: (caseId: string, procedure?: Procedure) =>
    api.post<FilingView>(`${filingPath(caseId)}/accept`, procedure ? { procedure } : {}),
  requestCorrection: (caseId: string, items: string[], note: string | null) =>
    api.post<FilingView>(`${filingPath(caseId)}/request-correction`, { items, note }),
  refuse: (caseId: string, reason: string, basis: RefusalGround[]) =>
    api.post<FilingView>(`${filingPath(caseId)}/refuse`, { reason, basis }),
};
