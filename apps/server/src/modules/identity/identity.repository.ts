import { sql, type Selectable } from "kysely";
import type { Executor } from "../../platform";
import type {
  DocumentSide,
  IdentityDocumentsTable,
  IdentityVerificationsTable,
  UsersTable,
} from "./identity.tables";

export type UserRow = Selectable<UsersTable>;
export type VerificationRow = Selectable<IdentityVerificationsTable>;

/** The account fields an actor is built from; null when the account does not exist or is disabled. */
export async function findActiveAccount(db: Executor, userId: string) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "name",
      "kind",
      "verification_status",
      "lawyer_licence_number",
      "totp_enabled_at",
      "disabled_at",
    ])
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

/** The whole account row (including secrets: never present it as is). */
export async function findAccount(db: Executor, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
}

/** Verified, active accounts of a kind registered with this ID number or credit code (a few at most). */
export async function listVerifiedAccountIds(
  db: Executor,
  kind: "person" | "organisation",
  identifier: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("kind", "=", kind)
    .where(kind === "person" ? "id_number" : "credit_code", "=", identifier)
    .where("verification_status", "=", "verified")
    .where("disabled_at", "is", null)
    .orderBy("id")
    .limit(5)
    .execute();
  return rows.map((r) => r.id);
}

/** The account signing in with a phone number or an e-mail address (case-insensitive). */
export async function findAccountByLogin(
  db: Executor,
  login: { phone: string } | { email: string },
): Promise<UserRow | undefined> {
  let query = db.selectFrom("users").selectAll();
  query =
    "phone" in login
      ? query.where("phone", "=", login.phone)
      : query.where(sql<string>`lower(email)`, "=", login.email.toLowerCase());
  return query.executeTakeFirst();
}

/** Which of the unique identifiers already belong to an account (other than `exceptUserId`). */
export async function findTakenIdentifiers(
  db: Executor,
  identifiers: {
    phone?: string;
    email?: string | null;
    idNumber?: string | null;
    creditCode?: string | null;
  },
  exceptUserId?: string,
): Promise<Array<"phone" | "email" | "idNumber" | "creditCode">> {
  const { phone, email, idNumber, creditCode } = identifiers;
  const rows = await db
    .selectFrom("users")
    .select(["phone", "email", "id_number", "credit_code"])
    .where((eb) =>
      eb.or([
        ...(phone ? [eb("phone", "=", phone)] : []),
        ...(email ? [eb(sql<string>`lower(email)`, "=", email.toLowerCase())] : []),
        ...(idNumber ? [eb("id_number", "=", idNumber)] : []),
        ...(creditCode ? [eb("credit_code", "=", creditCode)] : []),
      ]),
    )
    .$if(exceptUserId !== undefined, (q) => q.where("id", "<>", exceptUserId!))
    .execute();
  const taken = new Set<"phone" | "email" | "idNumber" | "creditCode">();
  for (const row of rows) {
    if (phone && row.phone === phone) taken.add("phone");
    if (email && row.email?.toLowerCase() === email.toLowerCase()) taken.add("email");
    if (idNumber && row.id_number === idNumber) taken.add("idNumber");
    if (creditCode && row.credit_code === creditCode) taken.add("creditCode");
  }
  return [...taken];
}

export interface NewUser {
  /** Chosen before the insert: the TOTP envelope is bound to the account id. */
  id: string;
  kind: "person" | "organisation";
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  organisationKind: "legal_person" | "other_organisation" | null;
  legalRepresentative: string | null;
  phone: string;
  email: string | null;
  passwordHash: string;
  /** The sealed envelope (totp-secrets.ts), never a clear secret. */
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  verifiedAt: Date | null;
  lawyerLicenceNumber: string | null;
  lawFirm: string | null;
  locale: "zh-CN" | "en";
  now: Date;
}

