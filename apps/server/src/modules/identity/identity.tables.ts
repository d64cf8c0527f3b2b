import type { Generated } from "kysely";

export interface IdentityTables {
  users: UsersTable;
  identity_verifications: IdentityVerificationsTable;
  identity_documents: IdentityDocumentsTable;
}

export interface UsersTable {
  id: Generated<string>;
  kind: "person" | "organisation";
  name: string;
  id_number: string | null;
  credit_code: string | null;
  organisation_kind: "legal_person" | "other_organisation" | null;
  legal_representative: string | null;
  phone: string;
  email: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last accepted TOTP time step (RFC 6238): codes of this step or earlier are refused. */
  totp_last_step: number | null;
  verification_status: Generated<"unverified" | "pending" | "verified" | "rejected">;
  verified_at: Date | null;
  lawyer_licence_number: string | null;
  law_firm: string | null;
  locale: Generated<"zh-CN" | "en">;
  created_at: Date;
  updated_at: Date;
  disabled_at: Date | null;
  /** Bumped by the database on every privilege change; sessions issued under an older value are renewed. */
  privilege_version: Generated<number>;
}

export interface IdentityVerificationsTable {
  id: Generated<string>;
  user_id: string;
  method: "clerk_review" | "external";
  status: "pending" | "approved" | "rejected";
  front_sha256: string | null;
  back_sha256: string | null;
  provider: string | null;
  provider_reference: string | null;
  reviewer_id: string | null;
  decided_at: Date | null;
  reason: string | null;
  provider_score: number | null;
  created_at: Date;
}

export type DocumentSide = "front" | "back";

export interface IdentityDocumentsTable {
  user_id: string;
  side: DocumentSide;
  sha256: string;
  media_type: "image/png" | "image/jpeg" | "image/webp" | "image/heic";
  uploaded_at: Date;
}
