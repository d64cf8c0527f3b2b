import type { Executor, StaffMembership } from "../../platform";
import type { CourtLevel, DivisionKind } from "./courts.tables";

/** Active staff memberships of a user (which court, which role, which division). */
export async function findMemberships(db: Executor, userId: string): Promise<StaffMembership[]> {
  const rows = await db
    .selectFrom("court_staff")
    .select(["court_id", "role", "division_id"])
    .where("user_id", "=", userId)
    .where("is_active", "=", true)
    .execute();
  return rows.map((row) => ({ courtId: row.court_id, role: row.role, divisionId: row.division_id }));
}

/** Those of the given courts that review every real-name verification on the platform. */
export async function findCourtsReviewingAllVerifications(
  db: Executor,
  courtIds: readonly string[],
): Promise<string[]> {
  if (courtIds.length === 0) return [];
  const rows = await db
    .selectFrom("courts")
    .select("id")
    .where("id", "in", [...new Set(courtIds)])
    .where("reviews_all_verifications", "=", true)
    .execute();
  return rows.map((row) => row.id);
}

const courtColumns = [
  "id",
  "code",
  "name_zh",
  "name_en",
  "level",
  "is_internet_court",
  "parent_id",
  "province_zh",
  "province_en",
  "small_claims_limit_fen",
  "small_claims_basis",
  "address_zh",
  "phone",
] as const;

export async function listCourts(db: Executor) {
  return db.selectFrom("courts").select(courtColumns).orderBy("code").execute();
}

export async function findCourt(db: Executor, id: string) {
  return db.selectFrom("courts").select(courtColumns).where("id", "=", id).executeTakeFirst();
}

export async function findCourtByCode(db: Executor, code: string) {
  return db.selectFrom("courts").select(courtColumns).where("code", "=", code).executeTakeFirst();
}

export async function countCourts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("courts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listDivisions(db: Executor, courtId: string) {
  return db
    .selectFrom("court_divisions")
    .select(["id", "court_id", "code", "name_zh", "name_en", "kind"])
    .where("court_id", "=", courtId)
    .orderBy("code")
    .execute();
}

export async function insertCourt(
  db: Executor,
  values: {
    code: string;
    nameZh: string;
    nameEn: string;
    level: CourtLevel;
    parentId: string | null;
    isInternetCourt: boolean;
    provinceZh: string | null;
    provinceEn: string | null;
    addressZh: string | null;
    smallClaimsLimitFen: number | null;
    smallClaimsBasis: string | null;
    reviewsAllVerifications?: boolean;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto("courts")
    .values({
      code: values.code,
      name_zh: values.nameZh,
      name_en: values.nameEn,
      level: values.level,
      parent_id: values.parentId,
      is_internet_court: values.isInternetCourt,
      province_zh: values.provinceZh,
      province_en: values.provinceEn,
      address_zh: values.addressZh,
      small_claims_limit_fen: values.smallClaimsLimitFen,
      small_claims_basis: values.smallClaimsBasis,
      phone: null,
      reviews_all_verifications: values.reviewsAllVerifications ?? false,
      created_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDivision(
  db: Executor,
  values: { courtId: string; code: string; nameZh: string; nameEn: string; kind: DivisionKind },
): Promise<string> {
  const row = await db
    .insertInto("court_divisions")
    .values({
      court_id: values.courtId,
      code: values.code,
      name_zh: values.nameZh,
      name_en: values.nameEn,
      kind: values.kind,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStaff(
  db: Executor,
  values: {
    userId: string;
    courtId: string;
    role: StaffMembership["role"];
    divisionId: string | null;
    titleZh: string | null;
    titleEn: string | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto("court_staff")
    .values({
      user_id: values.userId,
      court_id: values.courtId,
      role: values.role,
      division_id: values.divisionId,
      title_zh: values.titleZh,
      title_en: values.titleEn,
      created_at: values.now,
    })
    .execute();
}

/** Active judge memberships of a court, optionally in one kind of division. */
export async function selectJudgeMemberships(db: Executor, courtId: string, divisionKinds?: DivisionKind[]) {
  let query = db
    .selectFrom("court_staff")
    .leftJoin("court_divisions", "court_divisions.id", "court_staff.division_id")
    .select([
      "court_staff.user_id as userId",
      "court_staff.division_id as divisionId",
      "court_divisions.kind as divisionKind",
      "court_staff.title_zh as titleZh",
      "court_staff.title_en as titleEn",
    ])
    .where("court_staff.court_id", "=", courtId)
    .where("court_staff.role", "=", "judge")
    .where("court_staff.is_active", "=", true);
  if (divisionKinds && divisionKinds.length > 0)
    query = query.where("court_divisions.kind", "in", divisionKinds);
  return query.execute();
}

/** Code and names of the given courts (unknown ids are left out). */
export async function findCourtLabels(db: Executor, courtIds: readonly string[]) {
  const ids = [...new Set(courtIds)];
  if (ids.length === 0) return [];
  return db
    .selectFrom("courts")
    .select(["id", "code", "name_zh as nameZh", "name_en as nameEn"])
    .where("id", "in", ids)
    .execute();
}

/** Staff of a court holding one of the roles (for notifications such as a new filing to review). */
export async function listStaff(db: Executor, courtId: string, roles: StaffMembership["role"][]) {
  return db
    .selectFrom("court_staff")
    .select(["user_id", "role", "division_id"])
    .where("court_id", "=", courtId)
    .where("role", "in", roles)
    .where("is_active", "=", true)
    .execute();
}
