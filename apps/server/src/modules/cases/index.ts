export { assignCaseNumber } from "./commands/assign-case-number";
export { assignJudge, divisionKindsFor, type JudgeAssignmentRecord } from "./commands/assign-judge";
export { changeCaseStatus } from "./commands/change-case-status";
export {
  canEditFiling,
  canReviewFiling,
  relationTo,
  relationToCase,
  seesFullIdentityOf,
  visibleTo,
  type CaseRelation,
} from "./cases.policy";
export { maskIdNumber, maskPhone } from "./cases.presenter";
export {
  appendTimeline,
  closeDeadline,
  deleteDraft,
  findCourtsOfLitigant,
  findLitigantsAtCourts,
  findVisibleCase,
  insertDraftCase,
  linkPartyToUser,
  listCasesForReview,
  loadCaseParts,
  lockCase,
  openDeadline,
  replaceCaseContent,
  updateCase,
  type AgentInput,
  type CaseParts,
  type CaseRow,
  type PartyInput,
} from "./cases.repository";
export {
  caseStatuses,
  canTransition,
  isEditableByFiler,
  terminalStatuses,
  type CaseStatus,
  type CaseTransition,
} from "./cases.rules";
export { registerCasesRoutes, courtRef, type CaseActionProvider } from "./cases.routes";
export { CASE_TYPES, findCaseType, formatCaseNumber, parseCaseNumber } from "./case-number.rules";
export {
  findCause,
  findCauseByName,
  feeKindOfCause,
  searchCauses,
  childCauses,
  causePath,
} from "./causes.rules";
export { CAUSES_OF_ACTION, type CauseOfAction } from "./causes.data";
export { daysLeft, endOfCourtDay, monthsEndAt, periodEndsAt, trialLimitMonths } from "./deadlines.rules";
export { courtDateOf } from "../courts/index";
export { smallClaimsIssueOf, type SmallClaimsIssueCode, type StatedClaim } from "./procedure.rules";
export type { PartyKind, PartyRole, ProcedureValue } from "./cases.tables";
