import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSpeechRecognizer, SpeechRecognitionError, encodeWav } from "./speech";

/** What the fake service received: the multipart fields as whisper.cpp / faster-whisper read them. */
interface Received {
  path: string;
  authorization: string | undefined;
  fields: Record<string, string[]>;
  file: { name: string; type: string; size: number } | null;
}

/**
 * A local fake of the OpenAI-compatible transcription API as whisper.cpp's server and faster-whisper-server
 * answer it: `verbose_json` with `segments[]` in seconds; the model name picks an error or a slow answer.
 */
function fakeSpeechService(received: Received[]) {
  return http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      void (async () => {
        const form = await new Request("http://fake/", {
          method: "POST",
          headers: { "content-type": request.headers["content-type"] ?? "" },
          body: Buffer.concat(parts),
        }).formData();
        const fields: Record<string, string[]> = {};
        let file: Received["file"] = null;
        for (const [key, value] of form.entries()) {
          if (typeof value === "string") (fields[key] ??= []).push(value);
          else file = { name: value.name, type: value.type, size: value.size };
        }
        received.push({
          path: request.url ?? "",
          authorization: request.headers.authorization,
          fields,
          file,
        });
        const model = fields.model?.[0];
        if (request.url !== "/v1/audio/transcriptions") {
          response.writeHead(404).end();
          return;
        }
        if (!file || !model) {
          response.writeHead(400, { "content-type": "application/json" });
          response.end(
            JSON.stringify({
              error: { message: "file and model are required", type: "invalid_request_error" },
            }),
          );
          return;
        }
        if (model === "overloaded") {
          response.writeHead(503, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: { message: "model busy" } }));
          return;
        }
        if (model === "slow") {
          setTimeout(() => response.writeHead(200).end("{}"), 1500);
          return;
        }
        if (model === "verbose") {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ text: "字".repeat(5000), segments: [] }));
          return;
        }
        if (model === "plain") {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ text: "不申请回避。" }));
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            task: "transcribe",
            language: "chinese",
            duration: 4.0,
            text: "现在开庭。请原告陈述诉讼请求。",
            segments: [
              {
                id: 0,
                seek: 0,
                start: 0.0,
                end: 1.6,
                text: "现在开庭。",
                tokens: [1],
                temperature: 0,
                avg_logprob: -0.2,
                compression_ratio: 1.1,
                no_speech_prob: 0.01,
              },
              {
                id: 1,
                seek: 0,
                start: 1.6,
                end: 4.0,
                text: "请原告陈述诉讼请求。",
                tokens: [2],
                temperature: 0,
                avg_logprob: -0.2,
                compression_ratio: 1.1,
                no_speech_prob: 0.01,
              },
            ],
          }),
        );
      })();
    });
  });
}

describe("HttpSpeechRecognizer against an OpenAI-compatible speech service", () => {
  const received: Received[] = [];
  let server: http.Server;
  let url: string;
  const audio = encodeWav({ durationMs: 4000 });

  beforeAll(async () => {
    server = fakeSpeechService(received);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const recognizer = (
    model: string,
    extra: { apiKey?: string; timeoutMs?: number; maxResponseBytes?: number } = {},
  ) =>
    new HttpSpeechRecognizer({
      url,
      apiKey: extra.apiKey,
      model,
      timeoutMs: extra.timeoutMs ?? 5000,
      maxResponseBytes: extra.maxResponseBytes,
    });

  it("posts the multipart fields the API names and reads the segments", async () => {
    const result = await recognizer("large-v3", { apiKey: "court-key" }).transcribe({
      audio,
      mimeType: "audio/wav",
      language: "zh",
      prompt: "原告 张三 被告 某网店",
    });
    expect(result).toEqual({
      language: "chinese",
      segments: [
        { startMs: 0, endMs: 1600, text: "现在开庭。" },
        { startMs: 1600, endMs: 4000, text: "请原告陈述诉讼请求。" },
      ],
    });
    const last = received.at(-1)!;
    expect(last.path).toBe("/v1/audio/transcriptions");
    expect(last.authorization).toBe("Bearer court-key");
    expect(last.file).toEqual({ name: "chunk.wav", type: "audio/wav", size: audio.length });
    expect(last.fields).toMatchObject({
      model: ["large-v3"],
      language: ["zh"],
      response_format: ["verbose_json"],
      "timestamp_granularities[]": ["segment"],
      prompt: ["原告 张三 被告 某网店"],
    });
  });

  it("sends no authorization without a key and names a WebM chunk", async () => {
    await recognizer("large-v3").transcribe({
      audio: Buffer.alloc(2000, 1),
      mimeType: "audio/webm;codecs=opus",
      language: "zh",
    });
    const last = received.at(-1)!;
    expect(last.authorization).toBeUndefined();
    expect(last.file?.name).toBe("chunk.webm");
    expect(last.fields.prompt).toBeUndefined();
  });

  it("accepts a base URL that already ends in /v1", async () => {
    const result = await new HttpSpeechRecognizer({
      url: `${url}/v1/`,
      apiKey: undefined,
      model: "plain",
      timeoutMs: 5000,
    }).transcribe({
      audio,
      mimeType: "audio/wav",
      language: "zh",
      durationMs: 4000,
    });
    expect(result.segments).toEqual([{ startMs: 0, endMs: 4000, text: "不申请回避。" }]);
  });

  it("maps a 503 to a retryable error with the service's message", async () => {
    const error = await recognizer("overloaded")
      .transcribe({ audio, mimeType: "audio/wav", language: "zh" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpeechRecognitionError);
    expect(error).toMatchObject({
      reason: "unreachable",
      retryable: true,
      message: "speech service answered 503: model busy",
    });
  });

  it("maps a 400 to a refusal that is not retried", async () => {
    const error = await recognizer("")
      .transcribe({ audio, mimeType: "audio/wav", language: "zh" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "refused", retryable: false });
  });

  it("gives up on a slow service after the timeout", async () => {
    const started = Date.now();
    const error = await recognizer("slow", { timeoutMs: 1000 })
      .transcribe({ audio, mimeType: "audio/wav", language: "zh" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "timeout", retryable: true });
    expect(Date.now() - started).toBeLessThan(1450);
  });

  it("refuses an answer larger than the bound", async () => {
    const error = await recognizer("verbose", { maxResponseBytes: 4096 })
      .transcribe({ audio, mimeType: "audio/wav", language: "zh" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "too_large" });
  });

  it("reports an unreachable service", async () => {
    const error = await new HttpSpeechRecognizer({
      url: "http://127.0.0.1:1",
      apiKey: undefined,
      model: "m",
      timeoutMs: 2000,
    })
      .transcribe({ audio, mimeType: "audio/wav", language: "zh" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "unreachable", retryable: true });
  });
});
