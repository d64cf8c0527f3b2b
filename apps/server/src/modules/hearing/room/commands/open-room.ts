import { randomBytes } from "node:crypto";
import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { partyAccounts } from "../../hearing.access";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing, updateHearing, type HearingRow } from "../../hearing.repository";
import { assertControl, loadRoomFor } from "../room.access";
import { insertRoom } from "../room.repository";
import { isOpeningDay } from "../room.rules";

/**
 * The judge or the hearing's clerk opens the room of an online hearing on its day (在线诉讼规则第二十一条,
 * 互联网法院规定第十二条): the hearing starts sitting (scheduled → in_progress) and the parties are told. With
 * `requiresFaceCheck` the parties and agents pass a face check before entering (在线诉讼规则第七条第三款).
 * Throws `hearing_not_found`, `forbidden`, `hearing_room_not_online`, `hearing_room_not_today`,
 * `hearing_status_conflict`.
 */
export async function openRoom(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  options: { requiresFaceCheck: boolean } = { requiresFaceCheck: false },
): Promise<HearingRow> {
  const { requiresFaceCheck } = options;
  const access = await loadRoomFor(context.db, meta.actor, hearingId);
  assertControl(access.identity, "open");
  if (meta.actor.kind !== "user") throw new AppError("authentication_required");
  const userId = meta.actor.userId;
  if (access.hearing.mode !== "online") throw new AppError("hearing_room_not_online");
  assertOpenable(access.hearing, meta.now);
  return inTransaction(context.db, async (trx) => {
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertOpenable(current, meta.now);
    const hearing = await updateHearing(
      trx,
      hearingId,
      { status: "in_progress", room_key: randomBytes(16).toString("base64url") },
      meta.now,
    );
    await insertRoom(trx, { hearingId, openedBy: userId, requiresFaceCheck, now: meta.now });
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.room_opened",
      courtEvent: "hearing_room_opened",
      data: { hearingId, startsAt: current.starts_at.toISOString(), requiresFaceCheck },
      inbox: [
        {
          recipientIds: partyAccounts(access.parts),
          kind: "hearing_room_opened",
          params: { caseNumber: access.row.case_number },
        },
      ],
    });
    return hearing;
  });
}

function assertOpenable(hearing: HearingRow, now: Date): void {
  if (hearing.status !== "scheduled") {
    throw new AppError("hearing_status_conflict", [
      {
        code: "open",
        message: `open is not allowed from ${hearing.status}`,
        params: { from: hearing.status },
      },
    ]);
  }
  if (!isOpeningDay(hearing.starts_at, now)) {
    throw new AppError("hearing_room_not_today", [
      {
        code: "not_today",
        message: "the room opens on the day of the hearing",
        params: { startsAt: hearing.starts_at.toISOString() },
      },
    ]);
  }
}
