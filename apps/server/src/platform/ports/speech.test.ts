import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { StartRefusedError, checkStartSafety } from "../start-safety";
import {
  BUILT_IN_SCRIPT,
  SimulatedSpeechRecognizer,
  encodeWav,
  parseScript,
  parseTranscription,
  readWav,
  speechRecognizerFor,
  timeSentences,
  HttpSpeechRecognizer,
  SpeechRecognitionError,
} from "./speech";

describe("readWav", () => {
  it("reads the length, the sound and the text cue of a WAV", () => {
    const info = readWav(encodeWav({ durationMs: 4000, cue: "现在开庭。" }));
    expect(info).toEqual({ durationMs: 4000, isSilent: false, cue: "现在开庭。" });
  });

  it("tells a silent WAV", () => {
    expect(readWav(encodeWav({ durationMs: 1000, silent: true }))?.isSilent).toBe(true);
  });

  it.each([
    ["not RIFF", Buffer.from("OggS........")],
    ["too short", Buffer.from("RIFF")],
    ["no data chunk", encodeWav({ durationMs: 100 }).subarray(0, 36)],
  ])("gives null for a file that is %s", (_name, audio) => {
    expect(readWav(audio)).toBeNull();
  });
});

describe("timeSentences", () => {
  it("spreads sentences over the chunk by their length", () => {
    expect(timeSentences("现在开庭。请原告说！", 6000)).toEqual([
      { startMs: 0, endMs: 3000, text: "现在开庭。" },
      { startMs: 3000, endMs: 6000, text: "请原告说！" },
    ]);
  });

  it.each([
    ["", 1000],
    ["。。", 0],
    ["有字", 0],
  ])("gives nothing for %j over %i ms", (text, durationMs) => {
    expect(timeSentences(text, durationMs)).toEqual([]);
  });
});

describe("SimulatedSpeechRecognizer", () => {
  it("recognises a WAV's text cue, timed over its length", async () => {
    const recognizer = new SimulatedSpeechRecognizer();
    const result = await recognizer.transcribe({
      audio: encodeWav({ durationMs: 5000, cue: "原告：请求判令被告退还货款。" }),
      mimeType: "audio/wav",
      language: "zh",
    });
    expect(result).toEqual({
      language: "zh",
      segments: [{ startMs: 0, endMs: 5000, text: "原告：请求判令被告退还货款。" }],
    });
  });

  it("gives no segment for silence or an empty chunk", async () => {
    const recognizer = new SimulatedSpeechRecognizer();
    const silent = await recognizer.transcribe({
      audio: encodeWav({ durationMs: 4000, silent: true, cue: "不应出现" }),
      mimeType: "audio/wav",
      language: "zh",
    });
    const empty = await recognizer.transcribe({
      audio: Buffer.alloc(10),
      mimeType: "audio/webm",
      language: "zh",
      durationMs: 4000,
    });
    expect(silent.segments).toEqual([]);
    expect(empty.segments).toEqual([]);
  });

  it("follows the script per speaker role with a cursor per session", async () => {
    const recognizer = new SimulatedSpeechRecognizer();
    const chunk = { audio: Buffer.alloc(4096, 1), mimeType: "audio/webm", language: "zh", durationMs: 4000 };
    const judgeLines = BUILT_IN_SCRIPT.filter((line) => line.role === "judge").map((line) => line.text);
    const first = await recognizer.transcribe({ ...chunk, speakerHint: "judge", sessionKey: "h1" });
    const second = await recognizer.transcribe({ ...chunk, speakerHint: "judge", sessionKey: "h1" });
    const otherHearing = await recognizer.transcribe({ ...chunk, speakerHint: "judge", sessionKey: "h2" });
    expect(first.segments.map((s) => s.text).join("")).toBe(judgeLines[0]);
    expect(second.segments.map((s) => s.text).join("")).toBe(judgeLines[1]);
    expect(otherHearing.segments.map((s) => s.text).join("")).toBe(judgeLines[0]);
    expect(first.segments.at(-1)!.endMs).toBe(4000);
  });

  it("reports itself as the speech simulator", () => {
    expect(new SimulatedSpeechRecognizer().simulates).toBe("speech");
    expect(speechRecognizerFor({ speech: undefined }).simulates).toBe("speech");
    const real = speechRecognizerFor({
      speech: { url: "http://asr.court.example:9000", apiKey: undefined, model: "large-v3", timeoutMs: 1000 },
    });
    expect(real).toBeInstanceOf(HttpSpeechRecognizer);
    expect(real.simulates).toBeUndefined();
    expect(real.provider).toBe("http:asr.court.example:9000");
  });
});

