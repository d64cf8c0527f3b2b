import { sql } from "kysely";
import type { Executor } from "../../../platform";
import type { HearingFaceChecksTable, PartyRoleValue, RoomDisplay, RoomRoleValue } from "./room.tables";

export async function findRoom(db: Executor, hearingId: string) {
  return db.selectFrom("hearing_rooms").selectAll().where("hearing_id", "=", hearingId).executeTakeFirst();
}

export type RoomRow = NonNullable<Awaited<ReturnType<typeof findRoom>>>;

export async function insertRoom(
  trx: Executor,
  values: { hearingId: string; openedBy: string; requiresFaceCheck: boolean; now: Date },
): Promise<void> {
  await trx
    .insertInto("hearing_rooms")
    .values({
      hearing_id: values.hearingId,
      opened_at: values.now,
      opened_by: values.openedBy,
      requires_face_check: values.requiresFaceCheck,
      recess_since: null,
      display: null,
      ended_at: null,
      ended_by: null,
    })
    .execute();
}

export async function updateRoom(
  trx: Executor,
  hearingId: string,
  values: Partial<{
    recess_since: Date | null;
    display: RoomDisplay | null;
    ended_at: Date;
    ended_by: string;
  }>,
): Promise<void> {
  const set = { ...values, ...(values.display !== undefined ? { display: jsonOrNull(values.display) } : {}) };
  await trx
    .updateTable("hearing_rooms")
    .set(set as never)
    .where("hearing_id", "=", hearingId)
    .execute();
}

function jsonOrNull(value: RoomDisplay | null) {
  return value === null ? null : sql`${JSON.stringify(value)}::jsonb`;
}

const attendanceColumns = [
  "id",
  "hearing_id",
  "user_id",
  "role",
  "party_role",
  "name",
  "joined_at",
  "admitted_at",
  "admitted_by",
  "is_muted",
  "is_mute_locked",
  "left_at",
  "removed_at",
  "removed_by",
  "reason",
] as const;

export async function insertAttendance(
  db: Executor,
  values: {
    hearingId: string;
    userId: string;
    role: RoomRoleValue;
    partyRole: PartyRoleValue | null;
    name: string;
    now: Date;
    admitted: boolean;
  },
) {
  return db
    .insertInto("hearing_attendance")
    .values({
      hearing_id: values.hearingId,
      user_id: values.userId,
      role: values.role,
      party_role: values.partyRole,
      name: values.name,
      joined_at: values.now,
      admitted_at: values.admitted ? values.now : null,
      admitted_by: null,
      left_at: null,
      removed_at: null,
      removed_by: null,
      reason: null,
    })
    .returning(attendanceColumns)
    .executeTakeFirstOrThrow();
}

export type AttendanceRow = Awaited<ReturnType<typeof insertAttendance>>;

