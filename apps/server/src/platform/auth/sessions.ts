import { hash, randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Executor } from "../db/transaction";

export const SESSION_COOKIE = "nc_session";
export const CSRF_COOKIE = "nc_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Sessions last 12 hours of inactivity and at most 7 days. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a token renewed after a privilege change still works: requests already in flight finish. */
export const SESSION_ROTATION_GRACE_MS = 30_000;

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  hasSecondFactor: boolean;
  /** The account's privileges changed after this session was issued: renew it (see `rotateSession`). */
  isPrivilegeStale: boolean;
  /** Already renewed: the token works only until its grace period ends. */
  isRotated: boolean;
}

/** A session token pair as it goes into the cookies. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
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
): Promise<IssuedSession> {
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
      // Read in the same statement, so a privilege change committed before it is never missed.
      privilege_version: (eb) =>
        eb.selectFrom("users").select("users.privilege_version").where("users.id", "=", options.userId),
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
      "privilege_version",
      "rotated_at",
      (eb) =>
        eb
          .selectFrom("users")
          .select("users.privilege_version")
          .whereRef("users.id", "=", "sessions.user_id")
          .as("user_privilege_version"),
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
    isPrivilegeStale: (row.user_privilege_version ?? 0) > row.privilege_version,
    isRotated: row.rotated_at !== null,
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

/**
 * Records that the session passed the second factor and ends it in the same step: the token that
 * existed before the second factor never carries it (a fixed session must not be promoted, OWASP ASVS
 * 4.0 V3.2.1). The caller issues the successor with `replaceSession`.
 */
export async function markSecondFactor(trx: Executor, idHash: string, now: Date): Promise<void> {
  await trx
    .updateTable("sessions")
    .set({ second_factor_at: now, revoked_at: now })
    .where("id_hash", "=", idHash)
    .execute();
}

/**
 * Issues the successor of a session that just authenticated further (the second factor): new token and
 * CSRF token, the old one ended at once.
 */
export async function replaceSession(
  trx: Executor,
  old: SessionRow,
  options: { now: Date; ip: string | null; userAgent: string | null; hasSecondFactor: boolean },
): Promise<IssuedSession> {
  // A successor from a privilege renewal earlier in the same request lacks the second factor: it ends.
  await trx
    .updateTable("sessions")
    .set({ revoked_at: options.now })
    .where("revoked_at", "is", null)
    .where("id_hash", "=", (eb) =>
      eb.selectFrom("sessions as s").select("s.rotated_to").where("s.id_hash", "=", old.idHash),
    )
    .execute();
  const issued = await createSession(trx, { userId: old.userId, ...options });
  await trx
    .updateTable("sessions")
    .set({
      rotated_at: options.now,
      rotated_to: hashToken(issued.token),
      revoked_at: sql<Date>`coalesce(revoked_at, ${options.now})`,
    })
    .where("id_hash", "=", old.idHash)
    .execute();
  return issued;
}

/**
 * Renews a session whose account's privileges changed since it was issued; the old token keeps working
 * for `SESSION_ROTATION_GRACE_MS` so requests already in flight finish. Returns null when another
 * request renewed it first (only one successor per session).
 *
 * Renewal rather than forced sign-in: a privilege often changes within the account's own request
 * (an external real-name check approves at once), and signing the person out there would break the
 * flow. The token known before the change stops working after the grace period either way.
 */
export async function rotateSession(
  trx: Executor,
  old: SessionRow,
  options: { now: Date; ip: string | null; userAgent: string | null },
): Promise<IssuedSession | null> {
  const graceEnd = new Date(options.now.getTime() + SESSION_ROTATION_GRACE_MS);
  const claimed = await trx
    .updateTable("sessions")
    .set({
      rotated_at: options.now,
      expires_at: sql<Date>`least(expires_at, ${graceEnd})`,
    })
    .where("id_hash", "=", old.idHash)
    .where("rotated_at", "is", null)
    .where("revoked_at", "is", null)
    .returning(["second_factor_at"])
    .executeTakeFirst();
  if (!claimed) return null;
  const issued = await createSession(trx, {
    userId: old.userId,
    now: options.now,
    ip: options.ip,
    userAgent: options.userAgent,
    hasSecondFactor: claimed.second_factor_at !== null,
  });
  await trx
    .updateTable("sessions")
    .set({ rotated_to: hashToken(issued.token) })
    .where("id_hash", "=", old.idHash)
    .execute();
  return issued;
}

/** Ends a session, together with the session it was renewed into or from. */
export async function revokeSession(trx: Executor, idHash: string, now: Date): Promise<void> {
  await trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("revoked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("id_hash", "=", idHash),
        eb("rotated_to", "=", idHash),
        eb(
          "id_hash",
          "=",
          eb.selectFrom("sessions as s").select("s.rotated_to").where("s.id_hash", "=", idHash),
        ),
      ]),
    )
    .execute();
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
