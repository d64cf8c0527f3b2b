import { sql, type Kysely, type Transaction } from "kysely";
import { CHANGE_CHANNEL, changeFeedOf } from "./change-feed";
import { AppError } from "../errors";
import type { DB } from "./schema";

export type Tx = Transaction<DB>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock

/**
 * Runs `work` in one transaction (STYLE.md: every command in a transaction). Retries a few times when
 * PostgreSQL reports a serialization failure or deadlock, which only concurrent commands cause.
 */
export async function inTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Tx) => Promise<T>,
  attempts = 4,
): Promise<T> {
  const feed = changeFeedOf(db);
  for (let attempt = 1; ; attempt += 1) {
    let token: string | undefined;
    let arrival: Promise<void> | undefined;
    try {
      const result = await db.transaction().execute(async (trx) => {
        const value = await work(trx);
        // Notified last: once it comes back, every change notification of this transaction has been
        // delivered, so this process's read caches already forgot what it changed (read-your-writes).
        if (feed?.isHealthy) {
          token = feed.newToken();
          arrival = feed.expect(token);
          await sql`select pg_notify(${CHANGE_CHANNEL}, ${`tx:${token}`})`.execute(trx);
        }
        return value;
      });
      await arrival;
      return result;
    } catch (error) {
      if (token) feed?.cancel(token);
      if (attempt < attempts && RETRYABLE.has(driverErrorCode(error) ?? "")) {
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
        continue;
      }
      throw error;
    }
  }
}

/** The SQLSTATE of a driver error (pg and PGlite both expose `code`). */
export function driverErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = error.code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Converts a database error caused by the request (a constraint the input broke) into an AppError, in
 * one place (STYLE.md). Anything else is returned unchanged and becomes a 500.
 */
export function fromDriverError(error: unknown): unknown {
  const code = driverErrorCode(error);
  const constraint =
    typeof error === "object" && error !== null && "constraint" in error
      ? String(error.constraint)
      : undefined;
  const detail = constraint ? [{ code: "constraint", message: constraint }] : [];
  switch (code) {
    case "23505": // unique_violation
    case "23503": // foreign_key_violation
    case "23P01": // exclusion_violation
      return new AppError("conflict", detail, { cause: error });
    case "23514": // check_violation
    case "23502": // not_null_violation
    case "22001": // string too long
    case "22003": // numeric out of range
    case "22007": // invalid datetime format
    case "22008": // datetime field overflow
    case "22P02": // invalid text representation
      return new AppError("validation_failed", detail, { cause: error });
    default:
      return error;
  }
}
