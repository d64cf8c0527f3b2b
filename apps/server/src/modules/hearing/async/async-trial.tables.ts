import type { Generated } from "kysely";

/**
 * The asynchronous trial's tables (migration 20261209040000): its own rows rather than a `hearings` row
 * with mode `asynchronous`, because a hearing is a sitting at one instant with a summons and a duration,
 * while an asynchronous trial (在线诉讼规则第二十条) is a written thread over days whose record is issued
 * when the judge closes it.
 */
export interface AsyncTrialTables {
  async_trials: AsyncTrialsTable;
  async_trial_consents: AsyncTrialConsentsTable;
  async_trial_questions: AsyncTrialQuestionsTable;
  async_trial_answers: AsyncTrialAnswersTable;
  async_trial_missed_answers: AsyncTrialMissedAnswersTable;
  async_trial_live_requests: AsyncTrialLiveRequestsTable;
}

/** applied → open → closed | ended_for_live; applied → refused. */
export type AsyncTrialStatusValue = "applied" | "open" | "closed" | "ended_for_live" | "refused";

export interface AsyncTrialsTable {
  id: Generated<string>;
  case_id: string;
  court_id: string;
  status: AsyncTrialStatusValue;
  applicant_party_id: string;
  applied_by: string;
  reasons: string;
  applied_at: Date;
  difficulty_attested: boolean;
  undisputed_attested: boolean;
  disputed_items_at_opening: number | null;
  opened_by: string | null;
  opened_at: Date | null;
  refusal_kind: "judge" | "party" | null;
  refusal_reason: string | null;
  ended_by: string | null;
  ended_at: Date | null;
  record_issue_id: string | null;
  record_sha256: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface AsyncTrialConsentsTable {
  trial_id: string;
  party_id: string;
  decision: "consented" | "refused";
  reason: string | null;
  decided_by: string;
  decided_at: Date;
}

export interface AsyncTrialQuestionsTable {
  id: Generated<string>;
  trial_id: string;
  number: number;
  kind: "question" | "issue";
  body: string;
  addressed_party_id: string | null;
  window_ends_at: Date;
  extended_count: Generated<number>;
  reminded_for: Date | null;
  lapsed_for: Date | null;
  posted_by: string;
  posted_at: Date;
}

export interface AsyncTrialAnswersTable {
  id: Generated<string>;
  question_id: string;
  party_id: string;
  body: string;
  /** A video of the party's statement (在线诉讼规则第二十条第二款), content-addressed in the file store. */
  video_sha256: string | null;
  video_media_type: string | null;
  video_size: number | null;
  is_supplement: boolean;
  answered_by: string;
  answered_at: Date;
}

export interface AsyncTrialMissedAnswersTable {
  question_id: string;
  party_id: string;
  window_ends_at: Date;
  recorded_at: Date;
}

export interface AsyncTrialLiveRequestsTable {
  id: Generated<string>;
  trial_id: string;
  party_id: string;
  reasons: string;
  requested_by: string;
  requested_at: Date;
  status: "pending" | "granted" | "refused";
  decision_reasons: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}
