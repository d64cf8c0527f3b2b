import { z } from "zod";
import type { AppContext } from "../../../context";
import { defineJob, enqueueJob, systemMeta, writeAuditEvent, type Tx } from "../../../platform";
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

/**
 * Sends a queued notice through the party's outside channels, SMS first and e-mail when a channel
 * fails or is refused (the same plan and fall-back as the service of a document). The audit records
 * which channels were tried and how they answered, never the addresses or the code. A party that
 * already has an account, or has no phone or e-mail, gets nothing.
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
  const attempts: Array<{ channel: ServiceChannel; status: AttemptStatus }> = [];
  for (
    let channel = nextOutsideChannel(plan, attempts);
    channel;
    channel = nextOutsideChannel(plan, attempts)
  ) {
    const port = channel === "sms" ? context.ports.sms : context.ports.email;
    const result = await port.send({
      to: channel === "sms" ? party.phone! : party.email!,
      subject: notice.subject,
      text: notice.text,
      reference: `${payload.purpose}:${payload.partyId}`,
    });
    attempts.push({ channel, status: result.status });
  }
  await writeAuditEvent(context.db, systemMeta("delivery", now), {
    action: "delivery.notice_sent",
    subjectType: "case",
    subjectId: payload.caseId,
    courtId: snapshot.row.court_id,
    data: { partyId: payload.partyId, purpose: payload.purpose, attempts },
  });
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
