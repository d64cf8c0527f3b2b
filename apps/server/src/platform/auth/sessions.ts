import { hash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Executor } from "../db/transaction";

export const SESSION_COOKIE = "nc_session";
export const CSRF_COOKIE = "nc_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Sessions last 12 hours of inactivity and at most 7 days. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  hasSecondFactor: boolean;
}

/** Only the hash of a session token is stored, so a database leak does not hand out sessions. */
export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

/** Starts a session; returns the secret token for the cookie and the CSRF token for the page. */
export async function createSession(
  trx: Executor,
  options: {
    userId: string;
    now: Date;
    ip: string | null;
    userAgent: string | null;
    hasSecondFactor: boolean;
  },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + SESSION_IDLE_MS);
  await trx
    .insertInto("sessions")
    .values({
      id_hash: hashToken(token),
      user_id: options.userId,
      csrf_token: csrfToken,
      created_at: options.now,
      expires_at: expiresAt,
      last_seen_at: options.now,
      ip: options.ip,
      user_agent: options.userAgent?.slice(0, 500) ?? null,
      second_factor_at: options.hasSecondFactor ? options.now : null,
      revoked_at: null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session behind a token, or null when unknown, revoked or expired. */
export async function findSession(db: Kysely<DB>, token: string, now: Date): Promise<SessionRow | null> {
  const row = await db
    .selectFrom("sessions")
    .select([
      "id_hash",
      "user_id",
      "csrf_token",
      "expires_at",
      "last_seen_at",
      "second_factor_at",
      "created_at",
    ])
    .where("id_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now || now.getTime() - row.created_at.getTime() > SESSION_MAX_MS) return null;
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    hasSecondFactor: row.second_factor_at !== null,
  };
}

/** Slides the idle expiry forward (at most once a minute per session, to keep reads cheap). */
export async function touchSession(db: Kysely<DB>, session: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS) })
    .where("id_hash", "=", session.idHash)
    .execute();
}

export async function markSecondFactor(trx: Executor, idHash: string, now: Date): Promise<void> {
  await trx.updateTable("sessions").set({ second_factor_at: now }).where("id_hash", "=", idHash).execute();
}

export async function revokeSession(trx: Executor, idHash: string, now: Date): Promise<void> {
  await trx.updateTable("sessions").set({ revoked_at: now }).where("id_hash", "=", idHash).execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function revokeUserSessions(trx: Executor, userId: string, now: Date): Promise<void> {
  await trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
