// Public surface of criminal outcome prediction and deviation warnings (裁判偏离度预警).
export { buildPredictionModel, DEFAULT_MODEL_OPTIONS } from "./predict.model";
export type { PredictionModel, PredictionModelOptions, ModelCase } from "./predict.model";
export {
  predictOutcome,
  predictCaseload,
  checkDeviation,
  toPredictionLine,
  severityOf,
  termFromSeverity,
  DEFAULT_DEVIATION_OPTIONS,
} from "./predict.rules";
export type {
  OutcomePrediction,
  SimilarCase,
  ScoredLabel,
  ProposedOutcome,
  DeviationOptions,
  DeviationReport,
  TermDeviation,
  RangeCase,
  LabelSupport,
} from "./predict.rules";
export { buildAwardModel, checkAwardDeviation, DEFAULT_AWARD_OPTIONS } from "./predict.civil";
export type {
  AwardModel,
  AwardDeviation,
  AwardDeviationOptions,
  AwardRangeCase,
  CivilReferenceRecord,
  ProposedAward,
} from "./predict.civil";
export { caseloadScoreShift, DEFAULT_CASELOAD_PRIOR_OPTIONS } from "./predict.caseload";
export type { CaseloadPriorOptions } from "./predict.caseload";
export { extractFeatures, extractAmounts, parseChineseNumber } from "./predict.features";
export type { CaseFeatures } from "./predict.features";
export type { DeviationFinding, DeviationCode } from "./predict.messages";
export { supportedRange, locateInRange, weightedQuantile, DEFAULT_RANGE_OPTIONS } from "./predict.range";
export type { SupportedRange, RangeOptions, RangePosition, RangeSample } from "./predict.range";
export { scoreCail, termScore, termToMonths, monthsToTerm, normalizeChargeName } from "./predict.scoring";
export type { CailScore, CailLabelLists, ScoredPrediction } from "./predict.scoring";
export type {
  CriminalCase,
  ReferenceCase,
  CaseOutcome,
  PredictionLine,
  TermOfImprisonment,
} from "./predict.types";
