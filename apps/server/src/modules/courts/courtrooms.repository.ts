import type { Executor } from "../../platform";

export type CourtroomRow = Awaited<ReturnType<typeof listCourtrooms>>[number];

const columns = [
  "id",
  "court_id",
  "code",
  "name_zh",
  "name_en",
  "kind",
  "location_zh",
  "location_en",
  "is_active",
] as const;

/** A court's courtrooms, active first, by code. */
export async function listCourtrooms(db: Executor, courtId: string) {
  return db
    .selectFrom("courtrooms")
    .select(columns)
    .where("court_id", "=", courtId)
    .orderBy("is_active", "desc")
    .orderBy("code")
    .execute();
}

/** One courtroom of a court. */
export async function findCourtroom(db: Executor, courtId: string, courtroomId: string) {
  return db
    .selectFrom("courtrooms")
    .select(columns)
    .where("court_id", "=", courtId)
    .where("id", "=", courtroomId)
    .executeTakeFirst();
}

/** Courtrooms by id (any court), for labels. */
export async function findCourtroomsByIds(db: Executor, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.selectFrom("courtrooms").select(columns).where("id", "in", unique).execute();
}

export interface CourtroomValues {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: "physical" | "online";
  locationZh: string | null;
  locationEn: string | null;
}

export async function insertCourtroom(db: Executor, courtId: string, values: CourtroomValues, now: Date) {
  return db
    .insertInto("courtrooms")
    .values({
      court_id: courtId,
      code: values.code,
      name_zh: values.nameZh,
      name_en: values.nameEn,
      kind: values.kind,
      location_zh: values.locationZh,
      location_en: values.locationEn,
      created_at: now,
      updated_at: now,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateCourtroom(
  db: Executor,
  courtroomId: string,
  patch: Partial<Omit<CourtroomValues, "code" | "kind">> & { isActive?: boolean },
  now: Date,
) {
  return db
    .updateTable("courtrooms")
    .set({
      ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.locationZh !== undefined ? { location_zh: patch.locationZh } : {}),
      ...(patch.locationEn !== undefined ? { location_en: patch.locationEn } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      updated_at: now,
    })
    .where("id", "=", courtroomId)
    .returning(columns)
    .executeTakeFirstOrThrow();
}
