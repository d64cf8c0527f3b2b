import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string, string>;

export interface CasesTables {
  cases: CasesTable;
  case_number_counters: CaseNumberCountersTable;
  case_parties: CasePartiesTable;
  case_agents: CaseAgentsTable;
  case_claims: CaseClaimsTable;
  case_timeline: CaseTimelineTable;
  case_deadlines: CaseDeadlinesTable;
  case_party_codes: CasePartyCodesTable;
  case_answers: CaseAnswersTable;
  jurisdiction_objections: JurisdictionObjectionsTable;
  counterclaims: CounterclaimsTable;
  answer_attachments: AnswerAttachmentsTable;
}

export type CaseStatusValue =
  | "mediation"
  | "draft"
  | "under_review"
  | "correction_requested"
  | "accepted"
  | "service"
  | "evidence_exchange"
  | "hearing"
  | "judgment"
  | "appeal_window"
  | "effective"
  | "enforcement"
  | "closed"
  | "refused"
  | "withdrawn"
  | "deemed_withdrawn"
  | "transferred";

export type ProcedureValue = "ordinary" | "simplified" | "small_claims";

export interface CasesTable {
  id: Generated<string>;
  court_id: string;
  status: CaseStatusValue;
  type_code: string;
  procedure: ProcedureValue | null;
  cause_code: string | null;
  cause_name_zh: string | null;
  cause_name_en: string | null;
  title: string | null;
  facts_and_reasons: Generated<string>;
  claim_total_fen: Generated<number>;
  filed_by: string;
  case_number: string | null;
  case_year: number | null;
  case_sequence: number | null;
  query_code: string | null;
  fee_fen: number | null;
  fee_quote: Json<Record<string, unknown> | null> | null;
  judge_id: string | null;
  judge_assignment: Json<Record<string, unknown> | null> | null;
  /** The mediator assigned to the case while it is in pre-litigation mediation (modules/mediation). */
  mediator_id: Generated<string | null>;
  submitted_at: Date | null;
  review_clock_started_at: Date | null;
  review_due_on: string | null;
  accepted_at: Date | null;
  closed_at: Date | null;
  closure_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface CaseNumberCountersTable {
  court_id: string;
  year: number;
  type_code: string;
  last_sequence: number;
}

export type PartyRole = "plaintiff" | "defendant" | "third_party";
export type PartyKind = "natural_person" | "legal_person" | "other_organisation";

export interface CasePartiesTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  id_number: string | null;
  credit_code: string | null;
  legal_representative: string | null;
  sex: "male" | "female" | null;
  ethnicity: string | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  service_address: string | null;
  user_id: string | null;
  created_at: Date;
}

export interface CaseAgentsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  user_id: string | null;
  kind: "lawyer" | "legal_worker" | "relative" | "employee" | "other";
  name: string;
  phone: string | null;
  law_firm: string | null;
  licence_number: string | null;
  power_of_attorney_sha256: string | null;
  status: "active" | "revoked";
  created_at: Date;
  /** 民事诉讼法第六十二条: special authority (admit, waive, settle, counterclaim, appeal). */
  special_authority: Generated<boolean>;
  /** The party's account that appointed the agent online; null for agents named in the complaint. */
  appointed_by: Generated<string | null>;
}

export interface CaseClaimsTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  text: string;
  amount_fen: number | null;
}

export interface CaseTimelineTable {
  id: Generated<number>;
  case_id: string;
  occurred_at: Date;
  kind: string;
  actor_user_id: string | null;
  data: Json<Record<string, unknown>>;
  is_public: Generated<boolean>;
}

export interface CaseDeadlinesTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  due_at: Date;
  basis: string;
  status: "open" | "met" | "missed" | "cancelled";
  created_at: Date;
  resolved_at: Date | null;
}

/** The code that links a defendant's account to their party (one per defendant, used once). */
export interface CasePartyCodesTable {
  party_id: string;
  case_id: string;
  code: string;
  created_at: Date;
  used_at: Date | null;
  used_by: string | null;
}

/** A response to one claim of the complaint (民事答辩状). */
export interface AnswerResponse {
  claimPosition: number;
  position: "admit" | "contest" | "partly";
  text: string;
}

/** An item of the answer's evidence list, with its uploaded attachment. */
export interface AnswerEvidence {
  name: string;
  source: string;
  purpose: string;
  /** The uploaded file (answer_attachments), when the item was attached. */
  attachmentId?: string | null;
}

export interface CaseAnswersTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  status: "draft" | "submitted";
  responses: Json<AnswerResponse[]>;
  facts_and_reasons: string;
  evidence: Json<AnswerEvidence[]>;
  document_issue_id: string | null;
  written_by: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

export interface JurisdictionObjectionsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  grounds: string;
  proposed_court: string | null;
  status: "pending" | "upheld" | "dismissed";
  filed_by: string;
  filed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  ruling_issue_id: string | null;
}

export interface CounterclaimsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  claims: Json<Array<{ text: string; amountFen: number | null }>>;
  facts_and_reasons: string;
  claim_total_fen: number;
  fee_fen: number;
  fee_quote: Json<Record<string, unknown>>;
  fee_due_at: Date;
  status: "fee_due" | "filed" | "deemed_withdrawn";
  filed_by: string;
  filed_at: Date;
  fee_paid_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The 民事反诉状 issued on filing. */
  document_issue_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The receipt of its paid fee. */
  fee_receipt_issue_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AnswerAttachmentsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  uploaded_by: string;
  created_at: Date;
}
