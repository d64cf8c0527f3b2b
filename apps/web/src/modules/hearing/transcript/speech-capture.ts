import { isApiError } from "../../../platform/api-client";
import { postAudioChunk } from "./transcript.api";

/** What startSpeechCapture needs: the hearing, the local microphone and when the hearing opened. */
export interface SpeechCaptureOptions {
  hearingId: string;
  /** The local participant's stream (its audio tracks are recorded; video is ignored). */
  stream: MediaStream;
  /** When the hearing opened: chunk time stamps are counted from it. */
  openedAt: Date | string | number;
  /** Length of each chunk in milliseconds (4–5 s keeps the transcript live). */
  chunkMs?: number;
  /** Sends one chunk; by default it is posted to the hearing's transcript. */
  send?: (chunk: { blob: Blob; seq: number; offsetMs: number; durationMs: number }) => Promise<void>;
}

export interface SpeechCapture {
  /** Stops recording, sends the last chunk and waits (a few seconds at most) for the queue to empty. */
  stop(): Promise<void>;
}

const MIME_TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/ogg"];
const MAX_ATTEMPTS = 5;
const DRAIN_LIMIT_MS = 8000;

function pickMimeType(): string | undefined {
  if (typeof MediaRecorder === "undefined") return undefined;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Records the local participant's microphone in standalone chunks of a few seconds (the recorder is
 * restarted for each, so each chunk is a complete file the server can transcribe on its own) and posts
 * them in order, retrying a chunk that did not arrive. The chunk number is its position in hearing time
 * (tenths of a second), so a capture started again after a reload never reuses a number the server
 * already holds. A refusal (the hearing no longer sits, the transcript is signed) ends the sending.
 *
 * ```ts
 * const capture = startSpeechCapture({ hearingId, stream: media.localStream, openedAt: room.openedAt });
 * // … when the participant leaves or the hearing ends:
 * await capture.stop();
 * ```
 */
export function startSpeechCapture(options: SpeechCaptureOptions): SpeechCapture {
  const tracks = options.stream.getAudioTracks();
  const mimeType = pickMimeType();
  if (tracks.length === 0 || mimeType === undefined) return { stop: () => Promise.resolve() };
  const audio = new MediaStream(tracks);
  const openedAt = new Date(options.openedAt).getTime();
  const chunkMs = options.chunkMs ?? 4500;
  const send = options.send ?? ((chunk) => postAudioChunk(options.hearingId, chunk));
  const queue: Array<{ blob: Blob; seq: number; offsetMs: number; durationMs: number }> = [];
  let isStopped = false;
  let isRefused = false;
  let sending: Promise<void> | null = null;
  let recorder: MediaRecorder | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRecorded: Promise<void> = Promise.resolve();

  async function drain(): Promise<void> {
    while (queue.length > 0 && !isRefused) {
      const chunk = queue[0]!;
      for (let attempt = 1; ; attempt += 1) {
        try {
          await send(chunk);
          break;
        } catch (error) {
          // 4xx other than 408/429: the server will not take it (nor the chunks after it).
          if (
            isApiError(error) &&
            error.status >= 400 &&
            error.status < 500 &&
            ![408, 429].includes(error.status)
          ) {
            if (error.status === 409 || error.status === 403 || error.status === 404) isRefused = true;
            break;
          }
          if (attempt >= MAX_ATTEMPTS) break;
          await sleep(500 * 2 ** (attempt - 1));
        }
      }
      queue.shift();
    }
  }

  function enqueue(chunk: { blob: Blob; seq: number; offsetMs: number; durationMs: number }): void {
    if (chunk.blob.size === 0 || isRefused) return;
    queue.push(chunk);
    // One sender at a time keeps the chunks in order; it runs until the queue is empty.
    sending ??= drain().finally(() => {
      sending = null;
    });
  }

  function record(): void {
    if (isStopped || isRefused || audio.getAudioTracks().every((t) => t.readyState === "ended")) return;
    const startedAt = Date.now();
    const parts: Blob[] = [];
    const current = new MediaRecorder(audio, { mimeType });
    recorder = current;
    lastRecorded = new Promise<void>((resolve) => {
      current.ondataavailable = (event) => {
        if (event.data.size > 0) parts.push(event.data);
      };
      current.onstop = () => {
        const stoppedAt = Date.now();
        const offsetMs = Math.max(0, startedAt - openedAt);
        enqueue({
          blob: new Blob(parts, { type: mimeType!.split(";")[0] }),
          seq: Math.round(offsetMs / 100),
          offsetMs,
          durationMs: stoppedAt - startedAt,
        });
        resolve();
        record();
      };
    });
    current.start();
    timer = setTimeout(() => {
      if (current.state !== "inactive") current.stop();
    }, chunkMs);
  }

  record();
  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      if (recorder && recorder.state !== "inactive") recorder.stop();
      await lastRecorded;
      const deadline = Date.now() + DRAIN_LIMIT_MS;
      while ((sending !== null || queue.length > 0) && !isRefused && Date.now() < deadline) await sleep(100);
    },
  };
}
