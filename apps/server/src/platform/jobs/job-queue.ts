import { sql } from "kysely";
import type { z } from "zod";
import type { Kysely } from "kysely";
import type { Clock } from "../clock";
import type { DB } from "../db/schema";
import type { Executor } from "../db/transaction";

/** A kind of durable job: its payload schema and its handler. Handlers must be idempotent. */
export interface JobDefinition<TPayload> {
  kind: string;
  payload: z.ZodType<TPayload>;
  /** Maximum attempts before the job is marked failed. */
  maxAttempts?: number;
  handle(payload: TPayload, context: JobContext): Promise<void>;
}

export interface JobContext {
  now: Date;
  attempt: number;
  jobId: number;
}

/** Declares a job kind with a typed payload. */
export function defineJob<TPayload>(definition: JobDefinition<TPayload>): JobDefinition<TPayload> {
  return definition;
}

export interface EnqueueOptions {
  runAt: Date;
  /** At most one pending job per key: enqueueing again replaces its run time and payload. */
  dedupeKey?: string;
  now: Date;
}

/** Schedules a job in the caller's transaction, so it exists exactly when the change that needs it does. */
export async function enqueueJob<TPayload>(
  trx: Executor,
  definition: Pick<JobDefinition<TPayload>, "kind" | "payload" | "maxAttempts">,
  payload: TPayload,
  options: EnqueueOptions,
): Promise<void> {
  const values = {
    kind: definition.kind,
    payload: JSON.stringify(payload),
    run_at: options.runAt,
    status: "pending" as const,
    max_attempts: definition.maxAttempts ?? 8,
    dedupe_key: options.dedupeKey ?? null,
    created_at: options.now,
    locked_until: null,
    last_error: null,
    finished_at: null,
  };
  if (options.dedupeKey === undefined) {
    await trx.insertInto("jobs").values(values).execute();
    return;
  }
  await trx
    .insertInto("jobs")
    .values(values)
    .onConflict((oc) =>
      oc
        .column("dedupe_key")
        // A literal, not a parameter: PostgreSQL must see it matches the partial unique index even in a
        // generic (prepared) plan.
        .where("status", "=", sql.lit("pending"))
        .doUpdateSet({ run_at: values.run_at, payload: values.payload }),
    )
    .execute();
}

/** Cancels pending jobs with this key (e.g. a fee deadline once the fee is paid). */
export async function cancelJob(trx: Executor, dedupeKey: string, now: Date): Promise<void> {
  await trx
    .updateTable("jobs")
    .set({ status: "cancelled", finished_at: now, dedupe_key: null })
    .where("dedupe_key", "=", dedupeKey)
    .where("status", "in", ["pending", "running"])
    .execute();
}

export interface JobRunnerOptions {
  db: Kysely<DB>;
  clock: Clock;
  definitions: ReadonlyArray<JobDefinition<never>>;
  pollMs: number;
  batchSize?: number;
  /** How long a claimed job stays locked before another worker may retry it (crash recovery). */
  lockMs?: number;
  onError?: (error: unknown, job: { id: number; kind: string }) => void;
}

/**
 * Polls the job table and runs due jobs. A job survives restarts: it is claimed with a lock that
 * expires, so a job whose worker died is picked up again.
 */
export class JobRunner {
  readonly #options: Required<Omit<JobRunnerOptions, "onError">> & Pick<JobRunnerOptions, "onError">;
  readonly #definitions: Map<string, JobDefinition<unknown>>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;
  /** Set by stop(): a running batch loop ends after its current batch. */
  #stopRequested = false;

  constructor(options: JobRunnerOptions) {
    this.#options = { batchSize: 20, lockMs: 5 * 60_000, ...options };
    this.#definitions = new Map(options.definitions.map((d) => [d.kind, d as JobDefinition<unknown>]));
  }

  start(): void {
    this.#stopped = false;
    this.#stopRequested = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopRequested = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.runDue()
        .catch((error: unknown) => this.#options.onError?.(error, { id: 0, kind: "poll" }))
        .finally(() => this.#schedule(this.#options.pollMs));
    }, delay);
    this.#timer.unref();
  }

  /** Claims and runs every job due at the clock's `now`; returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.#options.clock.now();
      const claimed = await this.#claim(now);
      for (const job of claimed) await this.#run(job, now);
      total += claimed.length;
      if (claimed.length < this.#options.batchSize || this.#stopRequested) return total;
    }
  }

  async #claim(now: Date) {
    const lockedUntil = new Date(now.getTime() + this.#options.lockMs);
    const kinds = [...this.#definitions.keys()];
    if (kinds.length === 0) return [];
    return this.#options.db
      .updateTable("jobs")
      .set((eb) => ({ status: "running", locked_until: lockedUntil, attempts: eb("attempts", "+", 1) }))
      .where(
        "id",
        "in",
        this.#options.db
          .selectFrom("jobs")
          .select("id")
          .where("kind", "in", kinds)
          .where("run_at", "<=", now)
          .where((eb) =>
            eb.or([
              eb("status", "=", "pending"),
              eb.and([eb("status", "=", "running"), eb("locked_until", "<", now)]),
            ]),
          )
          .orderBy("run_at")
          .limit(this.#options.batchSize)
          .modifyEnd(sql`for update skip locked`),
      )
      .returning(["id", "kind", "payload", "attempts", "max_attempts"])
      .execute();
  }

  async #run(
    job: {
      id: number;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    },
    now: Date,
  ): Promise<void> {
    const definition = this.#definitions.get(job.kind);
    const db = this.#options.db;
    try {
      if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
      const payload = definition.payload.parse(job.payload);
      await definition.handle(payload, { now, attempt: job.attempts, jobId: job.id });
      await db
        .updateTable("jobs")
        .set({ status: "done", finished_at: this.#options.clock.now(), locked_until: null, dedupe_key: null })
        .where("id", "=", job.id)
        .execute();
    } catch (error) {
      this.#options.onError?.(error, job);
      const isFinal = job.attempts >= job.max_attempts;
      // Exponential back-off: 10 s, 20 s, 40 s … capped at one hour.
      const retryAt = new Date(now.getTime() + Math.min(3_600_000, 10_000 * 2 ** (job.attempts - 1)));
      await db
        .updateTable("jobs")
        .set({
          status: isFinal ? "failed" : "pending",
          run_at: isFinal ? now : retryAt,
          locked_until: null,
          last_error: error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000),
          finished_at: isFinal ? now : null,
          ...(isFinal ? { dedupe_key: null } : {}),
        })
        .where("id", "=", job.id)
        .execute();
    }
  }
}
