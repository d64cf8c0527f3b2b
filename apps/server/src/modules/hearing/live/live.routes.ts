import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../../context";
import { AppError, commandMeta, requireUser, type ZodApp } from "../../../platform";
import { publishSegment } from "./commands/publish-segment";
import { startLive } from "./commands/start-live";
import { stopLive } from "./commands/stop-live";
import { LiveHub } from "./live.hub";
import {
  forgetPublicStream,
  getLiveControl,
  getPublicLive,
  getReplay,
  listLiveHearings,
  loadPublicStream,
} from "./live.queries";
import { MAX_SEGMENT_BYTES, MAX_SEQ_AHEAD, SEGMENT_WAIT_MS } from "./live.rules";
import {
  ZLiveControl,
  ZLiveHearings,
  ZLiveHearingParams,
  ZLiveListQuery,
  ZPublicLive,
  ZPublicLiveQuery,
  ZPublishedSegment,
  ZReplay,
  ZReplayQuery,
  ZSegmentParams,
  ZStartLiveRequest,
} from "./live.schemas";

const tags = ["hearing"];
const WEBM = /^video\/webm(\s*;.*)?$/i;

/**
 * Per client address: a viewer fetches a segment every second or two and the status now and then, so
 * the budget is higher than other public reads; a court serving many viewers behind one address puts a
 * CDN in front (docs/hearing-recording.md).
 */
const liveRateLimits = {
  segments: { max: 900, timeWindow: 60_000 },
  status: { max: 300, timeWindow: 60_000 },
};

