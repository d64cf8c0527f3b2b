import type { AppContext } from "../../../context";
import { enqueueJob, inTransaction, systemMeta, writeAuditEvent, type Tx } from "../../../platform";
import { findCourtLabels, listStaff } from "../../courts/index";
import { listCaseDocuments } from "../../documents/index";
import { serviceDueJobRef, serviceDueKey } from "../delivery.job-kinds";
import { renderServiceNotice } from "../delivery.messages";
import {
  channelPlan,
  isComplete,
  isUndeliverable,
  nextOutsideChannel,
  unopenedDeadline,
} from "../delivery.rules";
import {
  findService,
  insertAttempt,
  listAttempts,
  lockService,
  updateAttempt,
  updateService,
  type ServiceRow,
} from "../services.repository";
import { completeServiceIfDue } from "./complete-service";
import { sendInboxMessage } from "./send-inbox-message";

/** Tells the court's clerks a service needs them (another way of service), in the caller's transaction. */
async function notifyClerks(
  trx: Tx,
  row: ServiceRow,
  reason: "failed" | "undeliverable",
  now: Date,
): Promise<void> {
  const clerks = await listStaff(trx, row.court_id, ["clerk"]);
  const caseNumber =
    (await listCaseDocuments(trx, row.case_id)).find((d) => d.issue_id === row.document_issue_id)
      ?.case_number ?? null;
  await sendInboxMessage(trx, {
    recipientIds: clerks.map((c) => c.user_id),
    caseId: row.case_id,
    kind: "service_needs_clerk",
    params: { serviceId: row.id, kind: row.kind, caseNumber, recipientName: row.recipient_name, reason },
    now,
  });
}

/**
 * Sends a served document through its channels (the job after the serving transaction): records the
 * inbox delivered, tries SMS and falls back to e-mail when a channel fails or is refused (each try an
 * attempt), then records what reached the addressee and completes service when the rules say so
 * (在线诉讼规则第三十一条). Idempotent: a channel that already went out is not sent again.
 */
