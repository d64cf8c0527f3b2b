import type { Kysely } from "kysely";
import type { LawCatalog } from "./law-catalog";
import * as repository from "./laws.repository";
import type { LawsTables } from "./laws.tables";

/** The law catalogue over PostgreSQL (or PGlite): the same answers as the in-memory one, from laws.sql tables. */
export function createDbLawCatalog(db: Kysely<LawsTables>): LawCatalog {
  return {
    findLawsByTitleKeys: (keys) => repository.findLawsByTitleKeys(db, keys),
    findLawsByTitleKeySuffix: (suffix, limit) => repository.findLawsByTitleKeySuffix(db, suffix, limit),
    findLawsByTitleFragment: (fragment, limit) => repository.findLawsByTitleFragment(db, fragment, limit),
    getLaw: (id) => repository.getLaw(db, id),
    findRepeals: (keys) => repository.findRepeals(db, keys),
    findArticles: (lawIds, number, suffix) => repository.findArticles(db, lawIds, number, suffix),
    findArticlesInRange: (lawIds, from, to) => repository.findArticlesInRange(db, lawIds, from, to),
    maxArticleNumber: (lawIds) => repository.maxArticleNumber(db, lawIds),
    searchArticles: (query, options) => repository.searchArticles(db, query, options),
  };
}
