import type { CommandMeta, Tx } from "../../platform";
import { recordAct, type ActMessage } from "../acts/index";
import type { CourtEventKind, JsonValue } from "../ledger/index";

export interface HearingActRecord {
  hearing: { id: string; case_id: string; court_id: string };
  /** Dotted audit action, e.g. `hearing.scheduled`. Stored forever: never rename. */
  action: string;
  /** The ledger court event (全流程留痕). */
  courtEvent: CourtEventKind | null;
  data: { [key: string]: JsonValue };
  inbox?: ActMessage[];
}

/** Records a hearing act's traces in the caller's transaction (see `recordAct`). */
export async function recordHearingAct(trx: Tx, meta: CommandMeta, record: HearingActRecord): Promise<void> {
  const { hearing } = record;
  await recordAct(trx, meta, {
    courtId: hearing.court_id,
    caseId: hearing.case_id,
    subject: { type: "hearing", id: hearing.id },
    action: record.action,
    courtEvent: record.courtEvent,
    data: record.data,
    reference: { hearingId: hearing.id },
    auditData: { caseId: hearing.case_id },
    inbox: record.inbox ?? [],
  });
}
