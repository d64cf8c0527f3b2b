import { api } from "../../../platform/api-client";
import type { Hearing } from "../hearing.api";

// The online hearing room's API (`/api/hearings/:id/room…`) and socket messages. Shapes follow
// apps/server/src/modules/hearing/room/room.schemas.ts and room.protocol.ts.

export type RoomRole = "judge" | "clerk" | "party" | "agent";
export type PartyRole = "plaintiff" | "defendant" | "third_party";

export interface RoomPeer {
  peerId: string;
  role: RoomRole;
  partyRole: PartyRole | null;
  label: string;
  isAdmitted: boolean;
  isMuted: boolean;
  isMuteLocked: boolean;
  joinedAt: string;
}

/** Where a participant stands with the face check at the room's door (在线诉讼规则第七条第三款). */
export type FaceCheckStanding = "not_required" | "needed" | "passed" | "failed" | "by_sight";

export interface FaceCheck {
  id: string;
  hearingId: string;
  role: "party" | "agent";
  result: "match" | "mismatch" | "error";
  provider: string;
  reference: string;
  score: number | null;
  checkedAt: string;
  /** The photo, for the hearing's judge and clerk only. */
  imageUrl: string | null;
}

export interface RoomState {
  hearingId: string;
  caseId: string;
  startsAt: string;
  /** When the room was opened; the transcript's time stamps count from it. */
  openedAt: string | null;
  mode: "online" | "courtroom" | "asynchronous";
  status: "not_open" | "open" | "recess" | "ended";
  self: { role: RoomRole; partyRole: PartyRole | null; label: string } | null;
  isAdmitted: boolean;
  faceCheck: { isRequired: boolean; standing: FaceCheckStanding; last: FaceCheck | null };
  can: {
    enter: boolean;
    open: boolean;
    admit: boolean;
    mute: boolean;
    remove: boolean;
    recess: boolean;
    end: boolean;
    readAttendance: boolean;
  };
  present: RoomPeer[];
  iceServers: RTCIceServer[];
  meshLimit: number;
  socketPath: string;
}

export interface AttendanceEntry {
  id: string;
  role: RoomRole;
  partyRole: PartyRole | null;
  name: string;
  joinedAt: string;
  admittedAt: string | null;
  leftAt: string | null;
  removedAt: string | null;
  reason: string | null;
  faceCheck: { standing: FaceCheckStanding; last: FaceCheck | null } | null;
}

export interface RoomDisplay {
  caseId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  url: string;
  byPeerId: string;
  byLabel: string;
}

export interface ChatEntry {
  id: string;
  fromPeerId: string;
  label: string;
  role: RoomRole;
  text: string;
  sentAt: string;
}

export type RoomErrorCode =
  | "bad_message"
  | "rate_limited"
  | "not_admitted"
  | "not_allowed"
  | "peer_not_found"
  | "mute_locked"
  | "file_not_found"
  | "in_recess"
  | "face_check_required";

export type Signal =
  | { description: RTCSessionDescriptionInit }
  | { candidate: RTCIceCandidateInit | null }
  /** The sender rebuilt its connection to the addressee: start afresh too. */
  | { reset: true };

export type ServerMessage =
  | {
      type: "welcome";
      self: { peerId: string; role: RoomRole; partyRole: PartyRole | null; label: string };
      isAdmitted: boolean;
      isRecess: boolean;
    }
  | { type: "waiting" }
  | { type: "admitted"; chat: ChatEntry[]; display: RoomDisplay | null }
  | { type: "roster"; peers: RoomPeer[] }
  | { type: "signal"; from: string; data: Signal }
  | { type: "chat"; entry: ChatEntry }
  | { type: "display"; display: RoomDisplay | null }
  | { type: "muted"; isLocked: boolean; by: string }
  | { type: "unmute-allowed" }
  | { type: "recess"; isRecess: boolean }
  | { type: "removed"; reason: string }
  | { type: "ended" }
  | { type: "pong" }
  | { type: "error"; code: RoomErrorCode; message: string };

export type ClientMessage =
  | { type: "signal"; to: string; data: Signal }
  | { type: "chat"; text: string }
  | { type: "display"; caseId: string; fileId: string }
  | { type: "stop-display" }
  | { type: "admit"; peerId: string }
  | { type: "mute"; peerId: string; locked: boolean }
  | { type: "allow-unmute"; peerId: string }
  | { type: "self-mute"; muted: boolean }
  | { type: "remove"; peerId: string; reason: string };

/** Close codes the server uses. */
export const CLOSE_ENDED = 4000;
export const CLOSE_REMOVED = 4003;
export const CLOSE_REPLACED = 4009;
/** The room requires a face check this participant has not passed. */
export const CLOSE_FACE_CHECK = 4001;

export const roomApi = {
  get: (hearingId: string, signal?: AbortSignal) =>
    api.get<RoomState>(`/api/hearings/${hearingId}/room`, { signal }),
  open: (hearingId: string, options: { requiresFaceCheck: boolean } = { requiresFaceCheck: false }) =>
    api.post<Hearing>(`/api/hearings/${hearingId}/room/open`, options),
  /** The photo from the participant's camera for the face check (multipart part `file`). */
  faceCheck: (hearingId: string, photo: Blob, fileName: string) =>
    api.upload<FaceCheck>(`/api/hearings/${hearingId}/room/face-check`, {}, photo, fileName),
  end: (hearingId: string) => api.post<Hearing>(`/api/hearings/${hearingId}/room/end`, {}),
  recess: (hearingId: string) => api.post<RoomState>(`/api/hearings/${hearingId}/room/recess`, {}),
  resume: (hearingId: string) => api.post<RoomState>(`/api/hearings/${hearingId}/room/resume`, {}),
  attendance: (hearingId: string, signal?: AbortSignal) =>
    api.get<{ hearingId: string; items: AttendanceEntry[] }>(`/api/hearings/${hearingId}/attendance`, {
      signal,
    }),
};
