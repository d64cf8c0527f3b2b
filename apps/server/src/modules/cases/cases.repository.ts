import { sql, type Updateable } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Actor, Executor } from "../../platform";
import { isPartyOrAgent, visibleTo } from "./cases.policy";
import type { CaseStatus } from "./cases.rules";
import type { CasesTable, PartyKind, PartyRole, ProcedureValue } from "./cases.tables";

const caseColumns = [
  "cases.id",
  "cases.court_id",
  "cases.status",
  "cases.type_code",
  "cases.procedure",
  "cases.cause_code",
  "cases.cause_name_zh",
  "cases.cause_name_en",
  "cases.title",
  "cases.facts_and_reasons",
  "cases.claim_total_fen",
  "cases.filed_by",
  "cases.case_number",
  "cases.case_year",
  "cases.case_sequence",
  "cases.query_code",
  "cases.fee_fen",
  "cases.fee_quote",
  "cases.judge_id",
  "cases.judge_assignment",
  "cases.mediator_id",
  "cases.submitted_at",
  "cases.review_clock_started_at",
  "cases.review_due_on",
  "cases.accepted_at",
  "cases.closed_at",
  "cases.closure_reason",
  "cases.created_at",
  "cases.updated_at",
  "cases.version",
] as const;

export type CaseRow = Awaited<ReturnType<typeof lockCase>>;

/** A case the actor may see, or undefined (the caller answers 404). */
export async function findVisibleCase(db: Executor, actor: Actor, caseId: string) {
  return db
    .selectFrom("cases")
    .select(caseColumns)
    .where("cases.id", "=", caseId)
    .where(visibleTo(actor))
    .executeTakeFirst();
}

