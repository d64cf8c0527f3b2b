export {
  findMemberships,
  findCourtsReviewingAllVerifications,
  findCourt,
  findCourtByCode,
  findCourtLabels,
  listCourts,
  listDivisions,
  listStaff,
  countCourts,
  insertCourt,
  insertDivision,
  insertStaff,
} from "./courts.repository";
export { listJudges, type CourtJudge } from "./courts.queries";
export type { CourtLevel, DivisionKind } from "./courts.tables";
export {
  computePeriodEnd,
  courtDateOf,
  addDays,
  isWorkingDay,
  daysBetween,
  CalendarError,
  type IsoDate,
  type PeriodEnd,
} from "./calendar.rules";
export { registerCourtsRoutes, type CourtsCausesPort } from "./courts.routes";
export {
  findCourtroom,
  findCourtroomsByIds,
  insertCourtroom,
  listCourtrooms,
  type CourtroomRow,
} from "./courtrooms.repository";
export { presentCourtroom, ZCourtroom } from "./courtrooms.routes";
export { demoCourts, demoDivisions, demoSmallClaimsBasis, type CourtSeed } from "./courts.seed-data";
export { presentCourt } from "./courts.presenter";
export {
  firstInstanceJurisdictionIssue,
  hasFirstInstanceJurisdiction,
  type JurisdictionIssue,
} from "./jurisdiction.rules";
