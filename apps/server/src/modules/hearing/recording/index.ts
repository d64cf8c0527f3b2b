// The hearing's recording (最高人民法院关于人民法院庭审录音录像的若干规定): chunks from the clerk's browser,
// sealed into one content-addressed WebM whose SHA-256 goes to the ledger, played by the participants.
export { registerRecordingRoutes } from "./recording.routes";
export { hearingRecordingSealJob } from "./recording.jobs";
export { scheduleRecordingSeal } from "./recording.job-kinds";
