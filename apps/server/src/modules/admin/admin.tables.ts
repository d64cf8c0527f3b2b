import type { Generated } from "kysely";

export interface AdminTables {
  invitations: InvitationsTable;
}

export type InvitationPurpose = "staff_enrolment" | "second_factor_reset";

export interface InvitationsTable {
  id: Generated<string>;
  /** SHA-256 (hex) of the link's token; the token itself is never stored. */
  token_sha256: string;
  user_id: string;
  court_id: string;
  purpose: InvitationPurpose;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}
