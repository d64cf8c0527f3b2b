// What every act that fixes a sitting shares (scheduling, rescheduling, adjourning to a new date): the
// checks of the time, the courtroom and the clashes; the participants; the summons served on each party
// and agent; and the public announcement.

import type { AppContext } from "../../context";
import { AppError, type Executor, type Tx } from "../../platform";
import type { CaseParts, CaseRow } from "../cases/index";
import { courtDateOf, findCourtroom, findCourtroomsByIds, type CourtroomRow } from "../courts/index";
import { findServiceAddress, serveDocument } from "../delivery/index";
import { documentDate, issueDocument } from "../documents/index";
import { findUserSummaries } from "../identity/index";
import { buildSummonsModels } from "./documents/summons";
import {
  announcedName,
  detectConflicts,
  endOf,
  modeIssue,
  summonsTooLate,
  type Conflict,
  type HearingMode,
  type NotPublicReason,
  type OfflineReason,
} from "./hearing.rules";
import {
  insertSummons,
  listSittingsNear,
  supersedeSummonses,
  upsertAnnouncement,
  withdrawAnnouncement,
  type HearingRow,
} from "./hearing.repository";
import type { HearingParticipantsTable } from "./hearing.tables";
import type { Insertable } from "kysely";

/** The wall-clock time of an instant at the court (Asia/Shanghai, UTC+8): `09:30`. */
export function courtTimeOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(11, 16);
}

/**
 * 民事诉讼法第一百三十九条; 民诉法解释第二百二十七条: the summons reaches the parties three days before the
 * sitting. Throws `hearing_summons_too_late` with the earliest court day, or `validation_failed` for a
 * time already past.
 */
export function assertSummonsInTime(startsAt: Date, now: Date, path: string): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new AppError("validation_failed", [
      { path, code: "in_the_past", message: "a hearing is fixed ahead" },
    ]);
  }
  const tooLate = summonsTooLate(startsAt, now);
  if (tooLate) {
    throw new AppError("hearing_summons_too_late", [
      {
        path,
        code: "summons_three_days",
        message: `the earliest court day is ${tooLate.earliestDay}`,
        params: { earliestDay: tooLate.earliestDay, basis: "民事诉讼法第一百三十九条" },
      },
    ]);
  }
}

/** Loads the named courtroom of the court (active), or null; `courtroom_not_found` when it is not there. */
export async function courtroomFor(
  db: Executor,
  courtId: string,
  courtroomId: string | null,
): Promise<CourtroomRow | null> {
  if (courtroomId === null) return null;
  const room = await findCourtroom(db, courtId, courtroomId);
  if (!room || !room.is_active) throw new AppError("courtroom_not_found");
  return room;
}

/** Throws `hearing_mode_invalid` naming the issue (互联网法院规定第十二条; 在线诉讼规则第二十一条). */
export function assertMode(input: {
  mode: Exclude<HearingMode, "asynchronous">;
  courtroom: CourtroomRow | null;
  isInternetCourt: boolean;
  offlineReason: OfflineReason | null;
  notPublicReason: NotPublicReason | null;
}): void {
  const issue = modeIssue({ ...input, courtroomKind: input.courtroom?.kind ?? null });
  if (issue) {
    throw new AppError("hearing_mode_invalid", [
      {
        path: issue === "offline_reason_required" ? "offlineReason" : "courtroomId",
        code: issue,
        message: issue,
      },
    ]);
  }
}

/** The clashes of a proposed sitting with the judge's, the clerk's and the courtroom's other sittings. */
export async function findConflicts(
  db: Executor,
  sitting: {
    id: string | null;
    startsAt: Date;
    durationMinutes: number;
    judgeId: string;
    clerkId: string | null;
    courtroomId: string | null;
  },
): Promise<Conflict[]> {
  const candidate = { ...sitting, id: sitting.id ?? "" };
  const near = await listSittingsNear(db, {
    judgeId: sitting.judgeId,
    clerkId: sitting.clerkId,
    courtroomId: sitting.courtroomId,
    from: sitting.startsAt,
    to: endOf(sitting),
  });
  return detectConflicts(
    candidate,
    near.map((h) => ({
      id: h.id,
      startsAt: h.starts_at,
      durationMinutes: h.duration_minutes,
      judgeId: h.judge_id,
      clerkId: h.clerk_id,
      courtroomId: h.courtroom_id,
    })),
  );
}

