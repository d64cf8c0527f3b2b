import { sql, type Kysely, type Selectable } from "kysely";
import { clampLimit, HEADING_BOOST, type ArticleSearchHit, type ArticleSearchOptions } from "./law-catalog";
import { searchableRuns, tsqueryFor, tsvectorSource } from "./search-terms.rules";
import type { LawArticlesTable, LawRepealsTable, LawsTable, LawsTables } from "./laws.tables";
import type {
  EffectiveFromSource,
  LawArticleRecord,
  LawDocument,
  LawRecord,
  LawRepealRecord,
} from "./laws.types";

export type { LawsTables } from "./laws.tables";

const LAW_COLUMNS = [
  "laws.id",
  "laws.path",
  "laws.category",
  "laws.title",
  "laws.title_key",
  "laws.short_title",
  "laws.subtitle",
  "laws.version_date",
  "laws.is_latest_version",
  "laws.effective_from",
  "laws.effective_from_source",
  "laws.history",
  "laws.article_count",
] as const;

const ARTICLE_COLUMNS = [
  "law_articles.id",
  "law_articles.law_id",
  "law_articles.number",
  "law_articles.suffix",
  "law_articles.position",
  "law_articles.label",
  "law_articles.part",
  "law_articles.headings",
  "law_articles.text",
] as const;

type LawRow = Omit<Selectable<LawsTable>, "body">;
type ArticleRow = Omit<Selectable<LawArticlesTable>, "search_vector">;

/** A DATE value as 'YYYY-MM-DD', whether the driver returned a string or a Date (local calendar day). */
function dateText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return typeof value === "string" ? value.slice(0, 10) : null;
}

function toLawDocument(row: LawRow): LawDocument {
  return {
    id: row.id,
    path: row.path,
    category: row.category,
    title: row.title,
    titleKey: row.title_key,
    shortTitle: row.short_title,
    subtitle: row.subtitle,
    versionDate: dateText(row.version_date),
    isLatestVersion: row.is_latest_version,
    effectiveFrom: dateText(row.effective_from),
    effectiveFromSource: row.effective_from_source as EffectiveFromSource | null,
    history: row.history,
    articleCount: row.article_count,
  };
}

function toArticle(row: ArticleRow): LawArticleRecord {
  return {
    id: row.id,
    lawId: row.law_id,
    number: row.number,
    suffix: row.suffix,
    position: row.position,
    label: row.label,
    part: row.part,
    headings: row.headings,
    text: row.text,
  };
}

function toRepeal(row: Selectable<LawRepealsTable>): LawRepealRecord {
  return {
    repealedTitle: row.repealed_title,
    repealedTitleKey: row.repealed_title_key,
    repealedOn: dateText(row.repealed_on),
    repealedByLawId: row.repealed_by_law_id,
    repealedByTitle: row.repealed_by_title,
    repealedByTitleKey: row.repealed_by_title_key,
    repealedByArticle: row.repealed_by_article,
  };
}

/** Every document whose title key is one of `keys`, by path. */
export async function findLawsByTitleKeys(
  db: Kysely<LawsTables>,
  keys: readonly string[],
): Promise<LawDocument[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("laws")
    .select(LAW_COLUMNS)
    .where("laws.title_key", "in", [...new Set(keys)])
    .orderBy("laws.path")
    .execute();
  return rows.map(toLawDocument);
}

/** Documents whose title key ends with `suffix`, shortest title first. */
export async function findLawsByTitleKeySuffix(
  db: Kysely<LawsTables>,
  suffix: string,
  limit: number,
): Promise<LawDocument[]> {
  if (suffix.length === 0) return [];
  const rows = await db
    .selectFrom("laws")
    .select(LAW_COLUMNS)
    .where(sql<boolean>`right(laws.title_key, ${suffix.length}) = ${suffix}`)
    .orderBy(sql`length(laws.title_key)`)
    .orderBy("laws.path")
    .limit(limit)
    .execute();
  return rows.map(toLawDocument);
}

/** Documents whose title key contains `fragment` (a scan of one short column of ~1,500 rows), shortest first. */
export async function findLawsByTitleFragment(
  db: Kysely<LawsTables>,
  fragment: string,
  limit: number,
): Promise<LawDocument[]> {
  if (fragment.length === 0) return [];
  const rows = await db
    .selectFrom("laws")
    .select(LAW_COLUMNS)
    .where(sql<boolean>`strpos(laws.title_key, ${fragment}) > 0`)
    .orderBy(sql`length(laws.title_key)`)
    .orderBy("laws.path")
    .limit(limit)
    .execute();
  return rows.map(toLawDocument);
}

/** One document by id, or null. */
export async function getLaw(db: Kysely<LawsTables>, id: string): Promise<LawDocument | null> {
  const row = await db.selectFrom("laws").select(LAW_COLUMNS).where("laws.id", "=", id).executeTakeFirst();
  return row ? toLawDocument(row) : null;
}

