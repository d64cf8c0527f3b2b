import type { CommandMeta, Tx } from "../../platform";
import { recordAct, type ActMessage } from "../acts/index";
import type { CourtEventKind, JsonValue } from "../ledger/index";

export interface MediationActRecord {
  mediation: { id: string; case_id: string; court_id: string };
  /** Dotted audit action, e.g. `mediation.applied`. Stored forever: never rename. */
  action: string;
  /** The ledger court event (全流程留痕), or null for acts that stay inside the workspace. */
  courtEvent: CourtEventKind | null;
  data: { [key: string]: JsonValue };
  inbox?: ActMessage[];
}

/** Records a mediation act's traces in the caller's transaction (see `recordAct`). */
export async function recordMediationAct(
  trx: Tx,
  meta: CommandMeta,
  record: MediationActRecord,
): Promise<void> {
  const { mediation } = record;
  await recordAct(trx, meta, {
    courtId: mediation.court_id,
    caseId: mediation.case_id,
    subject: { type: "mediation", id: mediation.id },
    action: record.action,
    courtEvent: record.courtEvent,
    data: record.data,
    reference: { mediationId: mediation.id },
    auditData: { caseId: mediation.case_id },
    inbox: record.inbox ?? [],
  });
}
