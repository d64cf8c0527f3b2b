import { broadcastApi, type Recording } from "./broadcast.api";
import {
  captionOf,
  isMasked,
  participantsOf,
  pickMimeType,
  tileLayout,
  type CaptureParticipant,
  type CaptureSources,
} from "./capture-layout";
import { ChunkUploader, type UploaderStats } from "./chunk-uploader";

export type { CaptureSources } from "./capture-layout";

/** The frame of the composed picture: 640×360 is legible for a hearing and light to send. */
const WIDTH = 640;
const HEIGHT = 360;
const FPS = 15;
/** Each recording chunk covers this long (MediaRecorder's timeslice). */
const CHUNK_MS = 2_000;
/** Each live segment covers this long: short enough for a delay of a few seconds. */
const SEGMENT_MS = 1_000;

export interface HearingCaptureOptions {
  hearingId: string;
  /** Read on every frame: the room's local stream and remotes as they are now (participants come and go). */
  streams: () => CaptureSources;
  record: boolean;
  live: boolean;
  /** In the live stream, parties and agents as a placeholder with their role only. */
  hideFaces: boolean;
  /** The tile's caption: the role words (原告, 审判员 …) for a participant. */
  roleLabel: (participant: CaptureParticipant) => string;
  onChange?: (state: HearingCaptureState) => void;
}

export interface HearingCaptureState {
  recording: "idle" | "recording" | "sealing" | "sealed" | "failed";
  upload: UploaderStats;
  /** Live segments published. */
  segments: number;
  /** The sealed recording (its SHA-256 is in the ledger). */
  sealed: Recording | null;
  error: string | null;
}

export interface HearingCapture {
  readonly state: HearingCaptureState;
  /** The composed picture and the mixed sound (for a preview). */
  readonly stream: MediaStream;
  setHideFaces(hide: boolean): void;
  /** Stops the live segments (the recording goes on). */
  stopLive(): void;
  /** Starts live segments on a running capture. */
  startLive(): void;
  /** Stops everything; with a recording, sends the last chunk and seals it. */
  stop(): Promise<Recording | null>;
}

/** One participant's picture and sound feeding the composition. */
interface Feed {
  participant: CaptureParticipant;
  video: HTMLVideoElement;
  audio: MediaStreamAudioSourceNode | null;
  streamId: string | null;
}

/**
 * Captures the hearing in the clerk's browser: every participant composed into one picture (a grid of
 * tiles with their roles and the time, 庭审录音录像规定第四条: the recording time laid over the picture),
 * every voice mixed into one track, recorded in numbered chunks sent to the court (第一条: the whole
 * hearing), and — for a public hearing — standalone one-second WebM segments for the live stream, with
 * parties and agents hidden when asked.
 */
