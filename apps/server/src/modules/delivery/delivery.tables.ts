import type { ColumnType, Generated } from "kysely";

export interface DeliveryTables extends DeliveryServiceTables {
  inbox_messages: InboxMessagesTable;
}

export interface InboxMessagesTable {
  id: Generated<string>;
  recipient_id: string;
  case_id: string | null;
  kind: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  created_at: Date;
  read_at: Date | null;
}

/** What is served (送达的文书). Stored forever: never rename. */
export const servedDocumentKinds = [
  "complaint_copy",
  "response_notice",
  "evidence_notice",
  "acceptance_notice",
  "answer_copy",
  "counterclaim_copy",
  "ruling",
  "mediation_agreement",
  "confirmation_ruling",
  "judgment",
  "summons",
  "other",
] as const;
export type ServedDocumentKind = (typeof servedDocumentKinds)[number];

export const serviceStatuses = [
  "pending",
  "delivered",
  "served",
  "failed",
  "undeliverable",
  "served_by_post",
  "served_by_notice",
] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export const serviceChannels = ["inbox", "sms", "email", "post", "notice"] as const;
export type ServiceChannel = (typeof serviceChannels)[number];

export const attemptStatuses = ["queued", "sent", "delivered", "failed", "refused"] as const;
export type AttemptStatus = (typeof attemptStatuses)[number];

export type AddressBasis = "confirmed" | "provided";
export type ServedHow = "delivered" | "opened" | "acted" | "post" | "notice";

export interface DeliveryServiceTables {
  service_records: ServiceRecordsTable;
  service_attempts: ServiceAttemptsTable;
  service_addresses: ServiceAddressesTable;
  notice_attempts: NoticeAttemptsTable;
}

export interface ServiceRecordsTable {
  id: Generated<string>;
  case_id: string;
  court_id: string;
  document_issue_id: string;
  kind: ServedDocumentKind;
  recipient_party_id: string | null;
  recipient_user_id: string | null;
  recipient_name: string;
  recipient_role: string;
  recipient_phone: string | null;
  recipient_email: string | null;
  address_basis: AddressBasis;
  status: ServiceStatus;
  sent_at: Date | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  acted_at: Date | null;
  served_at: Date | null;
  served_how: ServedHow | null;
  served_by: string | null;
  unopened_days: Generated<number>;
  following_kind: string | null;
  following_days: number | null;
  following_basis: string | null;
  post_tracking_number: string | null;
  /** Court day `YYYY-MM-DD` (a date column read as text). */
  post_signed_on: ColumnType<string | null, string | null, string | null>;
  post_signed_by: string | null;
  notice_on: ColumnType<string | null, string | null, string | null>;
  /** The addressee's case code (with the complaint copy); shown only to the addressee and court staff. */
  case_code: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ServiceAttemptsTable {
  id: Generated<string>;
  seq: Generated<number>;
  service_id: string;
  channel: ServiceChannel;
  address: string | null;
  status: AttemptStatus;
  error: string | null;
  provider_reference: string | null;
  created_at: Date;
  sent_at: Date | null;
  delivered_at: Date | null;
  updated_at: Date;
}

/**
 * One try to send a notice that is not the service of a document (send-notice.ts), recorded before the
 * message goes out: its id is the message's idempotency key at the gateway.
 */
export interface NoticeAttemptsTable {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  party_id: string;
  purpose: "mediation_invitation";
  channel: "sms" | "email";
  status: AttemptStatus;
  error: string | null;
  provider_reference: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ServiceAddressesTable {
  user_id: string;
  phone: string | null;
  email: string | null;
  consent_version: string;
  consented_at: Date;
  updated_at: Date;
}
