import { randomUUID } from "node:crypto";

/** The channel the database's change triggers notify on (see the change-feed migration). */
export const CHANGE_CHANNEL = "netcourt_changes";

export type ChangeListener = (key: string) => void;

/**
 * Keys of changed records (`case:<id>`, `user:<id>`, `session:<hash>` …) as PostgreSQL delivers them
 * with LISTEN/NOTIFY after commit — to this process and to every other server on the same database — so
 * in-memory read caches can drop what changed. A transaction's own changes are awaited before it
 * returns (see `inTransaction`), so a client reads its own writes.
 */
export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();
  readonly #waiting = new Map<string, () => void>();
  #healthy = false;

  /** True while the feed is connected; caches must not serve stale data when it is not. */
  get isHealthy(): boolean {
    return this.#healthy;
  }

  setHealthy(healthy: boolean): void {
    if (this.#healthy && !healthy) this.#broadcast("*");
    this.#healthy = healthy;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called with each notification payload. */
  deliver(payload: string): void {
    if (payload.startsWith("tx:")) {
      const done = this.#waiting.get(payload.slice(3));
      if (done) {
        this.#waiting.delete(payload.slice(3));
        done();
      }
      return;
    }
    this.#broadcast(payload);
  }

  /** A fresh token a transaction notifies last; `waitFor` resolves once it came back. */
  newToken(): string {
    return randomUUID();
  }

  /**
   * Starts waiting for a token before the transaction commits (its notification may arrive at once);
   * resolves when it came back, or after the timeout — then every cache is dropped to stay safe.
   */
  expect(token: string, timeoutMs = 2000): Promise<void> {
    if (!this.#healthy) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(token);
        this.#broadcast("*");
        resolve();
      }, timeoutMs);
      timer.unref();
      this.#waiting.set(token, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Forgets a token whose transaction did not commit. */
  cancel(token: string): void {
    this.#waiting.delete(token);
  }

  #broadcast(key: string): void {
    for (const listener of this.#listeners) listener(key);
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

/** Associates a feed with a query builder instance (set by openDatabase). */
export function attachChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

/** The feed of a database, if it has one. */
export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}