export function startHearingCapture(options: HearingCaptureOptions): HearingCapture {
  const mimeType = pickMimeType((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) throw new Error("MediaRecorder cannot record WebM in this browser");
  let hideFaces = options.hideFaces;
  let state: HearingCaptureState = {
    recording: options.record ? "recording" : "idle",
    upload: { sent: 0, bytes: 0, pending: 0, failure: null },
    segments: 0,
    sealed: null,
    error: null,
  };
  const update = (change: Partial<HearingCaptureState>) => {
    state = { ...state, ...change };
    options.onChange?.(state);
  };

  // Two pictures: the recording's keeps everyone; the public one may hide the parties.
  const recordCanvas = makeCanvas();
  const liveCanvas = makeCanvas();
  const feeds = new Map<string, Feed>();
  const audioContext = new AudioContext();
  const mix = audioContext.createMediaStreamDestination();
  // A silent source keeps the mixed track alive (and the WebM's audio track present) with no voice.
  const silence = audioContext.createConstantSource();
  const silentGain = audioContext.createGain();
  silentGain.gain.value = 0;
  silence.connect(silentGain).connect(mix);
  silence.start();
  void audioContext.resume();

  function syncFeeds(): CaptureParticipant[] {
    const participants = participantsOf(options.streams());
    const present = new Set(participants.map((p) => p.participantId));
    for (const [id, feed] of feeds) {
      if (present.has(id)) continue;
      feed.audio?.disconnect();
      feed.video.srcObject = null;
      feeds.delete(id);
    }
    for (const participant of participants) {
      let feed = feeds.get(participant.participantId);
      if (!feed) {
        const video = document.createElement("video");
        video.muted = true;
        video.playsInline = true;
        feed = { participant, video, audio: null, streamId: null };
        feeds.set(participant.participantId, feed);
      }
      feed.participant = participant;
      const stream = participant.stream;
      if ((stream?.id ?? null) !== feed.streamId) {
        feed.audio?.disconnect();
        feed.audio = null;
        feed.video.srcObject = stream;
        feed.streamId = stream?.id ?? null;
        if (stream) {
          void feed.video.play().catch(() => undefined);
          if (stream.getAudioTracks().length > 0) {
            feed.audio = audioContext.createMediaStreamSource(stream);
            feed.audio.connect(mix);
          }
        }
      }
    }
    return participants;
  }

  function draw(): void {
    const participants = syncFeeds();
    const tiles = tileLayout(Math.max(1, participants.length), WIDTH, HEIGHT);
    const now = new Date();
    paint(recordCanvas, participants, tiles, { hide: false, isPublic: false }, now);
    if (liveRecorder.isOn) paint(liveCanvas, participants, tiles, { hide: hideFaces, isPublic: true }, now);
  }

  function paint(
    canvas: HTMLCanvasElement,
    participants: CaptureParticipant[],
    tiles: ReturnType<typeof tileLayout>,
    { hide, isPublic }: { hide: boolean; isPublic: boolean },
    now: Date,
  ): void {
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#1f1f1f";
    g.fillRect(0, 0, WIDTH, HEIGHT);
    participants.forEach((participant, index) => {
      const tile = tiles[index]!;
      const feed = feeds.get(participant.participantId);
      const masked = isMasked(participant, hide);
      if (!masked && feed && feed.video.readyState >= 2 && feed.video.videoWidth > 0) {
        drawCover(g, feed.video, tile);
      } else {
        g.fillStyle = masked ? "#3a3f47" : "#2b2b2b";
        g.fillRect(tile.x + 2, tile.y + 2, tile.width - 4, tile.height - 4);
      }
      const caption = captionOf(participant, { hide, isPublic }, options.roleLabel(participant));
      g.fillStyle = "rgba(0,0,0,0.55)";
      g.fillRect(tile.x + 2, tile.y + tile.height - 26, tile.width - 4, 24);
      g.fillStyle = "#ffffff";
      g.font = "15px system-ui, 'Noto Sans CJK SC', sans-serif";
      g.fillText(caption, tile.x + 10, tile.y + tile.height - 9, tile.width - 20);
    });
    // 庭审录音录像规定第四条: the time laid over the picture, so the recording is true to when it was made.
    // In the court's time (UTC+8), as the transcript and the court's records date the hearing.
    const courtTime = new Date(now.getTime() + 8 * 60 * 60 * 1000);
    const stamp = `${courtTime.toISOString().replace("T", " ").slice(0, 19)} UTC+8`;
    g.font = "13px ui-monospace, monospace";
    const width = g.measureText(stamp).width;
    g.fillStyle = "rgba(0,0,0,0.6)";
    g.fillRect(WIDTH - width - 16, 6, width + 10, 20);
    g.fillStyle = "#ffffff";
    g.fillText(stamp, WIDTH - width - 11, 21);
  }

  const audioTracks = mix.stream.getAudioTracks();
  const recordStream = new MediaStream([...recordCanvas.captureStream(FPS).getVideoTracks(), ...audioTracks]);
  const liveStream = new MediaStream([...liveCanvas.captureStream(FPS).getVideoTracks(), ...audioTracks]);

  // ---- the recording: one MediaRecorder, a chunk every CHUNK_MS, sent in order
  const uploader = new ChunkUploader({
    send: (seq, chunk) => broadcastApi.sendChunk(options.hearingId, seq, chunk),
    onChange: (upload) =>
      update({ upload, ...(upload.failure ? { recording: "failed", error: upload.failure } : {}) }),
  });
  let recorder: MediaRecorder | null = null;
  if (options.record) {
    recorder = new MediaRecorder(recordStream, { mimeType, videoBitsPerSecond: 800_000 });
    recorder.ondataavailable = (event) => uploader.add(new Blob([event.data], { type: mimeType }));
    recorder.start(CHUNK_MS);
  }

  // ---- the live stream: a fresh MediaRecorder every SEGMENT_MS, so each segment is a whole WebM file
  const liveRecorder = new SegmentRecorder(liveStream, mimeType, SEGMENT_MS, (seq, blob, capturedAt) => {
    broadcastApi.sendSegment(options.hearingId, seq, blob, capturedAt).then(
      () => update({ segments: state.segments + 1 }),
      // A lost live segment is skipped by the viewers; the recording is what the court keeps.
      () => undefined,
    );
  });
  // A timer rather than requestAnimationFrame: the composition goes on in a tab in the background.
  draw();
  const timer = window.setInterval(draw, Math.round(1000 / FPS));
  if (options.live) liveRecorder.start();

  return {
    get state() {
      return state;
    },
    stream: recordStream,
    setHideFaces(hide: boolean) {
      hideFaces = hide;
    },
    startLive() {
      liveRecorder.start();
    },
    stopLive() {
      liveRecorder.stop();
    },
    async stop() {
      liveRecorder.stop();
      let sealed: Recording | null = null;
      const active = recorder;
      if (active && active.state !== "inactive") {
        const stopped = new Promise<void>((resolve) => {
          active.addEventListener("stop", () => resolve(), { once: true });
        });
        active.stop();
        await stopped;
        update({ recording: "sealing" });
        await uploader.flush();
        if (uploader.stats.failure) {
          update({ recording: "failed" });
        } else {
          try {
            sealed = await broadcastApi.seal(options.hearingId);
            update({ recording: "sealed", sealed });
          } catch (error) {
            update({ recording: "failed", error: error instanceof Error ? error.message : String(error) });
          }
        }
      }
      window.clearInterval(timer);
      for (const feed of feeds.values()) feed.video.srcObject = null;
      feeds.clear();
      for (const track of [...recordStream.getTracks(), ...liveStream.getTracks()]) track.stop();
      await audioContext.close();
      return sealed;
    },
  };
}

function makeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  return canvas;
}

