import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  accountsOfSide,
  assertCaseJudge,
  assertStatus,
  canSettleInStatus,
  loadElementCase,
  lockElementCase,
  userOf,
} from "../judgment.access";
import { recordElementAct } from "../judgment.events";
import { listElementValues, updateSettlement } from "../judgment.repository";
import { elementsForCause, ensureElementTable } from "../element-table.queries";
import { isAgreed } from "../element-values.rules";

/**
 * The judge settles, in one act, every element both sides agreed and not yet settled, at the agreed
 * value: facts a party admits need no proof (民诉法解释第九十二条第一款), and the hearing can turn to the
 * points in dispute (互联网法院规定第十三条第（三）项). The parties are told. Throws `case_not_found`,
 * `forbidden`, `element_none_agreed`, `case_status_conflict`.
 */
export async function settleAgreedElements(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string },
) {
  const user = userOf(meta.actor);
  const access = await loadElementCase(context.db, meta.actor, options.caseId);
  assertCaseJudge(access);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockElementCase(trx, meta.actor, options.caseId);
    assertStatus(canSettleInStatus(locked.row.status));
    const table = await ensureElementTable(trx, locked.row, locked.parts, meta.now);
    if (!table || !locked.row.cause_code) throw new AppError("element_none_agreed");
    const keys = new Set(elementsForCause(table, locked.row.cause_code).map((e) => e.key));
    // The case's row lock, taken first by every element command, keeps the rows read here current.
    const agreed = (await listElementValues(trx, locked.row.id)).filter(
      (row) =>
        keys.has(row.element_key) &&
        row.settled_at === null &&
        isAgreed({
          proposedValue: row.proposed_value,
          proposedSource: row.proposed_source,
          plaintiffPosition: row.plaintiff_position,
          defendantPosition: row.defendant_position,
          isSettled: false,
        }),
    );
    if (agreed.length === 0) throw new AppError("element_none_agreed");
    for (const row of agreed) {
      await updateSettlement(trx, {
        caseId: locked.row.id,
        key: row.element_key,
        value: row.proposed_value!,
        kind: "agreed",
        reasons: null,
        evidenceIds: [],
        userId: user.userId,
        now: meta.now,
      });
    }
    const data = {
      keys: agreed.map((row) => row.element_key),
      values: Object.fromEntries(agreed.map((row) => [row.element_key, row.proposed_value])),
    };
    await recordElementAct(trx, meta, {
      caseRow: locked.row,
      action: "judgment.agreed_elements_settled",
      courtEvent: "agreed_elements_settled",
      data,
      inbox: [
        {
          recipientIds: [
            ...accountsOfSide(locked.parts, "plaintiff"),
            ...accountsOfSide(locked.parts, "defendant"),
          ],
          kind: "agreed_elements_settled",
          params: { count: agreed.length, caseNumber: locked.row.case_number },
        },
      ],
    });
    return data;
  });
}
