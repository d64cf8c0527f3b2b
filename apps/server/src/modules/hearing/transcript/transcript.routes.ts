import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../../context";
import { AppError, commandMeta, requireUser, type ZodApp } from "../../../platform";
import { addTranscriptSegment } from "./commands/add-segment";
import { closeTranscript } from "./commands/close-transcript";
import { declineTranscriptCorrection } from "./commands/decline-correction";
import { editTranscriptSegment } from "./commands/edit-segment";
import { receiveTranscriptAudio } from "./commands/receive-audio";
import { requestTranscriptCorrection } from "./commands/request-correction";
import { signTranscript } from "./commands/sign-transcript";
import { strikeTranscriptSegment } from "./commands/strike-segment";
import { getSegmentEdits, getTranscript, getTranscriptSigning } from "./transcript.queries";
import { MAX_AUDIO_CHUNK_BYTES } from "./transcript.rules";
import {
  ZAddSegmentRequest,
  ZAudioAccepted,
  ZCreated,
  ZAudioQuery,
  ZCloseTranscriptRequest,
  ZCorrectionParams,
  ZCorrectionRequest,
  ZDeclineCorrectionRequest,
  ZEditSegmentRequest,
  ZRefuseTranscriptRequest,
  ZSegmentEdits,
  ZSegmentParams,
  ZSignResult,
  ZSignTranscriptRequest,
  ZStrikeSegmentRequest,
  ZTranscript,
  ZTranscriptParams,
  ZTranscriptQuery,
  ZTranscriptSigning,
  ZVersionParams,
} from "./transcript.schemas";

const tags = ["hearing"];

/** The audio types a browser's MediaRecorder (WebM/Ogg Opus) or a test tool (WAV) sends. */
const AUDIO_TYPES = /^audio\/(webm|ogg|wav|x-wav|wave)\s*(;.*)?$/i;

/**
 * The hearing transcript (庭审笔录): participants' devices send audio, speech recognition turns it into
 * segments, the clerk edits them live, closes a version for signature, and each participant signs or
 * refuses online (民事诉讼法第一百五十条; 在线诉讼规则第三十三条、第三十四条).
 */
