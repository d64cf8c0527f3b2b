import type { Generated } from "kysely";

/** The online hearing room's tables (migrations 20261209010000, 20261210010000). */
export interface HearingRoomTables {
  hearing_rooms: HearingRoomsTable;
  hearing_attendance: HearingAttendanceTable;
  hearing_room_chat: HearingRoomChatTable;
  hearing_room_relay: HearingRoomRelayTable;
  hearing_face_checks: HearingFaceChecksTable;
}

/** The evidence file shown to everyone in the room. */
export interface RoomDisplay {
  caseId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  url: string;
  byPeerId: string;
  byLabel: string;
}

export interface HearingRoomsTable {
  hearing_id: string;
  opened_at: Date;
  opened_by: string;
  requires_face_check: boolean;
  recess_since: Date | null;
  display: RoomDisplay | null;
  ended_at: Date | null;
  ended_by: string | null;
}

export type RoomRoleValue = "judge" | "clerk" | "party" | "agent";
export type PartyRoleValue = "plaintiff" | "defendant" | "third_party";

export interface HearingAttendanceTable {
  id: Generated<string>;
  hearing_id: string;
  user_id: string;
  role: RoomRoleValue;
  party_role: PartyRoleValue | null;
  name: string;
  joined_at: Date;
  admitted_at: Date | null;
  admitted_by: string | null;
  is_muted: Generated<boolean>;
  is_mute_locked: Generated<boolean>;
  left_at: Date | null;
  removed_at: Date | null;
  removed_by: string | null;
  reason: string | null;
}

export interface HearingRoomChatTable {
  id: Generated<string>;
  hearing_id: string;
  attendance_id: string;
  user_id: string;
  body: string;
  sent_at: Date;
}

export interface HearingRoomRelayTable {
  id: Generated<string>;
  payload: string;
  created_at: Date;
}

export type FaceCheckResultValue = "match" | "mismatch" | "error";

/** One face check of a party or agent at the room's door (在线诉讼规则第七条第三款). */
export interface HearingFaceChecksTable {
  id: Generated<string>;
  seq: Generated<number>;
  hearing_id: string;
  user_id: string;
  role: "party" | "agent";
  result: FaceCheckResultValue;
  provider: string;
  reference: string;
  score: number | null;
  /** The photo in the file store (stored_files); personal data, read by the hearing's judge and clerk. */
  image_sha256: string;
  image_media_type: "image/jpeg" | "image/png";
  image_size: number;
  checked_at: Date;
}
