import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZTranscriptParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });
export const ZSegmentParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  segmentId: z.uuid().describe("Segment id"),
});
export const ZVersionParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  versionId: z.uuid().describe("Transcript version id"),
});
export const ZCorrectionParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  correctionId: z.uuid().describe("Correction request id"),
});

export const ZTranscriptQuery = z.strictObject({
  since: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(0)
    .describe("Only segments changed after this cursor (the `cursor` of the previous answer); 0: all"),
});

export const ZAudioQuery = z.strictObject({
  seq: z.coerce.number().int().min(0).max(1_000_000).describe("The sender's chunk number, from 0"),
  offsetMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400_000)
    .describe("Where the chunk starts, in milliseconds since the hearing opened"),
  durationMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .optional()
    .describe("How long the chunk lasts, when the recorder knows"),
});

export const ZSpeakerRole = z
  .enum([
    "judge",
    "clerk",
    "plaintiff",
    "defendant",
    "third_party",
    "plaintiff_agent",
    "defendant_agent",
    "third_party_agent",
    "other",
  ])
  .describe("Who spoke, as the transcript prints it (审判员, 原告, 被告代理人 …)");

export const ZSpeakerInput = z
  .union([
    z.strictObject({ participantId: z.uuid().describe("A participant of the hearing") }),
    z.strictObject({ name: text(100).describe("Someone else who spoke (a witness), by name") }),
  ])
  .describe("The speaker: a participant of the hearing, or another person by name");

export const ZAddSegmentRequest = z.strictObject({
  startMs: z
    .number()
    .int()
    .min(0)
    .max(86_400_000)
    .describe("Hearing time the line begins (ms since opening)"),
  endMs: z.number().int().min(0).max(86_400_000).optional().describe("Hearing time it ends"),
  speaker: ZSpeakerInput,
  text: text(4000).describe("What was said"),
});

/** Text, speaker or both; an empty change is refused after sign-in (so the anonymous get 401, not 400). */
export const ZEditSegmentRequest = z.strictObject({
  text: text(4000).optional().describe("The corrected text (the recognised original is kept)"),
  speaker: ZSpeakerInput.optional(),
});

export const ZStrikeSegmentRequest = z.strictObject({
  isStruck: z.boolean().describe("true: strike the segment from the transcript; false: restore it"),
  reason: text(500)
    .nullish()
    .transform((v) => v ?? null)
    .describe("Why it is struck (required when striking)"),
});

export const ZCloseTranscriptRequest = z.strictObject({
  absentParticipantIds: z
    .array(z.uuid())
    .max(100)
    .default([])
    .describe("Parties or agents who did not attend: recorded absent instead of asked to sign"),
});

export const ZSignTranscriptRequest = z.strictObject({
  contentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("The SHA-256 of the version read (its `contentSha256`): the signature confirms that text"),
});

export const ZRefuseTranscriptRequest = z.strictObject({
  reason: text(1000).describe("Why the participant refuses to sign (民事诉讼法第一百五十条第三款: 记明情况)"),
});

export const ZCorrectionRequest = z.strictObject({
  request: text(2000).describe(
    "What is missing or wrong in the record of one's statement, and how it should read",
  ),
  segmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe("The line concerned, if one"),
});

export const ZDeclineCorrectionRequest = z.strictObject({
  answer: text(2000).describe("Why the transcript is not corrected as asked"),
});

export const ZTranscriptSegment = z.object({
  id: z.uuid(),
  startMs: z.number().int().describe("Hearing time it begins (ms since opening)"),
  endMs: z.number().int(),
  speakerRole: ZSpeakerRole,
  speakerName: z.string(),
  participantId: z.uuid().nullable(),
  source: z.enum(["asr", "manual"]).describe("asr: speech recognition; manual: written by the clerk"),
  text: z.string().describe("The current text"),
  originalText: z.string().nullable().describe("What speech recognition heard, never changed"),
  editCount: z.number().int().describe("How many edits were made"),
  isStruck: z.boolean(),
  struckReason: z.string().nullable(),
  changeNo: z.number().int().describe("Change number: the cursor moves past it"),
});

