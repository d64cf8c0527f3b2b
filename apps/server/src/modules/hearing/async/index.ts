// The asynchronous trial (非同步审理, 在线诉讼规则第二十条): application, consents, the judge's opening,
// questions with response windows, answers, requests for a live hearing, and the record on closing.
export { registerAsyncTrialRoutes } from "./async-trial.routes";
export { asyncTrialReminderJob, asyncTrialWindowJob } from "./async-trial.jobs";
export type { AsyncTrialTables } from "./async-trial.tables";
