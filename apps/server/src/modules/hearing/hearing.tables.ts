import type { Generated } from "kysely";

/**
 * The hearing context's tables (migration 20261208065000). The online hearing room, its recordings
 * and transcripts will reference `hearings.id` (and `hearings.room_key`) in tables of their own.
 */
export interface HearingTables {
  hearings: HearingsTable;
  hearing_participants: HearingParticipantsTable;
  hearing_summonses: HearingSummonsesTable;
  hearing_adjournments: HearingAdjournmentsTable;
  hearing_announcements: HearingAnnouncementsTable;
}

/** How the court sits: a video hearing online, in a courtroom, or asynchronously (在线诉讼规则第二十条). */
export type HearingModeValue = "online" | "courtroom" | "asynchronous";

/** scheduled → in_progress → held, or adjourned (→ scheduled again) or cancelled. */
export type HearingStatusValue = "scheduled" | "adjourned" | "cancelled" | "in_progress" | "held";

/** 民事诉讼法第一百三十七条: why a hearing is not public. */
export type NotPublicReasonValue =
  "state_secret" | "personal_privacy" | "law_provides" | "divorce_on_request" | "trade_secret_on_request";

/** 互联网法院规定第十二条 and 在线诉讼规则第二十一条: why the court sits offline. */
export type OfflineReasonValue =
  "identity_check" | "original_documents" | "physical_evidence" | "not_suitable_online";

/** 民事诉讼法第一百四十九条: the grounds for adjourning a hearing. */
export type AdjournmentGroundValue = "absence_with_cause" | "recusal_request" | "further_evidence" | "other";

export interface HearingsTable {
  id: Generated<string>;
  case_id: string;
  court_id: string;
  sitting: number;
  mode: HearingModeValue;
  status: HearingStatusValue;
  starts_at: Date;
  duration_minutes: number;
  courtroom_id: string | null;
  judge_id: string;
  clerk_id: string | null;
  is_public: boolean;
  not_public_reason: NotPublicReasonValue | null;
  not_public_note: string | null;
  offline_reason: OfflineReasonValue | null;
  /** The online hearing room's key, once the room is opened (the room comes later). */
  room_key: string | null;
  summons_issued_at: Date | null;
  /** The sitting time the one-day reminder was sent for (so a rescheduled hearing is reminded again). */
  reminded_for: Date | null;
  scheduled_by: string;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface HearingParticipantsTable {
  id: Generated<string>;
  hearing_id: string;
  role: "judge" | "clerk" | "party" | "agent";
  party_id: string | null;
  agent_id: string | null;
  user_id: string | null;
  name: string;
  party_role: "plaintiff" | "defendant" | "third_party" | null;
  created_at: Date;
}

export interface HearingSummonsesTable {
  id: Generated<string>;
  hearing_id: string;
  party_id: string;
  starts_at: Date;
  document_issue_id: string;
  service_id: string;
  recipient_user_id: string | null;
  recipient_name: string;
  recipient_role: "party" | "agent";
  is_current: Generated<boolean>;
  created_at: Date;
}

export interface HearingAdjournmentsTable {
  id: Generated<string>;
  hearing_id: string;
  ground: AdjournmentGroundValue;
  reason: string;
  previous_starts_at: Date;
  new_starts_at: Date | null;
  decided_by: string;
  decided_at: Date;
}

export interface HearingAnnouncementsTable {
  hearing_id: string;
  court_id: string;
  case_number: string | null;
  cause_name_zh: string | null;
  cause_name_en: string | null;
  parties_zh: string;
  parties_en: string;
  starts_at: Date;
  mode: HearingModeValue;
  place_zh: string;
  place_en: string;
  status: "published" | "withdrawn";
  published_at: Date;
  updated_at: Date;
}
