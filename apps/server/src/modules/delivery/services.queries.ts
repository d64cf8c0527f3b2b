import type { AppContext } from "../../context";
import {
  AppError,
  enqueueJob,
  inTransaction,
  writeAuditEvent,
  type Actor,
  type CommandMeta,
  type UserActor,
} from "../../platform";
import { findVisibleCase, loadCaseParts, relationToCase } from "../cases/index";
import { findCourtLabels } from "../courts/index";
import { documentKinds, listCaseDocuments, type CourtDocumentModel } from "../documents/index";
import { serviceDueJobRef, serviceDueKey } from "./delivery.job-kinds";
import { canServeAnotherWay, endOfCourtDayOf, isCourtDayNotAfter, noticeServedOn } from "./delivery.rules";
import { completeServiceIfDue } from "./commands/complete-service";
import { buildServiceCertificate } from "./service-certificate";
import { canRecordOtherService, isAddressedToSide, serviceViewOf } from "./services.policy";
import { presentService } from "./services.presenter";
import {
  findService,
  insertAttempt,
  listAttempts,
  listServicesOfCase,
  listUnservedOfCourt,
  lockService,
  updateService,
  type ServiceRow,
} from "./services.repository";
import type { TService } from "./services.schemas";

/** The case as the caller sees it and how they relate to it; 404 when they cannot see it. */
async function caseFor(context: AppContext, actor: Actor, caseId: string) {
  const row = await findVisibleCase(context.db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(context.db, caseId);
  return { row, relation: relationToCase(actor, row, parts) };
}

/**
 * A case's services as the caller may see them: court staff all, with attempts and addresses; a party
 * or agent all too (民事诉讼法第五十二条第二款: a party may consult the case's materials, the record of service
 * among them), their own side's addresses masked and the other side's withheld. Throws `case_not_found`.
 */
export async function getCaseServices(
  context: AppContext,
  actor: UserActor,
  caseId: string,
): Promise<TService[]> {
  const { relation } = await caseFor(context, actor, caseId);
  const view = serviceViewOf(relation);
  if (view === "none") throw new AppError("case_not_found");
  const rows = await listServicesOfCase(context.db, caseId);
  const attempts = await listAttempts(
    context.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentService(row, attempts, {
      unmasked: view === "court",
      caseCode: view === "court" || row.recipient_user_id === actor.userId,
      otherSide: view === "side" && !isAddressedToSide(relation, actor.userId, row),
    }),
  );
}

/**
 * The addressee opens a served document: records when (once), completes service at an unconfirmed
 * address (在线诉讼规则第三十一条第二款), and answers the document's download links. Anyone but the
 * addressee gets `service_not_found`.
 */
export async function openServedDocument(context: AppContext, actor: UserActor, serviceId: string) {
  const found = await findService(context.db, serviceId);
  if (!found || found.recipient_user_id !== actor.userId) throw new AppError("service_not_found");
  const now = context.clock.now();
  await inTransaction(context.db, async (trx) => {
    const row = await lockService(trx, serviceId);
    if (!row || row.opened_at !== null) return;
    await updateService(trx, serviceId, { opened_at: now }, now);
    const meta: CommandMeta = { actor, now, ip: null, requestId: null };
    await writeAuditEvent(trx, meta, {
      action: "delivery.service_opened",
      subjectType: "service",
      subjectId: serviceId,
      courtId: row.court_id,
      data: { caseId: row.case_id },
    });
    if (canServeAnotherWay(row.status)) await completeServiceIfDue(trx, { ...row, opened_at: now }, now);
  });
  const row = (await findService(context.db, serviceId))!;
  const attempts = await listAttempts(context.db, [serviceId]);
  const documents = (await listCaseDocuments(context.db, row.case_id))
    .filter((d) => d.issue_id === row.document_issue_id)
    .map((d) => {
      const base = `/api/cases/${row.case_id}/documents/${d.id}`;
      return { id: d.id, locale: d.locale, title: d.title, docxUrl: `${base}/docx`, pdfUrl: `${base}/pdf` };
    });
  // The addressee (the only caller here) sees their own case code.
  return { service: presentService(row, attempts, { unmasked: false, caseCode: true }), documents };
}

/** Services of a court that need the clerk (failed or undeliverable). Throws `forbidden`. */
export async function getUnservedOfCourt(
  context: AppContext,
  actor: UserActor,
  courtId: string,
): Promise<TService[]> {
  if (!canRecordOtherService(actor, courtId)) throw new AppError("forbidden");
  const rows = await listUnservedOfCourt(context.db, courtId, 500);
  const attempts = await listAttempts(
    context.db,
    rows.map((r) => r.id),
  );
  // The case number each served document bears, for the clerk to know the case at a glance.
  const caseNumbers = new Map<string, string | null>();
  for (const caseId of new Set(rows.map((r) => r.case_id))) {
    for (const document of await listCaseDocuments(context.db, caseId))
      caseNumbers.set(document.issue_id, document.case_number);
  }
  return rows.map((row) =>
    presentService(row, attempts, {
      unmasked: true,
      caseCode: true,
      caseNumber: caseNumbers.get(row.document_issue_id) ?? null,
    }),
  );
}

/**
 * Loads a service for a clerk's act: 404 when the caller cannot see the case's services, 403 when they
 * can see it but are not the court's clerk.
 */
async function serviceForClerk(
  context: AppContext,
  actor: UserActor,
  serviceId: string,
): Promise<ServiceRow> {
  const row = await findService(context.db, serviceId);
  if (!row) throw new AppError("service_not_found");
  const visible = await findVisibleCase(context.db, actor, row.case_id);
  if (!visible) throw new AppError("service_not_found");
  if (canRecordOtherService(actor, row.court_id)) return row;
  const parts = await loadCaseParts(context.db, row.case_id);
  const relation = relationToCase(actor, visible, parts);
  // Whoever sees the case's services (its staff, its parties and agents) is told only the clerk records it.
  if (serviceViewOf(relation) !== "none") throw new AppError("service_clerk_only");
  throw new AppError("service_not_found");
}

/**
 * The clerk records service by 法院专递 (民事诉讼法第八十八条; 法院专递规定第九条: served on the day the return
 * receipt is signed). Throws `service_not_found`, `service_clerk_only`, `service_already_complete`,
 * `service_date_in_future`.
 */
export async function recordPostService(
  context: AppContext,
  meta: CommandMeta & { actor: UserActor },
  serviceId: string,
  input: { trackingNumber: string; signedOn: string; signedBy: string },
): Promise<TService> {
  await serviceForClerk(context, meta.actor, serviceId);
  if (!isCourtDayNotAfter(input.signedOn, meta.now)) throw new AppError("service_date_in_future");
  await inTransaction(context.db, async (trx) => {
    const row = (await lockService(trx, serviceId))!;
    if (!canServeAnotherWay(row.status)) throw new AppError("service_already_complete");
    await updateService(
      trx,
      serviceId,
      {
        post_tracking_number: input.trackingNumber,
        post_signed_on: input.signedOn,
        post_signed_by: input.signedBy,
        served_by: meta.actor.userId,
      },
      meta.now,
    );
    await insertAttempt(trx, {
      serviceId,
      channel: "post",
      address: null,
      status: "delivered",
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "delivery.served_by_post",
      subjectType: "service",
      subjectId: serviceId,
      courtId: row.court_id,
      data: { caseId: row.case_id, trackingNumber: input.trackingNumber, signedOn: input.signedOn },
    });
    await completeServiceIfDue(
      trx,
      {
        ...row,
        post_tracking_number: input.trackingNumber,
        post_signed_on: input.signedOn,
        post_signed_by: input.signedBy,
      },
      meta.now,
      meta,
    );
  });
  return presentOne(context, serviceId);
}

/**
 * The clerk records service by public notice (民事诉讼法第九十五条: when the addressee cannot be found or
 * other ways failed; deemed served thirty days after the notice); a job completes it then. Throws
 * `service_not_found`, `service_clerk_only`, `service_already_complete`, `service_date_in_future`.
 */
export async function recordNoticeService(
  context: AppContext,
  meta: CommandMeta & { actor: UserActor },
  serviceId: string,
  input: { noticeOn: string },
): Promise<TService> {
  await serviceForClerk(context, meta.actor, serviceId);
  if (!isCourtDayNotAfter(input.noticeOn, meta.now)) throw new AppError("service_date_in_future");
  await inTransaction(context.db, async (trx) => {
    const row = (await lockService(trx, serviceId))!;
    if (!canServeAnotherWay(row.status)) throw new AppError("service_already_complete");
    await updateService(
      trx,
      serviceId,
      { notice_on: input.noticeOn, status: "pending", served_by: meta.actor.userId },
      meta.now,
    );
    await insertAttempt(trx, { serviceId, channel: "notice", address: null, status: "sent", now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "delivery.public_notice_recorded",
      subjectType: "service",
      subjectId: serviceId,
      courtId: row.court_id,
      data: { caseId: row.case_id, noticeOn: input.noticeOn, servedOn: noticeServedOn(input.noticeOn) },
    });
    const completed = await completeServiceIfDue(trx, { ...row, notice_on: input.noticeOn }, meta.now, meta);
    if (!completed) {
      await enqueueJob(
        trx,
        serviceDueJobRef,
        { serviceId },
        {
          runAt: endOfCourtDayOf(noticeServedOn(input.noticeOn)),
          dedupeKey: serviceDueKey(serviceId),
          now: meta.now,
        },
      );
    }
  });
  return presentOne(context, serviceId);
}

async function presentOne(context: AppContext, serviceId: string): Promise<TService> {
  const row = (await findService(context.db, serviceId))!;
  return presentService(row, await listAttempts(context.db, [serviceId]), {
    unmasked: true,
    caseCode: true,
  });
}

/**
 * The 电子送达凭证 of a completed service, rendered on request from the record and its attempts (the
 * record is the evidence; the certificate is its reading). Throws `case_not_found`,
 * `service_not_found`, `service_not_complete`.
 */
export async function getServiceCertificate(
  context: AppContext,
  actor: UserActor,
  caseId: string,
  serviceId: string,
): Promise<{ zh: CourtDocumentModel; en: CourtDocumentModel }> {
  const { relation } = await caseFor(context, actor, caseId);
  const view = serviceViewOf(relation);
  const row = await findService(context.db, serviceId);
  if (!row || row.case_id !== caseId || view === "none") throw new AppError("service_not_found");
  if (view === "side" && !isAddressedToSide(relation, actor.userId, row))
    throw new AppError("service_not_found");
  if (row.served_at === null) throw new AppError("service_not_complete");
  const attempts = await listAttempts(context.db, [serviceId]);
  const [court] = await findCourtLabels(context.db, [row.court_id]);
  const versions = (await listCaseDocuments(context.db, caseId)).filter(
    (d) => d.issue_id === row.document_issue_id,
  );
  const zhVersion = versions.find((v) => v.locale === "zh-CN");
  const enVersion = versions.find((v) => v.locale === "en");
  const known = zhVersion ? documentKinds[zhVersion.kind] : null;
  const details = {
    courtName: { zh: court?.nameZh ?? "", en: court?.nameEn ?? "" },
    caseNumber: zhVersion?.case_number ?? null,
    documentTitle: { zh: zhVersion?.title ?? known?.zh ?? "", en: enVersion?.title ?? known?.en ?? "" },
  };
  return {
    zh: buildServiceCertificate(row, attempts, details, "zh-CN"),
    en: buildServiceCertificate(row, attempts, details, "en"),
  };
}
