// Hearings (开庭): scheduling by the judge, the summons (传票) served through delivery, adjournment and
// cancellation, conflicts of judges, clerks and courtrooms, the public announcement (开庭公告) and the
// reminder. The online hearing room, recordings, transcripts, asynchronous trial and live-streaming build
// on `hearings` (mode, is_public, room_key) and `hearing_participants` (who is admitted), with access
// through hearing.access.ts (loadHearingFor, hearingRoleOf).
export { registerHearingRoutes } from "./hearing.routes";
export { hearingReminderJob } from "./hearing.jobs";
export { transcribeChunkJob } from "./transcript/index";
export { asyncTrialReminderJob, asyncTrialWindowJob } from "./async/index";
export { hearingRecordingSealJob, scheduleRecordingSeal } from "./recording/index";
