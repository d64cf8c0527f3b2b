import { writeAuditEvent, type CommandMeta, type Tx } from "../../platform";
import { sendInboxMessage, type InboxKind } from "../delivery/index";
import { appendCourtEvent, type CourtEventKind, type JsonValue } from "../ledger/index";

/** One inbox message an act sends: its kind names a template, so every message can be read. */
export interface ActMessage {
  recipientIds: string[];
  kind: InboxKind;
  params: Record<string, unknown>;
}

/** An act of a case and the traces it leaves (全流程留痕). */
export interface ActRecord {
  courtId: string;
  caseId: string;
  /** What the audit event is about: the case, or a record inside it (a mediation, a hearing …). */
  subject: { type: string; id: string };
  /** Dotted audit action, e.g. `hearing.scheduled`. Stored forever: never rename. */
  action: string;
  /** The ledger court event, or null for an act that stays inside a workspace. */
  courtEvent: CourtEventKind | null;
  /** What happened: the audit event's data and the court event's payload. */
  data: { [key: string]: JsonValue };
  /** Names the record in every message's params and in the court event (e.g. `{ hearingId }`). */
  reference?: { [key: string]: JsonValue };
  /** Added to the audit event's data only. */
  auditData?: { [key: string]: JsonValue };
  inbox?: ActMessage[];
}

/**
 * Writes an act's audit event, its inbox messages and its ledger court event in the caller's
 * transaction, so the act and its traces exist together or not at all.
 */
export async function recordAct(trx: Tx, meta: CommandMeta, record: ActRecord): Promise<void> {
  const reference = record.reference ?? {};
  await writeAuditEvent(trx, meta, {
    action: record.action,
    subjectType: record.subject.type,
    subjectId: record.subject.id,
    courtId: record.courtId,
    data: { ...record.auditData, ...record.data },
  });
  for (const message of record.inbox ?? []) {
    if (message.recipientIds.length === 0) continue;
    await sendInboxMessage(trx, {
      recipientIds: message.recipientIds,
      caseId: record.caseId,
      kind: message.kind,
      params: { ...reference, ...message.params },
      now: meta.now,
    });
  }
  if (record.courtEvent) {
    await appendCourtEvent(trx, {
      kind: record.courtEvent,
      courtId: record.courtId,
      caseId: record.caseId,
      payload: { ...reference, ...record.data },
      now: meta.now,
    });
  }
}
