import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../platform/api-client";
import { startSpeechCapture } from "./speech-capture";
import { hearingTimestamp, parseHearingTimestamp } from "./transcript.api";

/** A MediaRecorder that hands over one chunk of bytes each time it is stopped. */
class FakeRecorder {
  static started = 0;
  state: "inactive" | "recording" = "inactive";
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(
    readonly stream: unknown,
    readonly options: { mimeType: string },
  ) {}
  static isTypeSupported(type: string) {
    return type === "audio/webm;codecs=opus";
  }
  start() {
    FakeRecorder.started += 1;
    this.state = "recording";
  }
  stop() {
    this.state = "inactive";
    this.ondataavailable?.({ data: new Blob([new Uint8Array(2048)], { type: this.options.mimeType }) });
    this.onstop?.();
  }
}

class FakeStream {
  constructor(private readonly tracks: Array<{ readyState: string }> = [{ readyState: "live" }]) {}
  getAudioTracks() {
    return this.tracks;
  }
}

describe("startSpeechCapture", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeRecorder.started = 0;
    vi.stubGlobal("MediaRecorder", FakeRecorder);
    vi.stubGlobal("MediaStream", FakeStream);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("sends standalone chunks in order with their place in hearing time, retrying one that failed", async () => {
    const openedAt = Date.now() - 60_000;
    const sent: Array<{ seq: number; offsetMs: number; durationMs: number; type: string }> = [];
    let failures = 1;
    const capture = startSpeechCapture({
      hearingId: "h1",
      stream: new FakeStream() as unknown as MediaStream,
      openedAt,
      chunkMs: 4000,
      send: (chunk) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new ApiError(0, "network_unreachable", "offline"));
        }
        sent.push({
          seq: chunk.seq,
          offsetMs: chunk.offsetMs,
          durationMs: chunk.durationMs,
          type: chunk.blob.type,
        });
        return Promise.resolve();
      },
    });
    await vi.advanceTimersByTimeAsync(8_100);
    const stopping = capture.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
    expect(sent.map((c) => c.offsetMs)).toEqual([60_000, 64_000, 68_000]);
    expect(sent.map((c) => c.seq)).toEqual([600, 640, 680]);
    expect(sent.slice(0, 2).every((c) => c.durationMs === 4000 && c.type === "audio/webm")).toBe(true);
    expect(FakeRecorder.started).toBe(3);
  });

  it("stops sending when the court refuses the audio (the hearing no longer sits)", async () => {
    const send = vi.fn(() => Promise.reject(new ApiError(409, "hearing_status_conflict", "no")));
    const capture = startSpeechCapture({
      hearingId: "h1",
      stream: new FakeStream() as unknown as MediaStream,
      openedAt: Date.now(),
      chunkMs: 4000,
      send,
    });
    await vi.advanceTimersByTimeAsync(12_100);
    await capture.stop();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("does nothing without a microphone", async () => {
    const send = vi.fn(() => Promise.resolve());
    const capture = startSpeechCapture({
      hearingId: "h1",
      stream: new FakeStream([]) as unknown as MediaStream,
      openedAt: Date.now(),
      send,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await capture.stop();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("hearing time stamps", () => {
  it.each([
    [0, "00:00"],
    [65_000, "01:05"],
    [3_725_000, "1:02:05"],
  ])("writes %i ms as %s and reads it back", (ms, text) => {
    expect(hearingTimestamp(ms)).toBe(text);
    expect(parseHearingTimestamp(text)).toBe(ms);
  });

  it.each(["", "1:5", "12:60", "abc"])("does not read %j", (text) => {
    expect(parseHearingTimestamp(text)).toBeNull();
  });
});
