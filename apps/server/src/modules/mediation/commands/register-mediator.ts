import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { listStaff } from "../../courts/index";
import {
  findMediator,
  findMediatorByUser,
  findOrganisation,
  insertMediator,
  updateMediator,
  type MediatorRow,
} from "../mediators.repository";
import { assertCourtAdmin } from "./register-mediation-organisation";

export interface MediatorInput {
  userId: string;
  organisationId: string | null;
  displayName: string;
  specialties: string;
  caseTypes: string[];
}

/**
 * Puts a staff account holding the `mediator` role at the court on the court's register of invited
 * mediators (特邀调解规定第五条/第六条; 在线调解规则第五条/第二十七条), with the disputes they take.
 * Throws `court_not_found`, `forbidden`, `mediator_role_missing`, `mediation_organisation_not_found`,
 * `mediator_already_registered`.
 */
export async function registerMediator(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  input: MediatorInput,
): Promise<MediatorRow> {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    const staff = await listStaff(trx, courtId, ["mediator"]);
    if (!staff.some((s) => s.user_id === input.userId)) {
      throw new AppError("mediator_role_missing", [
        { path: "userId", code: "mediator_role_missing", message: "not a mediator of this court" },
      ]);
    }
    if (input.organisationId !== null && !(await findOrganisation(trx, courtId, input.organisationId))) {
      throw new AppError("mediation_organisation_not_found", [
        { path: "organisationId", code: "not_found", message: "no such organisation at this court" },
      ]);
    }
    if (await findMediatorByUser(trx, courtId, input.userId))
      throw new AppError("mediator_already_registered");
    const id = await insertMediator(trx, { courtId, ...input, now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "mediation.mediator_registered",
      subjectType: "mediator",
      subjectId: id,
      courtId,
      data: { userId: input.userId, organisationId: input.organisationId, caseTypes: input.caseTypes },
    });
    return (await findMediator(trx, courtId, id))!;
  });
}

/**
 * Changes a mediator's entry or takes them off the active register (在线调解规则第二十九条: 解聘).
 * Throws `court_not_found`, `forbidden`, `mediator_not_found`, `mediation_organisation_not_found`.
 */
export async function updateRegisteredMediator(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  mediatorId: string,
  patch: Partial<Omit<MediatorInput, "userId">> & { isActive?: boolean },
): Promise<MediatorRow> {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    if (!(await findMediator(trx, courtId, mediatorId))) throw new AppError("mediator_not_found");
    if (
      patch.organisationId !== undefined &&
      patch.organisationId !== null &&
      !(await findOrganisation(trx, courtId, patch.organisationId))
    ) {
      throw new AppError("mediation_organisation_not_found", [
        { path: "organisationId", code: "not_found", message: "no such organisation at this court" },
      ]);
    }
    await updateMediator(trx, mediatorId, patch, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "mediation.mediator_updated",
      subjectType: "mediator",
      subjectId: mediatorId,
      courtId,
      data: { ...patch },
    });
    return (await findMediator(trx, courtId, mediatorId))!;
  });
}
