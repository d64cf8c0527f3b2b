import type { Tx } from "../../../platform";
import type { IsoDate } from "../../courts/index";
import { insertOpenDeadline, resolveOpenDeadline } from "../cases.repository";
import { endOfCourtDay } from "../deadlines.rules";
import type { Deadline } from "../procedure.rules";

/**
 * Opens a statutory deadline of a case from the rule that computes it (procedure.rules.ts), so its
 * due instant and its article are the rule's; an open deadline of the same kind is replaced. Returns
 * the last day and the instant it ends (the end of that court day).
 */
export async function openDeadline(
  trx: Tx,
  options: { caseId: string; kind: string; period: Deadline; now: Date },
): Promise<{ endsOn: IsoDate; endsAt: Date }> {
  const endsAt = endOfCourtDay(options.period.end);
  await insertOpenDeadline(trx, {
    caseId: options.caseId,
    kind: options.kind,
    dueAt: endsAt,
    basis: options.period.basis,
    now: options.now,
  });
  return { endsOn: options.period.end, endsAt };
}

/** Closes the open deadline of a kind as met, missed or cancelled; nothing happens when none is open. */
export async function closeDeadline(
  trx: Tx,
  caseId: string,
  kind: string,
  outcome: "met" | "missed" | "cancelled",
  now: Date,
): Promise<void> {
  await resolveOpenDeadline(trx, caseId, kind, outcome, now);
}
