import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { lockCase } from "../../cases/index";
import { assertRelation, loadMediation, lockMediationFor, othersThan, userOf } from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { answerConsent } from "../mediation.repository";
import { canAct, consentState } from "../mediation.rules";
import { endMediationInTransaction } from "./end-mediation";

/**
 * The other side answers whether it agrees to mediate (在线调解规则第十五条第一款): a respondent party or
 * its agent for themselves, or the mediator recording the answer they obtained (第十五条: 调解员协助通知
 * 对方当事人，询问是否同意调解). A refusal ends the mediation (第十五条第二款). Throws
 * `mediation_not_found`, `forbidden`, `mediation_status_conflict`, `mediation_consent_answered`,
 * `validation_failed`.
 */
export async function answerMediationConsent(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  input: { partyId: string | null; answer: "agreed" | "refused"; note: string | null },
): Promise<{ consent: "pending" | "agreed" | "refused"; status: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent", "mediator");
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.case_id);
    const { row, parts, relation } = await lockMediationFor(trx, meta.actor, mediationId);
    if (!canAct(row.status, "refuseMediation")) {
      throw new AppError("mediation_status_conflict", [
        { code: "not_running", message: `the mediation is ${row.status}` },
      ]);
    }
    const pending = parts.consents.filter((c) => c.answer === "pending");
    let partyIds: string[];
    if (relation.kind === "mediator") {
      if (input.partyId === null) {
        throw new AppError("validation_failed", [
          { path: "partyId", code: "required", message: "name the party who answered" },
        ]);
      }
      partyIds = [input.partyId];
    } else {
      partyIds = parts.consents.map((c) => c.party_id).filter((id) => relation.ownPartyIds.includes(id));
      if (input.partyId !== null) partyIds = partyIds.filter((id) => id === input.partyId);
      if (partyIds.length === 0) {
        throw new AppError("forbidden", [
          { code: "respondent_only", message: "only the other side answers" },
        ]);
      }
    }
    if (!partyIds.every((id) => pending.some((c) => c.party_id === id))) {
      if (!partyIds.every((id) => parts.consents.some((c) => c.party_id === id))) {
        throw new AppError("validation_failed", [
          { path: "partyId", code: "not_respondent", message: "not a party asked to consent" },
        ]);
      }
      throw new AppError("mediation_consent_answered");
    }
    for (const partyId of partyIds) {
      await answerConsent(trx, {
        mediationId: row.id,
        partyId,
        answer: input.answer,
        userId: user.userId,
        now: meta.now,
      });
    }
    const answers = parts.consents.map((c) => (partyIds.includes(c.party_id) ? input.answer : c.answer));
    const state = consentState(answers);
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.consent_answered",
      courtEvent: "mediation_consent",
      data: {
        partyIds,
        answer: input.answer,
        recordedBy: relation.kind,
        note: input.note,
        basis: "人民法院在线调解规则第十五条",
      },
      inbox:
        input.answer === "agreed"
          ? [
              {
                recipientIds: othersThan(meta.actor, row, parts),
                kind: "mediation_consent_given",
                params: { all: state === "agreed" },
              },
            ]
          : [],
    });
    if (state === "refused") {
      const ended = await endMediationInTransaction(trx, context, meta, row, {
        act: "refuseMediation",
        reason: input.note,
      });
      return { consent: state, status: ended.status };
    }
    return { consent: state, status: row.status };
  });
}
