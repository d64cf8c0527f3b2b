import {
  AppError,
  actorUserId,
  inTransaction,
  writeAuditEvent,
  type CommandMeta,
  type StaffRole,
} from "../../../platform";
import { findCourt, insertStaff } from "../../courts/index";
import { createInvitedAccount } from "../../identity/index";
import type { AdminDependencies } from "../admin.dependencies";
import { findDivision } from "../admin.repository";
import { issueInvitation, type IssuedInvitation } from "./issue-invitation";

export interface InviteStaffInput {
  courtId: string;
  role: StaffRole;
  divisionId: string | null;
  name: string;
  idNumber: string;
  phone: string;
  email?: string | null;
  titleZh?: string | null;
  titleEn?: string | null;
}

/**
 * Adds a staff member to a court: a verified account that cannot sign in yet, the membership, and a
 * one-time invitation through which they set a password and enrol TOTP. The caller is authorised
 * already (court_admin route or the operator's CLI). Throws `court_not_found`, `division_not_found`,
 * the account field codes and `*_taken` conflicts.
 */
export async function inviteStaff(
  deps: AdminDependencies,
  meta: CommandMeta,
  input: InviteStaffInput,
): Promise<IssuedInvitation & { userId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const court = await findCourt(trx, input.courtId);
    if (!court) throw new AppError("court_not_found");
    if (input.divisionId !== null && !(await findDivision(trx, court.id, input.divisionId))) {
      throw new AppError("division_not_found", [
        { path: "divisionId", code: "not_found", message: "division" },
      ]);
    }
    const { userId } = await createInvitedAccount(
      trx,
      meta,
      { name: input.name, idNumber: input.idNumber, phone: input.phone, email: input.email ?? null },
      deps.totpSecrets,
    );
    await insertStaff(trx, {
      userId,
      courtId: court.id,
      role: input.role,
      divisionId: input.divisionId,
      titleZh: input.titleZh?.trim() || null,
      titleEn: input.titleEn?.trim() || null,
      now: meta.now,
    });
    const invitation = await issueInvitation(trx, {
      userId,
      courtId: court.id,
      purpose: "staff_enrolment",
      createdBy: actorUserId(meta.actor),
      now: meta.now,
      publicUrl: deps.publicUrl,
    });
    await writeAuditEvent(trx, meta, {
      action: "admin.staff_invited",
      subjectType: "user",
      subjectId: userId,
      courtId: court.id,
      data: {
        role: input.role,
        divisionId: input.divisionId,
        invitationId: invitation.invitationId,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    return { ...invitation, userId };
  });
}
