import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock, DB, FileStore } from "../../../platform";
import { findSegment, sumViewers, upsertViewerCount } from "./live.repository";
import { RING_CAPACITY, SEGMENT_POLL_MS, VIEWER_FLUSH_MS, VIEWER_WINDOW_MS } from "./live.rules";
import { SegmentRing, type LiveSegment } from "./segment-ring";

/**
 * What one server node keeps of the live streams: the recent segments of each stream in a ring (viewers
 * long-poll it), and the viewers it served lately. Segments are also in the database and the file store,
 * so a viewer on another node is served from there; viewer counts are written every few seconds so the
 * judge sees the total of all nodes.
 */
export class LiveHub {
  readonly nodeId = randomUUID();
  readonly #rings = new Map<string, SegmentRing>();
  readonly #viewers = new Map<string, Map<string, number>>();
  readonly #flushedAt = new Map<string, number>();
  readonly #pending = new Map<string, Promise<LiveSegment | undefined>>();
  #closed = false;

  constructor(private readonly deps: { db: Kysely<DB>; files: FileStore; clock: Clock; log: Logger }) {}

  ring(streamId: string): SegmentRing {
    let ring = this.#rings.get(streamId);
    if (!ring) {
      ring = new SegmentRing(RING_CAPACITY);
      this.#rings.set(streamId, ring);
    }
    return ring;
  }

  /** A segment published on this node: the waiting viewers get it at once. */
  publish(streamId: string, segment: LiveSegment): void {
    this.ring(streamId).push(segment);
  }

  /** The stream ended: its waiting viewers are released and its ring dropped. */
  end(streamId: string): void {
    this.#rings.get(streamId)?.close();
    this.#rings.delete(streamId);
  }

  /**
   * The segment from this node's ring, from the file store when another node received it, or after
   * waiting up to `timeoutMs` for it to be published. Undefined when it did not come in time. Viewers
   * asking for the same segment share one look-up, so the database sees one poll per segment and node,
   * however many viewers wait.
   */
  async segment(streamId: string, seq: number, timeoutMs: number): Promise<LiveSegment | undefined> {
    const held = this.ring(streamId).get(seq);
    if (held || this.#closed) return held;
    const key = `${streamId}:${seq}:${timeoutMs > 0 ? "wait" : "now"}`;
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#lookUp(streamId, seq, timeoutMs).finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #lookUp(streamId: string, seq: number, timeoutMs: number): Promise<LiveSegment | undefined> {
    const stored = await this.#fromStore(streamId, seq);
    if (stored || timeoutMs <= 0) return stored;
    const ring = this.ring(streamId);
    // Woken by a publish on this node; a publish on another node is seen in the table at each round.
    for (let waited = 0; waited < timeoutMs && !this.#closed; waited += SEGMENT_POLL_MS) {
      const found =
        (await ring.wait(seq, Math.min(timeoutMs - waited, SEGMENT_POLL_MS))) ??
        (await this.#fromStore(streamId, seq));
      if (found) return found;
    }
    return undefined;
  }

  async #fromStore(streamId: string, seq: number): Promise<LiveSegment | undefined> {
    const row = await findSegment(this.deps.db, streamId, seq);
    if (!row) return undefined;
    const segment: LiveSegment = {
      seq,
      capturedAt: row.captured_at.getTime(),
      bytes: await this.deps.files.read(row.sha256),
      sha256: row.sha256,
    };
    const ring = this.ring(streamId);
    if (!ring.isEvicted(seq)) ring.push(segment);
    return segment;
  }

  /** A viewer fetched from the stream now; the node's count is written when due. */
  sawViewer(streamId: string, viewerKey: string): void {
    const now = this.deps.clock.now().getTime();
    let viewers = this.#viewers.get(streamId);
    if (!viewers) {
      viewers = new Map();
      this.#viewers.set(streamId, viewers);
    }
    viewers.set(viewerKey, now);
    if (now - (this.#flushedAt.get(streamId) ?? 0) >= VIEWER_FLUSH_MS) {
      this.#flushedAt.set(streamId, now);
      this.flushViewers(streamId).catch((error: unknown) =>
        this.deps.log.warn({ err: error, streamId }, "could not write the live viewer count"),
      );
    }
  }

  /** Viewers this node served within the window. */
  localViewers(streamId: string): number {
    const viewers = this.#viewers.get(streamId);
    if (!viewers) return 0;
    const since = this.deps.clock.now().getTime() - VIEWER_WINDOW_MS;
    for (const [key, seenAt] of viewers) if (seenAt < since) viewers.delete(key);
    return viewers.size;
  }

  async flushViewers(streamId: string): Promise<void> {
    await upsertViewerCount(this.deps.db, {
      streamId,
      nodeId: this.nodeId,
      viewers: this.localViewers(streamId),
      now: this.deps.clock.now(),
    });
  }

  /** Viewers of the stream across every node (this node's count written first). */
  async viewers(streamId: string): Promise<number> {
    await this.flushViewers(streamId);
    const since = new Date(this.deps.clock.now().getTime() - VIEWER_WINDOW_MS);
    return sumViewers(this.deps.db, streamId, since);
  }

  close(): void {
    this.#closed = true;
    for (const ring of this.#rings.values()) ring.close();
    this.#rings.clear();
  }
}
