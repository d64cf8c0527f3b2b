import type { AppContext } from "../../../../context";
import { AppError, inTransaction, requireUser, type CommandMeta, type Tx } from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing, type HearingRow } from "../../hearing.repository";
import { loadHearingForBroadcast } from "../../recording/recording.access";
import { countSegments, endStream, lockLiveStream, type LiveStreamRow } from "../live.repository";

/**
 * The judge or the clerk ends the live stream; its segments stay for the replay (庭审录音录像规定第十二条:
 * the court may play recordings of public hearings). Throws `hearing_not_found`, `forbidden`,
 * `hearing_live_not_live`.
 */
export async function stopLive(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
): Promise<LiveStreamRow> {
  const user = requireUser(meta.actor);
  await loadHearingForBroadcast(context.db, meta.actor, hearingId, "operate");
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    const ended = await closeLiveStream(trx, meta, current, user.userId, "stopped");
    if (!ended) throw new AppError("hearing_live_not_live");
    return ended;
  });
}

/** Ends the hearing's live stream in the caller's transaction, if one is live (also the system's close). */
export async function closeLiveStream(
  trx: Tx,
  meta: CommandMeta,
  hearing: HearingRow,
  endedBy: string | null,
  reason: "stopped" | "hearing_ended",
): Promise<LiveStreamRow | null> {
  const live = await lockLiveStream(trx, hearing.id);
  if (!live) return null;
  const ended = await endStream(trx, live.id, endedBy, meta.now);
  if (!ended) return null;
  await recordHearingAct(trx, meta, {
    hearing,
    action: "hearing.live_stopped",
    courtEvent: "hearing_live_stopped",
    data: { streamId: live.id, segments: await countSegments(trx, live.id), reason },
  });
  return ended;
}
