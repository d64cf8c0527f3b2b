import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string, string>;

export interface MediationTables extends AgreementTables {
  mediation_organisations: MediationOrganisationsTable;
  mediators: MediatorsTable;
  mediations: MediationsTable;
  mediation_consents: MediationConsentsTable;
  mediation_offers: MediationOffersTable;
  mediation_messages: MediationMessagesTable;
  mediation_sessions: MediationSessionsTable;
  mediation_documents: MediationDocumentsTable;
  mediation_extensions: MediationExtensionsTable;
}

/**
 * Where a mediation stands. Pre-litigation mediation (在线调解规则第二十四条/第二十五条) runs
 * offered → (declined) | awaiting_mediator → awaiting_acceptance → in_progress → ended → referred;
 * the agreement states (agreement_drafted → agreed → confirmation_applied → confirmed |
 * confirmation_dismissed) follow 在线调解规则第十九条/第二十条 and 民事诉讼法第二百零五条.
 */
export type MediationStatusValue =
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

/** How the mediation began: the litigant applied, or the court offered it on a submitted filing. */
export type MediationOriginValue = "application" | "offered_at_filing";

/** Why a mediation ended without agreement (在线调解规则第二十五条). */
export type MediationOutcomeValue = "failed" | "withdrawn" | "lapsed" | "refused_by_other_side";

