import type { Executor } from "../../platform";
import type { HearingParticipantsTable, HearingsTable } from "./hearing.tables";
import type { Insertable, Updateable } from "kysely";

const hearingColumns = [
  "id",
  "case_id",
  "court_id",
  "sitting",
  "mode",
  "status",
  "starts_at",
  "duration_minutes",
  "courtroom_id",
  "judge_id",
  "clerk_id",
  "is_public",
  "not_public_reason",
  "not_public_note",
  "offline_reason",
  "room_key",
  "summons_issued_at",
  "reminded_for",
  "scheduled_by",
  "cancelled_at",
  "cancel_reason",
  "created_at",
  "updated_at",
  "version",
] as const;

export type HearingRow = Awaited<ReturnType<typeof findHearing>> & {};

export async function findHearing(db: Executor, hearingId: string) {
  return db.selectFrom("hearings").select(hearingColumns).where("id", "=", hearingId).executeTakeFirst();
}

/** Loads and row-locks a hearing inside a command's transaction. */
export async function lockHearing(trx: Executor, hearingId: string) {
  return trx
    .selectFrom("hearings")
    .select(hearingColumns)
    .where("id", "=", hearingId)
    .forUpdate()
    .executeTakeFirst();
}

/** A case's hearings, latest sitting first. */
export async function listHearingsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("hearings")
    .select(hearingColumns)
    .where("case_id", "=", caseId)
    .orderBy("sitting", "desc")
    .execute();
}

