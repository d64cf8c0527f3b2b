/**
 * Law search and citation checking: the catalogue of laws, regulations and judicial
 * interpretations (loaded from the laws corpus, held in memory or in PostgreSQL), search by title,
 * article number and words, and a checker that verifies every citation in a text.
 */
import { fileURLToPath } from "node:url";

/** The SQL creating the catalogue's tables (laws, law_articles, law_repeals), for the migration history. */
export const lawsSqlPath = fileURLToPath(new URL("./laws.sql", import.meta.url));

export type {
  EffectiveFromSource,
  LawArticleRecord,
  LawCorpus,
  LawDocument,
  LawRecord,
  LawRepealRecord,
  LocalizedText,
} from "./laws.types";
export {
  dedupeRepeals,
  lawCorpusFiles,
  loadLawCorpus,
  readLawArticleRecords,
  readLawRecords,
  repealsStatedIn,
  type LawCorpusFiles,
} from "./laws.loader";
export type { ArticleSearchHit, ArticleSearchOptions, LawCatalog } from "./law-catalog";
export { createMemoryLawCatalog } from "./law-catalog.memory";
export { createDbLawCatalog } from "./law-catalog.db";
export {
  countLawCatalog,
  getLawBody,
  importLawCorpus,
  type LawImport,
  type LawImportResult,
  type LawsTables,
} from "./laws.repository";
export type { LawArticlesTable, LawRepealsTable, LawsTable } from "./laws.tables";
export {
  findArticleInForce,
  findLawVersions,
  findVersionArticle,
  resolveLawTitle,
  versionLawIds,
  type TitleResolution,
} from "./law-lookup";
export { groupLawWorks, versionInForce, type LawVersion, type LawWork } from "./law-history.rules";
export {
  searchLaws,
  type ArticleResult,
  type LawResult,
  type LawSearchInterpretation,
  type LawSearchOptions,
  type LawSearchResponse,
  type LawSearchResult,
  type LawVersionSummary,
} from "./law-search";
export {
  extractCitations,
  type CitedArticle,
  type ExtractCitationsOptions,
  type ExtractedCitation,
} from "./citations.rules";
export {
  CITATION_FINDING_CODES,
  checkCitations,
  type CheckCitationsOptions,
  type CitationCheckResult,
  type CitationFinding,
  type CitationFindingCode,
  type FindingSeverity,
  type ResolvedArticle,
  type ResolvedLawVersion,
} from "./citation-check";
export {
  formatArticleLabel,
  formatChineseNumeral,
  parseArticleNumber,
  parseChineseNumeral,
  type ArticleNumber,
} from "./chinese-numerals.rules";
export { citationLabel, lawLabel } from "./law-labels";