/** Loads and row-locks a case inside a command's transaction (closes races between concurrent commands). */
export async function lockCase(trx: Executor, caseId: string) {
  return trx
    .selectFrom("cases")
    .select(caseColumns)
    .where("cases.id", "=", caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Parties, agents, claims, timeline and deadlines of a case in one round trip. */
export async function loadCaseParts(db: Executor, caseId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("case_parties")
          .select([
            "id",
            "position",
            "role",
            "kind",
            "name",
            "id_number",
            "credit_code",
            "legal_representative",
            "sex",
            "ethnicity",
            "birth_date",
            "phone",
            "email",
            "address",
            "service_address",
            "user_id",
          ])
          .where("case_id", "=", caseId)
          .orderBy("position"),
      ).as("parties"),
      jsonArrayFrom(
        eb
          .selectFrom("case_agents")
          .select([
            "id",
            "party_id",
            "user_id",
            "kind",
            "name",
            "phone",
            "law_firm",
            "licence_number",
            "power_of_attorney_sha256",
            "status",
          ])
          .where("case_id", "=", caseId)
          .orderBy("created_at"),
      ).as("agents"),
      jsonArrayFrom(
        eb
          .selectFrom("case_claims")
          .select(["position", "text", "amount_fen"])
          .where("case_id", "=", caseId)
          .orderBy("position"),
      ).as("claims"),
      jsonArrayFrom(
        eb
          .selectFrom("case_timeline")
          .select(["id", "occurred_at", "kind", "actor_user_id", "data", "is_public"])
          .where("case_id", "=", caseId)
          .orderBy("id"),
      ).as("timeline"),
      jsonArrayFrom(
        eb
          .selectFrom("case_deadlines")
          .select(["kind", "due_at", "basis", "status", "created_at", "resolved_at"])
          .where("case_id", "=", caseId)
          .orderBy("due_at"),
      ).as("deadlines"),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export type CaseParts = Awaited<ReturnType<typeof loadCaseParts>>;

/** Starts a draft filing. */
export async function insertDraftCase(
  trx: Executor,
  values: { courtId: string; typeCode: string; filedBy: string; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto("cases")
    .values({
      court_id: values.courtId,
      status: "draft",
      type_code: values.typeCode,
      procedure: null,
      cause_code: null,
      cause_name_zh: null,
      cause_name_en: null,
      title: null,
      filed_by: values.filedBy,
      case_number: null,
      case_year: null,
      case_sequence: null,
      query_code: null,
      fee_fen: null,
      fee_quote: null,
      judge_id: null,
      judge_assignment: null,
      submitted_at: null,
      review_clock_started_at: null,
      review_due_on: null,
      accepted_at: null,
      closed_at: null,
      closure_reason: null,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

type CaseUpdate = Omit<
  Updateable<CasesTable>,
  "id" | "version" | "created_at" | "fee_quote" | "judge_assignment"
> & {
  fee_quote?: Record<string, unknown> | null;
  judge_assignment?: Record<string, unknown> | null;
};

/** Writes changed case columns and bumps the version (optimistic concurrency for clients). */
export async function updateCase(trx: Executor, caseId: string, patch: CaseUpdate, now: Date): Promise<void> {
  const { fee_quote, judge_assignment, ...rest } = patch;
  await trx
    .updateTable("cases")
    .set((eb) => ({
      ...rest,
      ...(fee_quote !== undefined
        ? { fee_quote: fee_quote === null ? null : JSON.stringify(fee_quote) }
        : {}),
      ...(judge_assignment !== undefined
        ? { judge_assignment: judge_assignment === null ? null : JSON.stringify(judge_assignment) }
        : {}),
      updated_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", caseId)
    .execute();
}

export interface PartyInput {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  sex: "male" | "female" | null;
  ethnicity: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  serviceAddress: string | null;
  userId: string | null;
}

export interface AgentInput {
  partyPosition: number;
  userId: string | null;
  kind: "lawyer" | "legal_worker" | "relative" | "employee" | "other";
  name: string;
  phone: string | null;
  lawFirm: string | null;
  licenceNumber: string | null;
  powerOfAttorneySha256: string | null;
}

/** Replaces the parties, agents and claims of a filing (the draft is saved whole). */
export async function replaceCaseContent(
  trx: Executor,
  caseId: string,
  content: {
    parties: PartyInput[];
    agents: AgentInput[];
    claims: Array<{ text: string; amountFen: number | null }>;
  },
  now: Date,
): Promise<void> {
  await trx.deleteFrom("case_agents").where("case_id", "=", caseId).execute();
  await trx.deleteFrom("case_parties").where("case_id", "=", caseId).execute();
  await trx.deleteFrom("case_claims").where("case_id", "=", caseId).execute();
  const partyIds: string[] = [];
  if (content.parties.length > 0) {
    const rows = await trx
      .insertInto("case_parties")
      .values(
        content.parties.map((p, index) => ({
          case_id: caseId,
          position: index + 1,
          role: p.role,
          kind: p.kind,
          name: p.name,
          id_number: p.idNumber,
          credit_code: p.creditCode,
          legal_representative: p.legalRepresentative,
          sex: p.sex,
          ethnicity: p.ethnicity,
          birth_date: p.birthDate,
          phone: p.phone,
          email: p.email,
          address: p.address,
          service_address: p.serviceAddress,
          user_id: p.userId,
          created_at: now,
        })),
      )
      .returning(["id", "position"])
      .execute();
    for (const row of rows) partyIds[row.position - 1] = row.id;
  }
  if (content.agents.length > 0) {
    await trx
      .insertInto("case_agents")
      .values(
        content.agents.map((a) => ({
          case_id: caseId,
          party_id: partyIds[a.partyPosition - 1]!,
          user_id: a.userId,
          kind: a.kind,
          name: a.name,
          phone: a.phone,
          law_firm: a.lawFirm,
          licence_number: a.licenceNumber,
          power_of_attorney_sha256: a.powerOfAttorneySha256,
          status: "active" as const,
          created_at: now,
        })),
      )
      .execute();
  }
  if (content.claims.length > 0) {
    await trx
      .insertInto("case_claims")
      .values(
        content.claims.map((c, index) => ({
          case_id: caseId,
          position: index + 1,
          text: c.text,
          amount_fen: c.amountFen,
        })),
      )
      .execute();
  }
}

/**
 * The next case-number sequence for a court, year and case type. The counter row stays locked until the
 * transaction ends, so concurrent acceptances queue here, and a rolled-back acceptance gives its number
 * back: numbers are unique and without gaps.
 */
export async function allocateCaseSequence(
  trx: Executor,
  courtId: string,
  year: number,
  typeCode: string,
): Promise<number> {
  const row = await trx
    .insertInto("case_number_counters")
    .values({ court_id: courtId, year, type_code: typeCode, last_sequence: 1 })
    .onConflict((oc) =>
      oc.columns(["court_id", "year", "type_code"]).doUpdateSet({
        last_sequence: sql<number>`case_number_counters.last_sequence + 1`,
      }),
    )
    .returning("last_sequence")
    .executeTakeFirstOrThrow();
  return row.last_sequence;
}

/** Appends an entry to the case's timeline (shown to the parties; public entries on the progress page). */
export async function appendTimeline(
  trx: Executor,
  entry: {
    caseId: string;
    kind: string;
    actorUserId: string | null;
    data?: Record<string, unknown>;
    isPublic: boolean;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto("case_timeline")
    .values({
      case_id: entry.caseId,
      occurred_at: entry.now,
      kind: entry.kind,
      actor_user_id: entry.actorUserId,
      data: JSON.stringify(entry.data ?? {}),
      is_public: entry.isPublic,
    })
    .execute();
}

/** Opens a deadline of a kind, replacing an open one of the same kind. */
export async function insertOpenDeadline(
  trx: Executor,
  deadline: { caseId: string; kind: string; dueAt: Date; basis: string; now: Date },
): Promise<void> {
  await resolveOpenDeadline(trx, deadline.caseId, deadline.kind, "cancelled", deadline.now);
  await trx
    .insertInto("case_deadlines")
    .values({
      case_id: deadline.caseId,
      kind: deadline.kind,
      due_at: deadline.dueAt,
      basis: deadline.basis,
      status: "open",
      created_at: deadline.now,
      resolved_at: null,
    })
    .execute();
}

/** Marks the open deadline of a kind as met, missed or cancelled. */
export async function resolveOpenDeadline(
  trx: Executor,
  caseId: string,
  kind: string,
  status: "met" | "missed" | "cancelled",
  now: Date,
): Promise<void> {
  await trx
    .updateTable("case_deadlines")
    .set({ status, resolved_at: now })
    .where("case_id", "=", caseId)
    .where("kind", "=", kind)
    .where("status", "=", "open")
    .execute();
}

export interface CaseListFilters {
  status?: CaseStatus[] | undefined;
  courtId?: string | undefined;
  assignedToMe?: boolean | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** The cases the actor may see, newest activity first, with a total for paging. */
export async function listVisibleCases(db: Executor, actor: Actor, filters: CaseListFilters) {
  let query = db.selectFrom("cases").where(visibleTo(actor));
  if (filters.status && filters.status.length > 0) query = query.where("cases.status", "in", filters.status);
  if (filters.courtId) query = query.where("cases.court_id", "=", filters.courtId);
  if (filters.assignedToMe && actor.kind === "user") query = query.where("cases.judge_id", "=", actor.userId);
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("cases.case_number", "like", pattern), eb("cases.title", "like", pattern)]),
    );
  }
  const [items, total] = await Promise.all([
    query
      .select([...caseColumns])
      .orderBy("cases.updated_at", "desc")
      .orderBy("cases.id")
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Open (not finished) cases per judge, for caseload-weighted assignment. */
export async function countOpenCasesByJudge(db: Executor, judgeIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(judgeIds.map((id) => [id, 0]));
  if (judgeIds.length === 0) return counts;
  const rows = await db
    .selectFrom("cases")
    .select(["judge_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("judge_id", "in", judgeIds)
    .where("status", "not in", [
      "closed",
      "refused",
      "withdrawn",
      "deemed_withdrawn",
      "effective",
      "transferred",
    ])
    .groupBy("judge_id")
    .execute();
  for (const row of rows) if (row.judge_id) counts.set(row.judge_id, Number(row.n));
  return counts;
}

/** The case behind a progress query code. */
export async function findCaseByQueryCode(db: Executor, code: string) {
  return db.selectFrom("cases").select(caseColumns).where("cases.query_code", "=", code).executeTakeFirst();
}

/** Public timeline entries of a case (progress page). */
export async function listPublicTimeline(db: Executor, caseId: string) {
  return db
    .selectFrom("case_timeline")
    .select(["occurred_at", "kind", "data"])
    .where("case_id", "=", caseId)
    .where("is_public", "=", true)
    .orderBy("id")
    .execute();
}

/** Deletes a draft (only drafts are ever deleted: nothing submitted to a court disappears). */
export async function deleteDraft(trx: Executor, caseId: string): Promise<void> {
  await trx.deleteFrom("cases").where("id", "=", caseId).where("status", "=", "draft").execute();
}

export type { ProcedureValue };

/** Filings of these courts in review statuses with their parties' names, earliest deadline first. */
export async function listCasesForReview(db: Executor, courtIds: string[], statuses: CaseStatus[]) {
  if (courtIds.length === 0) return [];
  return db
    .selectFrom("cases")
    .select((eb) => [
      "cases.id",
      "cases.court_id",
      "cases.title",
      "cases.cause_name_zh",
      "cases.cause_name_en",
      "cases.status",
      "cases.submitted_at",
      "cases.review_due_on",
      "cases.claim_total_fen",
      jsonArrayFrom(
        eb
          .selectFrom("case_parties")
          .select(["role", "name"])
          .whereRef("case_parties.case_id", "=", "cases.id")
          .orderBy("position"),
      ).as("parties"),
    ])
    .where("cases.court_id", "in", courtIds)
    .where("cases.status", "in", statuses)
    .orderBy("cases.review_due_on")
    .orderBy("cases.submitted_at")
    .limit(500)
    .execute();
}

/** A case with all its parts, read without any visibility scope (callers check `isVisibleTo`). */
export async function loadCaseSnapshot(db: Executor, caseId: string) {
  const row = await db
    .selectFrom("cases")
    .select(caseColumns)
    .where("cases.id", "=", caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { row, parts: await loadCaseParts(db, caseId) };
}

export type CaseSnapshot = NonNullable<Awaited<ReturnType<typeof loadCaseSnapshot>>>;

/**
 * Accounts that litigate at these courts: who filed a case there (a draft included: the applicant is
 * about to file there) or is a party or active agent in one. Drives whose real-name verification the
 * courts' clerks review.
 */
export async function findLitigantsAtCourts(db: Executor, courtIds: readonly string[]): Promise<string[]> {
  if (courtIds.length === 0) return [];
  const courts = [...new Set(courtIds)];
  const rows = await db
    .selectFrom("cases")
    .select("cases.filed_by as user_id")
    .where("cases.court_id", "in", courts)
    .union((eb) =>
      eb
        .selectFrom("case_parties")
        .innerJoin("cases", "cases.id", "case_parties.case_id")
        .select("case_parties.user_id")
        .where("cases.court_id", "in", courts)
        .where("case_parties.user_id", "is not", null)
        .$narrowType<{ user_id: string }>(),
    )
    .union((eb) =>
      eb
        .selectFrom("case_agents")
        .innerJoin("cases", "cases.id", "case_agents.case_id")
        .select("case_agents.user_id")
        .where("cases.court_id", "in", courts)
        .where("case_agents.status", "=", "active")
        .where("case_agents.user_id", "is not", null)
        .$narrowType<{ user_id: string }>(),
    )
    .execute();
  return rows.map((row) => row.user_id);
}

/** The courts at which an account litigates (the same relation as `findLitigantsAtCourts`). */
export async function findCourtsOfLitigant(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("cases")
    .select("cases.court_id")
    .where((eb) => eb.or([eb("cases.filed_by", "=", userId), isPartyOrAgent(eb, userId)]))
    .distinct()
    .execute();
  return rows.map((row) => row.court_id);
}

/** Cases where the account is a party or an active agent (for other contexts' "my …" lists). */
export async function findCaseIdsOfParticipant(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("cases")
    .select("cases.id")
    .where((eb) => isPartyOrAgent(eb, userId))
    .execute();
  return rows.map((r) => r.id);
}
