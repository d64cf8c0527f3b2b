export { allocateCaseNumber, assignCaseNumber } from "./commands/assign-case-number";
export { assignJudge, divisionKindsFor, type JudgeAssignmentRecord } from "./commands/assign-judge";
export { changeCaseStatus } from "./commands/change-case-status";
export { assignCaseMediator } from "./commands/assign-case-mediator";
export { closeDeadline, openDeadline } from "./commands/case-deadlines";
export {
  createDraftCase,
  discardDraftCase,
  replaceDraftContent,
  updateDraftParticulars,
  type DraftContent,
  type DraftParticulars,
} from "./commands/draft-case";
export { recordTimeline } from "./commands/record-timeline";
export { relationTo, relationToCase, seesFullIdentityOf, visibleTo, type CaseRelation } from "./cases.policy";
export { maskIdNumber, maskPhone } from "./cases.presenter";
// Reads (and the row lock a command takes first): the cases tables are written only through the
// commands above.
export {
  findCaseIdsOfParticipant,
  findCourtsOfLitigant,
  findLitigantsAtCourts,
  findVisibleCase,
  listCasesForReview,
  loadCaseSnapshot,
  loadCaseParts,
  lockCase,
  type AgentInput,
  type CaseParts,
  type CaseRow,
  type PartyInput,
} from "./cases.repository";
export {
  caseStatuses,
  canTransition,
  isEditableByFiler,
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
export { daysLeft, endOfCourtDay } from "./deadlines.rules";
export { courtDateOf } from "../courts/index";
export {
  computeAnswerDeadline,
  computeComplaintServiceDeadline,
  computeFeePaymentDeadline,
  computeRegistrationDeadline,
  computeTrialDeadlines,
  smallClaimsIssueOf,
  type Deadline,
  type SmallClaimsIssueCode,
  type StatedClaim,
} from "./procedure.rules";
export type { PartyKind, PartyRole, ProcedureValue } from "./cases.tables";
export {
  answerWindow,
  canCounterclaim,
  canObjectToJurisdiction,
  caseCodeFromBytes,
  checkPartyIdentity,
  defendantPartiesOf,
  formatCaseCode,
  isAnswerWindowOpen,
  normaliseCaseCode,
  type AnswerWindow,
  type PartyIdentityCheck,
} from "./defendant.rules";
export {
  decideJurisdictionObjectionRow,
  findAnswer,
  findAnswerAttachment,
  findDeadlineDue,
  insertAnswerAttachment,
  insertCaseAgent,
  insertCasePartyCode,
  insertCounterclaim,
  findCounterclaim,
  lockCounterclaim,
  updateCounterclaim,
  insertJurisdictionObjection,
  linkPartyAccount,
  listActiveAgentsOfParty,
  listAnswerAttachmentIds,
  listCasePartyCodes,
  listCounterclaims,
  listJurisdictionObjections,
  listSubmittedAnswers,
  lockCaseAgent,
  lockCasePartyCode,
  lockJurisdictionObjection,
  markAnswerSubmitted,
  revokeCaseAgent,
  upsertAnswerDraft,
} from "./defendant.repository";
export type { AnswerEvidence, AnswerResponse } from "./cases.tables";
