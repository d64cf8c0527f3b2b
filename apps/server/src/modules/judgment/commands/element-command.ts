import { AppError, type CommandMeta, type Tx } from "../../../platform";
import { lockElementCase, type ElementAccess } from "../judgment.access";
import type { JudgmentElement } from "../judgment.elements";
import { lockElementValue, type ElementValueRow } from "../judgment.repository";
import { elementsForCause, ensureElementTable } from "../element-table.queries";

export interface LockedElement {
  locked: ElementAccess;
  element: JudgmentElement;
  row: ElementValueRow;
}

/**
 * Inside a command's transaction: the case under its lock, its element table (opened if needed) and the
 * element's row under its lock. Throws `element_not_found` when the cause has no such element.
 */
export async function lockElement(
  trx: Tx,
  meta: CommandMeta,
  caseId: string,
  key: string,
): Promise<LockedElement> {
  const locked = await lockElementCase(trx, meta.actor, caseId);
  const table = await ensureElementTable(trx, locked.row, locked.parts, meta.now);
  const element =
    table && locked.row.cause_code
      ? elementsForCause(table, locked.row.cause_code).find((e) => e.key === key)
      : undefined;
  const row = element ? await lockElementValue(trx, caseId, key) : undefined;
  if (!element || !row) throw new AppError("element_not_found");
  return { locked, element, row };
}
