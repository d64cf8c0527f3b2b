import { z } from "zod";

export const ZLiveHearingParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });

export const ZSegmentParams = z.strictObject({
  hearingId: z.uuid().describe("Hearing id"),
  seq: z.coerce.number().int().min(0).max(1_000_000).describe("The segment's number in its stream, from 0"),
});

export const ZStartLiveRequest = z.strictObject({
  hideFaces: z
    .boolean()
    .default(false)
    .describe("Show the parties and agents as a placeholder with their role only (never face or name)"),
});

const ZViewer = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .optional()
  .describe("A random id the viewer's page keeps, so each viewer is counted once");

export const ZPublicLiveQuery = z.strictObject({
  viewer: ZViewer,
  stream: z.uuid().optional().describe("A stream of the hearing (default: the latest)"),
});

export const ZReplayQuery = z.strictObject({
  stream: z.uuid().optional().describe("A stream of the hearing (default: the latest)"),
  fromSeq: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("First segment listed"),
  limit: z.coerce.number().int().min(1).max(5000).default(2000).describe("How many segments"),
});

export const ZLiveListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("How many"),
});

const ZPublicCase = {
  hearingId: z.uuid().describe("Hearing id"),
  courtId: z.uuid().describe("Court id"),
  caseNumber: z.string().nullable().describe("案号"),
  causeNameZh: z.string().nullable().describe("案由"),
  causeNameEn: z.string().nullable().describe("Cause of action"),
  partiesZh: z
    .string()
    .nullable()
    .describe("当事人 (as the announcement shows them: natural persons masked)"),
  partiesEn: z
    .string()
    .nullable()
    .describe("Parties (as the announcement shows them: natural persons masked)"),
};

export const ZLiveHearings = z.object({
  items: z
    .array(
      z.object({
        ...ZPublicCase,
        streamId: z.uuid().describe("The live stream"),
        startedAt: z.iso.datetime().describe("When the stream started"),
        latestSeq: z.number().int().nullable().describe("The latest segment's number"),
      }),
    )
    .describe("Public hearings streamed now"),
});

export const ZPublicLive = z.object({
  ...ZPublicCase,
  streamId: z.uuid().describe("The stream shown"),
  status: z.enum(["live", "ended"]).describe("live: streamed now; ended: the replay remains"),
  startedAt: z.iso.datetime().describe("When the stream started"),
  endedAt: z.iso.datetime().nullable().describe("When it ended"),
  latestSeq: z.number().int().nullable().describe("The latest segment's number (null before the first)"),
  viewers: z.number().int().describe("Viewers in the last seconds"),
  serverTime: z.number().int().describe("The server's clock (epoch ms), to measure the delay"),
  segmentUrl: z.string().describe("Template of a segment's address: replace {seq}"),
});

export const ZReplay = z.object({
  ...ZPublicCase,
  streams: z
    .array(
      z.object({
        streamId: z.uuid(),
        startedAt: z.iso.datetime(),
        endedAt: z.iso.datetime().nullable(),
        latestSeq: z.number().int().nullable(),
      }),
    )
    .describe("The hearing's streams, oldest first"),
  streamId: z.uuid().describe("The stream whose segments are listed"),
  segments: z
    .array(
      z.object({
        seq: z.number().int(),
        capturedAt: z.iso.datetime(),
        size: z.number().int(),
        url: z.string(),
      }),
    )
    .describe("Its segments in order (each a standalone WebM)"),
});

export const ZLiveControl = z.object({
  hearingId: z.uuid().describe("Hearing id"),
  mayStream: z.boolean().describe("Whether the law lets this hearing be streamed"),
  refusal: z
    .object({ reason: z.string(), reasonZh: z.string(), reasonEn: z.string() })
    .nullable()
    .describe("Why it may not be streamed (民事诉讼法第一百三十七条, 在线诉讼规则第二十七条)"),
  streamId: z.uuid().nullable().describe("The current or latest stream"),
  status: z.enum(["none", "live", "ended"]).describe("Whether the hearing is streamed now"),
  hideFaces: z.boolean().describe("Parties and agents shown as a placeholder"),
  latestSeq: z.number().int().nullable().describe("The latest segment's number"),
  viewers: z.number().int().describe("Viewers in the last seconds, across the court's servers"),
});
export type TLiveControl = z.infer<typeof ZLiveControl>;

export const ZPublishedSegment = z.object({
  streamId: z.uuid(),
  seq: z.number().int(),
  sha256: z.string(),
  capturedAt: z.iso.datetime(),
});