export interface MediationOrganisationsTable {
  id: Generated<string>;
  court_id: string;
  name: string;
  name_en: string | null;
  description: string;
  /** Cause codes or case-type codes the organisation takes (在线调解规则第五条: 纠纷受理范围). */
  case_types: Json<string[]>;
  is_active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface MediatorsTable {
  id: Generated<string>;
  court_id: string;
  /** The staff account holding the `mediator` role at the court. */
  user_id: string;
  organisation_id: string | null;
  display_name: string;
  specialties: string;
  case_types: Json<string[]>;
  is_active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface MediationsTable {
  id: Generated<string>;
  case_id: string;
  court_id: string;
  origin: MediationOriginValue;
  status: MediationStatusValue;
  /** The account that applied for (or consented to) mediation. */
  applicant_user_id: string;
  /** The registered mediator (mediators.id) and their account; null until chosen or appointed. */
  mediator_id: string | null;
  mediator_user_id: string | null;
  mediator_chosen_by: "applicant" | "court" | null;
  offered_at: Date | null;
  offered_by: string | null;
  applied_at: Date | null;
  /** 在线调解规则第十条: the court appoints within 3 working days of the application. */
  appointment_due_on: string | null;
  assigned_at: Date | null;
  /** 在线调解规则第十二条: the mediator confirms within 3 working days. */
  acceptance_due_on: string | null;
  accepted_at: Date | null;
  /** When the job found the court's time to appoint passed (在线调解规则第十条第三款); cleared on appointment. */
  appointment_overdue_at: Date | null;
  /** 在线调解规则第二十四条: 30 days from acceptance, longer when every party agrees. */
  period_ends_on: string | null;
  period_ends_at: Date | null;
  ended_at: Date | null;
  outcome: MediationOutcomeValue | null;
  outcome_reason: string | null;
  referred_at: Date | null;
  /** The issue id of the mediation record document (modules/documents). */
  record_issue_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

/** 在线调解规则第十五条: each party of the other side is asked whether it agrees to mediate. */
export interface MediationConsentsTable {
  mediation_id: string;
  party_id: string;
  answer: "pending" | "agreed" | "refused";
  answered_by: string | null;
  answered_at: Date | null;
  asked_at: Date;
}

export interface MediationOffersTable {
  id: Generated<string>;
  seq: Generated<string>;
  mediation_id: string;
  /** The offer this one answers (a counter-offer), or null for an opening offer. */
  answers_offer_id: string | null;
  /** The party on whose behalf the offer is made. */
  party_id: string;
  made_by: string;
  amount_fen: number;
  terms: string;
  status: "open" | "accepted" | "rejected" | "countered";
  answered_by: string | null;
  answered_at: Date | null;
  created_at: Date;
}

export interface MediationMessagesTable {
  id: Generated<string>;
  seq: Generated<string>;
  mediation_id: string;
  author_user_id: string;
  author_role: "party" | "agent" | "mediator";
  body: string;
  created_at: Date;
}

export interface MediationSessionsTable {
  id: Generated<string>;
  mediation_id: string;
  starts_at: Date;
  video_url: string | null;
  note: string;
  scheduled_by: string;
  created_at: Date;
}

export interface MediationDocumentsTable {
  id: Generated<string>;
  mediation_id: string;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  title: string;
  uploaded_by: string;
  created_at: Date;
}

export interface MediationExtensionsTable {
  id: Generated<string>;
  mediation_id: string;
  proposed_by: string;
  party_id: string;
  days: number;
  status: "open" | "agreed" | "refused";
  /** Party id → answer; every other party must agree (在线调解规则第二十四条). */
  answers: Json<Record<string, "agreed" | "refused">>;
  created_at: Date;
  resolved_at: Date | null;
}

// Mediation agreements, signatures and judicial confirmation (migration 20261207040100).

export interface AgreementTables {
  mediation_agreements: MediationAgreementsTable;
  mediation_agreement_signatures: MediationAgreementSignaturesTable;
  judicial_confirmations: JudicialConfirmationsTable;
  judicial_confirmation_applicants: JudicialConfirmationApplicantsTable;
}

export interface MediationAgreementsTable {
  id: Generated<string>;
  mediation_id: string;
  version: number;
  status: "draft" | "superseded" | "effective";
  terms: Json<Record<string, unknown>>;
  issue_id: string;
  content_sha256: string;
  drafted_by: string;
  drafted_at: Date;
  effective_at: Date | null;
  effective_on: string | null;
}

export interface MediationAgreementSignaturesTable {
  id: Generated<string>;
  agreement_id: string;
  signer_user_id: string;
  signer_role: "party" | "agent" | "mediator";
  party_id: string | null;
  content_sha256: string;
  ip: string | null;
  signed_at: Date;
}

export type JudicialConfirmationStatusValue =
  "awaiting_parties" | "applied" | "accepted" | "refused" | "confirmed" | "dismissed" | "withdrawn";

export interface JudicialConfirmationsTable {
  id: Generated<string>;
  mediation_id: string;
  agreement_id: string;
  case_id: string;
  court_id: string;
  status: JudicialConfirmationStatusValue;
  application_due_on: string;
  started_by: string;
  started_at: Date;
  applied_at: Date | null;
  acceptance_due_on: string | null;
  accepted_at: Date | null;
  accepted_by: string | null;
  case_number: string | null;
  judge_id: string | null;
  judge_name: string | null;
  clerk_name: string | null;
  decision_due_on: string | null;
  decision_extended_at: Date | null;
  decision_extended_by: string | null;
  extension_reason: string | null;
  refused_at: Date | null;
  refused_by: string | null;
  refusal_grounds: Json<string[] | null> | null;
  refusal_reason: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  decision: "confirm" | "dismiss" | null;
  dismissal_grounds: Json<string[] | null> | null;
  reasons: string | null;
  ruling_issue_id: string | null;
  is_enforceable: Generated<boolean>;
  /** When the job found the three days to accept passed (若干规定第四条). */
  acceptance_overdue_at: Date | null;
  /** When the job found the time to decide passed (若干规定第五条第一款); cleared by an extension. */
  decision_overdue_at: Date | null;
  /** 民诉法解释第三百五十七条: the application withdrawn before the ruling. */
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawn_party_ids: Json<string[] | null> | null;
  withdrawal_reason: string | null;
  /** The ruling allowing the withdrawal (准许撤回), when the application had been accepted. */
  withdrawal_ruling_issue_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface JudicialConfirmationApplicantsTable {
  confirmation_id: string;
  party_id: string;
  applied_by: string;
  applied_as: "party" | "agent";
  ip: string | null;
  applied_at: Date;
}
