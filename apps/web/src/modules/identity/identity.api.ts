import type { Locale } from "@netcourt/shared";
import { api } from "../../platform/api-client";

export type StaffRole = "judge" | "clerk" | "mediator" | "enforcement_officer" | "court_admin";
export type AccountVerificationStatus = "unverified" | "pending" | "verified" | "rejected";

export interface Membership {
  courtId: string;
  courtCode: string;
  courtNameZh: string;
  courtNameEn: string;
  role: StaffRole;
  divisionId: string | null;
}

/** The signed-in account (`GET /api/me`). */
export interface Me {
  id: string;
  kind: "person" | "organisation";
  name: string;
  phone: string;
  email: string | null;
  idNumberMasked: string | null;
  creditCode: string | null;
  verificationStatus: AccountVerificationStatus;
  isLawyer: boolean;
  lawyerLicenceNumber: string | null;
  lawFirm: string | null;
  locale: Locale;
  totpEnabled: boolean;
  needsSecondFactor: boolean;
  memberships: Membership[];
}

export interface RegisterPersonRequest {
  kind: "person";
  name: string;
  idNumber: string;
  phone: string;
  email?: string;
  password: string;
}

export interface RegisterOrganisationRequest {
  kind: "organisation";
  name: string;
  creditCode: string;
  organisationKind: "legal_person" | "other_organisation";
  legalRepresentative: string;
  phone: string;
  email?: string;
  password: string;
}

export interface UpdateMeRequest {
  email?: string | null;
  locale?: Locale;
  lawyerLicenceNumber?: string | null;
  lawFirm?: string | null;
}

export type VerificationStatus = "pending" | "approved" | "rejected";
export type VerificationMethod = "clerk_review" | "external";
export type DocumentSide = "front" | "back";

export interface Verification {
  id: string;
  method: VerificationMethod;
  status: VerificationStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface VerificationListItem {
  id: string;
  userId: string;
  userName: string;
  userKind: Me["kind"];
  idNumberMasked: string | null;
  creditCode: string | null;
  method: VerificationMethod;
  status: VerificationStatus;
  createdAt: string;
}

/** A verification as staff see it; the full ID number is only ever sent to staff. */
export interface VerificationDetail extends Verification {
  userId: string;
  userName: string;
  userKind: Me["kind"];
  idNumber: string | null;
  creditCode: string | null;
  organisationKind: "legal_person" | "other_organisation" | null;
  legalRepresentative: string | null;
  phone: string;
  hasFront: boolean;
  hasBack: boolean;
  provider: string | null;
  providerReference: string | null;
  providerScore: number | null;
  reviewerId: string | null;
  reviewerName: string | null;
  /** The server's word on whether the caller may approve or reject it now. */
  canDecide: boolean;
}

/** The identity context's API (see the identity HTTP contract). */
export const identityApi = {
  me: (signal?: AbortSignal) => api.get<Me>("/api/me", { signal }),
  register: (body: RegisterPersonRequest | RegisterOrganisationRequest) =>
    api.post<{ user: Me }>("/api/auth/register", body),
  /** `challengeSolution`: the solved proof of work the server asked for (`challenge_required`). */
  login: (login: string, password: string, challengeSolution?: string) =>
    api.post<{ user: Me }>(
      "/api/auth/login",
      { login, password },
      challengeSolution ? { headers: { "x-challenge-solution": challengeSolution } } : {},
    ),
  setUpTotp: () => api.post<{ secret: string; otpauthUrl: string }>("/api/auth/totp/setup", {}),
  verifyTotp: (code: string) => api.post<{ user: Me }>("/api/auth/totp/verify", { code }),
  logout: () => api.post<void>("/api/auth/logout", {}),
  updateMe: (body: UpdateMeRequest) => api.patch<Me>("/api/me", body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>("/api/me/password", { currentPassword, newPassword }),
  uploadVerificationFile: (side: DocumentSide, file: File) =>
    api.upload<{ sha256: string; side: DocumentSide }>(
      "/api/me/verification/files",
      { side },
      file,
      file.name,
    ),
  requestVerification: (
    body: { method: "clerk_review"; frontSha256: string; backSha256?: string } | { method: "external" },
  ) => api.post<{ verification: Verification }>("/api/me/verification", body),
  myVerification: (signal?: AbortSignal) => api.get<Verification | null>("/api/me/verification", { signal }),
  listVerifications: (
    query: { status: VerificationStatus; page: number; pageSize: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: VerificationListItem[]; total: number }>("/api/identity/verifications", {
      query,
      signal,
    }),
  verification: (id: string, signal?: AbortSignal) =>
    api.get<VerificationDetail>(`/api/identity/verifications/${encodeURIComponent(id)}`, { signal }),
  verificationFileUrl: (id: string, side: DocumentSide) =>
    `/api/identity/verifications/${encodeURIComponent(id)}/files/${side}`,
  approveVerification: (id: string) =>
    api.post<VerificationDetail>(`/api/identity/verifications/${encodeURIComponent(id)}/approve`, {}),
  rejectVerification: (id: string, reason: string) =>
    api.post<VerificationDetail>(`/api/identity/verifications/${encodeURIComponent(id)}/reject`, { reason }),
};
