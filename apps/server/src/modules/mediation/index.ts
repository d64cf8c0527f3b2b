// Pre-litigation mediation (诉前调解): the court's register of invited mediators, applications and
// offers, the workspace of the parties and the mediator, the period, and the hand-over to filing.
export { registerMediationRoutes } from "./mediation.routes";
export { mediationDeadlineJobs, mediationPeriodJob, MEDIATION_PERIOD_JOB } from "./mediation.jobs";
export {
  findMediation,
  loadMediationParts,
  type MediationParts,
  type MediationRow,
} from "./mediation.repository";
export { relationToMediation, type MediationRelation, type MediationRelationKind } from "./mediation.policy";
export type { MediationStatus } from "./mediation.rules";
export type { MediationTables } from "./mediation.tables";
// Agreements and judicial confirmation: the confirmation's enforceability, for the enforcement issue.
export { findConfirmation, type ConfirmationRow } from "./mediation.confirmation.repository";
// The register's rows, for the demo seed (a court's invited mediators ready on first start).
export { insertMediator, insertOrganisation } from "./mediators.repository";
