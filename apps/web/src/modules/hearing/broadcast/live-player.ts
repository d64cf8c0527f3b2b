import { currentLocale } from "../../../platform/i18n";
import type { PublicLive, Replay } from "./broadcast.api";

/** The codecs of the live segments (the clerk's browser records VP8 and Opus for every player). */
const SEGMENT_TYPES = ['video/webm; codecs="vp8, opus"', 'video/webm; codecs="vp9, opus"'];
/** More buffered ahead than this and the player jumps forward: live means live. */
const MAX_LAG_S = 2.5;
/** Buffer kept behind the playhead. */
const KEEP_BEHIND_S = 20;

export interface LivePlayerEvents {
  /** The delay of the picture shown: now − when it was captured (ms), for live only. */
  onDelay?: (ms: number) => void;
  /** live ended (the caller shows the replay), or the stream could not be played. */
  onEnded?: () => void;
  onError?: (error: unknown) => void;
}

interface Placed {
  /** Where the segment starts on the player's timeline (s). */
  start: number;
  /** When it was captured, on this device's clock (ms). */
  capturedAt: number;
}

/** Whether the browser can play the live stream (Media Source Extensions with WebM). */
export function canPlayLive(): boolean {
  return (
    typeof MediaSource !== "undefined" && SEGMENT_TYPES.some((type) => MediaSource.isTypeSupported(type))
  );
}

/**
 * Plays a hearing's live stream or its replay in a <video>: each standalone WebM segment is appended to
 * one SourceBuffer in "sequence" mode, so segments play back to back whatever their own timestamps.
 * Segments come by plain HTTP (long-polled), never through the hearing's WebRTC mesh.
 */
export class LivePlayer {
  readonly #video: HTMLVideoElement;
  readonly #events: LivePlayerEvents;
  readonly #viewer: string;
  readonly #abort = new AbortController();
  readonly #placed: Placed[] = [];
  #buffer: SourceBuffer | null = null;
  #source: MediaSource | null = null;
  #timer: number | null = null;
  #isLive = true;

  constructor(video: HTMLVideoElement, viewer: string, events: LivePlayerEvents = {}) {
    this.#video = video;
    this.#viewer = viewer;
    this.#events = events;
  }

  async #open(): Promise<SourceBuffer> {
    const source = new MediaSource();
    this.#source = source;
    this.#placed.length = 0;
    if (this.#video.src.startsWith("blob:")) URL.revokeObjectURL(this.#video.src);
    this.#video.src = URL.createObjectURL(source);
    await new Promise<void>((resolve) =>
      source.addEventListener("sourceopen", () => resolve(), { once: true }),
    );
    const type = SEGMENT_TYPES.find((t) => MediaSource.isTypeSupported(t))!;
    const buffer = source.addSourceBuffer(type);
    buffer.mode = "sequence";
    this.#buffer = buffer;
    return buffer;
  }

