import { api } from "../../platform/api-client";

// The mediation API (`/api/mediations/…`, `/api/confirmations/…`, the court's register). Shapes follow
// apps/server/src/modules/mediation/mediation.schemas.ts and mediation.confirmation.schemas.ts.

export type MediationStatus =
  | "offered"
  | "declined"
  | "awaiting_mediator"
  | "awaiting_acceptance"
  | "in_progress"
  | "agreement_drafted"
  | "agreed"
  | "confirmation_applied"
  | "confirmed"
  | "confirmation_dismissed"
  | "ended"
  | "referred";

export type MediationAction =
  | "consent_to_offer"
  | "decline_offer"
  | "assign_mediator"
  | "accept_assignment"
  | "decline_assignment"
  | "answer_consent"
  | "post_message"
  | "schedule_session"
  | "make_offer"
  | "answer_offer"
  | "upload_document"
  | "propose_extension"
  | "answer_extension"
  | "record_failure"
  | "withdraw"
  | "refer_to_filing"
  | "draft_agreement";

export type MediationRelation = "party" | "agent" | "mediator" | "court_staff";
export type Side = "applicant" | "respondent";
export type PartyRole = "plaintiff" | "defendant" | "third_party";

export interface MediationParty {
  id: string;
  role: PartyRole;
  side: Side;
  kind: "natural_person" | "legal_person" | "other_organisation";
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  hasAccount: boolean;
  /** A respondent's unused case code (mediator and court staff only). */
  caseCode: string | null;
  consent: "pending" | "agreed" | "refused" | null;
}

export interface MediationOffer {
  id: string;
  partyId: string;
  side: Side;
  amount: number;
  terms: string;
  answersOfferId: string | null;
  status: "open" | "accepted" | "rejected" | "countered";
  createdAt: string;
  answeredAt: string | null;
}

export interface MediationView {
  id: string;
  caseId: string;
  courtId: string;
  origin: "application" | "offered_at_filing";
  status: MediationStatus;
  outcome: string | null;
  outcomeReason: string | null;
  myRelation: MediationRelation;
  dispute: {
    title: string | null;
    causeCode: string | null;
    causeNameZh: string | null;
    causeNameEn: string | null;
    factsAndReasons: string;
    claims: Array<{ text: string; amount: number | null }>;
  };
  parties: MediationParty[];
  mediator: { id: string; name: string; organisation: string | null } | null;
  mediatorChosenBy: "applicant" | "court" | null;
  appliedAt: string | null;
  appointmentDueOn: string | null;
  /** The court's three working days to appoint passed without an appointment (在线调解规则第十条). */
  appointmentOverdue: boolean;
  acceptanceDueOn: string | null;
  acceptedAt: string | null;
  periodEndsOn: string | null;
  endedAt: string | null;
  referredAt: string | null;
  recordIssueId: string | null;
  messages: Array<{
    id: string;
    authorRole: "party" | "agent" | "mediator";
    authorName: string;
    body: string;
    createdAt: string;
  }>;
  sessions: Array<{ id: string; startsAt: string; videoUrl: string | null; note: string }>;
  offers: MediationOffer[];
  documents: Array<{
    id: string;
    title: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    createdAt: string;
  }>;
  extensions: Array<{
    id: string;
    days: number;
    status: "open" | "agreed" | "refused";
    partyId: string;
    createdAt: string;
  }>;
  /** The sides the caller speaks for (empty for the mediator and court staff). */
  mySides: Side[];
  actions: MediationAction[];
}

export interface MediationSummary {
  id: string;
  caseId: string;
  courtId: string;
  title: string | null;
  origin: "application" | "offered_at_filing";
  status: MediationStatus;
  myRelation: MediationRelation;
  periodEndsOn: string | null;
  appointmentOverdue: boolean;
  updatedAt: string;
}

export interface Mediator {
  id: string;
  name: string;
  organisation: { id: string; name: string; nameEn: string | null } | null;
  specialties: string;
  caseTypes: string[];
  isActive: boolean;
  userId: string | null;
}

export interface MediationOrganisation {
  id: string;
  courtId: string;
  name: string;
  nameEn: string | null;
  description: string;
  caseTypes: string[];
  isActive: boolean;
}

export interface Obligation {
  obligorPartyId: string;
  obligeePartyId: string;
  description: string;
  amountFen: number | null;
  dueOn: string | null;
}

export type AgreementCosts =
  { kind: "borne_by"; partyId: string } | { kind: "shared_equally" } | { kind: "each_own" };

export interface AgreementTerms {
  facts: string;
  obligations: Obligation[];
  costs: AgreementCosts;
  otherTerms: string[];
  offerId: string | null;
}