function epochHeader(request: FastifyRequest, name: string): number | null {
  const value = request.headers[name];
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

/** The viewer's own id, or its address: each viewer counted once. */
function viewerKey(request: FastifyRequest, viewer: string | undefined): string {
  return viewer ?? `ip:${request.ip}`;
}

/**
 * 庭审公开: the live stream of a public hearing (最高人民法院关于人民法院直播录播庭审活动的规定; 在线诉讼规则第
 * 二十七条). The clerk's browser publishes standalone WebM segments; anonymous viewers long-poll them over
 * plain HTTP (never the hearing's WebRTC mesh); the segments stay as the public replay.
 */
export async function registerLiveRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const hub = new LiveHub({ db: context.db, files: context.files, clock: context.clock, log: context.log });
  app.addHook("onClose", async () => {
    hub.close();
  });

  app.get(
    "/api/hearings/:hearingId/live",
    {
      schema: {
        tags,
        summary:
          "The live stream's controls: whether it may be streamed, whether it is, and the viewers (judge or clerk)",
        params: ZLiveHearingParams,
        response: { 200: ZLiveControl },
      },
    },
    async (request) => getLiveControl(context, hub, requireUser(request.actor), request.params.hearingId),
  );
  app.post(
    "/api/hearings/:hearingId/live/start",
    {
      schema: {
        tags,
        summary: "Stream a public hearing live to the public portal (judge in charge or hearing clerk)",
        description:
          "Refused with `hearing_not_public` (the reason in zh-CN and en in `details[0].params`) for a hearing " +
          "not heard in public or kept off the Internet (民事诉讼法第一百三十七条, 在线诉讼规则第二十七条).",
        params: ZLiveHearingParams,
        body: ZStartLiveRequest,
        response: { 200: ZLiveControl },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await startLive(context, meta(request), request.params.hearingId, request.body);
      forgetPublicStream(request.params.hearingId);
      return getLiveControl(context, hub, actor, request.params.hearingId);
    },
  );
  app.post(
    "/api/hearings/:hearingId/live/stop",
    {
      schema: {
        tags,
        summary: "End the live stream; the replay remains (judge in charge or hearing clerk)",
        params: ZLiveHearingParams,
        response: { 200: ZLiveControl },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const stream = await stopLive(context, meta(request), request.params.hearingId);
      hub.end(stream.id);
      forgetPublicStream(request.params.hearingId);
      return getLiveControl(context, hub, actor, request.params.hearingId);
    },
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      WEBM,
      { parseAs: "buffer", bodyLimit: MAX_SEGMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/hearings/:hearingId/live/segments/:seq",
      {
        bodyLimit: MAX_SEGMENT_BYTES,
        schema: {
          tags,
          summary:
            "Publish one standalone WebM segment of the live stream (judge in charge or hearing clerk)",
          description:
            "Headers `x-capture-started-at` and `x-sent-at` (epoch ms on the sender's clock) give the " +
            "segment's age, from which the server dates its capture on its own clock.",
          params: ZSegmentParams,
          response: { 200: ZPublishedSegment },
        },
      },
      async (request) => {
        requireUser(request.actor);
        if (!Buffer.isBuffer(request.body)) throw new AppError("unsupported_media_type");
        const published = await publishSegment(context, hub, meta(request), request.params.hearingId, {
          seq: request.params.seq,
          bytes: request.body,
          capturedAt: epochHeader(request, "x-capture-started-at"),
          sentAt: epochHeader(request, "x-sent-at"),
        });
        return { ...published, capturedAt: published.capturedAt.toISOString() };
      },
    );
  });

  app.get(
    "/api/public/hearings/live",
    {
      config: { cacheable: true, rateLimit: liveRateLimits.status },
      schema: {
        tags,
        summary: "庭审直播: public hearings streamed now (public; parties as the announcement masks them)",
        querystring: ZLiveListQuery,
        response: { 200: ZLiveHearings },
      },
    },
    async (request, reply) => {
      void reply.header("cache-control", "public, max-age=5");
      return listLiveHearings(context, request.query.limit);
    },
  );
  app.get(
    "/api/public/hearings/:hearingId/live",
    {
      config: { cacheable: true, rateLimit: liveRateLimits.status },
      schema: {
        tags,
        summary: "A public hearing's live stream: status, latest segment, viewers (public)",
        params: ZLiveHearingParams,
        querystring: ZPublicLiveQuery,
        response: { 200: ZPublicLive },
      },
    },
    async (request, reply) => {
      const status = await getPublicLive(context, hub, request.params.hearingId, request.query);
      if (status.status === "live") hub.sawViewer(status.streamId, viewerKey(request, request.query.viewer));
      void reply.header("cache-control", "no-cache");
      return status;
    },
  );
  app.get(
    "/api/public/hearings/:hearingId/live/segments/:seq",
    {
      config: { cacheable: true, rateLimit: liveRateLimits.segments },
      schema: {
        tags,
        summary: "One standalone WebM segment (public; waits briefly for one not yet published)",
        description:
          "Answers with the segment and `x-captured-at` / `x-server-time` (epoch ms, server clock) to measure " +
          "the delay; waits up to a few seconds for the next one; 404 `hearing_live_segment_not_found` " +
          "when it does not come (details: `not_yet`, `ended`).",
        params: ZSegmentParams,
        querystring: ZPublicLiveQuery,
      },
    },
    async (request, reply) => {
      const { hearingId, seq } = request.params;
      const { stream, isLive } = await loadPublicStream(context, hearingId, request.query.stream);
      if (isLive) hub.sawViewer(stream.id, viewerKey(request, request.query.viewer));
      const latest = hub.ring(stream.id).latestSeq ?? stream.latest_seq ?? -1;
      const waitMs = isLive && seq <= latest + MAX_SEQ_AHEAD ? SEGMENT_WAIT_MS : 0;
      const segment = await hub.segment(stream.id, seq, waitMs);
      if (!segment) {
        void reply.header("cache-control", "no-store");
        throw new AppError("hearing_live_segment_not_found", [
          isLive
            ? {
                path: "seq",
                code: "not_yet",
                message: "not published yet; ask again",
                params: { latestSeq: latest },
              }
            : { path: "seq", code: "ended", message: "the stream has ended", params: { latestSeq: latest } },
        ]);
      }
      return reply
        .type("video/webm")
        .header(
          "cache-control",
          // A segment never changes under its stream's address; the default address follows the latest stream.
          request.query.stream ? "public, max-age=86400, immutable" : "public, max-age=5",
        )
        .header("x-segment-seq", String(segment.seq))
        .header("x-captured-at", String(segment.capturedAt))
        .header("x-server-time", String(context.clock.now().getTime()))
        .header("x-content-sha256", segment.sha256)
        .header("access-control-expose-headers", "x-segment-seq, x-captured-at, x-server-time")
        .send(segment.bytes);
    },
  );
  app.get(
    "/api/public/hearings/:hearingId/replay",
    {
      config: { cacheable: true, rateLimit: liveRateLimits.status },
      schema: {
        tags,
        summary:
          "The replay of a streamed public hearing: its segments in order (public; 庭审录音录像规定第十二条)",
        params: ZLiveHearingParams,
        querystring: ZReplayQuery,
        response: { 200: ZReplay },
      },
    },
    async (request, reply) => {
      void reply.header("cache-control", "public, max-age=5");
      return getReplay(context, request.params.hearingId, request.query);
    },
  );
}
