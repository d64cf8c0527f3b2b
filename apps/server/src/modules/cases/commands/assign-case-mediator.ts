import { actorUserId, type CommandMeta, type Tx } from "../../../platform";
import { appendTimeline, updateCase } from "../cases.repository";

/**
 * Records the mediator of a case in pre-litigation mediation (在线调解规则第十条: chosen by the parties
 * or appointed by the court), or clears it (null) when the mediation ends. Only that mediator then sees
 * the case through the mediator role (cases.policy.ts). The caller holds the case's row lock.
 */
export async function assignCaseMediator(
  trx: Tx,
  meta: CommandMeta,
  options: { caseId: string; mediatorUserId: string | null },
): Promise<void> {
  await updateCase(trx, options.caseId, { mediator_id: options.mediatorUserId }, meta.now);
  await appendTimeline(trx, {
    caseId: options.caseId,
    kind: options.mediatorUserId === null ? "mediator_released" : "mediator_assigned",
    actorUserId: actorUserId(meta.actor),
    data: {},
    isPublic: false,
    now: meta.now,
  });
}
