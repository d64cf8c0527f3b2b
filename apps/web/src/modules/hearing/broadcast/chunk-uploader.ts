import { isApiError } from "../../../platform/api-client";

export interface UploaderStats {
  /** Chunks acknowledged by the server. */
  sent: number;
  /** Bytes acknowledged. */
  bytes: number;
  /** Chunks waiting to be sent (including one being sent). */
  pending: number;
  /** A refusal that retrying cannot cure (the error code), or null. */
  failure: string | null;
}

/**
 * Sends the recording's chunks one at a time, in order, each under its sequence number, retrying a failed
 * send until the server acknowledges it (the server takes the same chunk twice as one): a chunk once
 * acknowledged is never lost, and none is skipped. Stops on a refusal retrying cannot cure.
 */
export class ChunkUploader {
  readonly #queue: Array<{ seq: number; chunk: Blob }> = [];
  readonly #send: (seq: number, chunk: Blob) => Promise<unknown>;
  readonly #wait: (ms: number) => Promise<void>;
  readonly #onChange: (stats: UploaderStats) => void;
  #next = 0;
  #running: Promise<void> | null = null;
  #stats: UploaderStats = { sent: 0, bytes: 0, pending: 0, failure: null };

  constructor(options: {
    send: (seq: number, chunk: Blob) => Promise<unknown>;
    onChange?: (stats: UploaderStats) => void;
    wait?: (ms: number) => Promise<void>;
  }) {
    this.#send = options.send;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get stats(): UploaderStats {
    return { ...this.#stats };
  }

  /** Queues the next chunk (empty chunks carry nothing and take no number). */
  add(chunk: Blob): void {
    if (chunk.size === 0 || this.#stats.failure) return;
    this.#queue.push({ seq: this.#next, chunk });
    this.#next += 1;
    this.#update({ pending: this.#queue.length });
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
  }

  /** Resolves once every queued chunk is acknowledged (or sending has failed for good). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    let delay = 500;
    while (this.#queue.length > 0) {
      const head = this.#queue[0]!;
      try {
        await this.#send(head.seq, head.chunk);
      } catch (error) {
        if (isPermanent(error)) {
          this.#update({ failure: isApiError(error) ? error.code : "unknown", pending: this.#queue.length });
          this.#queue.length = 0;
          return;
        }
        await this.#wait(delay);
        delay = Math.min(delay * 2, 8_000);
        continue;
      }
      delay = 500;
      this.#queue.shift();
      this.#update({
        sent: this.#stats.sent + 1,
        bytes: this.#stats.bytes + head.chunk.size,
        pending: this.#queue.length,
      });
    }
  }

  #update(change: Partial<UploaderStats>): void {
    this.#stats = { ...this.#stats, ...change };
    this.#onChange(this.stats);
  }
}

/** A refusal no retry cures: the server answered 4xx other than a timeout or a rate limit. */
function isPermanent(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 0 || error.status === 408 || error.status === 429) return false;
  return error.status >= 400 && error.status < 500;
}
