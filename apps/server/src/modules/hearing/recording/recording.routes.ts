import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../../context";
import { AppError, commandMeta, requireUser, type ZodApp } from "../../../platform";
import { parseByteRange, sliceStream } from "./byte-range";
import { sealRecording } from "./commands/seal-recording";
import { uploadRecordingChunk } from "./commands/upload-recording-chunk";
import { findPlayableRecording, getHearingRecordings, presentRecording } from "./recording.queries";
import { MAX_CHUNK_BYTES, recordingMediaType } from "./recording.rules";
import {
  ZChunkParams,
  ZHearingRecordings,
  ZRecording,
  ZRecordingFileParams,
  ZRecordingHearingParams,
  ZUploadedChunk,
} from "./recording.schemas";

const tags = ["hearing"];
/** MediaRecorder's output: WebM with whatever codecs parameter the browser names. */
const WEBM = /^(video|audio)\/webm(\s*;.*)?$/i;

/**
 * The hearing's recording (庭审录音录像): the clerk's browser sends it in numbered WebM chunks, the judge or
 * clerk seals it into one file whose hash goes to the ledger, and the participants play it.
 */
export async function registerRecordingRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      WEBM,
      { parseAs: "buffer", bodyLimit: MAX_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/hearings/:hearingId/recording/chunks/:seq",
      {
        bodyLimit: MAX_CHUNK_BYTES,
        schema: {
          tags,
          summary:
            "Send one chunk of the hearing's recording (judge in charge or hearing clerk; raw video/webm)",
          description:
            "Idempotent by sequence number: the same bytes again are acknowledged (`isNew: false`), other " +
            "bytes are `hearing_recording_chunk_conflict`. Chunk 0 opens a recording.",
          params: ZChunkParams,
          response: { 200: ZUploadedChunk },
        },
      },
      async (request) => {
        requireUser(request.actor);
        const mediaType = recordingMediaType(request.headers["content-type"]);
        if (!mediaType || !Buffer.isBuffer(request.body)) throw new AppError("unsupported_media_type");
        return uploadRecordingChunk(context, meta(request), request.params.hearingId, {
          seq: request.params.seq,
          bytes: request.body,
          mediaType,
        });
      },
    );
  });

  app.post(
    "/api/hearings/:hearingId/recording/seal",
    {
      schema: {
        tags,
        summary:
          "Seal the recording into one file and put its SHA-256 in the ledger (judge or hearing clerk)",
        params: ZRecordingHearingParams,
        response: { 200: ZRecording },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await sealRecording(context, meta(request), request.params.hearingId);
      return presentRecording(row, { chunks: row.chunk_count ?? 0, bytes: Number(row.size ?? 0) });
    },
  );

  app.get(
    "/api/hearings/:hearingId/recording",
    {
      schema: {
        tags,
        summary:
          "The hearing's recordings (judge, hearing clerk, parties and agents; 庭审录音录像规定第十条)",
        params: ZRecordingHearingParams,
        response: { 200: ZHearingRecordings },
      },
    },
    async (request) => getHearingRecordings(context, requireUser(request.actor), request.params.hearingId),
  );

  app.get(
    "/api/hearings/:hearingId/recordings/:recordingId/file",
    {
      schema: {
        tags,
        summary: "Play or download a sealed recording (Range requests answered)",
        params: ZRecordingFileParams,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const row = await findPlayableRecording(
        context,
        actor,
        request.params.hearingId,
        request.params.recordingId,
      );
      const size = Number(row.size);
      const range = parseByteRange(request.headers.range, size);
      void reply
        .type(row.media_type)
        .header("accept-ranges", "bytes")
        .header("cache-control", "private, max-age=3600")
        .header("x-content-sha256", row.sha256)
        .header("content-disposition", `inline; filename="hearing-${row.hearing_id}-${row.id}.webm"`);
      if (range === "unsatisfiable") {
        return reply.status(416).header("content-range", `bytes */${size}`).send("");
      }
      const stream = await context.files.open(row.sha256);
      if (range === null) return reply.header("content-length", size).send(stream);
      return reply
        .status(206)
        .header("content-range", `bytes ${range.start}-${range.end}/${size}`)
        .header("content-length", range.end - range.start + 1)
        .send(sliceStream(stream, range.start, range.end));
    },
  );
}
