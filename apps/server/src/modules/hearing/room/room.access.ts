import { AppError, type Actor, type Executor } from "../../../platform";
import { findAccountIdentity } from "../../identity/index";
import { loadHearingFor, type CaseAccess } from "../hearing.access";
import type { HearingRow } from "../hearing.repository";
import { findRoom, lastFaceCheckOf, type FaceCheckRow, type RoomRow } from "./room.repository";
import {
  faceCheckStanding,
  mayControl,
  type FaceCheckStanding,
  type PartyRole,
  type RoomControl,
  type RoomIdentity,
} from "./room.rules";

export interface RoomAccess extends CaseAccess {
  hearing: HearingRow;
  room: RoomRow | undefined;
  /** How the actor stands in the room; null for whoever may see the case but not enter. */
  identity: RoomIdentity | null;
}

function asPartyRole(role: string | null | undefined): PartyRole | null {
  return role === "plaintiff" || role === "defendant" || role === "third_party" ? role : null;
}

/**
 * Who the actor is in the hearing: the judge who tries it, the clerk named for it, a party or an active
 * agent of a party (民事诉讼法第一百四十条: the clerk checks the parties and other participants). Anyone
 * else — a clerk of the court not named, an administrator, the public — does not enter.
 */
export function identityIn(actor: Actor, access: CaseAccess & { hearing: HearingRow }): RoomIdentity | null {
  if (actor.kind !== "user") return null;
  const { hearing, parts } = access;
  if (hearing.judge_id === actor.userId && access.relation.isAssignedJudge)
    return { role: "judge", partyRole: null, name: actor.name };
  if (hearing.clerk_id === actor.userId && access.relation.isClerk)
    return { role: "clerk", partyRole: null, name: actor.name };
  const party = parts.parties.find((p) => p.user_id === actor.userId);
  if (party) return { role: "party", partyRole: asPartyRole(party.role), name: party.name };
  const agent = parts.agents.find((a) => a.user_id === actor.userId && a.status === "active");
  if (agent) {
    const represented = parts.parties.find((p) => p.id === agent.party_id);
    return { role: "agent", partyRole: asPartyRole(represented?.role), name: agent.name };
  }
  return null;
}

/**
 * Loads a hearing's room for the actor: `hearing_not_found` (404) for whoever may not see the case (a
 * party of another case, staff of another court, the public).
 */
export async function loadRoomFor(db: Executor, actor: Actor, hearingId: string): Promise<RoomAccess> {
  const access = await loadHearingFor(db, actor, hearingId);
  const room = await findRoom(db, hearingId);
  return { ...access, room, identity: identityIn(actor, access) };
}

/** The actor must be a participant of the hearing (403 `forbidden`, detail `not_a_participant`). */
export function assertParticipant(access: RoomAccess): RoomIdentity {
  if (!access.identity) {
    throw new AppError("forbidden", [
      { code: "not_a_participant", message: "only the participants of this hearing enter its room" },
    ]);
  }
  return access.identity;
}

/** The actor must hold the control (403 `forbidden`). */
export function assertControl(identity: RoomIdentity | null, control: RoomControl): RoomIdentity {
  if (!identity || !mayControl(identity.role, control)) {
    throw new AppError("forbidden", [
      {
        code:
          control === "remove" || control === "recess" || control === "end"
            ? "judge_only"
            : "judge_or_clerk_only",
        message: `${control} is not yours to do in this room`,
      },
    ]);
  }
  return identity;
}

/** The room must be open and sitting (409 `hearing_room_closed`). */
export function assertRoomOpen(access: RoomAccess): RoomRow {
  if (!access.room || access.room.ended_at !== null || access.hearing.status !== "in_progress") {
    throw new AppError("hearing_room_closed");
  }
  return access.room;
}

/**
 * The verified name and resident ID number a face is compared with (在线诉讼规则第七条: 实名注册与身份认证),
 * or null when the account has none: an organisation, or a person not verified.
 */
export async function verifiedIdentityOf(
  db: Executor,
  userId: string,
): Promise<{ name: string; idNumber: string } | null> {
  const account = await findAccountIdentity(db, userId);
  if (!account?.isVerified || account.kind !== "person" || !account.idNumber) return null;
  return { name: account.name, idNumber: account.idNumber };
}

/** Where the account stands with the face check at this hearing's door, and its latest check. */
export async function faceCheckOf(
  db: Executor,
  access: RoomAccess,
  userId: string,
): Promise<{ isRequired: boolean; standing: FaceCheckStanding; last: FaceCheckRow | null }> {
  const isRequired = access.room?.requires_face_check ?? false;
  const role = access.identity?.role;
  if (!isRequired || role === undefined || role === "judge" || role === "clerk")
    return { isRequired, standing: "not_required", last: null };
  const last = (await lastFaceCheckOf(db, access.hearing.id, userId)) ?? null;
  const canBeChecked = last !== null || (await verifiedIdentityOf(db, userId)) !== null;
  return {
    isRequired,
    standing: faceCheckStanding({ role, isRequired, lastResult: last?.result ?? null, canBeChecked }),
    last,
  };
}
