// Similar-case retrieval (类案推送): the embedded judgment index and the legal text analysis it uses.
export {
  JudgmentIndex,
  DEFAULT_RANKING,
  DEFAULT_INDEXED_FIELDS,
  type JudgmentIndexOptions,
  type RankingOptions,
  type SearchOptions,
  type SimilarCaseHit,
  type SimilarCaseResult,
  type HitExplanation,
} from "./engine/judgment-index";
export { AnalysisPool } from "./engine/analysis-pool";
export type { HighlightedPassage } from "./engine/highlight";
export { compareLegalFeatures, type LegalAgreement, type LegalWeights } from "./engine/legal-similarity";
export type { StoredJudgment } from "./engine/segment";
export {
  analyzeJudgment,
  analyzeQuery,
  type AnalyzedJudgment,
  type AnalyzedQuery,
  type JudgmentFeatures,
  type JudgmentInput,
  type SimilarCaseQuery,
  type TextField,
  TEXT_FIELDS,
} from "./analysis/analyze-judgment";
export { splitJudgmentSections, type JudgmentSections } from "./analysis/sections";
export { extractElements, type LegalElements } from "./analysis/elements";
export { extractCharges, canonicalizeCharge } from "./analysis/charges";
export { extractLawArticles } from "./analysis/articles";
export { normalizeNumerals } from "./analysis/numerals";
export { createTextAnalyzer, type TextAnalyzer } from "./analysis/tokenizer";
// The search context in the product: laws and judgments in the database, routes, import commands.
export { registerSearchRoutes } from "./search.routes";
export { SearchService, judgmentIndexDir, type SearchServiceOptions } from "./search.service";
export { importLaws, type ImportLawsOptions } from "./commands/import-laws";
export {
  importJudgments,
  type ImportJudgmentsOptions,
  type ImportJudgmentsResult,
} from "./commands/import-judgments";
export {
  JUDGMENT_FORMATS,
  parseJudgmentLine,
  type JudgmentFormat,
  type JudgmentRecord,
} from "./search.formats";
