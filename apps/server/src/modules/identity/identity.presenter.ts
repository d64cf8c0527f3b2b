import { maskIdNumber } from "@netcourt/shared/masking";
import type { Actor } from "../../platform";
import { canDecideVerification } from "./identity.policy";
import type { UserRow, VerificationDetailRow, VerificationRow } from "./identity.repository";
import type {
  TMe,
  TVerification,
  ZMembership,
  ZVerificationDetail,
  ZVerificationListItem,
} from "./identity.schemas";
import type { z } from "zod";

/** The account as its owner sees it. Secrets (password hash, TOTP secret) never leave this function. */
export function presentMe(
  user: UserRow,
  options: { needsSecondFactor: boolean; memberships: Array<z.infer<typeof ZMembership>> },
): TMe {
  return {
    id: user.id,
    kind: user.kind,
    name: user.name,
    phone: user.phone,
    email: user.email,
    idNumberMasked: user.id_number ? maskIdNumber(user.id_number) : null,
    creditCode: user.credit_code,
    verificationStatus: user.verification_status,
    isLawyer: user.lawyer_licence_number !== null,
    lawyerLicenceNumber: user.lawyer_licence_number,
    lawFirm: user.law_firm,
    locale: user.locale,
    totpEnabled: user.totp_enabled_at !== null,
    needsSecondFactor: options.needsSecondFactor,
    memberships: options.needsSecondFactor ? [] : options.memberships,
  };
}

export function presentVerification(row: VerificationRow): TVerification {
  return {
    id: row.id,
    method: row.method,
    status: row.status,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

export function presentVerificationListItem(row: {
  id: string;
  user_id: string;
  user_name: string;
  user_kind: "person" | "organisation";
  user_id_number: string | null;
  user_credit_code: string | null;
  method: "clerk_review" | "external";
  status: "pending" | "approved" | "rejected";
  created_at: Date;
}): z.infer<typeof ZVerificationListItem> {
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    userKind: row.user_kind,
    idNumberMasked: row.user_id_number ? maskIdNumber(row.user_id_number) : null,
    creditCode: row.user_credit_code,
    method: row.method,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** The review screen's view, with the full ID number and whether the caller may decide now. */
export function presentVerificationDetail(
  row: VerificationDetailRow,
  actor: Actor,
): z.infer<typeof ZVerificationDetail> {
  return {
    ...presentVerification(row),
    userId: row.user_id,
    userName: row.user_name,
    userKind: row.user_kind,
    idNumber: row.user_id_number,
    creditCode: row.user_credit_code,
    organisationKind: row.user_organisation_kind,
    legalRepresentative: row.user_legal_representative,
    phone: row.user_phone,
    hasFront: row.front_sha256 !== null,
    hasBack: row.back_sha256 !== null,
    provider: row.provider,
    providerReference: row.provider_reference,
    providerScore: row.provider_score,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    canDecide: canDecideVerification(actor, { userId: row.user_id, status: row.status }),
  };
}