export const ZTranscriptParticipant = z.object({
  id: z.uuid().describe("Participant id (for speaker changes)"),
  role: z.enum(["judge", "clerk", "party", "agent"]),
  speakerRole: ZSpeakerRole,
  name: z.string(),
});

export const ZTranscriptState = z
  .enum(["recording", "awaiting_signatures", "signed"])
  .describe("recording: no version frozen yet; awaiting_signatures; signed: complete and filed");

export const ZVersionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(["awaiting_signatures", "signed"]),
  contentSha256: z.string(),
  closedAt: z.iso.datetime(),
});

export const ZTranscript = z.object({
  hearingId: z.uuid(),
  hearingStatus: z.string().describe("The hearing's status"),
  state: ZTranscriptState,
  cursor: z.number().int().describe("Pass as `since` to get only later changes"),
  segments: z.array(ZTranscriptSegment),
  pendingChunks: z.number().int().describe("Audio chunks still being transcribed"),
  failedChunks: z
    .array(
      z.object({
        participantId: z.uuid(),
        startMs: z.number().int().describe("Hearing time the chunk begins (ms since opening)"),
        endMs: z.number().int().nullable(),
      }),
    )
    .describe("Audio speech recognition could not read: stretches the clerk writes in by hand"),
  participants: z.array(ZTranscriptParticipant),
  version: ZVersionSummary.nullable(),
  openCorrections: z.number().int(),
  actions: z.object({
    canEdit: z.boolean(),
    canClose: z.boolean(),
    canPostAudio: z.boolean(),
  }),
});
export type TTranscript = z.infer<typeof ZTranscript>;

export const ZSegmentEdits = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(["insert", "text", "speaker", "strike", "restore"]),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()),
      editedBy: z.uuid(),
      editedAt: z.iso.datetime(),
    }),
  ),
});

export const ZFrozenSegment = z.object({
  id: z.uuid(),
  startMs: z.number().int(),
  endMs: z.number().int(),
  speakerRole: ZSpeakerRole,
  speakerName: z.string(),
  text: z.string(),
  source: z.enum(["asr", "manual"]),
});

export const ZTranscriptSigning = z.object({
  hearingId: z.uuid(),
  caseId: z.uuid(),
  state: ZTranscriptState,
  version: ZVersionSummary.extend({ segments: z.array(ZFrozenSegment) }).nullable(),
  signers: z.array(
    z.object({
      participantId: z.uuid(),
      role: z.enum(["judge", "clerk", "party", "agent"]),
      speakerRole: ZSpeakerRole,
      name: z.string(),
      decision: z.enum(["pending", "signed", "refused", "absent"]),
      refusalReason: z.string().nullable(),
      absence: z.enum(["not_present", "no_account"]).nullable(),
      decidedAt: z.iso.datetime().nullable(),
      isSelf: z.boolean(),
    }),
  ),
  corrections: z.array(
    z.object({
      id: z.uuid(),
      versionNumber: z.number().int().nullable(),
      name: z.string(),
      segmentId: z.uuid().nullable(),
      request: z.string(),
      status: z.enum(["open", "corrected", "declined"]),
      answer: z.string().nullable(),
      createdAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
      isMine: z.boolean(),
    }),
  ),
  document: z
    .object({
      issueId: z.uuid(),
      versions: z.array(z.object({ id: z.uuid(), locale: z.enum(["zh-CN", "en"]) })),
    })
    .nullable()
    .describe("The signed transcript, once complete (download through the case documents)"),
  actions: z.object({
    canSign: z.boolean().describe("The caller is asked to sign this version"),
    canRequestCorrection: z.boolean(),
    canDeclineCorrections: z.boolean(),
    canReissue: z.boolean(),
  }),
});
export type TTranscriptSigning = z.infer<typeof ZTranscriptSigning>;

export const ZAudioAccepted = z.object({
  chunkId: z.uuid(),
  seq: z.number().int(),
  status: z.enum(["pending", "transcribed", "failed"]),
  isNew: z.boolean().describe("false: this chunk number was received before (a retry)"),
});

export const ZSignResult = z.object({
  isComplete: z.boolean().describe("Every signer is done: the signed transcript was issued"),
});

export const ZCreated = z.object({ id: z.uuid().describe("The record's id") });