export async function findAttendance(db: Executor, id: string): Promise<AttendanceRow | undefined> {
  return db
    .selectFrom("hearing_attendance")
    .select(attendanceColumns)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The account's last entry into the room before this one. */
export async function lastAttendanceOf(db: Executor, hearingId: string, userId: string) {
  return db
    .selectFrom("hearing_attendance")
    .select(attendanceColumns)
    .where("hearing_id", "=", hearingId)
    .where("user_id", "=", userId)
    .orderBy("joined_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Everyone in the room now (admitted or waiting), in the order they came. */
export async function listPresent(db: Executor, hearingId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom("hearing_attendance")
    .select(attendanceColumns)
    .where("hearing_id", "=", hearingId)
    .where("left_at", "is", null)
    .orderBy("joined_at")
    .orderBy("id")
    .execute();
}

/** The whole record of who was present when. */
export async function listAttendance(db: Executor, hearingId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom("hearing_attendance")
    .select(attendanceColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("joined_at")
    .orderBy("id")
    .execute();
}

export async function admitAttendance(db: Executor, id: string, by: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("hearing_attendance")
    .set({ admitted_at: now, admitted_by: by })
    .where("id", "=", id)
    .where("admitted_at", "is", null)
    .where("left_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setMuted(db: Executor, id: string, muted: boolean, locked: boolean): Promise<void> {
  await db
    .updateTable("hearing_attendance")
    .set({ is_muted: muted, is_mute_locked: locked })
    .where("id", "=", id)
    .execute();
}

export async function removeAttendance(
  db: Executor,
  id: string,
  values: { by: string; reason: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("hearing_attendance")
    .set({ removed_at: values.now, removed_by: values.by, reason: values.reason, left_at: values.now })
    .where("id", "=", id)
    .where("left_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function leaveAttendance(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable("hearing_attendance")
    .set({ left_at: now })
    .where("id", "=", id)
    .where("left_at", "is", null)
    .execute();
}

/** Everyone still in the room leaves when the hearing ends. */
export async function leaveAll(db: Executor, hearingId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("hearing_attendance")
    .set({ left_at: now })
    .where("hearing_id", "=", hearingId)
    .where("left_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertChat(
  db: Executor,
  values: { hearingId: string; attendanceId: string; userId: string; body: string; now: Date },
) {
  return db
    .insertInto("hearing_room_chat")
    .values({
      hearing_id: values.hearingId,
      attendance_id: values.attendanceId,
      user_id: values.userId,
      body: values.body,
      sent_at: values.now,
    })
    .returning(["id", "sent_at"])
    .executeTakeFirstOrThrow();
}

export async function listChat(db: Executor, hearingId: string, limit: number) {
  const rows = await db
    .selectFrom("hearing_room_chat as c")
    .innerJoin("hearing_attendance as a", "a.id", "c.attendance_id")
    .select(["c.id", "c.body", "c.sent_at", "c.attendance_id", "a.name", "a.role", "a.party_role"])
    .where("c.hearing_id", "=", hearingId)
    .orderBy("c.sent_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function insertRelay(db: Executor, payload: string, now: Date): Promise<string> {
  const row = await db
    .insertInto("hearing_room_relay")
    .values({ payload, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findRelay(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("hearing_room_relay")
    .select("payload")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.payload;
}

export async function sweepRelay(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom("hearing_room_relay").where("created_at", "<", before).execute();
}

export async function notify(db: Executor, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

const faceCheckColumns = [
  "id",
  "hearing_id",
  "user_id",
  "role",
  "result",
  "provider",
  "reference",
  "score",
  "image_sha256",
  "image_media_type",
  "image_size",
  "checked_at",
] as const;

export async function insertFaceCheck(db: Executor, values: Omit<HearingFaceChecksTable, "id" | "seq">) {
  return db
    .insertInto("hearing_face_checks")
    .values(values)
    .returning(faceCheckColumns)
    .executeTakeFirstOrThrow();
}

export type FaceCheckRow = Awaited<ReturnType<typeof insertFaceCheck>>;

/** The account's latest face check for the hearing. */
export async function lastFaceCheckOf(
  db: Executor,
  hearingId: string,
  userId: string,
): Promise<FaceCheckRow | undefined> {
  return db
    .selectFrom("hearing_face_checks")
    .select(faceCheckColumns)
    .where("hearing_id", "=", hearingId)
    .where("user_id", "=", userId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Each account's latest face check for the hearing, by user id. */
export async function lastFaceChecks(db: Executor, hearingId: string): Promise<Map<string, FaceCheckRow>> {
  const rows = await db
    .selectFrom("hearing_face_checks")
    .select(faceCheckColumns)
    .where("hearing_id", "=", hearingId)
    .orderBy("seq")
    .execute();
  return new Map(rows.map((row) => [row.user_id, row]));
}

export async function findFaceCheck(
  db: Executor,
  hearingId: string,
  id: string,
): Promise<FaceCheckRow | undefined> {
  return db
    .selectFrom("hearing_face_checks")
    .select(faceCheckColumns)
    .where("hearing_id", "=", hearingId)
    .where("id", "=", id)
    .executeTakeFirst();
}
