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
import { updateSidePosition } from "../judgment.repository";
import type { ElementSide, ElementValue } from "../judgment.tables";
import { checkElementValue, otherSide, positionRefusal } from "../element-values.rules";
import { lockElement } from "./element-command";

export interface MarkElementPositionOptions {
  caseId: string;
  key: string;
  /** The side marked for, when the caller acts for both; its only side otherwise. */
  side?: ElementSide | null;
  position: "agreed" | "disputed";
  reason?: string | null;
  /** The value the side holds instead, when it disputes (optional). */
  counterValue?: unknown;
}

/**
 * A party, in person or through its agent, marks an element agreed or disputed before the hearing
 * (民事诉讼法第一百三十六条第（四）项; 民诉法解释第二百二十六条: the court asks the parties' views on the
 * points in dispute). Agreeing admits the proposed value (民诉法解释第九十二条); disputing states why
 * and may give the value the side holds. Only the side's own position, only until the judge settles the
 * element. The other side is told. Throws `case_not_found`, `element_not_your_side`,
 * `element_dispute_reason_required`, `element_not_found`, `element_value_invalid`, `element_settled`,
 * `element_no_value`, `case_status_conflict`.
 */
export async function markElementPosition(
  context: AppContext,
  meta: CommandMeta,
  options: MarkElementPositionOptions,
) {
  const user = userOf(meta.actor);
  const access = await loadElementCase(context.db, meta.actor, options.caseId);
  const side = actingSide(access, options.side);
  const reason = options.reason?.trim() || null;
  if (options.position === "disputed" && !reason) {
    throw new AppError("element_dispute_reason_required", [
      { path: "reason", code: "required", message: "say why the element is disputed" },
    ]);
  }
  return inTransaction(context.db, async (trx) => {
    const { locked, element, row } = await lockElement(trx, meta, options.caseId, options.key);
    if (actingSide(locked, side) !== side) throw new AppError("element_not_your_side");
    let counterValue: ElementValue | null = null;
    if (
      options.position === "disputed" &&
      options.counterValue !== undefined &&
      options.counterValue !== null
    ) {
      const checked = checkElementValue(element.valueType, options.counterValue, "counterValue");
      if (!checked.ok) throw new AppError("element_value_invalid", [checked.issue]);
      counterValue = checked.value;
    }
    assertStatus(canMarkInStatus(locked.row.status));
    const refusal = positionRefusal(
      {
        proposedValue: row.proposed_value,
        proposedSource: row.proposed_source,
        plaintiffPosition: row.plaintiff_position,
        defendantPosition: row.defendant_position,
        isSettled: row.settled_at !== null,
      },
      options.position,
    );
    if (refusal) throw new AppError(refusal);
    await updateSidePosition(trx, {
      caseId: locked.row.id,
      key: element.key,
      side,
      position: options.position,
      reason: options.position === "disputed" ? reason : null,
      counterValue,
      userId: user.userId,
      now: meta.now,
    });
    const data = {
      key: element.key,
      side,
      position: options.position,
      value: row.proposed_value,
      counterValue,
    };
    await recordElementAct(trx, meta, {
      caseRow: locked.row,
      action: "judgment.element_position_marked",
      courtEvent: "element_position_marked",
      data,
      inbox: [
        {
          recipientIds: accountsOfSide(locked.parts, otherSide(side)),
          kind: "element_position_marked",
          params: {
            side,
            position: options.position,
            labelZh: element.labelZh,
            labelEn: element.labelEn,
            reason: options.position === "disputed" ? reason : null,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
