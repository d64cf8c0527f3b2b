import { sql } from "kysely";
import type { Kysely } from "kysely";
import { AppError } from "../errors";
import type { DB } from "../db/schema";

/** Failures allowed per key in one window before the key is locked for the lock period. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Sign-in: 5 failures per account or 20 per IP within 15 minutes lock for 15 minutes. */
export const loginPolicies = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} satisfies Record<string, ThrottlePolicy>;

/** Throws `rate_limited` (429) when any key is locked at `now`. Kept in the database so it holds across restarts and nodes. */
export async function assertNotThrottled(db: Kysely<DB>, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const locked = await db
    .selectFrom("auth_throttle")
    .select(["key", "locked_until"])
    .where("key", "in", keys)
    .where("locked_until", ">", now)
    .executeTakeFirst();
  if (locked?.locked_until) {
    const retryAfterSeconds = Math.ceil((locked.locked_until.getTime() - now.getTime()) / 1000);
    throw new AppError("rate_limited", [
      { code: "retry_after", message: `${retryAfterSeconds}s`, params: { retryAfterSeconds } },
    ]);
  }
}

/** Counts one failure against each key, locking a key that reaches its policy's limit. */
export async function recordFailure(
  db: Kysely<DB>,
  entries: Array<{ key: string; policy: ThrottlePolicy }>,
  now: Date,
): Promise<void> {
  for (const { key, policy } of entries) {
    const windowStart = new Date(now.getTime() - policy.windowMs);
    const lockUntil = new Date(now.getTime() + policy.lockMs);
    await db
      .insertInto("auth_throttle")
      .values({
        key,
        window_start: now,
        failures: 1,
        locked_until: policy.maxFailures <= 1 ? lockUntil : null,
      })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          // A failure after the window closed starts a new window.
          failures: sql`case when auth_throttle.window_start < ${windowStart} then 1 else auth_throttle.failures + 1 end`,
          window_start: sql`case when auth_throttle.window_start < ${windowStart} then ${now} else auth_throttle.window_start end`,
          locked_until: sql`case when auth_throttle.window_start >= ${windowStart} and auth_throttle.failures + 1 >= ${policy.maxFailures} then ${lockUntil} else auth_throttle.locked_until end`,
        }),
      )
      .execute();
  }
}

/** Clears the failures of a key after a success (the IP key is not cleared: one success must not reset a spray). */
export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("auth_throttle").where("key", "=", key).execute();
}
