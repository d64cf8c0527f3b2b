import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  accountsOfSide,
  actingSide,
  assertStatus,
  canMarkInStatus,
  loadElementCase,
  userOf,
} from "../judgment.access";
import { recordElementAct } from "../judgment.events";
import { updateProposal } from "../judgment.repository";
import type { ElementSide } from "../judgment.tables";
import {
  checkElementValue,
  otherSide,
  positionsAfterProposal,
  proposalRefusal,
} from "../element-values.rules";
import { lockElement } from "./element-command";

/**
 * A party proposes the value of an element not yet agreed by both sides; the proposing side agrees with
 * it, and a changed value resets the other side's earlier position, given on another value (民诉法解释
 * 第二百二十九条: a party departing from what it accepted before the hearing says why — here, before the
 * hearing, the other side simply marks again). The other side is told. Throws `case_not_found`,
 * `element_not_your_side`, `element_not_found`, `element_value_invalid`, `element_settled`,
 * `element_agreed`, `case_status_conflict`.
 */
export async function proposeElementValue(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; key: string; side?: ElementSide | null; value: unknown },
) {
  const user = userOf(meta.actor);
  const access = await loadElementCase(context.db, meta.actor, options.caseId);
  const side = actingSide(access, options.side);
  return inTransaction(context.db, async (trx) => {
    const { locked, element, row } = await lockElement(trx, meta, options.caseId, options.key);
    if (actingSide(locked, side) !== side) throw new AppError("element_not_your_side");
    const checked = checkElementValue(element.valueType, options.value);
    if (!checked.ok) throw new AppError("element_value_invalid", [checked.issue]);
    assertStatus(canMarkInStatus(locked.row.status));
    const state = {
      proposedValue: row.proposed_value,
      proposedSource: row.proposed_source,
      plaintiffPosition: row.plaintiff_position,
      defendantPosition: row.defendant_position,
      isSettled: row.settled_at !== null,
    };
    const refusal = proposalRefusal(state);
    if (refusal) throw new AppError(refusal);
    const after = positionsAfterProposal(state, side, checked.value);
    await updateProposal(trx, {
      caseId: locked.row.id,
      key: element.key,
      value: checked.value,
      source: side,
      positions: { plaintiff: after.plaintiff, defendant: after.defendant },
      proposer: side,
      resetsOther: after.resetsOther,
      userId: user.userId,
      now: meta.now,
    });
    const data = {
      key: element.key,
      side,
      value: checked.value,
      previousValue: row.proposed_value,
      resetsOther: after.resetsOther,
    };
    await recordElementAct(trx, meta, {
      caseRow: locked.row,
      action: "judgment.element_value_proposed",
      courtEvent: "element_value_proposed",
      data,
      inbox: [
        {
          recipientIds: accountsOfSide(locked.parts, otherSide(side)),
          kind: "element_value_proposed",
          params: {
            side,
            labelZh: element.labelZh,
            labelEn: element.labelEn,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
