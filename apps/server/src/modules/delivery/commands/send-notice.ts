import { z } from "zod";
import type { AppContext } from "../../../context";
import {
  defineJob,
  enqueueJob,
  inTransaction,
  systemMeta,
  writeAuditEvent,
  type Executor,
  type Tx,
} from "../../../platform";
import { listCasePartyCodes, loadCaseSnapshot } from "../../cases/index";
import { findCourtLabels } from "../../courts/index";
import { renderMediationInvitation } from "../delivery.messages";
import { channelPlan, nextOutsideChannel } from "../delivery.rules";
import type { AttemptStatus, ServiceChannel } from "../delivery.tables";

/** Notices that are not the service of a document: what they say is chosen by purpose. */
const noticePurposes = ["mediation_invitation"] as const;
type NoticePurpose = (typeof noticePurposes)[number];

const SEND_NOTICE_JOB = "delivery.send_notice";
const ZNoticePayload = z.object({
  caseId: z.uuid(),
  partyId: z.uuid(),
  purpose: z.enum(noticePurposes),
});
type NoticePayload = z.infer<typeof ZNoticePayload>;

const sendNoticeJobRef = defineJob({
  kind: SEND_NOTICE_JOB,
  payload: ZNoticePayload,
  maxAttempts: 8,
  handle: () => Promise.reject(new Error(`${SEND_NOTICE_JOB} runs through serviceJobs(context)`)),
});

/**
 * Queues a notice to a party by SMS (falling back to e-mail) with its case code, in the caller's
 * transaction; it goes out after commit. Once per party and purpose. The job payload names the party
 * only: its phone, e-mail and code are read when the notice is sent.
 */
export async function queuePartyNotice(
  trx: Tx,
  options: { caseId: string; partyId: string; purpose: NoticePurpose; now: Date },
): Promise<void> {
  await enqueueJob(
    trx,
    sendNoticeJobRef,
    { caseId: options.caseId, partyId: options.partyId, purpose: options.purpose },
    { runAt: options.now, dedupeKey: `notice:${options.purpose}:${options.partyId}`, now: options.now },
  );
}

/** The tries of a notice so far, oldest first. */
async function listNoticeAttempts(db: Executor, partyId: string, purpose: NoticePurpose) {
  return db
    .selectFrom("notice_attempts")
    .select(["id", "channel", "status"])
    .where("party_id", "=", partyId)
    .where("purpose", "=", purpose)
    .orderBy("seq")
    .execute();
}

/**
 * Sends a queued notice through the party's outside channels, SMS first and e-mail when a channel
 * fails or is refused (the same plan and fall-back as the service of a document). Each try is recorded
 * and committed before the message is handed over, and its id goes to the gateway as the message's
 * idempotency key: a rerun after a crash never sends a try that went out again, and sends a try whose
 * answer was lost under the same key, which the gateway delivers once. The audit, written with the
 * last answer, records which channels were tried and how they answered, never the addresses or the
 * code. A party that already has an account, or has no phone or e-mail, gets nothing.
 */
export async function sendPartyNotice(context: AppContext, payload: NoticePayload, now: Date): Promise<void> {
  const snapshot = await loadCaseSnapshot(context.db, payload.caseId);
  const party = snapshot?.parts.parties.find((p) => p.id === payload.partyId);
  const code = (await listCasePartyCodes(context.db, payload.caseId)).find(
    (c) => c.party_id === payload.partyId,
  );
  if (!snapshot || !party || !code || party.user_id !== null || code.used_at !== null) return;
  const [court] = await findCourtLabels(context.db, [snapshot.row.court_id]);
  const publicUrl = context.config.publicUrl.replace(/\/$/, "");
  const notice = renderMediationInvitation({
    courtNameZh: court?.nameZh ?? "",
    courtNameEn: court?.nameEn ?? "",
    causeZh: snapshot.row.cause_name_zh,
    causeEn: snapshot.row.cause_name_en,
    code: code.code,
    link: `${publicUrl}/cases/link?code=${encodeURIComponent(code.code)}`,
  });
  const plan = channelPlan({ userId: null, phone: party.phone, email: party.email });
  const audit = (trx: Tx, attempts: Array<{ channel: ServiceChannel; status: AttemptStatus }>) =>
    writeAuditEvent(trx, systemMeta("delivery", now), {
      action: "delivery.notice_sent",
      subjectType: "case",
      subjectId: payload.caseId,
      courtId: snapshot.row.court_id,
      data: {
        partyId: payload.partyId,
        purpose: payload.purpose,
        attempts: attempts.map((a) => ({ channel: a.channel, status: a.status })),
      },
    });
  for (;;) {
    const attempts = await listNoticeAttempts(context.db, payload.partyId, payload.purpose);
    const channel = nextOutsideChannel(plan, attempts);
    if (!channel) {
      // No channel at all: the audit says so. Otherwise the last answer's transaction wrote it.
      if (attempts.length === 0) await inTransaction(context.db, (trx) => audit(trx, []));
      return;
    }
    const address = channel === "sms" ? party.phone! : party.email!;
    // A try whose answer was lost is sent again under its own id; otherwise a new try is committed first.
    const pending = attempts.find((a) => a.channel === channel && a.status === "queued");
    const attemptId =
      pending?.id ??
      (
        await context.db
          .insertInto("notice_attempts")
          .values({
            case_id: payload.caseId,
            party_id: payload.partyId,
            purpose: payload.purpose,
            channel,
            status: "queued",
            error: null,
            provider_reference: null,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const port = channel === "sms" ? context.ports.sms : context.ports.email;
    const result = await port.send({
      to: address,
      subject: notice.subject,
      text: notice.text,
      reference: attemptId,
      idempotencyKey: attemptId,
    });
    const answered = attempts.map((a) => (a.id === attemptId ? { ...a, status: result.status } : a));
    if (!pending) answered.push({ id: attemptId, channel, status: result.status });
    await inTransaction(context.db, async (trx) => {
      await trx
        .updateTable("notice_attempts")
        .set({
          status: result.status,
          error: result.error,
          provider_reference: result.reference,
          updated_at: context.clock.now(),
        })
        .where("id", "=", attemptId)
        .where("status", "=", "queued")
        .execute();
      if (nextOutsideChannel(plan, answered) === null) await audit(trx, answered);
    });
  }
}

/** The job that sends queued notices (registered with the other jobs of service). */
export function noticeJob(context: AppContext) {
  return defineJob({
    kind: SEND_NOTICE_JOB,
    payload: ZNoticePayload,
    maxAttempts: 8,
    handle: (payload, { now }) => sendPartyNotice(context, payload, now),
  });
}