describe("parseScript", () => {
  it("reads role: text lines and skips comments", () => {
    expect(parseScript("# a hearing\njudge: 现在开庭。\n\nplaintiff：不申请回避。\n")).toEqual([
      { role: "judge", text: "现在开庭。" },
      { role: "plaintiff", text: "不申请回避。" },
    ]);
  });

  it.each([["just words"], [""], ["# only a comment"]])("refuses %j", (text) => {
    expect(() => parseScript(text)).toThrow();
  });
});

describe("parseTranscription", () => {
  it("reads verbose_json segments in seconds", () => {
    const answer = JSON.stringify({
      text: "现在开庭。请原告陈述。",
      language: "chinese",
      duration: 4.5,
      segments: [
        { id: 0, start: 0, end: 1.52, text: " 现在开庭。" },
        { id: 1, start: 1.52, end: 4.5, text: "请原告陈述。" },
        { id: 2, start: 4.5, end: 4.5, text: "  " },
      ],
    });
    expect(parseTranscription(answer, { language: "zh" })).toEqual({
      language: "chinese",
      segments: [
        { startMs: 0, endMs: 1520, text: "现在开庭。" },
        { startMs: 1520, endMs: 4500, text: "请原告陈述。" },
      ],
    });
  });

  it("falls back to the text over the chunk", () => {
    expect(parseTranscription('{"text":"不申请回避。"}', { language: "zh", durationMs: 3000 })).toEqual({
      language: "zh",
      segments: [{ startMs: 0, endMs: 3000, text: "不申请回避。" }],
    });
  });

  it.each([["not json"], ["[]"], ['{"segments":[{"start":"0"}]}'], ['{"other":1}']])(
    "refuses %s as unreadable",
    (text) => {
      expect(() => parseTranscription(text, { language: "zh" })).toThrow(SpeechRecognitionError);
    },
  );
});

describe("speech settings and the production check", () => {
  it("reads the speech service from the environment, the simulator without SPEECH_URL", () => {
    const unset = loadConfig({});
    expect(unset.speech).toBeUndefined();
    expect(unset.speechLanguage).toBe("zh");
    const set = loadConfig({
      SPEECH_URL: "http://asr.court.internal:8080",
      SPEECH_API_KEY: "k",
      SPEECH_MODEL: "large-v3",
      SPEECH_TIMEOUT_MS: "30000",
    });
    expect(set.speech).toEqual({
      url: "http://asr.court.internal:8080",
      apiKey: "k",
      model: "large-v3",
      timeoutMs: 30000,
    });
    expect(() => loadConfig({ SPEECH_URL: "ftp://asr" })).toThrow(/SPEECH_URL/);
    expect(() => loadConfig({ SPEECH_LANGUAGE: "Chinese" })).toThrow(/SPEECH_LANGUAGE/);
  });

  it("refuses the speech simulator in production unless ALLOW_SIMULATORS names it", () => {
    const config = {
      ...loadConfig({ NODE_ENV: "production", PUBLIC_URL: "https://court.example", SEED_DEMO: "false" }),
    };
    expect(() => checkStartSafety(config, ["speech"])).toThrow(StartRefusedError);
    expect(() => checkStartSafety(config, ["speech"])).toThrow(/SPEECH_URL/);
    const allowed = loadConfig({
      NODE_ENV: "production",
      PUBLIC_URL: "https://court.example",
      SEED_DEMO: "false",
      ALLOW_SIMULATORS: "speech",
    });
    expect(checkStartSafety(allowed, ["speech"]).warnings).toEqual([
      expect.stringContaining("the speech simulator runs"),
    ]);
  });
});
