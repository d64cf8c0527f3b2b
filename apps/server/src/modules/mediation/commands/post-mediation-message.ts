import { inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  assertRelation,
  assertStatus,
  loadMediation,
  lockMediationFor,
  othersThan,
  userOf,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { insertMessage } from "../mediation.repository";

/**
 * A party, an agent or the mediator writes in the mediation's thread (在线调解规则第十八条: the parties
 * express their wishes by voice, text or video). Messages stay inside the mediation (特邀调解规定第二条
 * 第五项: not public), so they leave an audit event but no ledger entry. Throws `mediation_not_found`,
 * `forbidden`, `mediation_status_conflict`.
 */
export async function postMediationMessage(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  body: string,
): Promise<{ id: string }> {
  const user = userOf(meta.actor);
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "party", "agent", "mediator");
  return inTransaction(context.db, async (trx) => {
    const { row, parts, relation } = await lockMediationFor(trx, meta.actor, mediationId);
    assertStatus(row, "awaiting_acceptance", "in_progress", "agreement_drafted");
    const authorRole =
      relation.kind === "mediator" ? "mediator" : relation.kind === "agent" ? "agent" : "party";
    const id = await insertMessage(trx, {
      mediationId: row.id,
      authorUserId: user.userId,
      authorRole,
      body,
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.message_posted",
      courtEvent: null,
      data: { messageId: id, authorRole, length: body.length },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_message",
          params: { authorName: user.name },
        },
      ],
    });
    return { id };
  });
}
