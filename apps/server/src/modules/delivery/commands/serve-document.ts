import { AppError, enqueueJob, systemMeta, writeAuditEvent, type Executor } from "../../../platform";
import { findCourtLabels } from "../../courts/index";
import { listCaseDocuments } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { sendServiceJobRef, sendServiceKey } from "../delivery.job-kinds";
import { channelPlan, DEFAULT_UNOPENED_DAYS } from "../delivery.rules";
import type { AddressBasis, ServedDocumentKind } from "../delivery.tables";
import { insertAttempt, insertServiceRecord } from "../services.repository";
import { sendInboxMessage } from "./send-inbox-message";

export interface ServeDocumentOptions {
  caseId: string;
  courtId: string;
  /** The `case_documents` issue: both language versions are served together. */
  documentIssueId: string;
  kind: ServedDocumentKind;
  recipient: {
    partyId: string | null;
    userId: string | null;
    name: string;
    role: string;
    phone: string | null;
    email: string | null;
    /** `confirmed` when the recipient confirmed a service address (findServiceAddress); else `provided`. */
    addressBasis: AddressBasis;
  };
  servedBy: string | null;
  /** The period service opens (e.g. `answer_period`, 15 days, 民事诉讼法第一百二十八条). */
  followingDeadline?: { kind: string; days: number; basis: string } | null;
  /**
   * The addressee's case code, sent with the document so an addressee without an account can link the
   * case after registering (在线诉讼规则第七条). A secret of the addressee: never audited or logged.
   */
  caseCode?: string | null;
  now: Date;
}

/**
 * Serves a document of a case on one recipient (互联网法院规定第十五条; 在线诉讼规则第二十九条), in the
 * caller's transaction: the service record, the inbox message, the audit event, the `document_served`
 * court event, and the job that sends it through SMS or e-mail after commit. Service completes later by
 * the rules of 在线诉讼规则第三十一条. Throws `served_document_not_found`.
 */
export async function serveDocument(
  trx: Executor,
  options: ServeDocumentOptions,
): Promise<{ serviceId: string }> {
  const { recipient, now } = options;
  const versions = (await listCaseDocuments(trx, options.caseId)).filter(
    (d) => d.issue_id === options.documentIssueId,
  );
  if (versions.length === 0) throw new AppError("served_document_not_found");
  const caseNumber = versions[0]!.case_number;
  const serviceId = await insertServiceRecord(trx, {
    caseId: options.caseId,
    courtId: options.courtId,
    documentIssueId: options.documentIssueId,
    kind: options.kind,
    recipientPartyId: recipient.partyId,
    recipientUserId: recipient.userId,
    recipientName: recipient.name,
    recipientRole: recipient.role,
    recipientPhone: recipient.phone,
    recipientEmail: recipient.email,
    addressBasis: recipient.addressBasis,
    servedBy: options.servedBy,
    following: options.followingDeadline ?? null,
    caseCode: options.caseCode ?? null,
    now,
  });
  const plan = channelPlan(recipient);
  if (recipient.userId) {
    const [court] = await findCourtLabels(trx, [options.courtId]);
    // 互联网法院规定第十五条: the platform is itself a service channel; the message reaches the inbox in
    // this transaction and the job records it delivered once the service exists for everyone.
    await sendInboxMessage(trx, {
      recipientIds: [recipient.userId],
      caseId: options.caseId,
      kind: "document_served",
      params: {
        serviceId,
        kind: options.kind,
        caseNumber,
        courtNameZh: court?.nameZh ?? "",
        courtNameEn: court?.nameEn ?? "",
        addressBasis: recipient.addressBasis,
        link: `/served/${serviceId}`,
      },
      now,
    });
    await insertAttempt(trx, { serviceId, channel: "inbox", address: null, status: "queued", now });
  }
  await writeAuditEvent(trx, systemMeta("service", now), {
    action: "delivery.document_served",
    subjectType: "service",
    subjectId: serviceId,
    courtId: options.courtId,
    data: {
      caseId: options.caseId,
      issueId: options.documentIssueId,
      kind: options.kind,
      recipientPartyId: recipient.partyId,
      recipientUserId: recipient.userId,
      recipientRole: recipient.role,
      addressBasis: recipient.addressBasis,
      channels: plan,
      servedBy: options.servedBy,
      unopenedDays: DEFAULT_UNOPENED_DAYS,
    },
  });
  await appendCourtEvent(trx, {
    kind: "document_served",
    courtId: options.courtId,
    caseId: options.caseId,
    payload: {
      serviceId,
      issueId: options.documentIssueId,
      kind: options.kind,
      recipientRole: recipient.role,
      addressBasis: recipient.addressBasis,
      channels: plan,
    },
    now,
  });
  await enqueueJob(
    trx,
    sendServiceJobRef,
    { serviceId },
    { runAt: now, dedupeKey: sendServiceKey(serviceId), now },
  );
  return { serviceId };
}
