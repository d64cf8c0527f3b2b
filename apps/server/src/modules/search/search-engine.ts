import { fileURLToPath } from "node:url";

/**
 * What tools outside the server (`@netcourt/evaluation`: LeCaRD and CAIL2018 evaluation) may use of
 * the search context: the judgment index, the legal text analysis, charge relatedness and the
 * outcome-prediction model. Published as `@netcourt/server/search-engine`; it loads neither the
 * database nor the HTTP server.
 */
export { JudgmentIndex, type RankingOptions } from "./engine/judgment-index";
export { AnalysisPool } from "./engine/analysis-pool";
export { DEFAULT_LEGAL_WEIGHTS } from "./engine/legal-similarity";
export {
  DEFAULT_CHARGE_RELATEDNESS,
  learnChargeRelatedness,
  relatedChargeCredit,
  type ChargeRelatedness,
  type RelatednessExample,
} from "./engine/charge-relatedness";
export { canonicalCharges, type JudgmentInput } from "./analysis/analyze-judgment";

/** The data module holding the shipped charge-relatedness table (`netcourt similar relatedness` writes it). */
export const CHARGE_RELATEDNESS_MODULE = fileURLToPath(
  new URL("./engine/charge-relatedness.data.ts", import.meta.url),
);

export {
  buildPredictionModel,
  checkDeviation,
  predictCaseload,
  predictOutcome,
  toPredictionLine,
  scoreCail,
  termToMonths,
  normalizeChargeName,
  type PredictionModelOptions,
  type OutcomePrediction,
  type CailScore,
  type CailLabelLists,
  type ScoredPrediction,
  type CaseOutcome,
  type CriminalCase,
  type PredictionLine,
  type ReferenceCase,
} from "./predict/index";
// The text features and vector arithmetic of the model, for the README's nearest-neighbour baseline.
export { charNgrams, stripToText } from "./predict/predict.text";
export { buildInvertedIndex, fitTfIdf, scoreAll, topK, vectorize } from "./predict/predict.vectors";
