import type { ChangeFeed } from "../db/change-feed";

/**
 * A bounded in-memory cache of records that the change feed invalidates: an entry is dropped as soon as
 * any server commits a change to it, and nothing is cached while the feed is down. A load that raced
 * with a change is returned but not kept, so a stale value never stays.
 */
export class ReadCache<V> {
  /** In least-recently-used order; `touched` is the insertion count when the entry was last moved. */
  readonly #entries = new Map<string, { value: V; touched: number }>();
  #inserted = 0;
  readonly #changedAt = new Map<string, number>();
  #sequence = 0;
  #clearedAt = 0;

  constructor(
    readonly feed: ChangeFeed,
    /** The change-feed key prefix this cache listens to, e.g. `case`. */
    readonly prefix: string,
    readonly maxEntries = 10_000,
  ) {
    feed.subscribe((key) => {
      this.#sequence += 1;
      if (key === "*") {
        this.#entries.clear();
        this.#changedAt.clear();
        this.#clearedAt = this.#sequence;
        return;
      }
      const separator = key.indexOf(":");
      if (key.slice(0, separator) !== this.prefix) return;
      const id = key.slice(separator + 1);
      this.#entries.delete(id);
      this.#changedAt.set(id, this.#sequence);
      if (this.#changedAt.size > 100_000) {
        this.#changedAt.clear();
        this.#clearedAt = this.#sequence;
      }
    });
  }

  /**
   * The cached value without loading (undefined when absent), for hot paths that avoid a promise when
   * the value is in memory.
   */
  peek(id: string): V | undefined {
    const hit = this.#entries.get(id);
    if (hit === undefined) return undefined;
    // Moved to the young end only once it has drifted a quarter of the way towards eviction: the
    // order stays close to least-recently-used without two map writes on every hit.
    if (this.#inserted - hit.touched > this.maxEntries / 4) {
      this.#entries.delete(id);
      hit.touched = ++this.#inserted;
      this.#entries.set(id, hit);
    }
    return hit.value;
  }

  /** The cached value, or the loaded one (kept only if nothing changed while loading). */
  async get(id: string, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(id);
    if (hit !== undefined) return hit;
    const startedAt = this.#sequence;
    const value = await load();
    const changedSince = (this.#changedAt.get(id) ?? 0) > startedAt || this.#clearedAt > startedAt;
    if (this.feed.isHealthy && !changedSince && value !== undefined) {
      this.#entries.set(id, { value, touched: ++this.#inserted });
      if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return value;
  }

  /** Drops an entry (for changes the database does not notify). */
  forget(id: string): void {
    this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }
}
