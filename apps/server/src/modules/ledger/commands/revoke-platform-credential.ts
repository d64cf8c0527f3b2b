import type { AppContext } from "../../../context";
import { AppError, inTransaction, requireUser, writeAuditEvent, type CommandMeta } from "../../../platform";
import { assertCanManagePlatforms } from "../ledger.policy";
import { findCredential, findPlatform, revokeCredential } from "../ledger.repository";

/**
 * Revokes a platform credential: it can no longer deposit; its past deposits stay in the log.
 * Throws `authentication_required`, `ledger_platform_not_found`, `forbidden`, `ledger_credential_not_found`.
 */
export async function revokePlatformCredential(
  context: AppContext,
  meta: CommandMeta,
  options: { platformId: string; credentialId: string },
) {
  const user = requireUser(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const platform = await findPlatform(trx, options.platformId);
    if (!platform || !user.memberships.some((m) => m.courtId === platform.court_id))
      throw new AppError("ledger_platform_not_found");
    assertCanManagePlatforms(meta.actor, platform.court_id);
    const credential = await findCredential(trx, platform.id, options.credentialId);
    if (!credential) throw new AppError("ledger_credential_not_found");
    if (credential.revoked_at) return credential;
    await revokeCredential(trx, platform.id, credential.id, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "ledger.credential_revoked",
      subjectType: "ledger_platform",
      subjectId: platform.id,
      courtId: platform.court_id,
      data: { credentialId: credential.id },
    });
    return { ...credential, revoked_at: meta.now };
  });
}
