import type { ColumnType, Generated } from "kysely";

export interface FilingTables {
  filing_attachments: FilingAttachmentsTable;
  filing_evidence: FilingEvidenceTable;
  fee_orders: FeeOrdersTable;
  filing_reviews: FilingReviewsTable;
  payment_notifications: PaymentNotificationsTable;
}

export type AttachmentCategory = "complaint" | "evidence" | "identity" | "power_of_attorney" | "other";

export interface FilingAttachmentsTable {
  id: Generated<string>;
  case_id: string;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  category: AttachmentCategory;
  uploaded_by: string;
  created_at: Date;
  removed_at: Date | null;
}

export interface FilingEvidenceTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  name: string;
  source: string | null;
  purpose: string | null;
  attachment_id: string | null;
}

export interface FeeOrdersTable {
  id: Generated<string>;
  case_id: string;
  /** The counterclaim whose fee this is; null for the case acceptance fee. */
  counterclaim_id: ColumnType<string | null, string | null | undefined, string | null>;
  amount_fen: number;
  status: "pending" | "paid" | "expired" | "cancelled";
  gateway: string;
  gateway_reference: string | null;
  due_at: Date;
  paid_at: Date | null;
  created_at: Date;
}

export interface FilingReviewsTable {
  id: Generated<string>;
  case_id: string;
  decision: "accepted" | "correction_requested" | "refused";
  items: ColumnType<unknown[], string, string>;
  reason: string | null;
  decided_by: string;
  decided_at: Date;
  ruling_sha256: string | null;
  ruling_en_sha256: string | null;
}

export type PaymentNotificationOutcome =
  "paid" | "already_paid" | "late" | "paid_twice" | "failed" | "repeated" | "conflict";

export interface PaymentNotificationsTable {
  gateway: string;
  nonce: string;
  order_id: string;
  reference: string;
  status: "paid" | "failed";
  amount_fen: number;
  outcome: PaymentNotificationOutcome;
  body: string;
  signature: string;
  signed_at: Date;
  received_at: Date;
}
