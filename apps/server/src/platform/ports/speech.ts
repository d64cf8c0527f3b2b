import { readFileSync } from "node:fs";
import type { SimulatorReport } from "../start-safety";

/**
 * The speech recognition port (DESIGN.md: adapters): a service that turns a chunk of hearing audio into
 * timed text. The court runs the model itself (docs/speech-recognition.md); `HttpSpeechRecognizer`
 * speaks the OpenAI-compatible `/v1/audio/transcriptions` API that whisper.cpp's server,
 * faster-whisper-server and FunASR's OpenAI front-end expose; `SimulatedSpeechRecognizer` stands in
 * outside production. 最高人民法院关于人民法院庭审录音录像的若干规定第二条: 智能语音识别同步转换文字.
 */
export interface SpeechRecognizer extends SimulatorReport {
  /** A short label stored with each chunk (`simulator`, `http:<host>`). */
  readonly provider: string;
  /** Throws `SpeechRecognitionError` when the service cannot be reached or answers badly. */
  transcribe(input: TranscribeInput): Promise<TranscribeResult>;
}

export interface TranscribeInput {
  /** One complete audio file (a WAV, or a WebM/Ogg chunk the browser recorded). */
  audio: Buffer;
  mimeType: string;
  /** ISO 639-1 language code of the hearing, `zh` by default. */
  language: string;
  /** Words the model should expect (names of the parties, the cause), to help it spell them. */
  prompt?: string;
  /** How long the chunk lasts, when the caller knows (the recorder's chunk length). */
  durationMs?: number;
  /** Who speaks: `judge`, `clerk`, `plaintiff`, `defendant`, `agent`, `third_party` (the simulator's script). */
  speakerHint?: string;
  /** Keeps the simulator's place in its script per hearing and speaker (e.g. `<hearingId>:<participantId>`). */
  sessionKey?: string;
}

/** One recognised stretch of speech, in milliseconds from the start of the chunk. */
export interface SpeechSegment {
  startMs: number;
  endMs: number;
  text: string;
}

export interface TranscribeResult {
  segments: SpeechSegment[];
  /** The language the service recognised (or was told). */
  language: string;
}

/** Why a transcription failed; `retryable` says whether trying the same chunk again may help. */
export class SpeechRecognitionError extends Error {
  constructor(
    readonly reason: "unreachable" | "timeout" | "refused" | "unreadable" | "too_large",
    message: string,
  ) {
    super(message);
    this.name = "SpeechRecognitionError";
  }

  get retryable(): boolean {
    return this.reason === "unreachable" || this.reason === "timeout";
  }
}

/** Longest text kept for one segment (a service that hallucinates a page is cut short). */
export const MAX_SEGMENT_CHARS = 2000;

// --- The simulator ---------------------------------------------------------------------------------

/** A line of a scripted hearing, keyed by the speaker's role. */
export interface ScriptLine {
  role: string;
  text: string;
}

/** A typical small-claims hearing at an Internet court (an online shopping contract), line by line. */
export const BUILT_IN_SCRIPT: readonly ScriptLine[] = [
  { role: "clerk", text: "请肃静。现在宣布法庭纪律。诉讼参与人应当遵守法庭规则，不得录音录像。" },
  { role: "clerk", text: "报告审判员，原告、被告均已在线到庭，法庭准备工作就绪。" },
  {
    role: "judge",
    text: "现在开庭。本案适用小额诉讼程序，由审判员一人独任审理，书记员担任记录。当事人对审判人员和书记员是否申请回避？",
  },
  { role: "plaintiff", text: "不申请回避。" },
  { role: "defendant", text: "不申请回避。" },
  { role: "judge", text: "下面进行法庭调查。请原告陈述诉讼请求及事实和理由。" },
  {
    role: "plaintiff",
    text: "请求判令被告退还货款三千元。我在被告的网店购买了一台笔记本电脑，收货后发现屏幕有坏点，被告拒绝退货。",
  },
  { role: "judge", text: "请被告答辩。" },
  {
    role: "defendant",
    text: "原告收货已超过七日，商品页面写明屏幕坏点不属于质量问题，我方不同意退款。",
  },
  { role: "agent", text: "补充一点，被告提供的商品页面截图不完整，我方对其真实性有异议。" },
  { role: "judge", text: "双方是否愿意调解？" },
  { role: "plaintiff", text: "愿意调解，可以接受退还两千五百元。" },
  { role: "defendant", text: "我方不同意调解。" },
  { role: "judge", text: "请双方作最后陈述。" },
  { role: "plaintiff", text: "坚持诉讼请求。" },
  { role: "defendant", text: "请求驳回原告的诉讼请求。" },
  {
    role: "judge",
    text: "法庭辩论结束。本院将择期宣判。庭审笔录将在线提交各方核对，请在五日内阅读并签名。现在闭庭。",
  },
];

