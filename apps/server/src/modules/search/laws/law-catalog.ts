import type { LawArticleRecord, LawDocument, LawRepealRecord } from "./laws.types";

/** Options of a full-text article search. */
export interface ArticleSearchOptions {
  /** Only these documents (e.g. every part of one law version). */
  lawIds?: readonly string[] | undefined;
  /** Only documents marked as the latest version (default true). */
  latestOnly?: boolean | undefined;
  /** At most this many hits (default 20, at most 200). */
  limit?: number | undefined;
}

/** One article found by full-text search. */
export interface ArticleSearchHit {
  article: LawArticleRecord;
  law: LawDocument;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /** Whether every run of the query occurs verbatim in the article. */
  isPhraseMatch: boolean;
}

/**
 * The store of laws and articles the search and the citation checker read. One implementation
 * keeps the corpus in memory (`createMemoryLawCatalog`); the other reads PostgreSQL through
 * `laws.repository.ts` (`createDbLawCatalog`). Both answer the same questions the same way except
 * for the exact scores of full-text hits.
 */
export interface LawCatalog {
  /** Every document (all versions and parts) whose title key is one of `keys`. */
  findLawsByTitleKeys(keys: readonly string[]): Promise<LawDocument[]>;
  /** Documents whose title key ends with `suffix` (a title cited without its issuer: 《关于…的解释》). */
  findLawsByTitleKeySuffix(suffix: string, limit: number): Promise<LawDocument[]>;
  /** Documents whose title key contains `fragment`, shortest title first. */
  findLawsByTitleFragment(fragment: string, limit: number): Promise<LawDocument[]>;
  /** One document by id, or null. */
  getLaw(id: string): Promise<LawDocument | null>;
  /** The repeals (…同时废止) stated for any of these title keys. */
  findRepeals(keys: readonly string[]): Promise<LawRepealRecord[]>;
  /** The articles with this number and suffix in any of these documents. */
  findArticles(lawIds: readonly string[], number: number, suffix: string): Promise<LawArticleRecord[]>;
  /** The articles numbered `from`…`to` (inclusive, any suffix) in these documents, in number order. */
  findArticlesInRange(lawIds: readonly string[], from: number, to: number): Promise<LawArticleRecord[]>;
  /** The highest article number in these documents, or null when they have no articles. */
  maxArticleNumber(lawIds: readonly string[]): Promise<number | null>;
  /** Full-text search over article text by character bigrams, best first. */
  searchArticles(query: string, options?: ArticleSearchOptions): Promise<ArticleSearchHit[]>;
}

/** Ranking weight of an article whose headings contain the query (第八章 违约责任): both catalogues use it. */
export const HEADING_BOOST = 1.5;

/** The limit actually applied to a search (default 20, between 1 and 200). */
export function clampLimit(limit: number | undefined, fallback = 20): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(200, Math.max(1, Math.floor(limit)));
}
