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

/**
 * Sign-in: 5 attempts per account within 15 minutes lock the account for 15 minutes; past 20 attempts
 * within 15 minutes an IP address must solve a proof-of-work challenge for each further attempt rather
 * than being locked, so one attacker behind a shared NAT does not lock out everyone behind it.
 */
export const loginPolicies = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} satisfies Record<string, ThrottlePolicy>;

/** Clears the failures of a key after a success (the IP key is not cleared: one success must not reset a spray). */
export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("auth_throttle").where("key", "=", key).execute();
}

/** The outcome of reserving an attempt: allowed while the key is within its policy's limit. */
export interface Reservation {
  isAllowed: boolean;
  attempts: number;
  retryAfterSeconds: number;
}

/**
 * Counts an attempt against a key and tells whether it is within the limit, in one statement, before
 * the attempt is evaluated: parallel attempts each get their own count, so no more than the limit are
 * ever evaluated. A success gives the attempt back (`clearFailures`, `releaseAttempt`).
 */
export async function reserveAttempt(
  db: Kysely<DB>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  // A key starts afresh once its lock has ended, or, unlocked, once its window has closed.
  const isFresh = sql<boolean>`(auth_throttle.locked_until is not null and auth_throttle.locked_until <= ${now})
    or (auth_throttle.locked_until is null and auth_throttle.window_start < ${windowStart})`;
  const firstLock = policy.maxFailures <= 1 ? lockUntil : null;
  const row = await db
    .insertInto("auth_throttle")
    .values({ key, window_start: now, failures: 1, locked_until: firstLock })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`case when ${isFresh} then 1 else auth_throttle.failures + 1 end`,
        window_start: sql`case when ${isFresh} then ${now} else auth_throttle.window_start end`,
        locked_until: sql`case when ${isFresh} then ${firstLock}::timestamptz
          when auth_throttle.locked_until is null and auth_throttle.failures + 1 >= ${policy.maxFailures} then ${lockUntil}::timestamptz
          else auth_throttle.locked_until end`,
      }),
    )
    .returning(["failures", "window_start", "locked_until"])
    .executeTakeFirstOrThrow();
  const until = row.locked_until ?? new Date(row.window_start.getTime() + policy.windowMs);
  return {
    isAllowed: row.failures <= policy.maxFailures,
    attempts: row.failures,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  };
}

/** Gives back one reserved attempt after a success (for keys a success must not clear, such as an IP's). */
export async function releaseAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable("auth_throttle")
    .set({ failures: sql`greatest(auth_throttle.failures - 1, 0)` })
    .where("key", "=", key)
    .execute();
}

/**
 * Takes one attempt against a key before the attempt is evaluated (`reserveAttempt`), and throws
 * `rate_limited` (429) with the seconds to wait when the key is over its limit. Kept in the database so
 * the limit holds across restarts and nodes. A success gives the attempt back (`clearFailures` or
 * `releaseAttempt`); a failure keeps it counted.
 */
export async function takeAttempt(
  db: Kysely<DB>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  const reservation = await reserveAttempt(db, key, policy, now);
  if (!reservation.isAllowed) throw rateLimitedError(reservation.retryAfterSeconds);
}

/** The `rate_limited` error of a refused reservation, with the seconds to wait. */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", [
    { code: "retry_after", message: `${retryAfterSeconds}s`, params: { retryAfterSeconds } },
  ]);
}