/** The number the next sitting of a case takes. */
export async function nextSitting(db: Executor, caseId: string): Promise<number> {
  const row = await db
    .selectFrom("hearings")
    .select((eb) => eb.fn.max<number | null>("sitting").as("last"))
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/**
 * Scheduled sittings that could clash with a window: those of the judge, the clerk or the courtroom
 * starting before the window ends and less than the longest sitting before it begins.
 */
export async function listSittingsNear(
  db: Executor,
  input: { judgeId: string; clerkId: string | null; courtroomId: string | null; from: Date; to: Date },
) {
  const earliest = new Date(input.from.getTime() - 12 * 60 * 60 * 1000);
  return db
    .selectFrom("hearings")
    .select(["id", "case_id", "starts_at", "duration_minutes", "judge_id", "clerk_id", "courtroom_id"])
    .where("status", "=", "scheduled")
    .where("starts_at", "<", input.to)
    .where("starts_at", ">", earliest)
    .where((eb) => {
      const people = [eb("judge_id", "=", input.judgeId)];
      if (input.clerkId !== null) people.push(eb("clerk_id", "=", input.clerkId));
      if (input.courtroomId !== null) people.push(eb("courtroom_id", "=", input.courtroomId));
      return eb.or(people);
    })
    .execute();
}

/** A court's hearings in a window (every status but cancelled), by time. */
export async function listCourtHearings(db: Executor, courtId: string, from: Date, to: Date) {
  return db
    .selectFrom("hearings")
    .select(hearingColumns)
    .where("court_id", "=", courtId)
    .where("status", "!=", "cancelled")
    .where("starts_at", ">=", from)
    .where("starts_at", "<", to)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

export async function insertHearing(trx: Executor, values: Insertable<HearingsTable>) {
  return trx.insertInto("hearings").values(values).returning(hearingColumns).executeTakeFirstOrThrow();
}

export async function updateHearing(
  trx: Executor,
  hearingId: string,
  patch: Updateable<HearingsTable>,
  now: Date,
) {
  return trx
    .updateTable("hearings")
    .set((eb) => ({ ...patch, updated_at: now, version: eb("version", "+", 1) }))
    .where("id", "=", hearingId)
    .returning(hearingColumns)
    .executeTakeFirstOrThrow();
}

export async function insertParticipants(
  trx: Executor,
  rows: ReadonlyArray<Insertable<HearingParticipantsTable>>,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto("hearing_participants")
    .values([...rows])
    .execute();
}

export async function listParticipants(db: Executor, hearingIds: readonly string[]) {
  if (hearingIds.length === 0) return [];
  return db
    .selectFrom("hearing_participants")
    .select(["id", "hearing_id", "role", "party_id", "agent_id", "user_id", "name", "party_role"])
    .where("hearing_id", "in", [...hearingIds])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

/** Replaces a hearing's participants with those of its next sitting (the people fixed then). */
export async function replaceParticipants(
  trx: Executor,
  hearingId: string,
  rows: ReadonlyArray<Insertable<HearingParticipantsTable>>,
): Promise<void> {
  await trx.deleteFrom("hearing_participants").where("hearing_id", "=", hearingId).execute();
  await insertParticipants(trx, rows);
}

export async function insertSummons(
  trx: Executor,
  values: {
    hearingId: string;
    partyId: string;
    startsAt: Date;
    documentIssueId: string;
    serviceId: string;
    recipientUserId: string | null;
    recipientName: string;
    recipientRole: "party" | "agent";
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto("hearing_summonses")
    .values({
      hearing_id: values.hearingId,
      party_id: values.partyId,
      starts_at: values.startsAt,
      document_issue_id: values.documentIssueId,
      service_id: values.serviceId,
      recipient_user_id: values.recipientUserId,
      recipient_name: values.recipientName,
      recipient_role: values.recipientRole,
      created_at: values.now,
    })
    .execute();
}

/** Marks a hearing's summonses as superseded (a new time needs a new summons). */
export async function supersedeSummonses(trx: Executor, hearingId: string): Promise<void> {
  await trx
    .updateTable("hearing_summonses")
    .set({ is_current: false })
    .where("hearing_id", "=", hearingId)
    .where("is_current", "=", true)
    .execute();
}

export async function listSummonses(db: Executor, hearingIds: readonly string[]) {
  if (hearingIds.length === 0) return [];
  return db
    .selectFrom("hearing_summonses as s")
    .innerJoin("service_records as r", "r.id", "s.service_id")
    .select([
      "s.id",
      "s.hearing_id",
      "s.party_id",
      "s.starts_at",
      "s.document_issue_id",
      "s.service_id",
      "s.recipient_user_id",
      "s.recipient_name",
      "s.recipient_role",
      "s.is_current",
      "s.created_at",
      "r.served_at",
    ])
    .where("s.hearing_id", "in", [...hearingIds])
    .orderBy("s.created_at")
    .orderBy("s.id")
    .execute();
}

export type SummonsRow = Awaited<ReturnType<typeof listSummonses>>[number];

export async function insertAdjournment(
  trx: Executor,
  values: {
    hearingId: string;
    ground: "absence_with_cause" | "recusal_request" | "further_evidence" | "other";
    reason: string;
    previousStartsAt: Date;
    newStartsAt: Date | null;
    decidedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("hearing_adjournments")
    .values({
      hearing_id: values.hearingId,
      ground: values.ground,
      reason: values.reason,
      previous_starts_at: values.previousStartsAt,
      new_starts_at: values.newStartsAt,
      decided_by: values.decidedBy,
      decided_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listAdjournments(db: Executor, hearingIds: readonly string[]) {
  if (hearingIds.length === 0) return [];
  return db
    .selectFrom("hearing_adjournments")
    .select(["id", "hearing_id", "ground", "reason", "previous_starts_at", "new_starts_at", "decided_at"])
    .where("hearing_id", "in", [...hearingIds])
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
}

export type AdjournmentRow = Awaited<ReturnType<typeof listAdjournments>>[number];

export interface AnnouncementValues {
  hearingId: string;
  courtId: string;
  caseNumber: string | null;
  causeNameZh: string | null;
  causeNameEn: string | null;
  partiesZh: string;
  partiesEn: string;
  startsAt: Date;
  mode: "online" | "courtroom" | "asynchronous";
  placeZh: string;
  placeEn: string;
  now: Date;
}

/** Publishes (or re-publishes with the new time and place) a hearing's announcement. */
export async function upsertAnnouncement(trx: Executor, values: AnnouncementValues): Promise<void> {
  const row = {
    court_id: values.courtId,
    case_number: values.caseNumber,
    cause_name_zh: values.causeNameZh,
    cause_name_en: values.causeNameEn,
    parties_zh: values.partiesZh,
    parties_en: values.partiesEn,
    starts_at: values.startsAt,
    mode: values.mode,
    place_zh: values.placeZh,
    place_en: values.placeEn,
    status: "published" as const,
    updated_at: values.now,
  };
  await trx
    .insertInto("hearing_announcements")
    .values({ hearing_id: values.hearingId, published_at: values.now, ...row })
    .onConflict((oc) => oc.column("hearing_id").doUpdateSet(row))
    .execute();
}

/** Takes a hearing's announcement down (adjourned without a date, cancelled, made private). */
export async function withdrawAnnouncement(trx: Executor, hearingId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("hearing_announcements")
    .set({ status: "withdrawn", updated_at: now })
    .where("hearing_id", "=", hearingId)
    .where("status", "=", "published")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A court's published announcements of sittings from `from` on, by time. */
export async function listAnnouncements(db: Executor, courtId: string, from: Date, limit: number) {
  return db
    .selectFrom("hearing_announcements")
    .select([
      "hearing_id",
      "court_id",
      "case_number",
      "cause_name_zh",
      "cause_name_en",
      "parties_zh",
      "parties_en",
      "starts_at",
      "mode",
      "place_zh",
      "place_en",
      "published_at",
    ])
    .where("court_id", "=", courtId)
    .where("status", "=", "published")
    .where("starts_at", ">=", from)
    .orderBy("starts_at")
    .orderBy("hearing_id")
    .limit(limit)
    .execute();
}

/** Records that the participants were reminded of the sitting at `startsAt`. */
export async function markReminded(trx: Executor, hearingId: string, startsAt: Date): Promise<void> {
  await trx.updateTable("hearings").set({ reminded_for: startsAt }).where("id", "=", hearingId).execute();
}
