import {
  AppError,
  takeAttempt,
  clearFailures,
  inTransaction,
  invalidateSession,
  loginPolicies,
  markSecondFactor,
  writeAuditEvent,
  type CommandMeta,
  type SessionRow,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { mustEnrolThroughInvitation } from "../identity.policy";
import { acceptTotpStep, findAccount } from "../identity.repository";
import { checkTotp, decodeBase32 } from "../totp";

/**
 * Checks a TOTP code for the session's account: enables TOTP on the first valid code after setup and
 * marks the session as having passed the second factor. Guesses are throttled like passwords (a
 * six-digit code falls to brute force otherwise). Throws `totp_not_set_up`, `totp_code_invalid`,
 * `totp_code_reused`, `rate_limited`,
 * `second_factor_enrolment_requires_invitation` or `totp_key_unavailable`.
 */
export async function verifyTotp(
  deps: IdentityDependencies,
  meta: CommandMeta,
  session: SessionRow,
  code: string,
): Promise<void> {
  const throttleKey = `totp:account:${session.userId}`;
  // Counted before the code is checked, so parallel guesses cannot outrun the limit.
  await takeAttempt(deps.db, throttleKey, loginPolicies.account, meta.now);
  const account = await findAccount(deps.db, session.userId);
  if (!account?.totp_secret) throw new AppError("totp_not_set_up");
  // A staff secret still pending was not issued through an invitation (older versions let a
  // password-only session start enrolment): it must not become the account's factor.
  if (account.totp_enabled_at === null) {
    const memberships = await deps.findMemberships(deps.db, account.id);
    if (mustEnrolThroughInvitation({ isStaff: memberships.length > 0 })) {
      throw new AppError("second_factor_enrolment_requires_invitation");
    }
  }
  const secret = decodeBase32(deps.totpSecrets.open(account.totp_secret, account.id));
  if (!secret) throw new AppError("totp_not_set_up");

  const check = checkTotp(secret, code, meta.now, account.totp_last_step);
  const outcome = check.ok
    ? await inTransaction(deps.db, async (trx) => {
        const { accepted, enabledNow } = await acceptTotpStep(trx, account.id, check.step, meta.now);
        // A concurrent request used the same step first: this one is the replay.
        if (!accepted) return "reused" as const;
        await markSecondFactor(trx, session.idHash, meta.now);
        await writeAuditEvent(trx, meta, {
          action: enabledNow ? "identity.totp_enabled" : "identity.second_factor_passed",
          subjectType: "user",
          subjectId: account.id,
          data: { method: "totp" },
        });
        return "accepted" as const;
      })
    : check.reason;

  if (outcome === "accepted") {
    await clearFailures(deps.db, throttleKey);
    invalidateSession(session.idHash);
    return;
  }
  await inTransaction(deps.db, (trx) =>
    writeAuditEvent(trx, meta, {
      action: "identity.second_factor_failed",
      subjectType: "user",
      subjectId: account.id,
      data: { method: "totp", reason: outcome },
    }),
  );
  throw new AppError(outcome === "reused" ? "totp_code_reused" : "totp_code_invalid");
}
