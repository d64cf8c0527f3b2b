// The rules of the online hearing room as pure functions: when the room may be opened, who enters it
// and in which role, who controls it, and the limits of its signalling. Instants are parameters.

import { courtDateOf } from "../../courts/index";
import type { FaceCheckResultValue, PartyRoleValue, RoomRoleValue } from "./room.tables";

/** A socket frame larger than this is refused (the socket closes with 1009). */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Messages a connection may send per second on average, and in a burst. */
export const MESSAGES_PER_SECOND = 40;
export const MESSAGE_BURST = 120;
/** The longest chat message (characters). */
export const MAX_CHAT_LENGTH = 2000;
/** The longest reason for removing a participant. */
export const MAX_REASON_LENGTH = 500;
/** A mesh of browsers carries this many participants well; beyond it a court plugs in an SFU. */
export const MESH_LIMIT = 6;
/** Heartbeat: a ping every interval; a connection that missed one pong is closed. */
export const HEARTBEAT_MS = 20_000;

export type RoomRole = RoomRoleValue;
export type PartyRole = PartyRoleValue;

/** How a signed-in account stands in a hearing's room, or null when it may not enter. */
export interface RoomIdentity {
  role: RoomRole;
  partyRole: PartyRole | null;
  name: string;
}

/**
 * Whether the room may be opened now: only on the court day of the sitting (the judge may open early
 * that day, for the clerk to check who is present before it starts, 民事诉讼法第一百四十条).
 */
export function isOpeningDay(startsAt: Date, now: Date): boolean {
  return courtDateOf(startsAt) === courtDateOf(now);
}

/** The judge and the hearing's clerk are admitted at once; parties and agents wait to be admitted. */
export function isAdmittedOnEntry(role: RoomRole): boolean {
  return role === "judge" || role === "clerk";
}

/** Acts inside the room and who may take them. */
export type RoomControl = "admit" | "mute" | "remove" | "recess" | "end" | "open" | "display" | "attendance";

/**
 * 民事诉讼法第一百四十条: the clerk checks who is present, so the clerk admits and mutes as the judge
 * does; removing a participant (第一百一十三条: 责令退出法庭), recess and ending the hearing are the
 * judge's. Every admitted participant may show the court an evidence file (在线诉讼规则第二十二条: 举证、质证).
 */
export function mayControl(role: RoomRole, control: RoomControl): boolean {
  switch (control) {
    case "admit":
    case "mute":
    case "attendance":
    case "open":
      return role === "judge" || role === "clerk";
    case "remove":
    case "recess":
    case "end":
      return role === "judge";
    case "display":
      return true;
  }
}

/** A participant returning after a dropped connection is admitted again unless removed since. */
export function isReadmittedOnReturn(
  previous: { admitted_at: Date | null; removed_at: Date | null } | undefined,
): boolean {
  return previous !== undefined && previous.admitted_at !== null && previous.removed_at === null;
}

/** A token bucket per connection: true when the message may pass. */
export function takeToken(
  bucket: { tokens: number; at: number },
  nowMs: number,
  rate = MESSAGES_PER_SECOND,
  burst = MESSAGE_BURST,
): boolean {
  bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * rate);
  bucket.at = nowMs;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** Whether an Origin header is one the site is served at (a page elsewhere may not use the cookie). */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true; // not a browser: the session cookie still decides
  return allowed.includes(origin.replace(/\/$/, ""));
}

/** The largest photo a face check takes (a still from the camera is far smaller). */
export const FACE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** The photo's types: a still from the camera, as the browser's canvas writes it. */
export const FACE_IMAGE_TYPES = ["image/jpeg", "image/png"] as const;

/**
 * Where a participant stands with the face check at the room's door:
 * - `not_required`: the court did not ask for it, or the participant is the court (judge, clerk);
 * - `needed`: not yet checked; `failed`: the latest check did not match — both keep them out;
 * - `passed`: the latest check matched;
 * - `by_sight`: the service could not decide, or the account has no verified ID number to compare with —
 *   they enter the waiting room and the judge checks them by sight before admitting them.
 */
export type FaceCheckStanding = "not_required" | "needed" | "passed" | "failed" | "by_sight";

/**
 * 在线诉讼规则第七条第三款: the court verifies the identity of the parties again before an online hearing,
 * and otherwise (确有必要的) by other means; 民事诉讼法第一百四十条: the clerk checks who is present. A
 * failure of the service is not the participant's fault, so it does not keep them out.
 */
export function faceCheckStanding(input: {
  role: RoomRole;
  isRequired: boolean;
  lastResult: FaceCheckResultValue | null;
  canBeChecked: boolean;
}): FaceCheckStanding {
  if (!input.isRequired || input.role === "judge" || input.role === "clerk") return "not_required";
  switch (input.lastResult) {
    case "match":
      return "passed";
    case "mismatch":
      return "failed";
    case "error":
      return "by_sight";
    case null:
      return input.canBeChecked ? "needed" : "by_sight";
  }
}

/** Whether the standing lets the participant into the room (its waiting room, for parties and agents). */
export function mayEnterAfterFaceCheck(standing: FaceCheckStanding): boolean {
  return standing !== "needed" && standing !== "failed";
}

/** The NOTIFY channel the nodes relay room events on. */
export const HEARING_ROOM_CHANNEL = "netcourt_hearing_room";
