import { AppError, hasRole, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { findCourt } from "../../courts/index";
import { findOrganisation, insertOrganisation, updateOrganisation } from "../mediators.repository";

export interface OrganisationInput {
  name: string;
  nameEn: string | null;
  description: string;
  caseTypes: string[];
}

/**
 * Only the court's administrator keeps its register (在线调解规则第二十七条: 各级人民法院负责本级在线调解
 * 组织和调解员选任确认; 特邀调解规定第五条). Unknown court: `court_not_found` (404); anyone else: 403.
 */
export async function assertCourtAdmin(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
): Promise<void> {
  const court = await findCourt(context.db, courtId);
  if (!court) throw new AppError("court_not_found");
  if (!hasRole(meta.actor, courtId, "court_admin")) {
    throw new AppError("forbidden", [
      { code: "court_admin_only", message: "only the court's administrator keeps the register" },
    ]);
  }
}

/**
 * Adds an invited mediation organisation (特邀调解组织) to the court's register with the disputes it takes
 * (在线调解规则第五条第二款). Throws `court_not_found`, `forbidden`, `conflict` (same name twice).
 */
export async function registerMediationOrganisation(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  input: OrganisationInput,
) {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    const row = await insertOrganisation(trx, { courtId, ...input, now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "mediation.organisation_registered",
      subjectType: "mediation_organisation",
      subjectId: row.id,
      courtId,
      data: { name: input.name, caseTypes: input.caseTypes },
    });
    return row;
  });
}

/** Changes an organisation's entry, or takes it off the active register. Throws as above and `mediation_organisation_not_found`. */
export async function updateMediationOrganisation(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  organisationId: string,
  patch: Partial<OrganisationInput> & { isActive?: boolean },
) {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    const existing = await findOrganisation(trx, courtId, organisationId);
    if (!existing) throw new AppError("mediation_organisation_not_found");
    const row = await updateOrganisation(trx, organisationId, patch, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "mediation.organisation_updated",
      subjectType: "mediation_organisation",
      subjectId: organisationId,
      courtId,
      data: { ...patch },
    });
    return row;
  });
}