export async function insertUser(trx: Executor, user: NewUser): Promise<string> {
  const row = await trx
    .insertInto("users")
    .values({
      id: user.id,
      kind: user.kind,
      name: user.name,
      id_number: user.idNumber,
      credit_code: user.creditCode,
      organisation_kind: user.organisationKind,
      legal_representative: user.legalRepresentative,
      phone: user.phone,
      email: user.email,
      password_hash: user.passwordHash,
      totp_secret: user.totpSecret,
      totp_enabled_at: user.totpEnabledAt,
      totp_last_step: null,
      verification_status: user.verifiedAt ? "verified" : "unverified",
      verified_at: user.verifiedAt,
      lawyer_licence_number: user.lawyerLicenceNumber,
      law_firm: user.lawFirm,
      locale: user.locale,
      created_at: user.now,
      updated_at: user.now,
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProfile(
  trx: Executor,
  userId: string,
  changes: {
    email?: string | null;
    locale?: "zh-CN" | "en";
    lawyerLicenceNumber?: string | null;
    lawFirm?: string | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable("users")
    .set({
      updated_at: now,
      ...(changes.email !== undefined ? { email: changes.email } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      ...(changes.lawyerLicenceNumber !== undefined
        ? { lawyer_licence_number: changes.lawyerLicenceNumber }
        : {}),
      ...(changes.lawFirm !== undefined ? { law_firm: changes.lawFirm } : {}),
    })
    .where("id", "=", userId)
    .execute();
}

export async function updatePasswordHash(trx: Executor, userId: string, passwordHash: string, now: Date) {
  await trx
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

/** Stores a new, not yet confirmed sealed TOTP secret; refuses (returns false) once TOTP is enabled. */
export async function setPendingTotpSecret(
  trx: Executor,
  userId: string,
  sealedSecret: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable("users")
    .set({ totp_secret: sealedSecret, totp_last_step: null, updated_at: now })
    .where("id", "=", userId)
    .where("totp_enabled_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Puts an account back to "invited": an unusable password hash, a new pending sealed TOTP secret and
 * TOTP not enabled, so it can be used again only through the invitation.
 */
export async function resetCredentials(
  trx: Executor,
  userId: string,
  credentials: { unusablePasswordHash: string; sealedSecret: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable("users")
    .set({
      password_hash: credentials.unusablePasswordHash,
      totp_secret: credentials.sealedSecret,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: now,
    })
    .where("id", "=", userId)
    .execute();
}

/**
 * Completes an invited account: its password and its pending TOTP secret, enabled at the confirmed
 * step. False when TOTP was enabled meanwhile (a concurrent acceptance won).
 */
export async function completeCredentials(
  trx: Executor,
  userId: string,
  credentials: { passwordHash: string; step: number },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable("users")
    .set({
      password_hash: credentials.passwordHash,
      totp_enabled_at: now,
      totp_last_step: credentials.step,
      updated_at: now,
    })
    .where("id", "=", userId)
    .where("totp_enabled_at", "is", null)
    .where("totp_secret", "is not", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Stored TOTP secrets not sealed under the key `keyId` (clear ones of older versions included). */
export async function findTotpSecretsNotUnder(db: Executor, keyId: string) {
  return db
    .selectFrom("users")
    .select(["id", "totp_secret"])
    .where("totp_secret", "is not", null)
    .where("totp_secret", "not like", `v1.${keyId}.%`)
    .orderBy("id")
    .execute() as Promise<Array<{ id: string; totp_secret: string }>>;
}

/** Checks the envelope constraint on every row (it held only for new and changed rows until now). */
export async function validateSealedTotpConstraint(trx: Executor): Promise<void> {
  await sql`alter table users validate constraint users_totp_secret_sealed`.execute(trx);
}

/** Replaces a stored TOTP secret only if it is still the value read (a concurrent change wins). */
export async function replaceTotpSecret(
  trx: Executor,
  userId: string,
  expected: string,
  sealedSecret: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("users")
    .set({ totp_secret: sealedSecret })
    .where("id", "=", userId)
    .where("totp_secret", "=", expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records an accepted TOTP step, enabling TOTP on first use. The condition on the last step makes a
 * concurrent replay of the same code lose: only one update can move the step forward.
 */
export async function acceptTotpStep(
  trx: Executor,
  userId: string,
  step: number,
  now: Date,
): Promise<{ accepted: boolean; enabledNow: boolean }> {
  const before = await trx
    .selectFrom("users")
    .select(["totp_enabled_at"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  const result = await trx
    .updateTable("users")
    .set({
      totp_last_step: step,
      totp_enabled_at: sql<Date>`coalesce(totp_enabled_at, ${now})`,
      updated_at: now,
    })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  const accepted = result.numUpdatedRows > 0n;
  return { accepted, enabledNow: accepted && before?.totp_enabled_at === null };
}

/** Revokes every live session of the user except one; returns the revoked session hashes. */
export async function revokeOtherSessions(
  trx: Executor,
  userId: string,
  keepIdHash: string,
  now: Date,
): Promise<string[]> {
  const rows = await trx
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("id_hash", "<>", keepIdHash)
    .returning("id_hash")
    .execute();
  return rows.map((row) => row.id_hash);
}

/** Live session hashes of a user (to drop them from the session cache after a change). */
export async function findLiveSessionHashes(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("sessions")
    .select("id_hash")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
  return rows.map((row) => row.id_hash);
}

export async function insertDocument(
  trx: Executor,
  document: Omit<Selectable<IdentityDocumentsTable>, "uploaded_at"> & { now: Date },
): Promise<void> {
  await trx
    .insertInto("identity_documents")
    .values({
      user_id: document.user_id,
      side: document.side,
      sha256: document.sha256,
      media_type: document.media_type,
      uploaded_at: document.now,
    })
    .onConflict((oc) => oc.columns(["user_id", "side", "sha256"]).doNothing())
    .execute();
}

export async function findDocument(db: Executor, userId: string, side: DocumentSide, sha256: string) {
  return db
    .selectFrom("identity_documents")
    .select(["sha256", "media_type"])
    .where("user_id", "=", userId)
    .where("side", "=", side)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

export async function findDocumentMediaType(db: Executor, userId: string, sha256: string) {
  const row = await db
    .selectFrom("identity_documents")
    .select("media_type")
    .where("user_id", "=", userId)
    .where("sha256", "=", sha256)
    .limit(1)
    .executeTakeFirst();
  return row?.media_type;
}

export async function insertVerification(
  trx: Executor,
  verification: {
    userId: string;
    method: "clerk_review" | "external";
    status: "pending" | "approved" | "rejected";
    frontSha256: string | null;
    backSha256: string | null;
    provider: string | null;
    providerReference: string | null;
    providerScore: number | null;
    reason: string | null;
    now: Date;
  },
): Promise<VerificationRow> {
  return trx
    .insertInto("identity_verifications")
    .values({
      user_id: verification.userId,
      method: verification.method,
      status: verification.status,
      front_sha256: verification.frontSha256,
      back_sha256: verification.backSha256,
      provider: verification.provider,
      provider_reference: verification.providerReference,
      provider_score: verification.providerScore,
      reviewer_id: null,
      decided_at: verification.status === "pending" ? null : verification.now,
      reason: verification.reason,
      created_at: verification.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the account's verification status (verified_at follows it, as the table requires). */
export async function setVerificationStatus(
  trx: Executor,
  userId: string,
  status: "pending" | "verified" | "rejected",
  now: Date,
): Promise<void> {
  await trx
    .updateTable("users")
    .set({ verification_status: status, verified_at: status === "verified" ? now : null, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

export async function findLatestVerification(
  db: Executor,
  userId: string,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom("identity_verifications")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function hasPendingVerification(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("identity_verifications")
    .select("id")
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row !== undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A verification with its account's identity fields, for the review screens. */
export async function findVerificationDetail(db: Executor, verificationId: string) {
  if (!UUID.test(verificationId)) return undefined;
  return db
    .selectFrom("identity_verifications as v")
    .innerJoin("users as u", "u.id", "v.user_id")
    .leftJoin("users as r", "r.id", "v.reviewer_id")
    .selectAll("v")
    .select([
      "u.name as user_name",
      "u.kind as user_kind",
      "u.id_number as user_id_number",
      "u.credit_code as user_credit_code",
      "u.organisation_kind as user_organisation_kind",
      "u.legal_representative as user_legal_representative",
      "u.phone as user_phone",
      "u.verification_status as user_verification_status",
      "r.name as reviewer_name",
    ])
    .where("v.id", "=", verificationId)
    .executeTakeFirst();
}

export type VerificationDetailRow = NonNullable<Awaited<ReturnType<typeof findVerificationDetail>>>;

/**
 * One page of verifications in a status: the pending queue oldest first, decided ones newest first.
 * `applicantIds` limits it to those accounts (null: everyone's).
 */
export async function listVerifications(
  db: Executor,
  options: {
    status: "pending" | "approved" | "rejected";
    applicantIds: readonly string[] | null;
    offset: number;
    limit: number;
  },
) {
  const { applicantIds } = options;
  const base = db
    .selectFrom("identity_verifications as v")
    .innerJoin("users as u", "u.id", "v.user_id")
    .where("v.status", "=", options.status)
    .$if(applicantIds !== null, (q) =>
      // One array parameter, however many applicants a court has.
      q.where("v.user_id", "=", sql<string>`any(${[...(applicantIds ?? [])]}::uuid[])`),
    );
  const items = await base
    .select([
      "v.id",
      "v.user_id",
      "v.method",
      "v.status",
      "v.created_at",
      "u.name as user_name",
      "u.kind as user_kind",
      "u.id_number as user_id_number",
      "u.credit_code as user_credit_code",
    ])
    .$if(options.status === "pending", (q) => q.orderBy("v.created_at", "asc"))
    .$if(options.status !== "pending", (q) => q.orderBy("v.decided_at", "desc"))
    .orderBy("v.id")
    .offset(options.offset)
    .limit(options.limit)
    .execute();
  const count = await base
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

/** Decides a pending verification; false when it was no longer pending (a concurrent decision won). */
export async function decideVerification(
  trx: Executor,
  verificationId: string,
  decision: { status: "approved" | "rejected"; reviewerId: string; reason: string | null; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable("identity_verifications")
    .set({
      status: decision.status,
      reviewer_id: decision.reviewerId,
      reason: decision.reason,
      decided_at: decision.now,
    })
    .where("id", "=", verificationId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Names and kinds of accounts, for other contexts' presenters. */
export async function selectUserSummaries(db: Executor, userIds: readonly string[]) {
  const ids = [...new Set(userIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "name", "kind"]).where("id", "in", ids).execute();
}

/** Names of those of the given accounts that are not disabled. */
export async function selectActiveUserNames(db: Executor, userIds: readonly string[]) {
  const ids = [...new Set(userIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["id", "name"])
    .where("id", "in", ids)
    .where("disabled_at", "is", null)
    .execute();
}
