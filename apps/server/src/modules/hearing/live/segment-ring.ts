/** One standalone WebM segment of a live stream, as a node keeps it in memory. */
export interface LiveSegment {
  seq: number;
  /** When its capture started, on the server's clock (epoch ms). */
  capturedAt: number;
  bytes: Buffer;
  sha256: string;
}

interface Waiter {
  seq: number;
  resolve: (segment: LiveSegment | undefined) => void;
  timer: NodeJS.Timeout;
}

/**
 * The last `capacity` segments of one stream on this node, and the viewers waiting for the next ones
 * (long polling): a segment pushed wakes every viewer waiting for its number at once, so fan-out costs one
 * write per viewer and no database read.
 */
export class SegmentRing {
  readonly #slots: Array<LiveSegment | undefined>;
  #latest: number | null = null;
  #waiters = new Set<Waiter>();
  #closed = false;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError("capacity must be a positive integer");
    this.#slots = new Array<LiveSegment | undefined>(capacity);
  }

  /** The highest sequence number held, or null before the first. */
  get latestSeq(): number | null {
    return this.#latest;
  }

  /** How many viewers are waiting for a segment. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Keeps a segment (replacing the one `capacity` numbers older) and hands it to its waiters. */
  push(segment: LiveSegment): void {
    this.#slots[segment.seq % this.capacity] = segment;
    if (this.#latest === null || segment.seq > this.#latest) this.#latest = segment.seq;
    for (const waiter of this.#waiters) {
      if (waiter.seq !== segment.seq) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve(segment);
    }
  }

  /** The segment with this number if this node still holds it. */
  get(seq: number): LiveSegment | undefined {
    const slot = this.#slots[seq % this.capacity];
    return slot?.seq === seq ? slot : undefined;
  }

  /** Whether a segment this old has left the ring (only the file store has it now). */
  isEvicted(seq: number): boolean {
    return this.#latest !== null && seq <= this.#latest - this.capacity;
  }

  /** The segment now, or when it is pushed within `timeoutMs`; undefined after that or when the ring closes. */
  wait(seq: number, timeoutMs: number): Promise<LiveSegment | undefined> {
    const held = this.get(seq);
    if (held || this.#closed) return Promise.resolve(held);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        seq,
        resolve,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          resolve(undefined);
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Releases every waiter (the stream ended, or the node shuts down). */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
    this.#waiters.clear();
  }
}
