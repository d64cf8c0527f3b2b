import {
  AppError,
  takeAttempt,
  clearFailures,
  inTransaction,
  invalidateSession,
  loginPolicies,
  writeAuditEvent,
  type CommandMeta,
  type SessionRow,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { findAccount, revokeOtherSessions, updatePasswordHash } from "../identity.repository";
import { hashPassword, verifyPassword } from "../password";
import { checkPasswordPolicy } from "../password.rules";

/**
 * Changes the password after checking the current one, and ends every other session of the account
 * (whoever knew the old password is signed out). Throws `current_password_incorrect`,
 * `password_too_weak` or `rate_limited`.
 */
export async function changePassword(
  deps: IdentityDependencies,
  meta: CommandMeta,
  session: SessionRow,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const throttleKey = `password:account:${session.userId}`;
  await takeAttempt(deps.db, throttleKey, loginPolicies.account, meta.now);
  const account = await findAccount(deps.db, session.userId);
  if (!account) throw new AppError("authentication_required");
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError("current_password_incorrect", [
      { path: "currentPassword", code: "incorrect", message: "incorrect" },
    ]);
  }
  // The current password was right: the attempt is given back even if the new one is refused.
  await clearFailures(deps.db, throttleKey);
  const failures = checkPasswordPolicy(input.newPassword, account.phone);
  if (failures.length > 0) {
    throw new AppError(
      "password_too_weak",
      failures.map((failure) => ({ path: "newPassword", code: failure, message: failure })),
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await inTransaction(deps.db, async (trx) => {
    await updatePasswordHash(trx, account.id, passwordHash, meta.now);
    const ended = await revokeOtherSessions(trx, account.id, session.idHash, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "identity.password_changed",
      subjectType: "user",
      subjectId: account.id,
      data: { otherSessionsEnded: ended.length },
    });
    return ended;
  });
  for (const idHash of revoked) invalidateSession(idHash);
}
