import { z } from "zod";

export const ZRoomParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });

const ZRoomRole = z
  .enum(["judge", "clerk", "party", "agent"])
  .describe("The participant's place in the hearing");
const ZPartyRole = z
  .enum(["plaintiff", "defendant", "third_party"])
  .nullable()
  .describe("For a party or agent: the side they stand for");

export const ZIceServer = z.object({
  urls: z.array(z.string()).describe("STUN/TURN URLs (stun:, turn:, turns:)"),
  username: z.string().optional().describe("TURN user name"),
  credential: z.string().optional().describe("TURN credential"),
});
export type TIceServer = z.infer<typeof ZIceServer>;

export const ZRoomPeer = z.object({
  peerId: z.uuid().describe("The participant's id in this room (their attendance record)"),
  role: ZRoomRole,
  partyRole: ZPartyRole,
  label: z.string().describe("Name as the court shows it"),
  isAdmitted: z.boolean().describe("Admitted from the waiting room"),
  isMuted: z.boolean().describe("Microphone off"),
  isMuteLocked: z.boolean().describe("Muted by the court; may not unmute until allowed"),
  joinedAt: z.iso.datetime().describe("When they entered"),
});

export const ZRoomState = z.object({
  hearingId: z.uuid(),
  caseId: z.uuid(),
  startsAt: z.iso.datetime().describe("The sitting's start"),
  openedAt: z.iso
    .datetime()
    .nullable()
    .describe("When the room was opened: the hearing's time stamps (transcript, recording) count from it"),
  mode: z.enum(["online", "courtroom", "asynchronous"]).describe("How the court sits"),
  status: z
    .enum(["not_open", "open", "recess", "ended"])
    .describe("not_open: the court has not opened the room; recess: 休庭; ended: the hearing was held"),
  self: z
    .object({ role: ZRoomRole, partyRole: ZPartyRole, label: z.string() })
    .nullable()
    .describe("The caller's place in the room; null when the caller does not take part"),
  isAdmitted: z.boolean().describe("The caller is in the room now and admitted"),
  can: z
    .object({
      enter: z.boolean(),
      open: z.boolean(),
      admit: z.boolean(),
      mute: z.boolean(),
      remove: z.boolean(),
      recess: z.boolean(),
      end: z.boolean(),
      readAttendance: z.boolean(),
    })
    .describe("What the caller may do now"),
  present: z.array(ZRoomPeer).describe("Who is in the room (the court also sees who waits)"),
  iceServers: z.array(ZIceServer).describe("ICE servers for the browsers' peer connections"),
  meshLimit: z.number().int().describe("Participants a browser mesh carries; beyond it an SFU"),
  socketPath: z.string().describe("The signalling socket's path"),
});
export type TRoomState = z.infer<typeof ZRoomState>;

export const ZAttendanceEntry = z.object({
  id: z.uuid(),
  role: ZRoomRole,
  partyRole: ZPartyRole,
  name: z.string(),
  joinedAt: z.iso.datetime(),
  admittedAt: z.iso.datetime().nullable(),
  leftAt: z.iso.datetime().nullable(),
  removedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable().describe("Why the court ordered them to leave"),
});

export const ZAttendance = z.object({
  hearingId: z.uuid(),
  items: z.array(ZAttendanceEntry).describe("Every entry into the room, in order"),
});
export type TAttendance = z.infer<typeof ZAttendance>;
