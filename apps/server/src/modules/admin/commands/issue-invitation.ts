import { randomBytes } from "node:crypto";
import { hashToken, type Executor } from "../../../platform";
import { insertInvitation, revokeOpenInvitations } from "../admin.repository";
import { INVITATION_TTL_MS } from "../admin.rules";
import type { InvitationPurpose } from "../admin.tables";

/** A new invitation link, shown once: only its hash is stored. */
export interface IssuedInvitation {
  invitationId: string;
  token: string;
  url: string;
  expiresAt: Date;
}

/**
 * Issues an invitation in the caller's transaction, replacing any open one of the account. The token
 * has 256 random bits (OWASP ASVS V2.3.1 asks at least 112 for activation codes).
 */
export async function issueInvitation(
  trx: Executor,
  options: {
    userId: string;
    courtId: string;
    purpose: InvitationPurpose;
    createdBy: string | null;
    now: Date;
    publicUrl: string;
  },
): Promise<IssuedInvitation> {
  await revokeOpenInvitations(trx, options.userId, options.now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + INVITATION_TTL_MS);
  const invitationId = await insertInvitation(trx, {
    tokenSha256: hashToken(token),
    userId: options.userId,
    courtId: options.courtId,
    purpose: options.purpose,
    createdBy: options.createdBy,
    now: options.now,
    expiresAt,
  });
  return { invitationId, token, url: `${options.publicUrl.replace(/\/$/, "")}/invite/${token}`, expiresAt };
}
