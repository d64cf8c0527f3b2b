import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertControl, assertRoomOpen, loadRoomFor } from "../room.access";
import { findRoom, updateRoom } from "../room.repository";

/**
 * The judge declares a recess (休庭) or resumes the hearing; the act is recorded and every participant's
 * room shows it. Throws `hearing_not_found`, `forbidden`, `hearing_room_closed`, `hearing_status_conflict`
 * (already in recess, or not in recess).
 */
export async function recessHearing(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  isRecess: boolean,
): Promise<void> {
  const access = await loadRoomFor(context.db, meta.actor, hearingId);
  assertControl(access.identity, "recess");
  assertRoomOpen(access);
  await inTransaction(context.db, async (trx) => {
    const hearing = await lockHearing(trx, hearingId);
    const room = await findRoom(trx, hearingId);
    if (!hearing || !room) throw new AppError("hearing_not_found");
    assertRoomOpen({ ...access, hearing, room });
    if ((room.recess_since !== null) === isRecess) {
      throw new AppError("hearing_status_conflict", [
        {
          code: isRecess ? "recess" : "resume",
          message: isRecess ? "the court is already in recess" : "the court is not in recess",
          params: { from: room.recess_since ? "recess" : "sitting" },
        },
      ]);
    }
    await updateRoom(trx, hearingId, { recess_since: isRecess ? meta.now : null });
    await recordHearingAct(trx, meta, {
      hearing,
      action: isRecess ? "hearing.recessed" : "hearing.resumed",
      courtEvent: isRecess ? "hearing_recessed" : "hearing_resumed",
      data: { hearingId },
    });
  });
}
