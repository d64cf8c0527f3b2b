import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Executor } from "../../platform";
import type { DB } from "../../platform";
import type { JudgmentRecord } from "./search.formats";
import type { JudgmentSource } from "./search.tables";

/** Which unpublished judgments a caller may read: those of these courts (empty: published only). */
export interface JudgmentScope {
  courtIds: readonly string[];
}

/** Published judgments, and the unpublished ones of the courts in scope. */
export function judgmentVisibleIn(scope: JudgmentScope) {
  return (eb: ExpressionBuilder<DB, "judgments">): Expression<SqlBool> =>
    scope.courtIds.length === 0
      ? eb("judgments.published", "=", true)
      : eb.or([eb("judgments.published", "=", true), eb("judgments.court_id", "in", [...scope.courtIds])]);
}

const SUMMARY_COLUMNS = [
  "judgments.id",
  "judgments.source",
  "judgments.court_id",
  "judgments.court_name",
  "judgments.case_number",
  "judgments.title",
  "judgments.decided_on",
  "judgments.kind",
  "judgments.charges",
  "judgments.causes",
  "judgments.articles",
  "judgments.term_months",
  "judgments.fine_yuan",
  "judgments.claimed_amount",
  "judgments.awarded_amount",
  "judgments.published",
] as const;

/** The judgments with these ids that the scope may see, with a short outcome excerpt. */
export async function findVisibleJudgments(db: Executor, ids: readonly string[], scope: JudgmentScope) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("judgments")
    .select(SUMMARY_COLUMNS)
    .select(sql<string>`left(judgments.outcome, 400)`.as("outcome_excerpt"))
    .where("judgments.id", "in", [...ids])
    .where(judgmentVisibleIn(scope))
    .execute();
}
export type JudgmentSummaryRow = Awaited<ReturnType<typeof findVisibleJudgments>>[number];

/** How many judgments the scope may see, per source (netcourt: court archives; lecard, cail: public corpora). */
export async function countVisibleJudgmentsBySource(
  db: Executor,
  scope: JudgmentScope,
): Promise<Array<{ source: JudgmentSource; judgments: number }>> {
  const rows = await db
    .selectFrom("judgments")
    .select(["judgments.source", (eb) => eb.fn.countAll<string>().as("n")])
    .where(judgmentVisibleIn(scope))
    .groupBy("judgments.source")
    .orderBy("judgments.source")
    .execute();
  return rows.map((row) => ({ source: row.source, judgments: Number(row.n) }));
}

/** One judgment with its text, if the scope may see it. */
export async function findVisibleJudgment(db: Executor, id: string, scope: JudgmentScope) {
  return db
    .selectFrom("judgments")
    .select([
      ...SUMMARY_COLUMNS,
      "judgments.facts",
      "judgments.reasoning",
      "judgments.outcome",
      "judgments.full_text",
    ])
    .where("judgments.id", "=", id)
    .where(judgmentVisibleIn(scope))
    .executeTakeFirst();
}

/** Rows to index after the mark, in index_seq order. */
export async function judgmentsToIndex(db: Executor, afterSeq: string, limit: number) {
  return db
    .selectFrom("judgments")
    .select([
      "id",
      "title",
      "facts",
      "reasoning",
      "outcome",
      "full_text",
      "charges",
      sql<string>`index_seq::text`.as("seq"),
    ])
    .where(sql<boolean>`index_seq > ${afterSeq}::bigint`)
    .orderBy("index_seq")
    .limit(limit)
    .execute();
}

/** Inserts or replaces (by source and source id) a batch of judgments; returns how many were new. */
export async function upsertJudgments(
  db: Executor,
  records: ReadonlyArray<JudgmentRecord & { courtId: string | null; published: boolean }>,
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  if (records.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto("judgments")
    .values(
      records.map((r) => ({
        source: r.source,
        source_id: r.sourceId,
        court_id: r.courtId,
        court_name: r.courtName,
        case_number: r.caseNumber,
        title: r.title,
        decided_on: r.decidedOn,
        kind: r.kind,
        facts: r.facts,
        reasoning: r.reasoning,
        outcome: r.outcome,
        full_text: r.fullText,
        charges: r.charges,
        causes: r.causes,
        articles: r.articles,
        term_months: r.termMonths,
        fine_yuan: r.fineYuan,
        claimed_amount: r.claimedAmount,
        awarded_amount: r.awardedAmount,
        published: r.published,
        imported_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["source", "source_id"]).doUpdateSet((eb) => ({
        court_id: eb.ref("excluded.court_id"),
        court_name: eb.ref("excluded.court_name"),
        case_number: eb.ref("excluded.case_number"),
        title: eb.ref("excluded.title"),
        decided_on: eb.ref("excluded.decided_on"),
        kind: eb.ref("excluded.kind"),
        facts: eb.ref("excluded.facts"),
        reasoning: eb.ref("excluded.reasoning"),
        outcome: eb.ref("excluded.outcome"),
        full_text: eb.ref("excluded.full_text"),
        charges: eb.ref("excluded.charges"),
        causes: eb.ref("excluded.causes"),
        articles: eb.ref("excluded.articles"),
        term_months: eb.ref("excluded.term_months"),
        fine_yuan: eb.ref("excluded.fine_yuan"),
        claimed_amount: eb.ref("excluded.claimed_amount"),
        awarded_amount: eb.ref("excluded.awarded_amount"),
        published: eb.ref("excluded.published"),
        updated_at: eb.ref("excluded.updated_at"),
        index_seq: sql<string>`nextval('judgments_index_seq')`,
      })),
    )
    // xmax = 0 only for a freshly inserted row (PostgreSQL's way to tell insert from update in an upsert).
    .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
    .execute();
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted };
}
