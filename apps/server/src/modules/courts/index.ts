export {
  findMemberships,
  findCourtsReviewingAllVerifications,
  findCourt,
  findCourtByCode,
  listCourts,
  listDivisions,
  listJudges,
  listStaff,
  countCourts,
  insertCourt,
  insertDivision,
  insertStaff,
} from "./courts.repository";
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
export { registerCourtsRoutes } from "./courts.routes";
export { demoCourts, demoDivisions, demoSmallClaimsBasis, type CourtSeed } from "./courts.seed-data";
export { presentCourt } from "./courts.presenter";
