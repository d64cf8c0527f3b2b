import { maskPhone } from "../cases/index";
import { noticeServedOn } from "./delivery.rules";
import type { AttemptRow, ServiceRow } from "./services.repository";

/** An e-mail address with the local part hidden but its first character: z***@example.com. */
export function maskEmail(value: string | null): string | null {
  if (value === null) return null;
  const at = value.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

/** An attempt's address as the caller may see it: unmasked for court staff only, none for the other side. */
function addressFor(attempt: AttemptRow, unmasked: boolean, otherSide: boolean): string | null {
  if (attempt.address === null || otherSide) return null;
  if (unmasked) return attempt.address;
  return attempt.channel === "email" ? maskEmail(attempt.address) : maskPhone(attempt.address);
}

export function presentService(
  row: ServiceRow,
  attempts: readonly AttemptRow[],
  /**
   * caseCode: whether the caller may see the addressee's case code (the addressee, court staff);
   * caseNumber: the case's number, in the court's lists; otherSide: the caller is a party (or agent) of
   * the other side, who learns whether and how the document was served but none of the addressee's
   * contact details (个人信息保护法第六条: no more than the purpose needs) nor the certificate.
   */
  options: { unmasked: boolean; caseCode?: boolean; caseNumber?: string | null; otherSide?: boolean },
) {
  const otherSide = options.otherSide === true;
  const contact = (value: string | null, mask: (v: string | null) => string | null) =>
    otherSide ? null : options.unmasked ? value : mask(value);
  return {
    id: row.id,
    caseId: row.case_id,
    courtId: row.court_id,
    documentIssueId: row.document_issue_id,
    kind: row.kind,
    recipient: {
      partyId: row.recipient_party_id,
      userId: row.recipient_user_id,
      name: row.recipient_name,
      role: row.recipient_role,
      phone: contact(row.recipient_phone, maskPhone),
      email: contact(row.recipient_email, maskEmail),
    },
    addressBasis: row.address_basis,
    status: row.status,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    openedAt: row.opened_at,
    actedAt: row.acted_at,
    servedAt: row.served_at,
    servedHow: row.served_how,
    followingDeadline:
      row.following_kind && row.following_days && row.following_basis
        ? { kind: row.following_kind, days: row.following_days, basis: row.following_basis }
        : null,
    post:
      row.post_tracking_number && row.post_signed_on
        ? {
            trackingNumber: row.post_tracking_number,
            signedOn: row.post_signed_on,
            signedBy: row.post_signed_by,
          }
        : null,
    noticeOn: row.notice_on,
    // 民事诉讼法第九十五条: deemed served thirty days after the notice.
    deemedServedOn: row.notice_on === null ? null : noticeServedOn(row.notice_on),
    caseNumber: options.caseNumber ?? null,
    caseCode: options.caseCode === true && !otherSide ? row.case_code : null,
    // 在线诉讼规则第三十一条: the 电子送达凭证 of a completed service, for the court and the addressee's side.
    certificate: row.served_at !== null && !otherSide,
    attempts: attempts
      .filter((a) => a.service_id === row.id)
      .map((a) => ({
        id: a.id,
        channel: a.channel,
        address: addressFor(a, options.unmasked, otherSide),
        status: a.status,
        // A gateway's words may name the address tried.
        error: otherSide ? null : a.error,
        createdAt: a.created_at,
        sentAt: a.sent_at,
        deliveredAt: a.delivered_at,
      })),
    createdAt: row.created_at,
  };
}