/** The Markdown body of a document, or null. */
export async function getLawBody(db: Kysely<LawsTables>, id: string): Promise<string | null> {
  const row = await db.selectFrom("laws").select("laws.body").where("laws.id", "=", id).executeTakeFirst();
  return row?.body ?? null;
}

/** The repeals stated for any of these title keys. */
export async function findRepeals(
  db: Kysely<LawsTables>,
  keys: readonly string[],
): Promise<LawRepealRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("law_repeals")
    .selectAll()
    .where("repealed_title_key", "in", [...new Set(keys)])
    .orderBy("repealed_on")
    .execute();
  return rows.map(toRepeal);
}

/** The articles with this number and suffix in any of the documents. */
export async function findArticles(
  db: Kysely<LawsTables>,
  lawIds: readonly string[],
  number: number,
  suffix: string,
): Promise<LawArticleRecord[]> {
  if (lawIds.length === 0) return [];
  const rows = await db
    .selectFrom("law_articles")
    .select(ARTICLE_COLUMNS)
    .where("law_articles.law_id", "in", [...lawIds])
    .where("law_articles.number", "=", number)
    .where("law_articles.suffix", "=", suffix)
    .orderBy("law_articles.law_id")
    .execute();
  return rows.map(toArticle);
}

/** The articles numbered from…to (inclusive, any suffix) in the documents, in number order. */
export async function findArticlesInRange(
  db: Kysely<LawsTables>,
  lawIds: readonly string[],
  from: number,
  to: number,
): Promise<LawArticleRecord[]> {
  if (lawIds.length === 0 || to < from) return [];
  const rows = await db
    .selectFrom("law_articles")
    .select(ARTICLE_COLUMNS)
    .where("law_articles.law_id", "in", [...lawIds])
    .where("law_articles.number", ">=", from)
    .where("law_articles.number", "<=", to)
    .orderBy("law_articles.number")
    .orderBy("law_articles.position")
    .execute();
  return rows.map(toArticle);
}

/** The highest article number of the documents, or null when they have none. */
export async function maxArticleNumber(
  db: Kysely<LawsTables>,
  lawIds: readonly string[],
): Promise<number | null> {
  if (lawIds.length === 0) return null;
  const row = await db
    .selectFrom("law_articles")
    .select((eb) => eb.fn.max("law_articles.number").as("max"))
    .where("law_articles.law_id", "in", [...lawIds])
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? null : Number(row.max);
}

/**
 * Full-text search: articles holding every bigram of the query (GIN index on search_vector),
 * exact phrases first, then by ts_rank_cd weighted towards national laws.
 */
export async function searchArticles(
  db: Kysely<LawsTables>,
  query: string,
  options: ArticleSearchOptions = {},
): Promise<ArticleSearchHit[]> {
  const all = tsqueryFor(query, "all");
  const phrase = tsqueryFor(query, "phrase");
  if (all === null || phrase === null) return [];
  const limit = clampLimit(options.limit);
  const runs = searchableRuns(query);
  const headings = sql`lower(array_to_string(law_articles.headings, ' '))`;
  const headingMatch = sql.join(
    runs.map((run) => sql`strpos(${headings}, ${run}) > 0`),
    sql` and `,
  );
  let builder = db
    .selectFrom("law_articles")
    .innerJoin("laws", "laws.id", "law_articles.law_id")
    // laws.id equals law_articles.law_id; selecting both would let one `id` overwrite the other.
    .select([...ARTICLE_COLUMNS, ...LAW_COLUMNS.filter((column) => column !== "laws.id")])
    .select(sql<boolean>`law_articles.search_vector @@ to_tsquery('simple', ${phrase})`.as("is_phrase_match"))
    .select(
      sql<number>`ts_rank_cd(law_articles.search_vector, to_tsquery('simple', ${all}), 1) * case
        when laws.category in ('民法典', '宪法', '刑法', '诉讼与非诉讼程序法', '民法商法', '行政法', '经济法', '社会法', '宪法相关法') then 1
        when laws.category = '司法解释' then 0.9
        when laws.category = '行政法规' then 0.8
        when laws.category = '部门规章' then 0.7
        else 0.5 end
        * case when ${headingMatch} then ${sql.lit(HEADING_BOOST)} else 1.0 end`.as("rank"),
    )
    .where(sql<boolean>`law_articles.search_vector @@ to_tsquery('simple', ${all})`);
  if (options.lawIds)
    builder = builder.where(
      "law_articles.law_id",
      "in",
      options.lawIds.length > 0 ? [...options.lawIds] : [""],
    );
  if (options.latestOnly ?? true) builder = builder.where("laws.is_latest_version", "=", true);
  const rows = await builder
    .orderBy("is_phrase_match", "desc")
    .orderBy("rank", "desc")
    .orderBy("laws.path")
    .orderBy("law_articles.position")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    article: toArticle(row),
    law: toLawDocument({ ...row, id: row.law_id }),
    score: Number(row.rank) * (row.is_phrase_match ? 1.5 : 1),
    isPhraseMatch: row.is_phrase_match,
  }));
}

