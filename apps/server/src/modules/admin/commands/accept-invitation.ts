import {
  AppError,
  clearFailures,
  createSession,
  hashToken,
  inTransaction,
  isAppError,
  loginPolicies,
  releaseAttempt,
  takeAttempt,
  revokeUserSessions,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import {
  checkEnrolment,
  completeEnrolment,
  findPendingEnrolment,
  otpauthUrl,
  TOTP_ISSUER,
  type SignedIn,
} from "../../identity/index";
import type { AdminDependencies } from "../admin.dependencies";
import {
  findActiveRoles,
  findInvitationByTokenHash,
  markInvitationUsed,
  type InvitationRow,
} from "../admin.repository";
import { invitationState } from "../admin.rules";

/** Throws unless the invitation exists and is open: `invitation_not_found`, `invitation_used`, `invitation_expired`. */
function assertOpen(invitation: InvitationRow | undefined, now: Date): asserts invitation is InvitationRow {
  if (!invitation) throw new AppError("invitation_not_found");
  const state = invitationState(invitation, now);
  if (state === "used") throw new AppError("invitation_used");
  // A revoked link was replaced by a newer one: to its holder it is simply not valid.
  if (state === "revoked") throw new AppError("invitation_not_found");
  if (state === "expired") throw new AppError("invitation_expired");
}

/** What the holder of an invitation link sees: the court, the role, masked labels and the TOTP secret to enrol. */
export async function openInvitation(deps: AdminDependencies, token: string, now: Date) {
  const invitation = await findInvitationByTokenHash(deps.db, hashToken(token));
  assertOpen(invitation, now);
  const pending = await findPendingEnrolment(deps.db, invitation.user_id, deps.totpSecrets);
  if (!pending) throw new AppError("invitation_used");
  const roles = await findActiveRoles(deps.db, invitation.court_id, invitation.user_id);
  return {
    invitation,
    roles,
    name: pending.name,
    phone: pending.phone,
    secret: pending.secret,
    otpauthUrl: otpauthUrl({ issuer: TOTP_ISSUER, account: pending.phone, secret: pending.secret }),
  };
}

/**
 * Accepts an invitation: the invitee's password and a current code of the TOTP secret issued with the
 * invitation make the account usable together, in one transaction, and the invitation is spent; a
 * session with the second factor passed starts. Code guesses are throttled per invitation. Throws the
 * codes of `openInvitation`, `password_too_weak`, `totp_code_invalid`, `rate_limited`.
 */
export async function acceptInvitation(
  deps: AdminDependencies,
  meta: CommandMeta,
  token: string,
  input: { password: string; code: string; userAgent: string | null },
): Promise<SignedIn> {
  const tokenSha256 = hashToken(token);
  const invitation = await findInvitationByTokenHash(deps.db, tokenSha256);
  assertOpen(invitation, meta.now);
  const throttleKey = `invitation:${invitation.id}`;
  // Counted before the code is checked, so parallel guesses cannot outrun the limit; only a wrong code
  // keeps its count.
  await takeAttempt(deps.db, throttleKey, loginPolicies.account, meta.now);
  let checked;
  try {
    checked = await checkEnrolment(deps.db, invitation.user_id, deps.totpSecrets, {
      password: input.password,
      code: input.code,
      now: meta.now,
    });
  } catch (error) {
    if (!isAppError(error, "totp_code_invalid")) await releaseAttempt(deps.db, throttleKey);
    throw error;
  }
  const signedIn = await inTransaction(deps.db, async (trx) => {
    // Re-read under a lock: two submissions of the same link cannot both be accepted.
    const locked = await findInvitationByTokenHash(trx, tokenSha256, true);
    assertOpen(locked, meta.now);
    await completeEnrolment(trx, locked.user_id, checked, meta.now);
    if (!(await markInvitationUsed(trx, locked.id, meta.now))) throw new AppError("invitation_used");
    await revokeUserSessions(trx, locked.user_id, meta.now);
    const session = await createSession(trx, {
      userId: locked.user_id,
      now: meta.now,
      ip: meta.ip,
      userAgent: input.userAgent,
      hasSecondFactor: true,
    });
    await writeAuditEvent(trx, meta, {
      action: "admin.invitation_accepted",
      subjectType: "user",
      subjectId: locked.user_id,
      courtId: locked.court_id,
      data: { invitationId: locked.id, purpose: locked.purpose, secondFactor: "totp" },
    });
    return { userId: locked.user_id, ...session };
  });
  await clearFailures(deps.db, throttleKey);
  return signedIn;
}
