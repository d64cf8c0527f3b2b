import { cancelJob, systemMeta, writeAuditEvent, type CommandMeta, type Tx } from "../../../platform";
import { openDeadline } from "../../cases/index";
import { courtDateOf } from "../../courts/index";
import { appendCourtEvent } from "../../ledger/index";
import { serviceDueKey } from "../delivery.job-kinds";
import { completedStatus, followingPeriod, serviceCompletion, type Completion } from "../delivery.rules";
import { listAttempts, updateService, type ServiceRow } from "../services.repository";

/** The facts of a locked service record and its attempts, as the rules read them. */
export async function completionOf(trx: Tx, row: ServiceRow): Promise<Completion | null> {
  const attempts = await listAttempts(trx, [row.id]);
  return serviceCompletion({
    addressBasis: row.address_basis,
    deliveredAt: attempts
      .filter((a) => a.channel !== "post" && a.channel !== "notice" && a.delivered_at !== null)
      .map((a) => a.delivered_at!),
    openedAt: row.opened_at,
    actedAt: row.acted_at,
    postSignedOn: row.post_signed_on,
    noticeOn: row.notice_on,
  });
}

/**
 * Completes a service whose completion moment has come (the caller locked the record and checked it
 * is not complete), in the caller's transaction: the service date, the period that follows it opened
 * from that date (民事诉讼法第八十五条; e.g. 答辩期 第一百二十八条, 上诉期 第一百七十一条), the audit event
 * and the `service_completed` court event. Returns false when the moment has not come yet.
 */
export async function completeServiceIfDue(
  trx: Tx,
  row: ServiceRow,
  now: Date,
  meta: CommandMeta = systemMeta("service", now),
): Promise<boolean> {
  const completion = await completionOf(trx, row);
  if (!completion || completion.servedAt.getTime() > now.getTime()) return false;
  await updateService(
    trx,
    row.id,
    {
      status: completedStatus(completion.how),
      served_at: completion.servedAt,
      served_how: completion.how,
    },
    now,
  );
  let deadline: { endsOn: string; kind: string } | null = null;
  if (row.following_kind && row.following_days && row.following_basis) {
    const period = followingPeriod(completion.servedAt, {
      kind: row.following_kind,
      days: row.following_days,
      basis: row.following_basis,
    });
    const opened = await openDeadline(trx, { caseId: row.case_id, kind: row.following_kind, period, now });
    deadline = { endsOn: opened.endsOn, kind: row.following_kind };
  }
  await cancelJob(trx, serviceDueKey(row.id), now);
  const servedOn = courtDateOf(completion.servedAt);
  await writeAuditEvent(trx, meta, {
    action: "delivery.service_completed",
    subjectType: "service",
    subjectId: row.id,
    courtId: row.court_id,
    data: { caseId: row.case_id, servedAt: completion.servedAt.toISOString(), how: completion.how, deadline },
  });
  // 在线诉讼规则第三十一条: the moment of service is a fact the parties' periods hang on, so it is logged.
  await appendCourtEvent(trx, {
    kind: "service_completed",
    courtId: row.court_id,
    caseId: row.case_id,
    payload: { serviceId: row.id, issueId: row.document_issue_id, servedOn, how: completion.how },
    now,
  });
  return true;
}