export async function registerTranscriptRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The body is the audio file itself, kept as bytes.
    scope.addContentTypeParser(
      AUDIO_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_AUDIO_CHUNK_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/api/hearings/:hearingId/transcript/audio",
      {
        bodyLimit: MAX_AUDIO_CHUNK_BYTES,
        schema: {
          tags,
          summary:
            "Send a chunk of the caller's microphone audio (raw audio/webm, audio/ogg or audio/wav body) to be transcribed",
          params: ZTranscriptParams,
          querystring: ZAudioQuery,
          response: { 202: ZAudioAccepted },
        },
      },
      async (request, reply) => {
        requireUser(request.actor);
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body))
          throw new AppError("transcript_audio_invalid", [
            { code: "media_type", message: "send audio/webm, audio/ogg or audio/wav" },
          ]);
        const { chunk, isNew } = await receiveTranscriptAudio(
          context,
          meta(request),
          request.params.hearingId,
          {
            audio: body,
            mediaType: String(request.headers["content-type"] ?? ""),
            seq: request.query.seq,
            offsetMs: request.query.offsetMs,
            durationMs: request.query.durationMs ?? null,
          },
        );
        return reply.status(202).send({ chunkId: chunk.id, seq: chunk.seq, status: chunk.status, isNew });
      },
    );
  });

  app.get(
    "/api/hearings/:hearingId/transcript",
    {
      schema: {
        tags,
        summary: "The live transcript: segments changed after `since`, speakers, and the caller's actions",
        params: ZTranscriptParams,
        querystring: ZTranscriptQuery,
        response: { 200: ZTranscript },
      },
    },
    async (request) =>
      getTranscript(context, requireUser(request.actor), request.params.hearingId, request.query.since),
  );
  app.post(
    "/api/hearings/:hearingId/transcript/segments",
    {
      schema: {
        tags,
        summary: "Write a line speech recognition missed (hearing clerk or judge in charge)",
        params: ZTranscriptParams,
        body: ZAddSegmentRequest,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await addTranscriptSegment(context, meta(request), request.params.hearingId, request.body);
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    "/api/hearings/:hearingId/transcript/segments/:segmentId",
    {
      schema: {
        tags,
        summary:
          "Correct a segment's text or speaker; the recognised original is kept (hearing clerk or judge)",
        params: ZSegmentParams,
        body: ZEditSegmentRequest,
        response: { 200: ZCreated },
      },
    },
    async (request) => {
      requireUser(request.actor);
      if (request.body.text === undefined && request.body.speaker === undefined) {
        throw new AppError("validation_failed", [
          { path: "", code: "custom", message: "give text, speaker or both" },
        ]);
      }
      const row = await editTranscriptSegment(
        context,
        meta(request),
        request.params.hearingId,
        request.params.segmentId,
        request.body,
      );
      return { id: row.id };
    },
  );
  app.post(
    "/api/hearings/:hearingId/transcript/segments/:segmentId/strike",
    {
      schema: {
        tags,
        summary: "Strike a segment from the transcript with a reason, or restore it (kept and marked)",
        params: ZSegmentParams,
        body: ZStrikeSegmentRequest,
        response: { 200: ZCreated },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await strikeTranscriptSegment(
        context,
        meta(request),
        request.params.hearingId,
        request.params.segmentId,
        request.body,
      );
      return { id: row.id };
    },
  );
  app.get(
    "/api/hearings/:hearingId/transcript/segments/:segmentId/edits",
    {
      schema: {
        tags,
        summary: "Who changed a segment, when, and what it said before and after (hearing clerk or judge)",
        params: ZSegmentParams,
        response: { 200: ZSegmentEdits },
      },
    },
    async (request) =>
      getSegmentEdits(
        context,
        requireUser(request.actor),
        request.params.hearingId,
        request.params.segmentId,
      ),
  );
  app.post(
    "/api/hearings/:hearingId/transcript/close",
    {
      schema: {
        tags,
        summary:
          "Freeze the transcript as a version for reading and signature, or re-issue a corrected one (民事诉讼法第一百五十条)",
        params: ZTranscriptParams,
        body: ZCloseTranscriptRequest,
        response: { 200: ZTranscriptSigning },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await closeTranscript(context, meta(request), request.params.hearingId, request.body);
      return getTranscriptSigning(context, request.actor, request.params.hearingId);
    },
  );
  app.get(
    "/api/hearings/:hearingId/transcript/signing",
    {
      schema: {
        tags,
        summary: "The version to read and sign, who has signed or refused, and the signed document",
        params: ZTranscriptParams,
        response: { 200: ZTranscriptSigning },
      },
    },
    async (request) => getTranscriptSigning(context, requireUser(request.actor), request.params.hearingId),
  );
  app.post(
    "/api/hearings/:hearingId/transcript/versions/:versionId/sign",
    {
      schema: {
        tags,
        summary: "Sign the version read: online confirmation bound to its hash (在线诉讼规则第三十三条)",
        params: ZVersionParams,
        body: ZSignTranscriptRequest,
        response: { 200: ZSignResult },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return signTranscript(context, meta(request), request.params.hearingId, request.params.versionId, {
        decision: "signed",
        contentSha256: request.body.contentSha256,
      });
    },
  );
  app.post(
    "/api/hearings/:hearingId/transcript/versions/:versionId/refuse",
    {
      schema: {
        tags,
        summary: "Refuse to sign, with the reason recorded (民事诉讼法第一百五十条第三款)",
        params: ZVersionParams,
        body: ZRefuseTranscriptRequest,
        response: { 200: ZSignResult },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return signTranscript(context, meta(request), request.params.hearingId, request.params.versionId, {
        decision: "refused",
        reason: request.body.reason,
      });
    },
  );
  app.post(
    "/api/hearings/:hearingId/transcript/versions/:versionId/corrections",
    {
      schema: {
        tags,
        summary: "Ask for the record of one's statement to be corrected (民事诉讼法第一百五十条第二款)",
        params: ZVersionParams,
        body: ZCorrectionRequest,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await requestTranscriptCorrection(
        context,
        meta(request),
        request.params.hearingId,
        request.params.versionId,
        request.body,
      );
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    "/api/hearings/:hearingId/transcript/corrections/:correctionId/decline",
    {
      schema: {
        tags,
        summary: "Decline a request for correction with reasons; it is recorded with the transcript",
        params: ZCorrectionParams,
        body: ZDeclineCorrectionRequest,
        response: { 200: ZCreated },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await declineTranscriptCorrection(
        context,
        meta(request),
        request.params.hearingId,
        request.params.correctionId,
        request.body,
      );
      return { id: row.id };
    },
  );
}
