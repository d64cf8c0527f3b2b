import { z } from "zod";
import type { AppContext } from "../../../context";
import { defineJob, inTransaction, type JobDefinition } from "../../../platform";
import { SpeechRecognitionError } from "../../../platform/ports/speech";
import { listParticipants } from "../hearing.repository";
import { finishChunk, findChunk, insertSegment, lockChunk } from "./transcript.repository";
import { speakerRoleOf } from "./transcript.rules";

/** The job that transcribes one audio chunk (enqueued with the chunk; handler below). */
export const transcribeChunkJobKind = {
  kind: "hearing.transcribe_chunk",
  payload: z.object({ chunkId: z.uuid() }),
  maxAttempts: 6,
};

export function transcribeChunkKey(chunkId: string): string {
  return `transcribe-chunk:${chunkId}`;
}

/** Latest hearing time a segment may carry (a day, the database's bound). */
const MAX_HEARING_MS = 24 * 60 * 60 * 1000;

/**
 * Transcribes a chunk through the speech port, off the request that brought it (a real service takes
 * seconds): its segments are stored with the speaker who sent it and hearing time stamps (the chunk's
 * offset plus each segment's own). 最高人民法院关于人民法院庭审录音录像的若干规定第二条: speech recognition
 * turns the hearing's sound into text; 第六条: what it makes becomes the transcript once checked and signed.
 * Idempotent: a chunk no longer pending is left alone. A service that is down is retried; a refusal (or the
 * last attempt) marks the chunk failed, and the clerk writes what was said by hand.
 */
export function transcribeChunkJob(context: AppContext): JobDefinition<{ chunkId: string }> {
  return defineJob({
    ...transcribeChunkJobKind,
    async handle({ chunkId }, { now, attempt }) {
      const chunk = await findChunk(context.db, chunkId);
      if (!chunk || chunk.status !== "pending") return;
      const participants = await listParticipants(context.db, [chunk.hearing_id]);
      const speaker = participants.find((p) => p.id === chunk.participant_id);
      if (!speaker) return;
      const speakerRole = speakerRoleOf(speaker);
      const speech = context.ports.speech;
      let segments;
      try {
        const audio = await context.files.read(chunk.audio_sha256);
        ({ segments } = await speech.transcribe({
          audio,
          mimeType: chunk.media_type,
          language: context.config.speechLanguage,
          // The names said in the hearing help the model spell them.
          prompt: participants.map((p) => p.name).join("，"),
          ...(chunk.duration_ms === null ? {} : { durationMs: chunk.duration_ms }),
          speakerHint: speakerRole.endsWith("_agent") ? "agent" : speakerRole,
          sessionKey: `${chunk.hearing_id}:${chunk.participant_id}`,
        }));
      } catch (error) {
        const isFinal =
          !(error instanceof SpeechRecognitionError) ||
          !error.retryable ||
          attempt >= transcribeChunkJobKind.maxAttempts;
        if (!(error instanceof SpeechRecognitionError) || !isFinal) throw error;
        await finishChunk(context.db, chunkId, {
          status: "failed",
          provider: speech.provider,
          error: error.message.slice(0, 500),
          now,
        });
        return;
      }
      await inTransaction(context.db, async (trx) => {
        const current = await lockChunk(trx, chunkId);
        if (!current || current.status !== "pending") return;
        for (const segment of segments) {
          const startMs = Math.min(MAX_HEARING_MS, current.offset_ms + segment.startMs);
          await insertSegment(trx, {
            hearingId: current.hearing_id,
            chunkId,
            source: "asr",
            participantId: speaker.id,
            speakerRole,
            speakerName: speaker.name,
            startMs,
            endMs: Math.max(startMs, Math.min(MAX_HEARING_MS, current.offset_ms + segment.endMs)),
            originalText: segment.text,
            text: segment.text,
            createdBy: null,
            now,
          });
        }
        await finishChunk(trx, chunkId, {
          status: "transcribed",
          provider: speech.provider,
          error: null,
          now,
        });
      });
    },
  });
}