/** Draws a video into a tile, cropped to fill it (CSS object-fit: cover). */
function drawCover(
  g: CanvasRenderingContext2D,
  video: HTMLVideoElement,
  tile: { x: number; y: number; width: number; height: number },
): void {
  const scale = Math.max(tile.width / video.videoWidth, tile.height / video.videoHeight);
  const sw = tile.width / scale;
  const sh = tile.height / scale;
  const sx = (video.videoWidth - sw) / 2;
  const sy = (video.videoHeight - sh) / 2;
  g.drawImage(video, sx, sy, sw, sh, tile.x, tile.y, tile.width, tile.height);
}

/**
 * Cuts a stream into standalone WebM files: the next recorder starts just before the current one stops,
 * so no moment falls between two segments.
 */
class SegmentRecorder {
  #current: MediaRecorder | null = null;
  #timer: number | null = null;
  #seq = 0;

  constructor(
    private readonly stream: MediaStream,
    private readonly mimeType: string,
    private readonly segmentMs: number,
    private readonly onSegment: (seq: number, blob: Blob, capturedAt: number) => void,
  ) {}

  get isOn(): boolean {
    return this.#timer !== null;
  }

  start(): void {
    if (this.#timer !== null) return;
    this.#roll();
    this.#timer = window.setInterval(() => this.#roll(), this.segmentMs);
  }

  stop(): void {
    if (this.#timer !== null) window.clearInterval(this.#timer);
    this.#timer = null;
    if (this.#current && this.#current.state !== "inactive") this.#current.stop();
    this.#current = null;
  }

  #roll(): void {
    const previous = this.#current;
    const seq = this.#seq;
    this.#seq += 1;
    const recorder = new MediaRecorder(this.stream, { mimeType: this.mimeType, videoBitsPerSecond: 600_000 });
    const capturedAt = Date.now();
    const parts: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) parts.push(event.data);
    };
    recorder.onstop = () => {
      if (parts.length > 0) this.onSegment(seq, new Blob(parts, { type: this.mimeType }), capturedAt);
    };
    recorder.start();
    this.#current = recorder;
    if (previous && previous.state !== "inactive") previous.stop();
  }
}