/** Reads a script file: one `role: text` per line (`#` starts a comment); throws on a line it cannot read. */
export function parseScript(text: string): ScriptLine[] {
  const lines: ScriptLine[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-z_]{2,20})\s*[:：]\s*(.+)$/.exec(line);
    if (!match) throw new Error(`speech script line ${index + 1}: expected "role: text"`);
    lines.push({ role: match[1]!, text: match[2]!.trim() });
  }
  if (lines.length === 0) throw new Error("speech script has no lines");
  return lines;
}

/** What a WAV file says about itself: its length, whether it is silent, and a text cue it carries. */
export interface WavInfo {
  durationMs: number;
  isSilent: boolean;
  /** The text of a LIST/INFO `ICMT` (comment) or `INAM` (title) chunk, if any. */
  cue: string | null;
}

/** Peak amplitude (of full scale) below which a WAV counts as silent. */
const SILENCE_PEAK = 0.01;

/** Reads a RIFF/WAVE file (PCM); null when `audio` is not one. */
export function readWav(audio: Buffer): WavInfo | null {
  if (
    audio.length < 12 ||
    audio.toString("ascii", 0, 4) !== "RIFF" ||
    audio.toString("ascii", 8, 12) !== "WAVE"
  )
    return null;
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let data: Buffer | null = null;
  let cue: string | null = null;
  let offset = 12;
  while (offset + 8 <= audio.length) {
    const id = audio.toString("ascii", offset, offset + 4);
    const size = audio.readUInt32LE(offset + 4);
    const body = audio.subarray(offset + 8, Math.min(audio.length, offset + 8 + size));
    if (id === "fmt " && body.length >= 16) {
      format = {
        channels: body.readUInt16LE(2),
        sampleRate: body.readUInt32LE(4),
        bitsPerSample: body.readUInt16LE(14),
      };
    } else if (id === "data") {
      data = body;
    } else if (id === "LIST" && body.toString("ascii", 0, 4) === "INFO") {
      cue = readInfoCue(body.subarray(4)) ?? cue;
    }
    offset += 8 + size + (size % 2);
  }
  if (!format || !data || format.sampleRate === 0 || format.channels === 0) return null;
  const bytesPerSample = Math.max(1, format.bitsPerSample / 8);
  const frames = Math.floor(data.length / (bytesPerSample * format.channels));
  return {
    durationMs: Math.round((frames / format.sampleRate) * 1000),
    isSilent: peakOf(data, format.bitsPerSample) < SILENCE_PEAK,
    cue,
  };
}

function readInfoCue(info: Buffer): string | null {
  let offset = 0;
  let title: string | null = null;
  while (offset + 8 <= info.length) {
    const id = info.toString("ascii", offset, offset + 4);
    const size = info.readUInt32LE(offset + 4);
    const text = info
      .subarray(offset + 8, Math.min(info.length, offset + 8 + size))
      .toString("utf8")
      .replace(/\0+$/, "")
      .trim();
    if (id === "ICMT" && text !== "") return text;
    if (id === "INAM" && text !== "") title = text;
    offset += 8 + size + (size % 2);
  }
  return title;
}

function peakOf(data: Buffer, bitsPerSample: number): number {
  let peak = 0;
  if (bitsPerSample === 16) {
    for (let i = 0; i + 1 < data.length; i += 2) peak = Math.max(peak, Math.abs(data.readInt16LE(i)) / 32768);
  } else if (bitsPerSample === 8) {
    for (const byte of data) peak = Math.max(peak, Math.abs(byte - 128) / 128);
  } else {
    // Other depths are not measured: treated as speech.
    return 1;
  }
  return peak;
}

