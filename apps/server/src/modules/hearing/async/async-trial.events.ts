import type { CommandMeta, Tx } from "../../../platform";
import { recordAct, type ActMessage } from "../../acts/index";
import type { CourtEventKind, JsonValue } from "../../ledger/index";

export interface AsyncTrialActRecord {
  trial: { id: string; case_id: string; court_id: string };
  /** Dotted audit action, e.g. `async_trial.applied`. Stored forever: never rename. */
  action: string;
  /** The ledger court event (全流程留痕), or null for a reminder. */
  courtEvent: CourtEventKind | null;
  data: { [key: string]: JsonValue };
  inbox?: ActMessage[];
}

/** Records an asynchronous-trial act's traces in the caller's transaction (see `recordAct`). */
export async function recordAsyncTrialAct(
  trx: Tx,
  meta: CommandMeta,
  record: AsyncTrialActRecord,
): Promise<void> {
  const { trial } = record;
  await recordAct(trx, meta, {
    courtId: trial.court_id,
    caseId: trial.case_id,
    subject: { type: "async_trial", id: trial.id },
    action: record.action,
    courtEvent: record.courtEvent,
    data: { ...record.data, basis: record.data.basis ?? "在线诉讼规则第二十条" },
    reference: { asyncTrialId: trial.id },
    auditData: { caseId: trial.case_id },
    inbox: record.inbox ?? [],
  });
}
