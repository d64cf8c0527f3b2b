// The identity side of a staff invitation: an account that cannot be used until its holder sets a
// password and confirms a TOTP secret issued for the invitation (the courts administration context
// owns the invitation itself).
import { randomBytes } from "node:crypto";
import { AppError, type CommandMeta, type Executor } from "../../../platform";
import { completeCredentials, findAccount, resetCredentials } from "../identity.repository";
import { hashPassword } from "../password";
import { checkPasswordPolicy } from "../password.rules";
import { checkTotp, decodeBase32, generateTotpSecret } from "../totp";
import type { SecretBox } from "../../../platform/ports/index";
import { insertAccount, prepareAccount } from "./create-account";

/** A password nobody knows: the account cannot sign in until the invitation is accepted. */
async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}

/**
 * Creates a verified person account for a staff member, unusable until the invitation is accepted, in
 * the caller's transaction. Throws the field codes and `*_taken` conflicts of `createAccount`.
 */
export async function createInvitedAccount(
  trx: Executor,
  meta: CommandMeta,
  input: { name: string; idNumber: string; phone: string; email?: string | null; locale?: "zh-CN" | "en" },
  totpSecrets: SecretBox,
): Promise<{ userId: string }> {
  // The placeholder only passes validation; the stored hash is replaced by an unusable one below.
  const user = await prepareAccount(
    trx,
    {
      kind: "person",
      ...input,
      password: `Invited0${randomBytes(24).toString("base64url")}`,
      isVerified: true,
    },
    meta.now,
  );
  const userId = await insertAccount(trx, meta, user, "identity.account_created");
  await issueEnrolmentCredentials(trx, userId, totpSecrets, meta.now);
  return { userId };
}

/**
 * Puts an account into the invited state: unusable password, a new pending TOTP secret, TOTP not
 * enabled. In the caller's transaction; the caller ends the account's sessions.
 */
export async function issueEnrolmentCredentials(
  trx: Executor,
  userId: string,
  totpSecrets: SecretBox,
  now: Date,
): Promise<void> {
  await resetCredentials(
    trx,
    userId,
    {
      unusablePasswordHash: await unusablePasswordHash(),
      sealedSecret: totpSecrets.seal(generateTotpSecret(), userId),
    },
    now,
  );
}

/** The pending TOTP secret and the labels an invitee sees; null once TOTP is enabled. */
export async function findPendingEnrolment(
  db: Executor,
  userId: string,
  totpSecrets: SecretBox,
): Promise<{ name: string; phone: string; secret: string } | null> {
  const account = await findAccount(db, userId);
  if (!account || account.totp_enabled_at !== null || !account.totp_secret) return null;
  return { name: account.name, phone: account.phone, secret: totpSecrets.open(account.totp_secret, userId) };
}

/**
 * Checks what the invitee chose before anything is written: the password against the policy and the
 * TOTP code against the pending secret. Returns the password hash and the accepted step. Throws
 * `password_too_weak` (every failure in the details), `totp_code_invalid`, `invitation_used`.
 */
export async function checkEnrolment(
  db: Executor,
  userId: string,
  totpSecrets: SecretBox,
  input: { password: string; code: string; now: Date },
): Promise<{ passwordHash: string; step: number }> {
  const pending = await findPendingEnrolment(db, userId, totpSecrets);
  if (!pending) throw new AppError("invitation_used");
  const failures = checkPasswordPolicy(input.password, pending.phone);
  if (failures.length > 0) {
    throw new AppError(
      "password_too_weak",
      failures.map((failure) => ({ path: "password", code: failure, message: failure })),
    );
  }
  // RFC 6238 §5.2: the code proves the authenticator holds the secret before it becomes the factor.
  const check = checkTotp(decodeBase32(pending.secret)!, input.code, input.now, null);
  if (!check.ok)
    throw new AppError("totp_code_invalid", [{ path: "code", code: check.reason, message: "code" }]);
  return { passwordHash: await hashPassword(input.password), step: check.step };
}

/**
 * Makes the invited account usable, in the caller's transaction: the checked password and the
 * pending TOTP secret, enabled. Throws `invitation_used` when a concurrent acceptance won.
 */
export async function completeEnrolment(
  trx: Executor,
  userId: string,
  checked: { passwordHash: string; step: number },
  now: Date,
): Promise<void> {
  if (!(await completeCredentials(trx, userId, checked, now))) throw new AppError("invitation_used");
}
