import { api } from "../../platform/api-client";
import type { StaffRole } from "../identity/identity.api";

export type DivisionKind =
  "filing" | "civil" | "administrative" | "criminal" | "enforcement" | "mediation" | "management" | "other";
export const divisionKinds: DivisionKind[] = [
  "filing",
  "civil",
  "administrative",
  "criminal",
  "enforcement",
  "mediation",
  "management",
  "other",
];
export const staffRoles: StaffRole[] = ["judge", "clerk", "mediator", "enforcement_officer", "court_admin"];

export interface Division {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DivisionKind;
}

export interface AdminCourt {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  divisions: Division[];
}

export type StaffStatus = "active" | "invited" | "invitation_expired" | "needs_invitation" | "deactivated";

export interface StaffMember {
  userId: string;
  name: string;
  phoneMasked: string;
  role: StaffRole;
  divisionId: string | null;
  divisionCode: string | null;
  titleZh: string | null;
  titleEn: string | null;
  isActive: boolean;
  status: StaffStatus;
  invitationExpiresAt: string | null;
  actions: Array<"deactivate" | "reset_second_factor">;
}

export interface IssuedInvitation {
  userId: string;
  url: string;
  expiresAt: string;
}

export interface InviteStaffRequest {
  role: StaffRole;
  divisionId?: string | null;
  name: string;
  idNumber: string;
  phone: string;
  email?: string | null;
  titleZh?: string | null;
}

export interface InvitationView {
  purpose: "staff_enrolment" | "second_factor_reset";
  nameMasked: string;
  phoneMasked: string;
  courtCode: string;
  courtNameZh: string;
  courtNameEn: string;
  roles: StaffRole[];
  expiresAt: string;
  totp: { secret: string; otpauthUrl: string };
}

const court = (courtId: string) => `/api/admin/courts/${encodeURIComponent(courtId)}`;

/** The court administration API (`/api/admin/…`) and the invitation links (`/api/invitations/…`). */
export const adminApi = {
  court: (courtId: string, signal?: AbortSignal) => api.get<AdminCourt>(court(courtId), { signal }),
  addDivision: (courtId: string, body: Omit<Division, "id">) =>
    api.post<Division>(`${court(courtId)}/divisions`, body),
  staff: (courtId: string, signal?: AbortSignal) =>
    api.get<{ items: StaffMember[] }>(`${court(courtId)}/staff`, { signal }),
  invite: (courtId: string, body: InviteStaffRequest) =>
    api.post<IssuedInvitation>(`${court(courtId)}/staff`, body),
  deactivate: (courtId: string, userId: string) =>
    api.post<null>(`${court(courtId)}/staff/${encodeURIComponent(userId)}/deactivate`, {}),
  resetSecondFactor: (courtId: string, userId: string) =>
    api.post<IssuedInvitation>(
      `${court(courtId)}/staff/${encodeURIComponent(userId)}/reset-second-factor`,
      {},
    ),
  invitation: (token: string, signal?: AbortSignal) =>
    api.get<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`, { signal }),
  accept: (token: string, body: { password: string; code: string }) =>
    api.post<{ userId: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
};
