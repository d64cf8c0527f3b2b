// The only SQL of court administration. Invitations are this context's table; the staff roster reads
// court_staff and the accounts' public labels, which court administration exists to manage.
import { sql } from "kysely";
import type { Executor } from "../../platform";
import type { StaffRole } from "../../platform";
import type { InvitationPurpose } from "./admin.tables";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be an id (a malformed id is simply not found, never a database error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export async function insertInvitation(
  trx: Executor,
  invitation: {
    tokenSha256: string;
    userId: string;
    courtId: string;
    purpose: InvitationPurpose;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("invitations")
    .values({
      token_sha256: invitation.tokenSha256,
      user_id: invitation.userId,
      court_id: invitation.courtId,
      purpose: invitation.purpose,
      created_by: invitation.createdBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes the account's open invitations (a newer one replaces them, or the membership ended). */
export async function revokeOpenInvitations(trx: Executor, userId: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The invitation behind a token hash with its court's labels and the invitee's role there. */
export async function findInvitationByTokenHash(db: Executor, tokenSha256: string, forUpdate = false) {
  let query = db
    .selectFrom("invitations as i")
    .innerJoin("courts as c", "c.id", "i.court_id")
    .select([
      "i.id",
      "i.user_id",
      "i.court_id",
      "i.purpose",
      "i.expires_at",
      "i.used_at",
      "i.revoked_at",
      "c.code as court_code",
      "c.name_zh as court_name_zh",
      "c.name_en as court_name_en",
    ])
    .where("i.token_sha256", "=", tokenSha256);
  if (forUpdate) query = query.forUpdate("i");
  return query.executeTakeFirst();
}

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

export async function markInvitationUsed(trx: Executor, invitationId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("invitations")
    .set({ used_at: now })
    .where("id", "=", invitationId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active roles of an account at a court. */
export async function findActiveRoles(db: Executor, courtId: string, userId: string): Promise<StaffRole[]> {
  if (!isUuid(userId)) return [];
  const rows = await db
    .selectFrom("court_staff")
    .select("role")
    .where("court_id", "=", courtId)
    .where("user_id", "=", userId)
    .where("is_active", "=", true)
    .execute();
  return rows.map((row) => row.role);
}

/** Ends every active membership of an account at a court; returns how many ended. */
export async function deactivateMemberships(trx: Executor, courtId: string, userId: string): Promise<number> {
  const result = await trx
    .updateTable("court_staff")
    .set({ is_active: false })
    .where("court_id", "=", courtId)
    .where("user_id", "=", userId)
    .where("is_active", "=", true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The account of a staff member by mobile number (how an operator names a person on the CLI). */
export async function findStaffUserIdByPhone(db: Executor, courtId: string, phone: string) {
  const row = await db
    .selectFrom("court_staff as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select("u.id")
    .where("s.court_id", "=", courtId)
    .where("u.phone", "=", phone)
    .executeTakeFirst();
  return row?.id;
}

/** The court's staff roster: one row per membership with sign-in state and any open invitation. */
export async function listCourtStaff(db: Executor, courtId: string, now: Date) {
  return db
    .selectFrom("court_staff as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("court_divisions as d", "d.id", "s.division_id")
    .leftJoin("invitations as i", (join) =>
      join.onRef("i.user_id", "=", "s.user_id").on("i.used_at", "is", null).on("i.revoked_at", "is", null),
    )
    .select([
      "s.user_id",
      "s.role",
      "s.is_active",
      "s.title_zh",
      "s.title_en",
      "s.division_id",
      "d.code as division_code",
      "u.name",
      "u.phone",
      "u.email",
      "u.totp_enabled_at",
      "i.expires_at as invitation_expires_at",
      sql<boolean>`coalesce(i.expires_at <= ${now}, false)`.as("invitation_expired"),
    ])
    .where("s.court_id", "=", courtId)
    .orderBy("s.is_active", "desc")
    .orderBy("s.role")
    .orderBy("u.name")
    .orderBy("s.user_id")
    .execute();
}

export type StaffRosterRow = Awaited<ReturnType<typeof listCourtStaff>>[number];

export async function findDivisionByCode(db: Executor, courtId: string, code: string) {
  return db
    .selectFrom("court_divisions")
    .select(["id", "code"])
    .where("court_id", "=", courtId)
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function findDivision(db: Executor, courtId: string, divisionId: string) {
  if (!isUuid(divisionId)) return undefined;
  return db
    .selectFrom("court_divisions")
    .select(["id", "code"])
    .where("court_id", "=", courtId)
    .where("id", "=", divisionId)
    .executeTakeFirst();
}