/** The judge, clerk and courtroom are free (409 `hearing_conflict` listing each clash otherwise). */
export async function assertNoConflicts(
  db: Executor,
  sitting: Parameters<typeof findConflicts>[1],
): Promise<void> {
  const conflicts = await findConflicts(db, sitting);
  if (conflicts.length > 0) {
    throw new AppError(
      "hearing_conflict",
      conflicts.map((c) => ({
        code: `${c.kind}_taken`,
        message: `the ${c.kind} has a hearing from ${c.startsAt.toISOString()} to ${c.endsAt.toISOString()}`,
        params: {
          kind: c.kind,
          hearingId: c.hearingId,
          startsAt: c.startsAt.toISOString(),
          endsAt: c.endsAt.toISOString(),
        },
      })),
    );
  }
}

/** The names of the judge and the clerk. */
export async function staffNames(db: Executor, judgeId: string, clerkId: string | null) {
  const found = await findUserSummaries(db, clerkId ? [judgeId, clerkId] : [judgeId]);
  const name = (id: string | null) => (id === null ? null : (found.find((u) => u.id === id)?.name ?? null));
  return { judgeName: name(judgeId) ?? "", clerkName: name(clerkId) };
}

/** The judge, the clerk, each party and each active agent, as the hearing's participants. */
export function participantRows(
  hearing: { id: string; judge_id: string; clerk_id: string | null },
  parts: Pick<CaseParts, "parties" | "agents">,
  names: { judgeName: string; clerkName: string | null },
  now: Date,
): Array<Insertable<HearingParticipantsTable>> {
  const base = { hearing_id: hearing.id, created_at: now };
  const rows: Array<Insertable<HearingParticipantsTable>> = [
    {
      ...base,
      role: "judge",
      user_id: hearing.judge_id,
      name: names.judgeName,
      party_id: null,
      agent_id: null,
      party_role: null,
    },
  ];
  if (hearing.clerk_id) {
    rows.push({
      ...base,
      role: "clerk",
      user_id: hearing.clerk_id,
      name: names.clerkName ?? "",
      party_id: null,
      agent_id: null,
      party_role: null,
    });
  }
  for (const party of parts.parties) {
    rows.push({
      ...base,
      role: "party",
      user_id: party.user_id,
      name: party.name,
      party_id: party.id,
      agent_id: null,
      party_role: party.role,
    });
    for (const agent of parts.agents.filter((a) => a.party_id === party.id && a.status === "active")) {
      rows.push({
        ...base,
        role: "agent",
        user_id: agent.user_id,
        name: agent.name,
        party_id: party.id,
        agent_id: agent.id,
        party_role: party.role,
      });
    }
  }
  return rows;
}

const roleNames: Record<"plaintiff" | "defendant" | "third_party", { zh: string; en: string }> = {
  plaintiff: { zh: "原告", en: "plaintiff" },
  defendant: { zh: "被告", en: "defendant" },
  third_party: { zh: "第三人", en: "third party" },
};

/**
 * Issues a summons (传票) to each party for the hearing's sitting and serves it on the party and on
 * each of its active agents through the platform's service (民诉法解释第二百二十七条: 用传票传唤当事人;
 * 在线诉讼规则第二十九条: electronic service). Earlier summonses of the hearing are superseded.
 * Returns the number of services.
 */
