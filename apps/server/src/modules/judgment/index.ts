export {
  AmountInputError,
  apportionCosts,
  assessPenalty,
  calculateCopyrightDamages,
  calculateInterest,
  calculatePrivateLendingInterest,
  calculatePunitiveDamages,
  capOverdueCharges,
  countDays,
  formatYuan,
  oneYearLprOn,
  privateLendingCaps,
  splitFenByShares,
  type AmountInputErrorCode,
  type AmountStep,
  type CopyrightDamagesInput,
  type CostsInput,
  type CostsResult,
  type DayBasis,
  type LendingInterestInput,
  type OverdueChargesInput,
  type PenaltyInput,
  type PunitiveInput,
} from "./judgment.amounts";
export {
  ELEMENT_TABLES,
  elementTableForCause,
  elementValueTypes,
  LAW_TITLES,
  loanElementsFor,
  loanKindOfCause,
  PREFILL_SOURCES,
  PROOF_KINDS,
  type ElementTable,
  type ElementValueType,
  type JudgmentElement,
  type LoanKind,
  type PrefillSource,
  type ProofKind,
} from "./judgment.elements";
export { LPR_TABLE_VALID_THROUGH, ONE_YEAR_LPR } from "./lpr.data";
// The judgment, ruling and mediation document drafted from the case's data.
export {
  buildJudgmentDocumentModels,
  citeLaws,
  judgmentDocumentFileName,
  judgmentDocumentKinds,
  type JudgmentDocumentKind,
  type JudgmentDocumentModel,
  type JudgmentDraftInput,
} from "./documents/judgment-draft";
// The element table of a case: the parties' positions and proposals, the judge's settlement.
export { registerJudgmentRoutes } from "./judgment.routes";
export type { JudgmentTables } from "./judgment.tables";
