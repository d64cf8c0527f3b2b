import {
  AppError,
  actorUserId,
  inTransaction,
  revokeUserSessions,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AdminDependencies } from "../admin.dependencies";
import { deactivateMemberships, findActiveRoles, revokeOpenInvitations } from "../admin.repository";

/**
 * Ends a staff member's memberships at the court (departure, transfer): their sessions end and any
 * open invitation is revoked; the account and its history stay. Throws `staff_not_found`,
 * `staff_self_deactivation`.
 */
export async function deactivateStaff(
  deps: AdminDependencies,
  meta: CommandMeta,
  input: { courtId: string; userId: string },
): Promise<void> {
  if (actorUserId(meta.actor) === input.userId) throw new AppError("staff_self_deactivation");
  await inTransaction(deps.db, async (trx) => {
    const roles = await findActiveRoles(trx, input.courtId, input.userId);
    if (roles.length === 0) throw new AppError("staff_not_found");
    await deactivateMemberships(trx, input.courtId, input.userId);
    await revokeOpenInvitations(trx, input.userId, meta.now);
    await revokeUserSessions(trx, input.userId, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "admin.staff_deactivated",
      subjectType: "user",
      subjectId: input.userId,
      courtId: input.courtId,
      data: { roles },
    });
  });
}
