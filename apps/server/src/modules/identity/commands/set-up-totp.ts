import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { findAccount, setPendingTotpSecret } from "../identity.repository";
import { mustEnrolThroughInvitation } from "../identity.policy";
import { generateTotpSecret, otpauthUrl } from "../totp";

/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = "netcourt";

/**
 * Issues a new TOTP secret for the account; it takes effect when a first code is verified. Only while
 * TOTP is not enabled: an enabled factor cannot be replaced with the password alone. Court staff enrol
 * only through an invitation: a stolen password must not be enough to bind the attacker's
 * authenticator to a staff account. Throws `totp_already_enabled`,
 * `second_factor_enrolment_requires_invitation`.
 */
export async function setUpTotp(
  deps: IdentityDependencies,
  meta: CommandMeta,
  userId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = generateTotpSecret();
  const account = await inTransaction(deps.db, async (trx) => {
    const current = await findAccount(trx, userId);
    if (current?.totp_enabled_at) throw new AppError("totp_already_enabled");
    const memberships = await deps.findMemberships(trx, userId);
    if (mustEnrolThroughInvitation({ isStaff: memberships.length > 0 })) {
      throw new AppError("second_factor_enrolment_requires_invitation");
    }
    const isSet = await setPendingTotpSecret(trx, userId, deps.totpSecrets.seal(secret, userId), meta.now);
    if (!isSet) throw new AppError("totp_already_enabled");
    await writeAuditEvent(trx, meta, {
      action: "identity.totp_setup_started",
      subjectType: "user",
      subjectId: userId,
    });
    return current;
  });
  return {
    secret,
    otpauthUrl: otpauthUrl({ issuer: TOTP_ISSUER, account: account?.phone ?? userId, secret }),
  };
}