export type AgreementAction = "redraft" | "sign" | "apply_for_confirmation" | "join_confirmation";

export interface AgreementView {
  id: string;
  mediationId: string;
  caseId: string;
  version: number;
  status: "draft" | "effective";
  contentSha256: string;
  issueId: string;
  terms: AgreementTerms;
  draftedAt: string;
  effectiveAt: string | null;
  effectiveOn: string | null;
  applicationDueOn: string | null;
  signatures: Array<{
    role: "party" | "agent" | "mediator";
    partyId: string | null;
    name: string;
    agentName: string | null;
    signedAt: string;
    contentSha256: string;
  }>;
  pending: { parties: Array<{ id: string; name: string }>; mediator: boolean };
  confirmationId: string | null;
  actions: AgreementAction[];
}

export type ConfirmationStatus =
  "awaiting_parties" | "applied" | "accepted" | "refused" | "confirmed" | "dismissed" | "withdrawn";
export type ConfirmationAction = "join" | "accept" | "refuse" | "extend" | "decide" | "withdraw";

export interface Ground {
  code: string;
  zh: string;
  en: string;
  basis: string;
}

export interface ConfirmationView {
  id: string;
  mediationId: string;
  caseId: string;
  courtId: string;
  status: ConfirmationStatus;
  parties: Array<{ partyId: string; name: string; role: PartyRole; appliedAt: string | null }>;
  applicationDueOn: string;
  appliedAt: string | null;
  acceptanceDueOn: string | null;
  /** The three days to accept passed without a decision (若干规定第四条). */
  acceptanceOverdue: boolean;
  acceptedAt: string | null;
  caseNumber: string | null;
  judgeName: string | null;
  decisionDueOn: string | null;
  /** The time to rule passed without a ruling (若干规定第五条). */
  decisionOverdue: boolean;
  isDecisionExtended: boolean;
  refusal: { grounds: Ground[]; reason: string | null; refusedAt: string } | null;
  decision: {
    decision: "confirm" | "dismiss";
    grounds: Ground[];
    reasons: string;
    decidedAt: string;
    rulingIssueId: string | null;
  } | null;
  /** The withdrawal before the ruling (民诉法解释第三百五十七条), with the ruling allowing it once accepted. */
  withdrawal: {
    withdrawnAt: string;
    partyNames: string[];
    reason: string | null;
    rulingIssueId: string | null;
  } | null;
  isEnforceable: boolean;
  feeFen: 0;
  actions: ConfirmationAction[];
}

/** 民诉法解释第三百五十五条: why the court does not accept an application. */
export const refusalGroundCodes = [
  "outside_court_scope",
  "outside_jurisdiction",
  "personal_status",
  "other_special_procedure",
  "ownership_determination",
] as const;
/** 民诉法解释第三百五十八条, 在线调解规则第二十三条: why the judge dismisses it. */
export const dismissalGroundCodes = [
  "violates_mandatory_law",
  "harms_public_or_others",
  "against_public_order",
  "not_voluntary",
  "unclear_content",
  "false_mediation",
  "outside_scope_after_acceptance",
  "other",
] as const;

const m = (id: string) => `/api/mediations/${encodeURIComponent(id)}`;
const c = (id: string) => `/api/confirmations/${encodeURIComponent(id)}`;
const court = (id: string) => `/api/courts/${encodeURIComponent(id)}`;

