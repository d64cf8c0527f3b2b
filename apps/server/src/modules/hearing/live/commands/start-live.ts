import type { AppContext } from "../../../../context";
import { AppError, inTransaction, requireUser, type CommandMeta } from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { loadHearingForBroadcast } from "../../recording/recording.access";
import { scheduleRecordingSeal } from "../../recording/recording.job-kinds";
import { assertMayStream, assertSitting } from "../live.access";
import { insertStream, lockLiveStream, setHideFaces, type LiveStreamRow } from "../live.repository";

/**
 * The judge or the clerk streams a public hearing live to the public portal (最高人民法院关于人民法院直播录播
 * 庭审活动的规定第一条、第二条; 在线诉讼规则第二十七条), with the parties' faces hidden if chosen. Starting a
 * stream already live only changes whether faces are hidden. Throws `hearing_not_found`, `forbidden`,
 * `hearing_not_public` (the reason in `details`), `hearing_status_conflict`.
 */
export async function startLive(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: { hideFaces: boolean },
): Promise<LiveStreamRow> {
  const user = requireUser(meta.actor);
  const { hearing } = await loadHearingForBroadcast(context.db, meta.actor, hearingId, "operate");
  assertMayStream(hearing);
  assertSitting(hearing);
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertMayStream(current);
    assertSitting(current);
    const live = await lockLiveStream(trx, hearingId);
    if (live) {
      if (live.hide_faces === input.hideFaces) return live;
      const changed = await setHideFaces(trx, live.id, input.hideFaces);
      await recordHearingAct(trx, meta, {
        hearing: current,
        action: "hearing.live_faces_changed",
        courtEvent: null,
        data: { streamId: live.id, hideFaces: input.hideFaces },
      });
      return changed;
    }
    const stream = await insertStream(trx, {
      hearingId,
      hideFaces: input.hideFaces,
      startedBy: user.userId,
      now: meta.now,
    });
    await recordHearingAct(trx, meta, {
      hearing: current,
      action: "hearing.live_started",
      courtEvent: "hearing_live_started",
      data: { streamId: stream.id, hideFaces: input.hideFaces },
    });
    // Should nobody stop it, the stream is closed once the hearing no longer sits.
    await scheduleRecordingSeal(trx, hearingId, meta.now);
    return stream;
  });
}
