import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { recordHearingAct } from "../../hearing.events";
import { scheduleRecordingSeal } from "../../recording/index";
import { lockHearing, updateHearing, type HearingRow } from "../../hearing.repository";
import { assertControl, assertRoomOpen, loadRoomFor } from "../room.access";
import { findRoom, leaveAll, listAttendance, updateRoom } from "../room.repository";

/**
 * The judge ends the hearing (in_progress → held): everyone still in the room leaves it and the record of
 * who was present when is closed. Other parts (recording, transcript) read the status `held`. Throws
 * `hearing_not_found`, `forbidden`, `hearing_room_closed`.
 */
export async function endHearing(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
): Promise<HearingRow> {
  const access = await loadRoomFor(context.db, meta.actor, hearingId);
  assertControl(access.identity, "end");
  assertRoomOpen(access);
  if (meta.actor.kind !== "user") throw new AppError("authentication_required");
  const userId = meta.actor.userId;
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearingId);
    const room = await findRoom(trx, hearingId);
    if (!current || !room) throw new AppError("hearing_not_found");
    assertRoomOpen({ ...access, hearing: current, room });
    const hearing = await updateHearing(trx, hearingId, { status: "held" }, meta.now);
    await updateRoom(trx, hearingId, {
      ended_at: meta.now,
      ended_by: userId,
      recess_since: null,
      display: null,
    });
    await leaveAll(trx, hearingId, meta.now);
    // The recording's hash reaches the ledger a minute after the end, once the clerk's last chunks are in
    // (庭审录音录像规定第三条: the recording is kept whole from the opening to the close).
    await scheduleRecordingSeal(trx, hearingId, meta.now, 60_000);
    const attendance = await listAttendance(trx, hearingId);
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.held",
      courtEvent: "hearing_held",
      data: {
        hearingId,
        openedAt: room.opened_at.toISOString(),
        endedAt: meta.now.toISOString(),
        // 民事诉讼法第一百四十条: who was present, as the clerk records it (names stay in the case file).
        attendance: attendance.map((a) => ({
          attendanceId: a.id,
          role: a.role,
          partyRole: a.party_role,
          joinedAt: a.joined_at.toISOString(),
          admittedAt: a.admitted_at?.toISOString() ?? null,
          leftAt: (a.left_at ?? meta.now).toISOString(),
          removedAt: a.removed_at?.toISOString() ?? null,
        })),
      },
    });
    return hearing;
  });
}
