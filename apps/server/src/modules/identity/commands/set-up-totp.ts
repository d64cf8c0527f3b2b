import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { findAccount, setPendingTotpSecret } from "../identity.repository";
import { generateTotpSecret, otpauthUrl } from "../totp";

/** Issuer shown in authenticator apps. */
const TOTP_ISSUER = "netcourt";

/**
 * Issues a new TOTP secret for the account; it takes effect when a first code is verified. Only while
 * TOTP is not enabled: an enabled factor cannot be replaced with the password alone. Throws
 * `totp_already_enabled`.
 */
export async function setUpTotp(
  deps: IdentityDependencies,
  meta: CommandMeta,
  userId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = generateTotpSecret();
  const account = await inTransaction(deps.db, async (trx) => {
    const isSet = await setPendingTotpSecret(trx, userId, secret, meta.now);
    if (!isSet) throw new AppError("totp_already_enabled");
    await writeAuditEvent(trx, meta, {
      action: "identity.totp_setup_started",
      subjectType: "user",
      subjectId: userId,
    });
    return findAccount(trx, userId);
  });
  return {
    secret,
    otpauthUrl: otpauthUrl({ issuer: TOTP_ISSUER, account: account?.phone ?? userId, secret }),
  };
}
