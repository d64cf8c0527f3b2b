import {
  AppError,
  assertNotThrottled,
  clearFailures,
  createSession,
  inTransaction,
  loginPolicies,
  recordFailure,
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

/**
 * Signs in with a phone number or e-mail address and a password. Failures are counted per account and
 * per IP address (platform throttle) and answer the same `invalid_credentials` after the same work
 * whether or not the account exists. Throws `invalid_credentials` or `rate_limited`.
 */
export async function signIn(
  deps: IdentityDependencies,
  meta: CommandMeta,
  input: { login: string; password: string; userAgent: string | null },
): Promise<SignedIn> {
  const login = parseLogin(input.login);
  const loginLabel = "phone" in login ? login.phone : login.email;
  const accountKey = `login:account:${loginLabel}`;
  const ipKey = `login:ip:${meta.ip ?? "unknown"}`;
  await assertNotThrottled(deps.db, [accountKey, ipKey], meta.now);

  const account = await findAccountByLogin(deps.db, login);
  const isUsable = account !== undefined && account.disabled_at === null;
  const isValid = await verifyPassword(isUsable ? account.password_hash : null, input.password);

  if (!isUsable || !isValid) {
    await recordFailure(
      deps.db,
      [
        { key: accountKey, policy: loginPolicies.account },
        { key: ipKey, policy: loginPolicies.ip },
      ],
      meta.now,
    );
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