/** Splits text into sentences and spreads them over `durationMs` by their length. */
export function timeSentences(text: string, durationMs: number): SpeechSegment[] {
  const sentences = (text.match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
  const total = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  if (total === 0 || durationMs <= 0) return [];
  const segments: SpeechSegment[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const startMs = Math.round((used / total) * durationMs);
    used += sentence.length;
    segments.push({ startMs, endMs: Math.round((used / total) * durationMs), text: sentence });
  }
  return segments;
}

/** Bytes below which a compressed chunk (WebM/Ogg) holds no speech: a container header only. */
const EMPTY_CHUNK_BYTES = 512;

/**
 * Stands in for a speech recognition service outside production, deterministically. A WAV with a text
 * cue (LIST/INFO `ICMT`) is "recognised" as that text; any other chunk with sound gives the next line of
 * the script (the built-in small-claims hearing, or SPEECH_SCRIPT_FILE) for the speaker's role, with a
 * cursor per `sessionKey`. The text is timed over the chunk's length; a silent or empty chunk gives none.
 */
export class SimulatedSpeechRecognizer implements SpeechRecognizer {
  readonly provider = "simulator";
  readonly simulates = "speech" as const;
  readonly #script: readonly ScriptLine[];
  readonly #cursors = new Map<string, number>();

  constructor(script: readonly ScriptLine[] = BUILT_IN_SCRIPT) {
    this.#script = script;
  }

  transcribe(input: TranscribeInput): Promise<TranscribeResult> {
    const wav = readWav(input.audio);
    const durationMs = wav?.durationMs ?? input.durationMs ?? 0;
    const isEmpty = wav ? wav.isSilent || wav.durationMs === 0 : input.audio.length < EMPTY_CHUNK_BYTES;
    if (isEmpty || durationMs <= 0) return Promise.resolve({ segments: [], language: input.language });
    const text = wav?.cue ?? this.#nextLine(input.speakerHint, input.sessionKey);
    return Promise.resolve({ segments: timeSentences(text, durationMs), language: input.language });
  }

  #nextLine(role: string | undefined, sessionKey: string | undefined): string {
    const own = this.#script.filter((line) => line.role === (role ?? ""));
    const lines = own.length > 0 ? own : this.#script;
    const key = `${sessionKey ?? ""}|${role ?? ""}`;
    const cursor = this.#cursors.get(key) ?? 0;
    this.#cursors.set(key, cursor + 1);
    return lines[cursor % lines.length]!.text;
  }
}

// --- The OpenAI-compatible adapter ------------------------------------------------------------------

export interface HttpSpeechSettings {
  /** The service's base URL; `/v1/audio/transcriptions` is appended. */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when set (whisper.cpp and faster-whisper need none). */
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  /** The longest answer read (a verbose_json of a few seconds of speech is a few kilobytes). */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * A speech recognition service behind the OpenAI-compatible API: one multipart
 * `POST {url}/v1/audio/transcriptions` with `file`, `model`, `language`, `response_format=verbose_json`
 * and `timestamp_granularities[]=segment`; the answer's `segments[]` (start/end in seconds, text) are
 * read, or its `text` as one segment over the chunk when the service gives no segments.
 */
export class HttpSpeechRecognizer implements SpeechRecognizer {
  readonly provider: string;
  readonly #endpoint: string;

  constructor(
    private readonly settings: HttpSpeechSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const base = new URL(settings.url);
    this.provider = `http:${base.host}`;
    this.#endpoint = new URL(
      `${base.pathname.replace(/\/$/, "").replace(/\/v1$/, "")}/v1/audio/transcriptions`,
      base,
    ).toString();
  }

