import type { InvitationRow, StaffRosterRow } from "./admin.repository";
import { maskName, maskPhone } from "./admin.rules";
import type { StaffRole } from "../../platform";

/** The invitation as its holder sees it: enough to recognise it, no more personal data. */
export function presentInvitation(opened: {
  invitation: InvitationRow;
  roles: StaffRole[];
  name: string;
  phone: string;
  secret: string;
  otpauthUrl: string;
}) {
  return {
    purpose: opened.invitation.purpose,
    nameMasked: maskName(opened.name),
    phoneMasked: maskPhone(opened.phone),
    courtCode: opened.invitation.court_code,
    courtNameZh: opened.invitation.court_name_zh,
    courtNameEn: opened.invitation.court_name_en,
    roles: opened.roles,
    expiresAt: opened.invitation.expires_at.toISOString(),
    totp: { secret: opened.secret, otpauthUrl: opened.otpauthUrl },
  };
}

/** One membership of the roster with the actions the administrator `actorUserId` may take. */
export function presentStaffMember(row: StaffRosterRow, actorUserId: string) {
  const status: "active" | "invited" | "invitation_expired" | "needs_invitation" | "deactivated" =
    !row.is_active
      ? "deactivated"
      : row.invitation_expires_at
        ? row.invitation_expired
          ? "invitation_expired"
          : "invited"
        : row.totp_enabled_at
          ? "active"
          : "needs_invitation";
  const isSelf = row.user_id === actorUserId;
  const actions: Array<"deactivate" | "reset_second_factor"> =
    row.is_active && !isSelf ? ["deactivate", "reset_second_factor"] : [];
  return {
    userId: row.user_id,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    role: row.role,
    divisionId: row.division_id,
    divisionCode: row.division_code,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    isActive: row.is_active,
    status,
    invitationExpiresAt: row.invitation_expires_at ? row.invitation_expires_at.toISOString() : null,
    actions,
  };
}
