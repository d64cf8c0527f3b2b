import type { AppContext } from "../../context";
import { AppError, hasRole, type Actor } from "../../platform";
import { canTransition, loadCaseSnapshot, type CaseRelation } from "../cases/index";
import {
  addDays,
  courtDateOf,
  findCourt,
  findCourtroomsByIds,
  listCourtrooms,
  listStaff,
  presentCourtroom,
} from "../courts/index";
import { findUserSummaries } from "../identity/index";
import { hearingPolicy, hearingRoleOf, loadCaseFor, loadHearingFor } from "./hearing.access";
import { courtroomRef, presentHearing } from "./hearing.presenter";
import {
  listAdjournments,
  listAnnouncements,
  listCourtHearings,
  listHearingsOfCase,
  listParticipants,
  listSummonses,
  type HearingRow,
} from "./hearing.repository";
import { earliestHearingDay, endOf, summonsTooLate } from "./hearing.rules";
import { findConflicts } from "./hearing.sitting";
import type { THearing } from "./hearing.schemas";

async function present(
  context: AppContext,
  actor: Actor,
  rows: HearingRow[],
  caseNumber: string | null,
  relation: CaseRelation,
): Promise<THearing[]> {
  const ids = rows.map((r) => r.id);
  const [participants, summonses, adjournments, rooms, people] = await Promise.all([
    listParticipants(context.db, ids),
    listSummonses(context.db, ids),
    listAdjournments(context.db, ids),
    findCourtroomsByIds(
      context.db,
      rows.flatMap((r) => (r.courtroom_id ? [r.courtroom_id] : [])),
    ),
    findUserSummaries(
      context.db,
      rows.flatMap((r) => (r.clerk_id ? [r.judge_id, r.clerk_id] : [r.judge_id])),
    ),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const viewerId = actor.kind === "user" ? actor.userId : null;
  const now = context.clock.now();
  return rows.map((row) =>
    presentHearing(row, {
      caseNumber,
      courtroom: rooms.find((room) => room.id === row.courtroom_id) ?? null,
      names,
      participants,
      summonses,
      adjournments,
      role: hearingRoleOf(actor, relation, row),
      viewerId,
      now,
    }),
  );
}

/**
 * A case's hearings for whoever may see the case (its parties and agents, the judge in charge, the
 * court's clerks and administrators); anyone else gets `case_not_found`.
 */
export async function getCaseHearings(context: AppContext, actor: Actor, caseId: string) {
  const access = await loadCaseFor(context.db, actor, caseId);
  const rows = await listHearingsOfCase(context.db, caseId);
  const items = await present(context, actor, rows, access.row.case_number, access.relation);
  const status = access.row.status;
  const canSchedule =
    hearingPolicy.schedule(hearingRoleOf(actor, access.relation, null)) &&
    (status === "hearing" || canTransition(status, "scheduleHearing")) &&
    !rows.some((r) => r.status === "scheduled" || r.status === "adjourned" || r.status === "in_progress");
  return { items, canSchedule };
}

/** One hearing, through its case's visibility (`hearing_not_found` otherwise). */
export async function getHearing(context: AppContext, actor: Actor, hearingId: string): Promise<THearing> {
  const access = await loadHearingFor(context.db, actor, hearingId);
  const [item] = await present(context, actor, [access.hearing], access.row.case_number, access.relation);
  return item!;
}

/**
 * Before saving: the earliest court day the summons allows and the clashes of a proposed sitting, for
 * the judge in charge and the court's clerks. Throws `case_not_found`, `forbidden`.
 */
export async function checkAvailability(
  context: AppContext,
  actor: Actor,
  caseId: string,
  query: {
    startsAt: string;
    durationMinutes: number;
    courtroomId?: string;
    clerkId?: string;
    hearingId?: string;
  },
) {
  const access = await loadCaseFor(context.db, actor, caseId);
  const role = hearingRoleOf(actor, access.relation, null);
  if (!role.isJudge && !access.relation.isClerk) {
    throw new AppError("forbidden", [{ code: "court_only", message: "only the court checks its schedule" }]);
  }
  if (!access.row.judge_id) throw new AppError("hearing_judge_missing");
  const now = context.clock.now();
  const startsAt = new Date(query.startsAt);
  const moving = query.hearingId
    ? (await listHearingsOfCase(context.db, caseId)).find((h) => h.id === query.hearingId)
    : undefined;
  const conflicts = await findConflicts(context.db, {
    id: moving?.id ?? null,
    startsAt,
    durationMinutes: query.durationMinutes,
    judgeId: access.row.judge_id,
    clerkId: query.clerkId ?? moving?.clerk_id ?? null,
    courtroomId: query.courtroomId ?? null,
  });
  return {
    earliestDay: earliestHearingDay(courtDateOf(now)),
    isTooEarly: startsAt.getTime() <= now.getTime() || summonsTooLate(startsAt, now) !== null,
    conflicts: conflicts.map((c) => ({
      kind: c.kind,
      hearingId: c.hearingId,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
    })),
  };
}

/**
 * The court's hearings over some days for its staff (judges, clerks, administrators): every sitting
 * with its time, room, judge and clerk, so rooms and people can be planned; the case is named only to
 * those who may see it (a judge sees the cases in their charge). Throws `court_not_found`, `forbidden`.
 */
export async function getCourtCalendar(
  context: AppContext,
  actor: Actor,
  courtId: string,
  query: { from: string; days: number },
) {
  const court = await findCourt(context.db, courtId);
  if (!court) throw new AppError("court_not_found");
  if (!hasRole(actor, courtId, "judge", "clerk", "court_admin")) {
    throw new AppError("forbidden", [
      { code: "court_staff_only", message: "only the court's staff see its calendar" },
    ]);
  }
  const userId = actor.kind === "user" ? actor.userId : null;
  const seesEveryCase = hasRole(actor, courtId, "clerk", "court_admin");
  const to = addDays(query.from, query.days - 1);
  const rows = await listCourtHearings(
    context.db,
    courtId,
    new Date(`${query.from}T00:00:00+08:00`),
    new Date(`${addDays(to, 1)}T00:00:00+08:00`),
  );
  const visible = rows.filter((r) => seesEveryCase || r.judge_id === userId);
  const caseNumbers = new Map<string, string | null>();
  for (const caseId of new Set(visible.map((r) => r.case_id))) {
    caseNumbers.set(caseId, (await loadCaseSnapshot(context.db, caseId))?.row.case_number ?? null);
  }
  const [rooms, people] = await Promise.all([
    findCourtroomsByIds(
      context.db,
      rows.flatMap((r) => (r.courtroom_id ? [r.courtroom_id] : [])),
    ),
    findUserSummaries(
      context.db,
      rows.flatMap((r) => (r.clerk_id ? [r.judge_id, r.clerk_id] : [r.judge_id])),
    ),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    from: query.from,
    to,
    items: rows.map((row) => {
      const seen = seesEveryCase || row.judge_id === userId;
      return {
        id: row.id,
        caseId: seen ? row.case_id : null,
        caseNumber: seen ? (caseNumbers.get(row.case_id) ?? null) : null,
        startsAt: row.starts_at.toISOString(),
        endsAt: endOf({ startsAt: row.starts_at, durationMinutes: row.duration_minutes }).toISOString(),
        mode: row.mode,
        status: row.status,
        isPublic: row.is_public,
        courtroom: courtroomRef(rooms.find((room) => room.id === row.courtroom_id)),
        judge: { userId: row.judge_id, name: names.get(row.judge_id) ?? "" },
        clerk: row.clerk_id ? { userId: row.clerk_id, name: names.get(row.clerk_id) ?? "" } : null,
      };
    }),
  };
}

/**
 * 民事诉讼法第一百三十九条第二款: the court's announcements of upcoming public hearings (开庭公告), for
 * anyone: case number, cause, parties (natural persons by surname only), time and place — nothing of a
 * hearing that is not public. Throws `court_not_found`.
 */
export async function getHearingAnnouncements(context: AppContext, courtId: string, limit: number) {
  const court = await findCourt(context.db, courtId);
  if (!court) throw new AppError("court_not_found");
  const rows = await listAnnouncements(context.db, courtId, context.clock.now(), limit);
  return {
    items: rows.map((row) => ({
      hearingId: row.hearing_id,
      caseNumber: row.case_number,
      causeNameZh: row.cause_name_zh,
      causeNameEn: row.cause_name_en,
      partiesZh: row.parties_zh,
      partiesEn: row.parties_en,
      startsAt: row.starts_at.toISOString(),
      mode: row.mode,
      placeZh: row.place_zh,
      placeEn: row.place_en,
    })),
  };
}

/**
 * What a court's staff plan hearings with: its active courtrooms, its clerks and its judges. Throws
 * `court_not_found`, `forbidden` (not the court's staff).
 */
export async function getHearingResources(context: AppContext, actor: Actor, courtId: string) {
  const court = await findCourt(context.db, courtId);
  if (!court) throw new AppError("court_not_found");
  if (!hasRole(actor, courtId, "judge", "clerk", "court_admin")) {
    throw new AppError("forbidden", [
      { code: "court_staff_only", message: "only the court's staff plan hearings" },
    ]);
  }
  const [rooms, staff] = await Promise.all([
    listCourtrooms(context.db, courtId),
    listStaff(context.db, courtId, ["judge", "clerk"]),
  ]);
  const people = await findUserSummaries(
    context.db,
    staff.map((s) => s.user_id),
  );
  const named = (role: "judge" | "clerk") =>
    [...new Set(staff.filter((s) => s.role === role).map((s) => s.user_id))]
      .map((userId) => ({ userId, name: people.find((p) => p.id === userId)?.name ?? "" }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    isInternetCourt: court.is_internet_court,
    courtrooms: rooms.filter((room) => room.is_active).map(presentCourtroom),
    clerks: named("clerk"),
    judges: named("judge"),
  };
}