/** Records to import; laws before their articles and repeals. Iterables may be async (streamed from the loader). */
export interface LawImport {
  laws: Iterable<LawRecord> | AsyncIterable<LawRecord>;
  articles: Iterable<LawArticleRecord> | AsyncIterable<LawArticleRecord>;
  repeals: Iterable<LawRepealRecord> | AsyncIterable<LawRepealRecord>;
}

/** What an import wrote. */
export interface LawImportResult {
  laws: number;
  articles: number;
  repeals: number;
}

async function* batches<T>(source: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports the corpus in batched inserts inside one transaction (or the caller's). Idempotent by law
 * id: a law already present is updated, and its articles and the repeals it states are replaced, so
 * importing the same corpus twice leaves the same rows.
 */
export async function importLawCorpus(
  db: Kysely<LawsTables>,
  source: LawImport,
  options: { lawBatch?: number; articleBatch?: number } = {},
): Promise<LawImportResult> {
  const work = async (trx: Kysely<LawsTables>): Promise<LawImportResult> => {
    const lawIds: string[] = [];
    for await (const batch of batches(source.laws, options.lawBatch ?? 50)) {
      await trx
        .insertInto("laws")
        .values(
          batch.map((law) => ({
            id: law.id,
            path: law.path,
            category: law.category,
            title: law.title,
            title_key: law.titleKey,
            short_title: law.shortTitle,
            subtitle: law.subtitle,
            version_date: law.versionDate,
            is_latest_version: law.isLatestVersion,
            effective_from: law.effectiveFrom,
            effective_from_source: law.effectiveFromSource,
            history: law.history,
            article_count: law.articleCount,
            body: law.body,
          })),
        )
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            path: eb.ref("excluded.path"),
            category: eb.ref("excluded.category"),
            title: eb.ref("excluded.title"),
            title_key: eb.ref("excluded.title_key"),
            short_title: eb.ref("excluded.short_title"),
            subtitle: eb.ref("excluded.subtitle"),
            version_date: eb.ref("excluded.version_date"),
            is_latest_version: eb.ref("excluded.is_latest_version"),
            effective_from: eb.ref("excluded.effective_from"),
            effective_from_source: eb.ref("excluded.effective_from_source"),
            history: eb.ref("excluded.history"),
            article_count: eb.ref("excluded.article_count"),
            body: eb.ref("excluded.body"),
          })),
        )
        .execute();
      lawIds.push(...batch.map((law) => law.id));
    }
    for (const ids of chunk(lawIds, 1000)) {
      await trx.deleteFrom("law_articles").where("law_id", "in", ids).execute();
      await trx.deleteFrom("law_repeals").where("repealed_by_law_id", "in", ids).execute();
    }
    let articles = 0;
    for await (const batch of batches(source.articles, options.articleBatch ?? 500)) {
      await trx
        .insertInto("law_articles")
        .values(
          batch.map((article) => ({
            id: article.id,
            law_id: article.lawId,
            number: article.number,
            suffix: article.suffix,
            position: article.position,
            label: article.label,
            part: article.part,
            headings: article.headings,
            text: article.text,
            search_vector: sql<string>`to_tsvector('simple', ${tsvectorSource(article.text)})`,
          })),
        )
        .execute();
      articles += batch.length;
    }
    let repeals = 0;
    for await (const batch of batches(source.repeals, 500)) {
      await trx
        .insertInto("law_repeals")
        .values(
          batch.map((repeal) => ({
            repealed_title_key: repeal.repealedTitleKey,
            repealed_by_title_key: repeal.repealedByTitleKey,
            repealed_title: repeal.repealedTitle,
            repealed_on: repeal.repealedOn,
            repealed_by_law_id: repeal.repealedByLawId,
            repealed_by_title: repeal.repealedByTitle,
            repealed_by_article: repeal.repealedByArticle,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["repealed_title_key", "repealed_by_title_key"]).doUpdateSet((eb) => ({
            repealed_title: eb.ref("excluded.repealed_title"),
            repealed_on: eb.ref("excluded.repealed_on"),
            repealed_by_law_id: eb.ref("excluded.repealed_by_law_id"),
            repealed_by_title: eb.ref("excluded.repealed_by_title"),
            repealed_by_article: eb.ref("excluded.repealed_by_article"),
          })),
        )
        .execute();
      repeals += batch.length;
    }
    return { laws: lawIds.length, articles, repeals };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** How many laws, articles and repeals the catalogue holds. */
export async function countLawCatalog(db: Kysely<LawsTables>): Promise<LawImportResult> {
  const [laws, articles, repeals] = await Promise.all([
    db
      .selectFrom("laws")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("law_articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("law_repeals")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { laws: Number(laws.n), articles: Number(articles.n), repeals: Number(repeals.n) };
}

/** The ids of every law document in the catalogue. */
export async function listLawIds(db: Kysely<LawsTables>): Promise<string[]> {
  const rows = await db.selectFrom("laws").select("laws.id").execute();
  return rows.map((row) => row.id);
}