  async transcribe(input: TranscribeInput): Promise<TranscribeResult> {
    const form = new FormData();
    form.append(
      "file",
      new Blob([new Uint8Array(input.audio)], { type: input.mimeType }),
      `chunk.${extensionOf(input.mimeType)}`,
    );
    form.append("model", this.settings.model);
    form.append("language", input.language);
    form.append("response_format", "verbose_json");
    form.append("timestamp_granularities[]", "segment");
    form.append("temperature", "0");
    if (input.prompt) form.append("prompt", input.prompt);
    let response: Response;
    try {
      response = await this.fetchImpl(this.#endpoint, {
        method: "POST",
        headers: this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {},
        body: form,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw failure(error);
    }
    let text: string;
    try {
      text = await readBounded(response, this.settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    } catch (error) {
      throw failure(error);
    }
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 429;
      throw new SpeechRecognitionError(
        retryable ? "unreachable" : "refused",
        `speech service answered ${response.status}${errorMessageOf(text)}`,
      );
    }
    return parseTranscription(text, input);
  }
}

function failure(error: unknown): SpeechRecognitionError {
  if (error instanceof SpeechRecognitionError) return error;
  const name = error instanceof Error ? error.name : "error";
  if (name === "TimeoutError" || name === "AbortError")
    return new SpeechRecognitionError("timeout", "speech service did not answer in time");
  return new SpeechRecognitionError("unreachable", `speech service unreachable: ${name}`);
}

/** Reads a response body as text, refusing one longer than `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new SpeechRecognitionError("too_large", "speech service answer too large");
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SpeechRecognitionError("too_large", "speech service answer too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string };
    const message = typeof body.error === "string" ? body.error : body.error?.message;
    return typeof message === "string" ? `: ${message.slice(0, 200)}` : "";
  } catch {
    return "";
  }
}

/** Reads a verbose_json (or json) answer into segments; throws `unreadable` when it is neither. */
export function parseTranscription(text: string, input: Pick<TranscribeInput, "language" | "durationMs">) {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SpeechRecognitionError("unreadable", "speech service answer is not JSON");
  }
  if (body === null || typeof body !== "object")
    throw new SpeechRecognitionError("unreadable", "speech service answer is not an object");
  const answer = body as { segments?: unknown; text?: unknown; language?: unknown; duration?: unknown };
  const language =
    typeof answer.language === "string" && answer.language !== "" ? answer.language : input.language;
  if (Array.isArray(answer.segments)) {
    const segments: SpeechSegment[] = [];
    for (const item of answer.segments as unknown[]) {
      const segment = item as { start?: unknown; end?: unknown; text?: unknown };
      if (
        typeof segment.start !== "number" ||
        typeof segment.end !== "number" ||
        typeof segment.text !== "string"
      )
        throw new SpeechRecognitionError("unreadable", "speech service segment lacks start, end or text");
      const words = segment.text.trim().slice(0, MAX_SEGMENT_CHARS);
      if (words === "") continue;
      const startMs = Math.max(0, Math.round(segment.start * 1000));
      segments.push({ startMs, endMs: Math.max(startMs, Math.round(segment.end * 1000)), text: words });
    }
    return { segments, language };
  }
  if (typeof answer.text === "string") {
    const words = answer.text.trim().slice(0, MAX_SEGMENT_CHARS);
    const seconds = typeof answer.duration === "number" ? answer.duration * 1000 : undefined;
    const endMs = Math.round(seconds ?? input.durationMs ?? 0);
    return { segments: words === "" ? [] : [{ startMs: 0, endMs, text: words }], language };
  }
  throw new SpeechRecognitionError("unreadable", "speech service answer has neither segments nor text");
}

function extensionOf(mimeType: string): string {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  if (type === "audio/wav" || type === "audio/x-wav" || type === "audio/wave") return "wav";
  if (type === "audio/ogg") return "ogg";
  if (type === "audio/mp4") return "m4a";
  if (type === "audio/mpeg") return "mp3";
  return "webm";
}

/** The speech settings of the configuration (platform/config.ts). */
export interface SpeechSettings {
  url: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
}

/** The speech port the configuration names: the service at SPEECH_URL, or the simulator (with its script). */
export function speechRecognizerFor(config: {
  speech: SpeechSettings | undefined;
  speechScriptFile?: string | undefined;
}): SpeechRecognizer {
  if (config.speech) return new HttpSpeechRecognizer(config.speech);
  return new SimulatedSpeechRecognizer(
    config.speechScriptFile ? parseScript(readFileSync(config.speechScriptFile, "utf8")) : BUILT_IN_SCRIPT,
  );
}

/**
 * A 16-bit mono PCM WAV of `durationMs` (a tone, or silence), with `cue` as its LIST/INFO comment: test
 * audio the simulator recognises as that text.
 */
export function encodeWav(options: {
  durationMs: number;
  cue?: string;
  silent?: boolean;
  sampleRate?: number;
}) {
  const sampleRate = options.sampleRate ?? 8000;
  const frames = Math.round((options.durationMs / 1000) * sampleRate);
  const data = Buffer.alloc(frames * 2);
  if (!options.silent) {
    for (let i = 0; i < frames; i += 1)
      data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8000), i * 2);
  }
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const chunks = [chunk("fmt ", fmt)];
  if (options.cue !== undefined) {
    const text = Buffer.from(`${options.cue}\0`, "utf8");
    chunks.push(chunk("LIST", Buffer.concat([Buffer.from("INFO", "ascii"), chunk("ICMT", text)])));
  }
  chunks.push(chunk("data", data));
  const body = Buffer.concat([Buffer.from("WAVE", "ascii"), ...chunks]);
  return Buffer.concat([Buffer.from("RIFF", "ascii"), uint32(body.length), body]);
}

function chunk(id: string, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(id, "ascii"),
    uint32(body.length),
    body,
    body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}
