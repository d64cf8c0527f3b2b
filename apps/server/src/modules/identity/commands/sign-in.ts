import {
  AppError,
  clearFailures,
  createSession,
  inTransaction,
  issueChallenge,
  loginPolicies,
  rateLimitedError,
  redeemChallenge,
  releaseAttempt,
  reserveAttempt,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { findAccountByLogin } from "../identity.repository";
import { normalisePhone } from "../identity.rules";
import { verifyPassword } from "../password";

/** A new session: the secret cookie token and the CSRF token for the page. */
export interface SignedIn {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A login is an e-mail address when it contains @, otherwise a mobile number. */
function parseLogin(login: string): { phone: string } | { email: string } {
  const trimmed = login.normalize("NFKC").trim();
  return trimmed.includes("@") ? { email: trimmed.toLowerCase() } : { phone: normalisePhone(trimmed) };
}

const CHALLENGE_PURPOSE = "sign_in";

/**
 * Signs in with a phone number or e-mail address and a password. Each attempt is counted per IP address
 * and per account before the password is checked, so parallel guesses cannot outrun the limits: past
 * its limit an IP address must send a solved proof-of-work challenge (`challengeSolution`) with each
 * attempt, and an account is locked. A wrong password answers the same `invalid_credentials` after the
 * same work whether or not the account exists. Throws `invalid_credentials`, `challenge_required`
 * (with a new challenge in `details[0].params.challenge`) or `rate_limited`.
 */
export async function signIn(
  deps: IdentityDependencies,
  meta: CommandMeta,
  input: { login: string; password: string; userAgent: string | null; challengeSolution?: unknown },
): Promise<SignedIn> {
  const login = parseLogin(input.login);
  const loginLabel = "phone" in login ? login.phone : login.email;
  const accountKey = `login:account:${loginLabel}`;
  const ipKey = `login:ip:${meta.ip ?? "unknown"}`;

  const ipReservation = await reserveAttempt(deps.db, ipKey, loginPolicies.ip, meta.now);
  if (!ipReservation.isAllowed) {
    const outcome = await redeemChallenge(deps.db, CHALLENGE_PURPOSE, input.challengeSolution, meta.now);
    if (outcome !== "accepted") {
      const challenge = await issueChallenge(deps.db, CHALLENGE_PURPOSE, meta.now);
      throw new AppError("challenge_required", [
        { code: `challenge_${outcome}`, message: "proof of work", params: { challenge } },
      ]);
    }
  }
  const accountReservation = await reserveAttempt(deps.db, accountKey, loginPolicies.account, meta.now);
  if (!accountReservation.isAllowed) throw rateLimitedError(accountReservation.retryAfterSeconds);

  const account = await findAccountByLogin(deps.db, login);
  const isUsable = account !== undefined && account.disabled_at === null;
  const isValid = await verifyPassword(isUsable ? account.password_hash : null, input.password);

  if (!isUsable || !isValid) {
    await inTransaction(deps.db, (trx) =>
      writeAuditEvent(trx, meta, {
        action: "identity.sign_in_failed",
        subjectType: "user",
        subjectId: account?.id ?? "unknown",
        data: {
          login: loginLabel,
          reason: account === undefined ? "unknown_account" : isUsable ? "wrong_password" : "disabled",
        },
      }),
    );
    throw new AppError("invalid_credentials");
  }

  await clearFailures(deps.db, accountKey);
  await releaseAttempt(deps.db, ipKey);
  return inTransaction(deps.db, async (trx) => {
    // The session starts without a second factor; staff and TOTP users complete it at /totp/verify.
    const session = await createSession(trx, {
      userId: account.id,
      now: meta.now,
      ip: meta.ip,
      userAgent: input.userAgent,
      hasSecondFactor: false,
    });
    await writeAuditEvent(trx, meta, {
      action: "identity.signed_in",
      subjectType: "user",
      subjectId: account.id,
      data: { method: "password", login: "phone" in login ? "phone" : "email" },
    });
    return { userId: account.id, ...session };
  });
}
