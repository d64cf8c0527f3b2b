import type { Generated } from "kysely";

export interface EvidenceTables {
  evidence_periods: EvidencePeriodsTable;
  evidence_items: EvidenceItemsTable;
  evidence_files: EvidenceFilesTable;
  evidence_requests: EvidenceRequestsTable;
  evidence_opinions: EvidenceOpinionsTable;
  evidence_decisions: EvidenceDecisionsTable;
}

/** 举证期限 (民事诉讼法第六十八条) or the period for online cross-examination (在线诉讼规则第十四条). */
export type EvidencePeriodKind = "evidence" | "cross_examination";
export type EvidenceItemStatus = "draft" | "submitted" | "withdrawn";
/** 民诉法解释第一百条 (extension) or 第一百零一条 (leave to submit after the period). */
export type EvidenceRequestKind = "extension" | "late_submission";
export type EvidenceRequestStatus = "pending" | "granted" | "refused";
export type OpinionAnswer = "admit" | "dispute";
/** 在线诉讼规则第十七条 (altered after the deposit) or 第十八条 (untrue before it). */
export type LedgerGround = "altered_after_deposit" | "untrue_before_deposit";
export type EvidenceDecisionValue = "admitted" | "not_admitted";
/** A catalogue item, or an item of the evidence list filed with the complaint. */
export type EvidenceSubjectKind = "item" | "filed";

export interface EvidencePeriodsTable {
  case_id: string;
  kind: EvidencePeriodKind;
  starts_on: string;
  ends_on: string;
  ends_at: Date;
  days: number;
  basis: string;
  set_by: string;
  set_at: Date;
  extended_count: Generated<number>;
}

export interface EvidenceItemsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  title: string;
  source: string;
  purpose: string;
  status: EvidenceItemStatus;
  is_late: Generated<boolean>;
  submitted_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface EvidenceFilesTable {
  id: Generated<string>;
  item_id: string;
  case_id: string;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  uploaded_by: string;
  created_at: Date;
  removed_at: Date | null;
}

export interface EvidenceRequestsTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  kind: EvidenceRequestKind;
  reason: string;
  requested_until: string;
  status: EvidenceRequestStatus;
  granted_until: string | null;
  granted_until_at: Date | null;
  decision_reason: string | null;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface EvidenceOpinionsTable {
  id: Generated<string>;
  case_id: string;
  subject_kind: EvidenceSubjectKind;
  subject_id: string;
  party_id: string;
  authenticity: OpinionAnswer;
  authenticity_reason: string | null;
  ledger_ground: LedgerGround | null;
  legality: OpinionAnswer;
  legality_reason: string | null;
  relevance: OpinionAnswer;
  relevance_reason: string | null;
  given_by: string;
  given_at: Date;
}

export interface EvidenceDecisionsTable {
  case_id: string;
  subject_kind: EvidenceSubjectKind;
  subject_id: string;
  decision: EvidenceDecisionValue;
  reason: string | null;
  decided_by: string;
  decided_at: Date;
}
