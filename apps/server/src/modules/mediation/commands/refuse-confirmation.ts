import { cancelJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { closeDeadline } from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import {
  assertConfirmationClerk,
  loadConfirmation,
  lockConfirmationFor,
  partyAccounts,
} from "../mediation.confirmation.access";
import { setMediationStatus, updateConfirmation } from "../mediation.confirmation.repository";
import { refusalGrounds, type RefusalGround } from "../mediation.confirmation.rules";
import { userOf } from "../mediation.access";
import { confirmationAcceptanceDueKey } from "../mediation.job-kinds";
import { assertConfirmationAct } from "./accept-confirmation";

export interface RefuseConfirmationOptions {
  confirmationId: string;
  grounds: RefusalGround[];
  reason: string | null;
}

/** The grounds as a message keeps them: the article and its words in both languages. */
export function refusalGroundParams(grounds: readonly RefusalGround[]) {
  return grounds.map((key) => {
    const ground = refusalGrounds[key];
    const item = /第(.)项$/u.exec(ground.basis)?.[1];
    const itemNumber = item ? "一二三四五".indexOf(item) + 1 : null;
    return {
      key,
      articleZh: ground.basis,
      articleEn: `SPC Interpretation of the Civil Procedure Law, Art. 355(1)${itemNumber ? `(${itemNumber})` : ""}`,
      zh: ground.zh,
      en: ground.en,
    };
  });
}

/**
 * The clerk does not accept the application, on the grounds of 若干规定第四条第二款 and 民诉法解释第三百五十五条
 * (outside the courts' scope or this court's jurisdiction, status relationships, other special
 * procedures, ownership). The agreement stays in effect between the parties. Throws
 * `confirmation_not_found`, `forbidden`, `confirmation_status_conflict`.
 */
export async function refuseConfirmation(
  context: AppContext,
  meta: CommandMeta,
  options: RefuseConfirmationOptions,
): Promise<void> {
  const user = userOf(meta.actor);
  const pre = await loadConfirmation(context.db, meta.actor, options.confirmationId);
  assertConfirmationClerk(pre);
  assertConfirmationAct(pre.row.status, "refuse");
  const grounds = [...new Set(options.grounds)];

  await inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockConfirmationFor(trx, meta.actor, options.confirmationId);
    assertConfirmationAct(row.status, "refuse");
    await updateConfirmation(
      trx,
      row.id,
      {
        status: "refused",
        refused_at: meta.now,
        refused_by: user.userId,
        refusal_grounds: grounds,
        refusal_reason: options.reason,
      },
      meta.now,
    );
    await setMediationStatus(trx, row.mediation_id, "agreed", meta.now);
    await closeDeadline(trx, row.case_id, "confirmation_acceptance", "met", meta.now);
    await cancelJob(trx, confirmationAcceptanceDueKey(row.id), meta.now);
    await sendInboxMessage(trx, {
      recipientIds: partyAccounts(parts),
      caseId: row.case_id,
      kind: "confirmation_refused",
      params: { grounds: refusalGroundParams(grounds), reason: options.reason, confirmationId: row.id },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "confirmation_refused",
      courtId: row.court_id,
      caseId: row.case_id,
      payload: { confirmationId: row.id, grounds, refusedBy: user.userId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "confirmation.refused",
      subjectType: "judicial_confirmation",
      subjectId: row.id,
      courtId: row.court_id,
      data: { caseId: row.case_id, grounds, reason: options.reason },
    });
  });
}