export async function summonParties(
  trx: Tx,
  context: AppContext,
  input: {
    hearing: HearingRow;
    caseRow: CaseRow;
    parts: CaseParts;
    court: { name_zh: string; name_en: string };
    courtroom: CourtroomRow | null;
    names: { judgeName: string; clerkName: string | null };
    issuedBy: string;
    now: Date;
  },
): Promise<number> {
  const { hearing, caseRow, parts, court, courtroom, now } = input;
  await supersedeSummonses(trx, hearing.id);
  const day = courtDateOf(hearing.starts_at);
  const time = courtTimeOf(hearing.starts_at);
  let services = 0;
  for (const party of parts.parties) {
    const role = roleNames[party.role];
    const models = buildSummonsModels({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: caseRow.case_number,
      causeNameZh: caseRow.cause_name_zh,
      causeNameEn: caseRow.cause_name_en,
      summoned: {
        name: party.name,
        roleZh: role.zh,
        roleEn: role.en,
        address: party.service_address ?? party.address,
      },
      appearAtZh: `${documentDate(day, "zh-CN")}${time}`,
      appearAtEn: `${documentDate(day, "en")}, ${time}`,
      mode: hearing.mode === "courtroom" ? "courtroom" : "online",
      placeZh: courtroom?.name_zh ?? null,
      placeEn: courtroom?.name_en ?? null,
      judgeName: input.names.judgeName,
      clerkName: input.names.clerkName,
      issuedOn: courtDateOf(now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: caseRow.id,
      courtId: caseRow.court_id,
      zh: models.zh,
      en: models.en,
      issuedBy: input.issuedBy,
      signedBy: hearing.judge_id,
      now,
    });
    const recipients = [
      {
        userId: party.user_id,
        name: party.name,
        role: "party" as const,
        phone: party.phone,
        email: party.email,
        agentId: null,
      },
      ...parts.agents
        .filter((a) => a.party_id === party.id && a.status === "active")
        .map((a) => ({
          userId: a.user_id,
          name: a.name,
          role: "agent" as const,
          phone: a.phone,
          email: null,
          agentId: a.id,
        })),
    ];
    for (const recipient of recipients) {
      const address = recipient.userId ? await findServiceAddress(trx, recipient.userId) : null;
      const { serviceId } = await serveDocument(trx, {
        caseId: caseRow.id,
        courtId: caseRow.court_id,
        documentIssueId: issued.issueId,
        kind: "summons",
        recipient: {
          partyId: party.id,
          userId: recipient.userId,
          name: recipient.name,
          role: recipient.role === "party" ? party.role : "agent",
          phone: address?.phone ?? recipient.phone,
          email: address?.email ?? recipient.email,
          addressBasis: address ? "confirmed" : "provided",
        },
        servedBy: input.issuedBy,
        followingDeadline: null,
        now,
      });
      await insertSummons(trx, {
        hearingId: hearing.id,
        partyId: party.id,
        startsAt: hearing.starts_at,
        documentIssueId: issued.issueId,
        serviceId,
        recipientUserId: recipient.userId,
        recipientName: recipient.name,
        recipientRole: recipient.role,
        now,
      });
      services++;
    }
  }
  return services;
}

/** The place of a sitting as an announcement or a message writes it. */
export function placeOf(
  hearing: { mode: HearingMode },
  courtroom: Pick<CourtroomRow, "name_zh" | "name_en" | "location_zh" | "location_en"> | null,
  court: { name_zh: string; name_en: string },
): { zh: string; en: string } {
  if (hearing.mode === "online") {
    return {
      zh: `${court.name_zh}在线庭审${courtroom ? `（${courtroom.name_zh}）` : ""}`,
      en: `Online hearing, ${court.name_en}${courtroom ? ` (${courtroom.name_en})` : ""}`,
    };
  }
  return {
    zh: `${court.name_zh}${courtroom?.name_zh ?? ""}${courtroom?.location_zh ? `（${courtroom.location_zh}）` : ""}`,
    en: `${court.name_en}${courtroom ? `, ${courtroom.name_en}` : ""}${courtroom?.location_en ? ` (${courtroom.location_en})` : ""}`,
  };
}

/**
 * 民事诉讼法第一百三十九条第二款: a public hearing is announced with the parties' names, the cause, and
 * the time and place — natural persons by surname only. A hearing not public (or no longer fixed) has
 * its announcement withdrawn. Returns whether an announcement is now published.
 */
export async function announce(
  trx: Tx,
  input: {
    hearing: HearingRow;
    caseRow: CaseRow;
    parts: CaseParts;
    court: { name_zh: string; name_en: string };
    now: Date;
  },
): Promise<boolean> {
  const { hearing, caseRow, parts, court, now } = input;
  if (!hearing.is_public || hearing.status !== "scheduled") {
    await withdrawAnnouncement(trx, hearing.id, now);
    return false;
  }
  const [courtroom] = hearing.courtroom_id ? await findCourtroomsByIds(trx, [hearing.courtroom_id]) : [];
  const place = placeOf(hearing, courtroom ?? null, court);
  const side = (role: "plaintiff" | "defendant" | "third_party") =>
    parts.parties.filter((p) => p.role === role).map((p) => announcedName(p.name, p.kind));
  const line = (language: "zh" | "en") =>
    (["plaintiff", "defendant", "third_party"] as const)
      .map((role) => ({ role, names: side(role) }))
      .filter((s) => s.names.length > 0)
      .map((s) =>
        language === "zh"
          ? `${roleNames[s.role].zh}：${s.names.join("、")}`
          : `${roleNames[s.role].en[0]!.toUpperCase()}${roleNames[s.role].en.slice(1)}: ${s.names.join(", ")}`,
      )
      .join(language === "zh" ? "；" : "; ");
  await upsertAnnouncement(trx, {
    hearingId: hearing.id,
    courtId: hearing.court_id,
    caseNumber: caseRow.case_number,
    causeNameZh: caseRow.cause_name_zh,
    causeNameEn: caseRow.cause_name_en,
    partiesZh: line("zh"),
    partiesEn: line("en"),
    startsAt: hearing.starts_at,
    mode: hearing.mode,
    placeZh: place.zh,
    placeEn: place.en,
    now,
  });
  return true;
}
