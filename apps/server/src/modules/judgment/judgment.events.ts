import type { CommandMeta, Tx } from "../../platform";
import { recordAct, type ActMessage } from "../acts/index";
import type { CourtEventKind, JsonValue } from "../ledger/index";

export interface ElementActRecord {
  caseRow: { id: string; court_id: string };
  /** Dotted audit action, e.g. `judgment.element_settled`. Stored forever: never rename. */
  action: string;
  /** The ledger court event of the act (全流程留痕). */
  courtEvent: CourtEventKind;
  data: { [key: string]: JsonValue };
  inbox?: ActMessage[];
}

/** Records an element-table act's traces in the caller's transaction; each message links the case. */
export async function recordElementAct(trx: Tx, meta: CommandMeta, record: ElementActRecord): Promise<void> {
  const { caseRow } = record;
  const link = { caseId: caseRow.id, link: `/cases/${caseRow.id}` };
  await recordAct(trx, meta, {
    courtId: caseRow.court_id,
    caseId: caseRow.id,
    subject: { type: "case", id: caseRow.id },
    action: record.action,
    courtEvent: record.courtEvent,
    data: record.data,
    inbox: (record.inbox ?? []).map((m) => ({ ...m, params: { ...link, ...m.params } })),
  });
}
