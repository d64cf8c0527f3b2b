import { writeAuditEvent, type CommandMeta, type Tx } from "../../platform";
import { sendInboxMessage } from "../delivery/index";
import { appendCourtEvent, type CourtEventKind } from "../ledger/index";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface MediationActRecord {
  mediation: { id: string; case_id: string; court_id: string };
  /** Dotted audit action, e.g. `mediation.applied`. Stored forever: never rename. */
  action: string;
  /** The ledger court event (全流程留痕), or null for acts that stay inside the workspace. */
  courtEvent: CourtEventKind | null;
  data: { [key: string]: Json };
  inbox?: Array<{ recipientIds: string[]; kind: string; params: Record<string, unknown> }>;
}

/**
 * Writes an act's audit event, its inbox messages and its ledger court event in the caller's
 * transaction, so the act and its traces exist together or not at all.
 */
export async function recordMediationAct(
  trx: Tx,
  meta: CommandMeta,
  record: MediationActRecord,
): Promise<void> {
  const { mediation } = record;
  await writeAuditEvent(trx, meta, {
    action: record.action,
    subjectType: "mediation",
    subjectId: mediation.id,
    courtId: mediation.court_id,
    data: { caseId: mediation.case_id, ...record.data },
  });
  for (const message of record.inbox ?? []) {
    if (message.recipientIds.length === 0) continue;
    await sendInboxMessage(trx, {
      recipientIds: message.recipientIds,
      caseId: mediation.case_id,
      kind: message.kind,
      params: { mediationId: mediation.id, ...message.params },
      now: meta.now,
    });
  }
  if (record.courtEvent) {
    await appendCourtEvent(trx, {
      kind: record.courtEvent,
      courtId: mediation.court_id,
      caseId: mediation.case_id,
      payload: { mediationId: mediation.id, ...record.data },
      now: meta.now,
    });
  }
}
