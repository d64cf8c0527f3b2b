// The messages of the hearing room's socket. The client sends JSON text frames of `ZClientMessage`;
// the server answers with `ServerMessage`s. A bad message gets an `error` with a stable code and the
// connection stays open.

import { textIssue } from "@netcourt/shared/text-checks";
import { z } from "zod";
import { MAX_CHAT_LENGTH, MAX_REASON_LENGTH, type PartyRole, type RoomRole } from "./room.rules";
import type { RoomDisplay } from "./room.tables";

const storable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => textIssue(value) === null, { message: "text_invalid" });

/** A WebRTC session description or ICE candidate, relayed as it is (the browsers read it). */
const ZSignal = z.union([
  z.strictObject({
    description: z.strictObject({
      type: z.enum(["offer", "answer", "pranswer", "rollback"]),
      sdp: z.string().max(60_000).optional(),
    }),
  }),
  z.strictObject({
    candidate: z
      .strictObject({
        candidate: z.string().max(2000),
        sdpMid: z.string().max(64).nullish(),
        sdpMLineIndex: z.number().int().min(0).max(1000).nullish(),
        usernameFragment: z.string().max(256).nullish(),
      })
      .nullable(),
  }),
  // The sender rebuilt its connection to the addressee (it had not connected): start afresh too.
  z.strictObject({ reset: z.literal(true) }),
]);

export const ZClientMessage = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("signal"), to: z.uuid(), data: ZSignal }),
  z.strictObject({ type: z.literal("chat"), text: storable(MAX_CHAT_LENGTH) }),
  z.strictObject({ type: z.literal("display"), caseId: z.uuid(), fileId: z.uuid() }),
  z.strictObject({ type: z.literal("stop-display") }),
  z.strictObject({ type: z.literal("admit"), peerId: z.uuid() }),
  z.strictObject({ type: z.literal("mute"), peerId: z.uuid(), locked: z.boolean().default(false) }),
  z.strictObject({ type: z.literal("allow-unmute"), peerId: z.uuid() }),
  z.strictObject({ type: z.literal("self-mute"), muted: z.boolean() }),
  z.strictObject({ type: z.literal("remove"), peerId: z.uuid(), reason: storable(MAX_REASON_LENGTH) }),
  z.strictObject({ type: z.literal("ping"), sentAt: z.number().optional() }),
]);
export type ClientMessage = z.infer<typeof ZClientMessage>;

/** A participant as the others see them. */
export interface RosterPeer {
  peerId: string;
  role: RoomRole;
  partyRole: PartyRole | null;
  label: string;
  isAdmitted: boolean;
  isMuted: boolean;
  isMuteLocked: boolean;
  joinedAt: string;
}

export type RoomStatus = "waiting" | "admitted" | "recess" | "ended";

export interface ChatEntry {
  id: string;
  fromPeerId: string;
  label: string;
  role: RoomRole;
  text: string;
  sentAt: string;
}

/** Stable codes of the `error` message. */
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

export type ServerMessage =
  | {
      type: "welcome";
      self: { peerId: string; role: RoomRole; partyRole: PartyRole | null; label: string };
      isAdmitted: boolean;
      isRecess: boolean;
    }
  | { type: "waiting" }
  | { type: "admitted"; chat: ChatEntry[]; display: RoomDisplay | null }
  | { type: "roster"; peers: RosterPeer[] }
  | { type: "signal"; from: string; data: unknown; sentAt?: number }
  | { type: "chat"; entry: ChatEntry }
  | { type: "display"; display: RoomDisplay | null }
  | { type: "muted"; isLocked: boolean; by: string }
  | { type: "unmute-allowed" }
  | { type: "recess"; isRecess: boolean }
  | { type: "removed"; reason: string }
  | { type: "ended" }
  | { type: "pong"; sentAt?: number }
  | { type: "error"; code: RoomErrorCode; message: string };
