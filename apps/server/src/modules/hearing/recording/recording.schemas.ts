import { z } from "zod";

export const ZRecordingHearingParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });

export const ZChunkParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  seq: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .describe("The chunk's place in the recording, from 0 (0 opens a recording)"),
});

export const ZRecordingFileParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  recordingId: z.uuid().describe("Recording id"),
});

export const ZUploadedChunk = z.object({
  recordingId: z.uuid().describe("The recording the chunk belongs to"),
  seq: z.number().int().describe("The chunk's sequence number"),
  sha256: z.string().describe("SHA-256 of the chunk as received"),
  size: z.number().int().describe("Bytes"),
  isNew: z.boolean().describe("False when the same chunk had been received before"),
});

export const ZRecording = z.object({
  id: z.uuid().describe("Recording id"),
  status: z
    .enum(["open", "sealed"])
    .describe("open while chunks arrive; sealed once it is one file in the ledger"),
  mediaType: z.string().describe("Media type (video/webm)"),
  startedAt: z.iso.datetime().describe("When the first chunk arrived"),
  chunks: z.number().int().describe("Chunks received"),
  bytes: z.number().int().describe("Bytes received"),
  sha256: z.string().nullable().describe("SHA-256 of the sealed file (the value in the ledger)"),
  size: z.number().int().nullable().describe("Bytes of the sealed file"),
  durationMs: z.number().int().nullable().describe("Length, as the server saw the chunks arrive"),
  sealedAt: z.iso.datetime().nullable().describe("When it was sealed"),
  sealedBy: z
    .enum(["court", "system"])
    .nullable()
    .describe("The judge or clerk, or the system after the hearing"),
  missingSeqs: z.array(z.number().int()).describe("庭审录音录像规定第四条: chunks that never arrived"),
  fileUrl: z.string().nullable().describe("Where to play or download the sealed file"),
});

export const ZHearingRecordings = z.object({
  hearingId: z.uuid().describe("Hearing id"),
  canRecord: z.boolean().describe("Whether the caller runs the recorder (judge in charge, hearing clerk)"),
  recordings: z.array(ZRecording).describe("The hearing's recordings, oldest first"),
});
export type THearingRecordings = z.infer<typeof ZHearingRecordings>;
