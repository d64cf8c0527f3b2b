import { AppError, inTransaction, type CommandMeta } from "../../../platform";
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
import { insertSession } from "../mediation.repository";

/**
 * The mediator schedules an audio-video session and tells the parties the time (在线调解规则第十六条:
 * the parties log in at the same time; 特邀调解规定第十四条第二款: notify the time and place). Throws
 * `mediation_not_found`, `forbidden`, `mediation_status_conflict`, `validation_failed` (a time past).
 */
export async function scheduleMediationSession(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
  input: { startsAt: Date; videoUrl: string | null; note: string },
): Promise<{ id: string }> {
  const user = userOf(meta.actor);
  if (input.startsAt.getTime() <= meta.now.getTime()) {
    throw new AppError("validation_failed", [
      { path: "startsAt", code: "in_the_past", message: "a session is scheduled ahead" },
    ]);
  }
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertRelation(access, "mediator");
  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockMediationFor(trx, meta.actor, mediationId);
    assertStatus(row, "in_progress", "agreement_drafted");
    const id = await insertSession(trx, {
      mediationId: row.id,
      ...input,
      scheduledBy: user.userId,
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.session_scheduled",
      courtEvent: "mediation_session_scheduled",
      data: { sessionId: id, startsAt: input.startsAt.toISOString(), basis: "人民法院在线调解规则第十六条" },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, row, parts),
          kind: "mediation_session_scheduled",
          params: { startsAt: input.startsAt.toISOString(), videoUrl: input.videoUrl },
        },
      ],
    });
    return { id };
  });
}