export async function sendService(context: AppContext, serviceId: string, now: Date): Promise<void> {
  const row = await findService(context.db, serviceId);
  if (!row || isComplete(row.status) || row.sent_at !== null) return;
  // The inbox: the message was put there with the service; it reached the addressee's system.
  await inTransaction(context.db, async (trx) => {
    for (const attempt of await listAttempts(trx, [serviceId])) {
      if (attempt.channel === "inbox" && attempt.status === "queued")
        await updateAttempt(trx, attempt.id, { status: "delivered", error: null, reference: null, now });
    }
  });
  const plan = channelPlan({
    userId: row.recipient_user_id,
    phone: row.recipient_phone,
    email: row.recipient_email,
  });
  const [court] = await findCourtLabels(context.db, [row.court_id]);
  const caseNumber =
    (await listCaseDocuments(context.db, row.case_id)).find((d) => d.issue_id === row.document_issue_id)
      ?.case_number ?? null;
  const publicUrl = context.config.publicUrl.replace(/\/$/, "");
  const notice = renderServiceNotice({
    courtNameZh: court?.nameZh ?? "",
    courtNameEn: court?.nameEn ?? "",
    caseNumber,
    kind: row.kind,
    link: `${publicUrl}/served/${serviceId}`,
    caseCode: row.case_code === null ? null : { code: row.case_code, link: `${publicUrl}/cases/link` },
  });
  for (;;) {
    const attempts = await listAttempts(context.db, [serviceId]);
    const channel = nextOutsideChannel(plan, attempts);
    if (!channel) break;
    const address = channel === "sms" ? row.recipient_phone! : row.recipient_email!;
    // A try left queued by a crash is sent again (at least once); otherwise a new attempt is recorded first.
    const pending = attempts.find((a) => a.channel === channel && a.status === "queued");
    const attemptId =
      pending?.id ??
      (await insertAttempt(context.db, { serviceId, channel, address, status: "queued", now }));
    const port = channel === "sms" ? context.ports.sms : context.ports.email;
    const result = await port.send({
      to: address,
      subject: notice.subject,
      text: notice.text,
      reference: attemptId,
    });
    await updateAttempt(context.db, attemptId, {
      status: result.status,
      error: result.error,
      reference: result.reference,
      now: context.clock.now(),
    });
  }
  await inTransaction(context.db, async (trx) => {
    const locked = await lockService(trx, serviceId);
    if (!locked || isComplete(locked.status)) return;
    const attempts = await listAttempts(trx, [serviceId]);
    const sent = attempts.filter((a) => a.sent_at !== null).map((a) => a.sent_at!.getTime());
    const delivered = attempts.filter((a) => a.delivered_at !== null).map((a) => a.delivered_at!.getTime());
    const sentAt = sent.length > 0 ? new Date(Math.min(...sent)) : null;
    const deliveredAt = delivered.length > 0 ? new Date(Math.min(...delivered)) : null;
    const meta = systemMeta("service", now);
    if (!sentAt) {
      // Nothing reached or left for the addressee: the clerk serves another way (民事诉讼法第九十条第一款:
      // electronic service needs a channel that works; 第八十八条 post, 第九十五条 public notice).
      await updateService(trx, serviceId, { status: "failed" }, now);
      await notifyClerks(trx, locked, "failed", now);
      await writeAuditEvent(trx, meta, {
        action: "delivery.service_failed",
        subjectType: "service",
        subjectId: serviceId,
        courtId: locked.court_id,
        data: {
          caseId: locked.case_id,
          attempts: attempts.map((a) => ({ channel: a.channel, status: a.status })),
        },
      });
      return;
    }
    await updateService(
      trx,
      serviceId,
      { status: deliveredAt ? "delivered" : "pending", sent_at: sentAt, delivered_at: deliveredAt },
      now,
    );
    const updated = { ...locked, sent_at: sentAt, delivered_at: deliveredAt };
    if (await completeServiceIfDue(trx, updated, now, meta)) return;
    const due = unopenedDeadline({
      addressBasis: locked.address_basis,
      sentAt,
      unopenedDays: locked.unopened_days,
    });
    if (due) {
      await enqueueJob(
        trx,
        serviceDueJobRef,
        { serviceId },
        { runAt: new Date(due.getTime() + 1), dedupeKey: serviceDueKey(serviceId), now },
      );
    }
  });
}

/**
 * The check when a period of a service runs out: a public notice whose thirty days passed is served
 * (民事诉讼法第九十五条); an unopened service at an unconfirmed address becomes undeliverable, for the
 * clerk to serve another way (在线诉讼规则第三十一条第二款).
 */
export async function checkServiceDue(context: AppContext, serviceId: string, now: Date): Promise<void> {
  await inTransaction(context.db, async (trx) => {
    const row = await lockService(trx, serviceId);
    if (!row || isComplete(row.status)) return;
    const meta = systemMeta("service", now);
    if (await completeServiceIfDue(trx, row, now, meta)) return;
    if (
      row.notice_on === null &&
      row.post_signed_on === null &&
      isUndeliverable({
        addressBasis: row.address_basis,
        status: row.status,
        sentAt: row.sent_at,
        unopenedDays: row.unopened_days,
        now,
      })
    ) {
      await updateService(trx, serviceId, { status: "undeliverable" }, now);
      await notifyClerks(trx, row, "undeliverable", now);
      await writeAuditEvent(trx, meta, {
        action: "delivery.service_undeliverable",
        subjectType: "service",
        subjectId: serviceId,
        courtId: row.court_id,
        data: {
          caseId: row.case_id,
          sentAt: row.sent_at?.toISOString() ?? null,
          unopenedDays: row.unopened_days,
        },
      });
    }
  });
}
