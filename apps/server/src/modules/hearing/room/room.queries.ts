import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { hearingRoleOf } from "../hearing.access";
import { loadRoomFor, type RoomAccess } from "./room.access";
import { lastAttendanceOf, listAttendance, listPresent } from "./room.repository";
import { MESH_LIMIT, mayControl } from "./room.rules";
import type { TAttendance, TIceServer, TRoomState } from "./room.schemas";

function statusOf(access: RoomAccess): TRoomState["status"] {
  if (!access.room) return "not_open";
  if (access.room.ended_at !== null || access.hearing.status !== "in_progress") return "ended";
  return access.room.recess_since !== null ? "recess" : "open";
}

/** The room as the caller sees it: their place, who is present, the ICE servers. Throws `hearing_not_found`. */
export async function getRoomState(
  context: AppContext,
  actor: Actor,
  hearingId: string,
  iceServers: TIceServer[],
): Promise<TRoomState> {
  const access = await loadRoomFor(context.db, actor, hearingId);
  const status = statusOf(access);
  const identity = access.identity;
  const role = identity?.role;
  const can = (control: Parameters<typeof mayControl>[1]) =>
    role !== undefined && mayControl(role, control) && (status === "open" || status === "recess");
  const present = status === "open" || status === "recess" ? await listPresent(context.db, hearingId) : [];
  const seesWaiting = role !== undefined && mayControl(role, "admit");
  const mine =
    actor.kind === "user" ? await lastAttendanceOf(context.db, hearingId, actor.userId) : undefined;
  return {
    hearingId,
    caseId: access.hearing.case_id,
    startsAt: access.hearing.starts_at.toISOString(),
    openedAt: access.room?.opened_at.toISOString() ?? null,
    mode: access.hearing.mode,
    status,
    self: identity ? { role: identity.role, partyRole: identity.partyRole, label: identity.name } : null,
    isAdmitted: mine !== undefined && mine.left_at === null && mine.admitted_at !== null,
    can: {
      enter: identity !== null && (status === "open" || status === "recess"),
      open:
        role !== undefined &&
        mayControl(role, "open") &&
        status === "not_open" &&
        access.hearing.mode === "online",
      admit: can("admit"),
      mute: can("mute"),
      remove: can("remove"),
      recess: can("recess"),
      end: can("end"),
      readAttendance: mayReadAttendance(actor, access),
    },
    present: present
      .filter((p) => seesWaiting || p.admitted_at !== null)
      .map((p) => ({
        peerId: p.id,
        role: p.role,
        partyRole: p.party_role,
        label: p.name,
        isAdmitted: p.admitted_at !== null,
        isMuted: p.is_muted,
        isMuteLocked: p.is_mute_locked,
        joinedAt: p.joined_at.toISOString(),
      })),
    iceServers: identity ? iceServers : [],
    meshLimit: MESH_LIMIT,
    socketPath: `/api/hearings/${hearingId}/room/socket`,
  };
}

/** 民事诉讼法第一百四十条: the judge and the clerk keep the record of who is present; the court's staff read it. */
function mayReadAttendance(actor: Actor, access: RoomAccess): boolean {
  if (access.identity && mayControl(access.identity.role, "attendance")) return true;
  return hearingRoleOf(actor, access.relation, access.hearing).isCourtStaff;
}

/** Who was present when. Throws `hearing_not_found`, `forbidden` (parties, agents). */
export async function getAttendance(
  context: AppContext,
  actor: Actor,
  hearingId: string,
): Promise<TAttendance> {
  const access = await loadRoomFor(context.db, actor, hearingId);
  if (!mayReadAttendance(actor, access)) {
    throw new AppError("forbidden", [
      { code: "judge_or_clerk_only", message: "the court keeps the record of attendance" },
    ]);
  }
  const rows = await listAttendance(context.db, hearingId);
  return {
    hearingId,
    items: rows.map((r) => ({
      id: r.id,
      role: r.role,
      partyRole: r.party_role,
      name: r.name,
      joinedAt: r.joined_at.toISOString(),
      admittedAt: r.admitted_at?.toISOString() ?? null,
      leftAt: r.left_at?.toISOString() ?? null,
      removedAt: r.removed_at?.toISOString() ?? null,
      reason: r.reason,
    })),
  };
}
