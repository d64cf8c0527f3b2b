import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { listSubmittedEvidenceIds } from "../../evidence/index";
import {
  accountsOfSide,
  assertCaseJudge,
  assertStatus,
  canSettleInStatus,
  loadElementCase,
  userOf,
} from "../judgment.access";
import { recordElementAct } from "../judgment.events";
import { updateSettlement } from "../judgment.repository";
import { checkElementValue, isAgreed, sameValue } from "../element-values.rules";
import { lockElement } from "./element-command";

export interface SettleElementOptions {
  caseId: string;
  key: string;
  value: unknown;
  reasons: string;
  /** Items of the case's evidence the finding relies on (证据规定第八十五条). */
  evidenceIds?: string[];
}

/**
 * The judge of the case settles an element after hearing the parties: the value found, with reasons
 * and, optionally, the items of evidence relied on (民事诉讼法第七十一条、证据规定第八十五条: findings on
 * evidence examined by the parties). An agreed element may be settled to another value: an admission
 * against the facts found is not confirmed (民诉法解释第九十二条第三款). A later settlement replaces an
 * earlier one until the judgment. The parties are told. Throws `case_not_found`, `forbidden`,
 * `element_not_found`, `element_value_invalid`, `element_evidence_unknown`, `case_status_conflict`.
 */
export async function settleElement(context: AppContext, meta: CommandMeta, options: SettleElementOptions) {
  const user = userOf(meta.actor);
  const access = await loadElementCase(context.db, meta.actor, options.caseId);
  assertCaseJudge(access);
  return inTransaction(context.db, async (trx) => {
    const { locked, element, row } = await lockElement(trx, meta, options.caseId, options.key);
    const checked = checkElementValue(element.valueType, options.value);
    if (!checked.ok) throw new AppError("element_value_invalid", [checked.issue]);
    const evidenceIds = [...new Set(options.evidenceIds ?? [])];
    if (evidenceIds.length > 0) {
      const known = await listSubmittedEvidenceIds(trx, locked.row.id);
      const unknown = evidenceIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new AppError(
          "element_evidence_unknown",
          unknown.map((id) => ({ path: "evidenceIds", code: "unknown_item", message: id, params: { id } })),
        );
      }
    }
    assertStatus(canSettleInStatus(locked.row.status));
    const wasAgreed = isAgreed({
      proposedValue: row.proposed_value,
      proposedSource: row.proposed_source,
      plaintiffPosition: row.plaintiff_position,
      defendantPosition: row.defendant_position,
      isSettled: row.settled_at !== null,
    });
    await updateSettlement(trx, {
      caseId: locked.row.id,
      key: element.key,
      value: checked.value,
      kind: "decided",
      reasons: options.reasons.trim(),
      evidenceIds,
      userId: user.userId,
      now: meta.now,
    });
    const data = {
      key: element.key,
      value: checked.value,
      kind: "decided",
      evidenceIds,
      wasAgreed,
      departsFromAgreement: wasAgreed && !sameValue(row.proposed_value, checked.value),
      replacesSettlement: row.settled_at !== null,
    };
    await recordElementAct(trx, meta, {
      caseRow: locked.row,
      action: "judgment.element_settled",
      courtEvent: "element_settled",
      data,
      inbox: [
        {
          recipientIds: [
            ...accountsOfSide(locked.parts, "plaintiff"),
            ...accountsOfSide(locked.parts, "defendant"),
          ],
          kind: "element_settled",
          params: {
            labelZh: element.labelZh,
            labelEn: element.labelEn,
            reasons: options.reasons.trim(),
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
