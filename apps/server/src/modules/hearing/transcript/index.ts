// The hearing transcript (庭审笔录): speech recognition of each participant's audio, the clerk's editor,
// online reading and signature of a frozen version, and the signed document with its hash in the ledger.
export { registerTranscriptRoutes } from "./transcript.routes";
export { transcribeChunkJob } from "./transcript.jobs";
