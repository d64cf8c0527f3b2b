import { z } from "zod";

export const ZRoomParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });
export const ZFaceCheckParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  checkId: z.uuid().describe("Face check id"),
});

export const ZOpenRoomRequest = z.strictObject({
  requiresFaceCheck: z
    .boolean()
    .default(false)
    .describe(
      "Parties and agents pass a face check before entering (在线诉讼规则第七条第三款); the court never does",
    ),
});
export type TOpenRoomRequest = z.infer<typeof ZOpenRoomRequest>;

export const ZFaceCheckStanding = z
  .enum(["not_required", "needed", "passed", "failed", "by_sight"])
  .describe(
    "not_required: no check asked (or the court itself); needed / failed: no entry until a check matches; " +
      "passed: the latest check matched; by_sight: the service could not decide or the account has no verified " +
      "ID number — the judge checks identity in person",
  );

export const ZFaceCheck = z.object({
  id: z.uuid(),
  hearingId: z.uuid(),
  role: z.enum(["party", "agent"]).describe("The participant's place in the hearing"),
  result: z
    .enum(["match", "mismatch", "error"])
    .describe("What the face/ID service answered; error: it could not decide"),
  provider: z.string().describe("The service that checked"),
  reference: z.string().describe("The service's own reference for the check"),
  score: z.number().nullable().describe("Similarity the service reported, 0 to 1"),
  checkedAt: z.iso.datetime(),
  imageUrl: z
    .string()
    .nullable()
    .describe("The photo, for the hearing's judge and clerk only (personal data); null for anyone else"),
});
export type TFaceCheck = z.infer<typeof ZFaceCheck>;

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
  faceCheck: z
    .object({
      isRequired: z.boolean().describe("The court asked parties and agents for a face check on opening"),
      standing: ZFaceCheckStanding,
      last: ZFaceCheck.nullable().describe("The caller's latest check for this hearing"),
    })
    .describe("The caller's face check at the room's door"),
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
  faceCheck: z
    .object({ standing: ZFaceCheckStanding, last: ZFaceCheck.nullable() })
    .nullable()
    .describe("The person's face check for this hearing; null when none was asked of them"),
});

export const ZAttendance = z.object({
  hearingId: z.uuid(),
  items: z.array(ZAttendanceEntry).describe("Every entry into the room, in order"),
});
export type TAttendance = z.infer<typeof ZAttendance>;