  /** Follows the stream from its latest segment. */
  async playLive(status: PublicLive): Promise<void> {
    await this.#open();
    this.#timer = window.setInterval(() => this.#tick(), 250);
    let seq = status.latestSeq ?? 0;
    while (!this.#abort.signal.aborted) {
      const url = `${status.segmentUrl.replace("{seq}", String(seq))}&viewer=${encodeURIComponent(this.#viewer)}`;
      let response: Response;
      try {
        response = await fetch(url, {
          signal: this.#abort.signal,
          headers: { "accept-language": currentLocale() },
        });
      } catch (error) {
        if (this.#abort.signal.aborted) return;
        this.#events.onError?.(error);
        await pause(1_000);
        continue;
      }
      if (response.ok) {
        const sentAt = Number(response.headers.get("x-server-time"));
        const capturedAt = Number(response.headers.get("x-captured-at"));
        const bytes = await response.arrayBuffer();
        // The server's clock against this device's, taken when the answer arrived.
        const offset = Number.isFinite(sentAt) && sentAt > 0 ? sentAt - Date.now() : 0;
        await this.#append(bytes, capturedAt - offset);
        seq += 1;
        continue;
      }
      const body = (await response.json().catch(() => null)) as {
        details?: Array<{ code: string; params?: { latestSeq?: number } }>;
      } | null;
      const detail = body?.details?.[0];
      if (response.status === 404 && detail?.code === "ended") {
        this.#events.onEnded?.();
        return;
      }
      if (response.status === 404 && detail?.code === "not_yet") {
        // A segment that never came (lost on the way): go on from the latest one.
        const latest = detail.params?.latestSeq ?? -1;
        if (latest > seq) seq = latest;
        continue;
      }
      if (response.status === 404) {
        this.#events.onEnded?.();
        return;
      }
      await pause(1_000);
    }
  }

  /** Plays a finished stream's segments from the start. */
  async playReplay(replay: Replay): Promise<void> {
    await this.#open();
    this.#isLive = false;
    this.#timer = window.setInterval(() => this.#tick(), 250);
    for (const segment of replay.segments) {
      if (this.#abort.signal.aborted) return;
      // Keep about half a minute ahead of the playhead.
      while (this.#bufferedEnd() - this.#video.currentTime > 30 && !this.#abort.signal.aborted)
        await pause(500);
      try {
        const response = await fetch(segment.url, { signal: this.#abort.signal });
        if (!response.ok) continue;
        await this.#append(await response.arrayBuffer(), Date.parse(segment.capturedAt));
      } catch (error) {
        if (this.#abort.signal.aborted) return;
        this.#events.onError?.(error);
      }
    }
  }

  async #append(bytes: ArrayBuffer, capturedAt: number): Promise<void> {
    let buffer = this.#buffer ?? (await this.#open());
    // A segment the decoder refused closed the stream (MSE's append error algorithm ends it with a decode
    // error): a fresh one takes this segment, which carries its own header.
    if (this.#source?.readyState !== "open" || this.#video.error) buffer = await this.#open();
    await this.#idle(buffer);
    const start = buffer.timestampOffset;
    try {
      buffer.appendBuffer(bytes);
      await this.#idle(buffer);
    } catch (error) {
      this.#events.onError?.(error);
      return;
    }
    if (this.#source?.readyState !== "open") {
      this.#events.onError?.(new Error("the segment could not be decoded"));
      return;
    }
    this.#placed.push({ start, capturedAt });
    if (this.#placed.length > 120) this.#placed.splice(0, this.#placed.length - 120);
    if (this.#video.paused) void this.#video.play().catch(() => undefined);
    const behind = this.#video.currentTime - KEEP_BEHIND_S;
    if (behind > 1 && buffer.buffered.length > 0 && buffer.buffered.start(0) < behind - 1) {
      await this.#idle(buffer);
      buffer.remove(0, behind);
      await this.#idle(buffer);
    }
  }

  #idle(buffer: SourceBuffer): Promise<void> {
    if (!buffer.updating) return Promise.resolve();
    return new Promise((resolve) => buffer.addEventListener("updateend", () => resolve(), { once: true }));
  }

  #bufferedEnd(): number {
    const ranges = this.#buffer?.buffered;
    return ranges && ranges.length > 0 ? ranges.end(ranges.length - 1) : 0;
  }

  /**
   * Steps over the small holes between segments (their audio and video do not end at the same instant),
   * keeps the live picture live, and reports its delay.
   */
  #tick(): void {
    const video = this.#video;
    const ranges = this.#buffer?.buffered;
    if (ranges && ranges.length > 0) {
      const now = video.currentTime;
      for (let i = 0; i < ranges.length; i += 1) {
        const isBefore = now < ranges.start(i) - 0.001;
        const isAtEnd = now >= ranges.end(i) - 0.15 && now <= ranges.end(i) + 0.001;
        if (isBefore || (isAtEnd && i + 1 < ranges.length)) {
          const next = isBefore ? ranges.start(i) : ranges.start(i + 1);
          video.currentTime = next + 0.01;
          break;
        }
        if (now < ranges.end(i)) break;
      }
    }
    if (!this.#isLive) return;
    const end = this.#bufferedEnd();
    if (end - video.currentTime > MAX_LAG_S) video.currentTime = Math.max(0, end - 0.5);
    const now = video.currentTime;
    let shown: Placed | undefined;
    for (const placed of this.#placed) if (placed.start <= now) shown = placed;
    if (shown && !video.paused)
      this.#events.onDelay?.(Date.now() - (shown.capturedAt + (now - shown.start) * 1000));
  }

  destroy(): void {
    this.#abort.abort();
    if (this.#timer !== null) window.clearInterval(this.#timer);
    this.#video.removeAttribute("src");
    this.#video.load();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