export const mediationApi = {
  // The court's register.
  mediators: (courtId: string, signal?: AbortSignal) =>
    api.get<{ items: Mediator[] }>(`${court(courtId)}/mediators`, { signal }),
  organisations: (courtId: string, signal?: AbortSignal) =>
    api.get<{ items: MediationOrganisation[] }>(`${court(courtId)}/mediation-organisations`, { signal }),
  addOrganisation: (
    courtId: string,
    body: { name: string; nameEn?: string | null; description?: string; caseTypes?: string[] },
  ) => api.post<MediationOrganisation>(`${court(courtId)}/mediation-organisations`, body),
  updateOrganisation: (courtId: string, id: string, body: { isActive?: boolean }) =>
    api.patch<MediationOrganisation>(
      `${court(courtId)}/mediation-organisations/${encodeURIComponent(id)}`,
      body,
    ),
  addMediator: (
    courtId: string,
    body: {
      userId: string;
      organisationId?: string | null;
      displayName: string;
      specialties?: string;
      caseTypes?: string[];
    },
  ) => api.post<Mediator>(`${court(courtId)}/mediators`, body),
  updateMediator: (courtId: string, id: string, body: { isActive?: boolean }) =>
    api.patch<Mediator>(`${court(courtId)}/mediators/${encodeURIComponent(id)}`, body),

  // Entry points.
  apply: (caseId: string, mediatorId: string | null) =>
    api.post<{ mediationId: string; appointmentDueOn: string | null; acceptanceDueOn: string | null }>(
      `/api/filings/${encodeURIComponent(caseId)}/mediation`,
      mediatorId ? { mediatorId } : {},
    ),
  offer: (caseId: string, note: string | null) =>
    api.post<{ mediationId: string }>(`/api/filings/${encodeURIComponent(caseId)}/mediation-offer`, {
      note,
    }),
  answerOffer: (caseId: string, answer: "consent" | "decline") =>
    api.post<{ mediationId: string; status: string }>(
      `/api/filings/${encodeURIComponent(caseId)}/mediation-offer/${answer}`,
    ),

  // The workspace.
  list: (signal?: AbortSignal) => api.get<{ items: MediationSummary[] }>("/api/mediations", { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<MediationView>(m(id), { signal }),
  assign: (id: string, mediatorId: string) => api.post<MediationView>(`${m(id)}/mediator`, { mediatorId }),
  accept: (id: string) => api.post<MediationView>(`${m(id)}/accept`),
  decline: (id: string, reason: string) => api.post<{ status: string }>(`${m(id)}/decline`, { reason }),
  consent: (
    id: string,
    body: { answer: "agreed" | "refused"; partyId?: string | null; note?: string | null },
  ) => api.post<MediationView>(`${m(id)}/consent`, body),
  postMessage: (id: string, body: string) => api.post<MediationView>(`${m(id)}/messages`, { body }),
  scheduleSession: (id: string, body: { startsAt: string; videoUrl: string | null; note: string }) =>
    api.post<MediationView>(`${m(id)}/sessions`, body),
  makeOffer: (
    id: string,
    body: { amount: number; terms: string; partyId?: string | null; answersOfferId?: string | null },
  ) => api.post<MediationView>(`${m(id)}/offers`, body),
  answerSettlementOffer: (id: string, offerId: string, answer: "accept" | "reject") =>
    api.post<MediationView>(`${m(id)}/offers/${encodeURIComponent(offerId)}/${answer}`),
  proposeExtension: (id: string, days: number) => api.post<MediationView>(`${m(id)}/extensions`, { days }),
  answerExtension: (id: string, answer: "agreed" | "refused") =>
    api.post<MediationView>(`${m(id)}/extensions/answer`, { answer }),
  recordFailure: (id: string, reason: string) => api.post<MediationView>(`${m(id)}/failure`, { reason }),
  withdraw: (id: string, reason: string | null) => api.post<MediationView>(`${m(id)}/withdraw`, { reason }),
  referToFiling: (id: string) => api.post<MediationView>(`${m(id)}/refer-to-filing`),
  uploadDocument: (id: string, title: string, file: File) =>
    api.upload<MediationView>(`${m(id)}/documents`, title ? { title } : {}, file, file.name),
  documentUrl: (id: string, documentId: string) =>
    `${m(id)}/documents/${encodeURIComponent(documentId)}/content`,

  // The agreement and its judicial confirmation.
  agreement: (id: string, signal?: AbortSignal) => api.get<AgreementView>(`${m(id)}/agreement`, { signal }),
  draftAgreement: (id: string, terms: AgreementTerms) =>
    api.post<AgreementView>(`${m(id)}/agreement`, { terms }),
  signAgreement: (id: string, contentSha256: string) =>
    api.post<AgreementView>(`${m(id)}/agreement/sign`, { contentSha256 }),
  applyForConfirmation: (id: string) =>
    api.post<{ confirmationId: string; status: string }>(`${m(id)}/confirmation`),
  joinConfirmation: (id: string) =>
    api.post<{ confirmationId: string; status: string }>(`${m(id)}/confirmation/join`),
  confirmations: (courtId: string, signal?: AbortSignal) =>
    api.get<{ items: ConfirmationView[] }>("/api/confirmations", { query: { courtId }, signal }),
  confirmation: (id: string, signal?: AbortSignal) => api.get<ConfirmationView>(c(id), { signal }),
  acceptConfirmation: (id: string) => api.post<ConfirmationView>(`${c(id)}/accept`),
  refuseConfirmation: (id: string, body: { grounds: string[]; reason: string | null }) =>
    api.post<ConfirmationView>(`${c(id)}/refuse`, body),
  decideConfirmation: (
    id: string,
    body: { decision: "confirm" | "dismiss"; grounds: string[]; reasons: string },
  ) => api.post<ConfirmationView>(`${c(id)}/decide`, body),
  withdrawConfirmation: (id: string, body: { reason: string | null }) =>
    api.post<ConfirmationView>(`${c(id)}/withdraw`, body),
};
