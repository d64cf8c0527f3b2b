import type { Readable } from "node:stream";
import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { hearingRoleOf } from "../hearing.access";
import { faceCheckOf, loadRoomFor, verifiedIdentityOf, type RoomAccess } from "./room.access";
import {
  findFaceCheck,
  lastAttendanceOf,
  lastFaceChecks,
  listAttendance,
  listPresent,
  type FaceCheckRow,
} from "./room.repository";
import { MESH_LIMIT, faceCheckStanding, mayControl } from "./room.rules";
import type { TAttendance, TFaceCheck, TIceServer, TRoomState } from "./room.schemas";

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
  const faceCheck =
    actor.kind === "user"
      ? await faceCheckOf(context.db, access, actor.userId)
      : {
          isRequired: access.room?.requires_face_check ?? false,
          standing: "not_required" as const,
          last: null,
        };
  return {
    hearingId,
    caseId: access.hearing.case_id,
    startsAt: access.hearing.starts_at.toISOString(),
    openedAt: access.room?.opened_at.toISOString() ?? null,
    mode: access.hearing.mode,
    status,
    self: identity ? { role: identity.role, partyRole: identity.partyRole, label: identity.name } : null,
    isAdmitted: mine !== undefined && mine.left_at === null && mine.admitted_at !== null,
    faceCheck: {
      isRequired: faceCheck.isRequired,
      standing: faceCheck.standing,
      last: faceCheck.last ? presentFaceCheck(faceCheck.last, false) : null,
    },
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
  const isRequired = access.room?.requires_face_check ?? false;
  const checks = isRequired ? await lastFaceChecks(context.db, hearingId) : new Map<string, FaceCheckRow>();
  const canBeChecked = new Map<string, boolean>();
  for (const r of rows)
    if (isRequired && !checks.has(r.user_id) && (r.role === "party" || r.role === "agent"))
      canBeChecked.set(r.user_id, (await verifiedIdentityOf(context.db, r.user_id)) !== null);
  // The photo is for the hearing's judge and clerk only (个人信息保护法第二十八条: biometric data).
  const mayReadPhoto = mayReadFacePhoto(access);
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
      faceCheck:
        !isRequired || r.role === "judge" || r.role === "clerk"
          ? null
          : {
              standing: faceCheckStanding({
                role: r.role,
                isRequired,
                lastResult: checks.get(r.user_id)?.result ?? null,
                canBeChecked: canBeChecked.get(r.user_id) ?? true,
              }),
              last: checks.has(r.user_id) ? presentFaceCheck(checks.get(r.user_id)!, mayReadPhoto) : null,
            },
    })),
  };
}

/** A face check as the API shows it; the photo's address only to those who may read it. */
export function presentFaceCheck(row: FaceCheckRow, withPhoto: boolean): TFaceCheck {
  return {
    id: row.id,
    hearingId: row.hearing_id,
    role: row.role,
    result: row.result,
    provider: row.provider,
    reference: row.reference,
    score: row.score,
    checkedAt: row.checked_at.toISOString(),
    imageUrl: withPhoto ? `/api/hearings/${row.hearing_id}/room/face-checks/${row.id}/image` : null,
  };
}

/** Only the judge trying the hearing and the clerk named for it see a participant's face check photo. */
function mayReadFacePhoto(access: RoomAccess): boolean {
  return access.identity?.role === "judge" || access.identity?.role === "clerk";
}

/**
 * The photo of a face check, for the hearing's judge and clerk. Throws `hearing_not_found` (whoever may
 * not see the case), `forbidden` (the parties, their agents, other court staff), `file_not_found`.
 */
export async function openFaceCheckPhoto(
  context: AppContext,
  actor: Actor,
  hearingId: string,
  checkId: string,
): Promise<{ mediaType: string; size: number; stream: Readable }> {
  const access = await loadRoomFor(context.db, actor, hearingId);
  if (!mayReadFacePhoto(access)) {
    throw new AppError("forbidden", [
      { code: "judge_or_clerk_only", message: "only the hearing's judge and clerk see the photo" },
    ]);
  }
  const row = await findFaceCheck(context.db, hearingId, checkId);
  if (!row) throw new AppError("file_not_found");
  return {
    mediaType: row.image_media_type,
    size: row.image_size,
    stream: await context.files.open(row.image_sha256),
  };
}
