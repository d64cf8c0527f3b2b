import type { Executor } from "../../platform";

// The court's register of invited mediation organisations and mediators (特邀调解名册).

const organisationColumns = [
  "id",
  "court_id",
  "name",
  "name_en",
  "description",
  "case_types",
  "is_active",
  "created_at",
  "updated_at",
] as const;

export async function listOrganisations(db: Executor, courtId: string, options: { activeOnly: boolean }) {
  let query = db
    .selectFrom("mediation_organisations")
    .select(organisationColumns)
    .where("court_id", "=", courtId);
  if (options.activeOnly) query = query.where("is_active", "=", true);
  return query.orderBy("name").orderBy("id").execute();
}

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

export async function findOrganisation(db: Executor, courtId: string, id: string) {
  return db
    .selectFrom("mediation_organisations")
    .select(organisationColumns)
    .where("court_id", "=", courtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertOrganisation(
  trx: Executor,
  values: {
    courtId: string;
    name: string;
    nameEn: string | null;
    description: string;
    caseTypes: string[];
    now: Date;
  },
) {
  return trx
    .insertInto("mediation_organisations")
    .values({
      court_id: values.courtId,
      name: values.name,
      name_en: values.nameEn,
      description: values.description,
      case_types: JSON.stringify(values.caseTypes),
      created_at: values.now,
      updated_at: values.now,
    })
    .returning(organisationColumns)
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  trx: Executor,
  id: string,
  patch: {
    name?: string;
    nameEn?: string | null;
    description?: string;
    caseTypes?: string[];
    isActive?: boolean;
  },
  now: Date,
) {
  return trx
    .updateTable("mediation_organisations")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.caseTypes !== undefined ? { case_types: JSON.stringify(patch.caseTypes) } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .returning(organisationColumns)
    .executeTakeFirstOrThrow();
}

const mediatorColumns = [
  "mediators.id",
  "mediators.court_id",
  "mediators.user_id",
  "mediators.organisation_id",
  "mediators.display_name",
  "mediators.specialties",
  "mediators.case_types",
  "mediators.is_active",
  "mediators.created_at",
  "mediators.updated_at",
] as const;

export async function listMediators(db: Executor, courtId: string, options: { activeOnly: boolean }) {
  let query = db
    .selectFrom("mediators")
    .leftJoin("mediation_organisations", "mediation_organisations.id", "mediators.organisation_id")
    .select(mediatorColumns)
    .select([
      "mediation_organisations.name as organisation_name",
      "mediation_organisations.name_en as organisation_name_en",
    ])
    .where("mediators.court_id", "=", courtId);
  if (options.activeOnly) query = query.where("mediators.is_active", "=", true);
  return query.orderBy("mediators.display_name").orderBy("mediators.id").execute();
}

export type MediatorRow = Awaited<ReturnType<typeof listMediators>>[number];

export async function findMediator(
  db: Executor,
  courtId: string,
  id: string,
): Promise<MediatorRow | undefined> {
  return db
    .selectFrom("mediators")
    .leftJoin("mediation_organisations", "mediation_organisations.id", "mediators.organisation_id")
    .select(mediatorColumns)
    .select([
      "mediation_organisations.name as organisation_name",
      "mediation_organisations.name_en as organisation_name_en",
    ])
    .where("mediators.court_id", "=", courtId)
    .where("mediators.id", "=", id)
    .executeTakeFirst();
}

export async function findMediatorByUser(db: Executor, courtId: string, userId: string) {
  return db
    .selectFrom("mediators")
    .select(mediatorColumns)
    .where("mediators.court_id", "=", courtId)
    .where("mediators.user_id", "=", userId)
    .executeTakeFirst();
}

export async function insertMediator(
  trx: Executor,
  values: {
    courtId: string;
    userId: string;
    organisationId: string | null;
    displayName: string;
    specialties: string;
    caseTypes: string[];
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("mediators")
    .values({
      court_id: values.courtId,
      user_id: values.userId,
      organisation_id: values.organisationId,
      display_name: values.displayName,
      specialties: values.specialties,
      case_types: JSON.stringify(values.caseTypes),
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMediator(
  trx: Executor,
  id: string,
  patch: {
    organisationId?: string | null;
    displayName?: string;
    specialties?: string;
    caseTypes?: string[];
    isActive?: boolean;
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable("mediators")
    .set({
      ...(patch.organisationId !== undefined ? { organisation_id: patch.organisationId } : {}),
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.specialties !== undefined ? { specialties: patch.specialties } : {}),
      ...(patch.caseTypes !== undefined ? { case_types: JSON.stringify(patch.caseTypes) } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}
