import {
  AppError,
  actorUserId,
  inTransaction,
  revokeUserSessions,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import { issueEnrolmentCredentials } from "../../identity/index";
import type { AdminDependencies } from "../admin.dependencies";
import { findActiveRoles } from "../admin.repository";
import { issueInvitation, type IssuedInvitation } from "./issue-invitation";

/**
 * Resets a staff member's credentials (lost phone, suspected compromise): the password and TOTP stop
 * working, every session ends, and a new invitation lets them set both again. Throws
 * `staff_not_found`.
 */
export async function resetSecondFactor(
  deps: AdminDependencies,
  meta: CommandMeta,
  input: { courtId: string; userId: string },
): Promise<IssuedInvitation> {
  return inTransaction(deps.db, async (trx) => {
    const roles = await findActiveRoles(trx, input.courtId, input.userId);
    if (roles.length === 0) throw new AppError("staff_not_found");
    await issueEnrolmentCredentials(trx, input.userId, deps.totpSecrets, meta.now);
    await revokeUserSessions(trx, input.userId, meta.now);
    const invitation = await issueInvitation(trx, {
      userId: input.userId,
      courtId: input.courtId,
      purpose: "second_factor_reset",
      createdBy: actorUserId(meta.actor),
      now: meta.now,
      publicUrl: deps.publicUrl,
    });
    await writeAuditEvent(trx, meta, {
      action: "admin.second_factor_reset",
      subjectType: "user",
      subjectId: input.userId,
      courtId: input.courtId,
      data: { invitationId: invitation.invitationId, expiresAt: invitation.expiresAt.toISOString() },
    });
    return invitation;
  });
}
