import { AppError, courtsWithRole, hasRole, type Actor, type Executor } from "../../platform";
import { findCaseIdsOfParticipant, listCasePartyCodes, loadCaseSnapshot } from "../cases/index";
import { findCourt } from "../courts/index";
import { findActiveAccountNames } from "../identity/index";
import { loadMediation, type MediationAccess } from "./mediation.access";
import { presentMediation, presentMediator, presentOrganisation } from "./mediation.presenter";
import { findMediation, listMediationIdsFor, loadMediationParts } from "./mediation.repository";
import { relationToMediation } from "./mediation.policy";
import type { TMediationView } from "./mediation.schemas";
import { findMediator, listMediators, listOrganisations } from "./mediators.repository";

/** The workspace of a mediation for the caller (404 `mediation_not_found` when they have no part in it). */
export async function getMediationView(
  db: Executor,
  actor: Actor,
  mediationId: string,
): Promise<TMediationView> {
  const access = await loadMediation(db, actor, mediationId);
  return viewOf(db, actor, access);
}

/** The view from an access already loaded. */
export async function viewOf(db: Executor, actor: Actor, access: MediationAccess): Promise<TMediationView> {
  const snapshot = await loadCaseSnapshot(db, access.row.case_id);
  if (!snapshot) throw new AppError("mediation_not_found");
  const mediator = access.row.mediator_id
    ? ((await findMediator(db, access.row.court_id, access.row.mediator_id)) ?? null)
    : null;
  const names = await findActiveAccountNames(db, [
    ...new Set(access.parts.messages.map((m) => m.author_user_id)),
  ]);
  const userId = actor.kind === "user" ? actor.userId : "";
  // The respondents' unused case codes: the mediator and the court's staff may read one out to a
  // respondent the invitation did not reach (as the clerk does for a defendant).
  const seesCodes = access.relation.kind === "mediator" || access.relation.kind === "court_staff";
  const caseCodes = new Map(
    seesCodes
      ? (await listCasePartyCodes(db, access.row.case_id))
          .filter((c) => c.used_at === null)
          .map((c) => [c.party_id, c.code] as const)
      : [],
  );
  return presentMediation(access, snapshot.row, {
    mediator,
    names,
    isFiler: snapshot.row.filed_by === userId,
    userId,
    caseCodes,
  });
}

/** The caller's mediations: as party or agent, as mediator, or (clerks and administrators) their court's. */
export async function listMyMediations(db: Executor, actor: Actor, filters: { status?: string | undefined }) {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  const ids = await listMediationIdsFor(db, {
    userId: actor.userId,
    caseIds: await findCaseIdsOfParticipant(db, actor.userId),
    staffCourtIds: courtsWithRole(actor, "clerk", "court_admin"),
    limit: 200,
  });
  const items = [];
  for (const id of ids) {
    const row = await findMediation(db, id);
    if (!row || (filters.status !== undefined && row.status !== filters.status)) continue;
    const parts = await loadMediationParts(db, row);
    const relation = relationToMediation(actor, row, parts);
    if (relation.kind === "none") continue;
    const snapshot = await loadCaseSnapshot(db, row.case_id);
    items.push({
      id: row.id,
      caseId: row.case_id,
      courtId: row.court_id,
      title: snapshot?.row.title ?? null,
      origin: row.origin,
      status: row.status,
      myRelation: relation.kind,
      periodEndsOn: row.period_ends_on,
      appointmentOverdue: row.status === "awaiting_mediator" && row.appointment_overdue_at !== null,
      updatedAt: row.updated_at.toISOString(),
    });
  }
  return { items };
}

/** A court's register of mediators; the public sees active entries without accounts (在线调解规则第五条第二款). */
export async function listCourtMediators(db: Executor, actor: Actor, courtId: string) {
  if (!(await findCourt(db, courtId))) throw new AppError("court_not_found");
  const isAdmin = hasRole(actor, courtId, "court_admin");
  const rows = await listMediators(db, courtId, { activeOnly: !isAdmin });
  return { items: rows.map((row) => presentMediator(row, isAdmin)) };
}

/** A court's register of mediation organisations (public: the active ones). */
export async function listCourtOrganisations(db: Executor, actor: Actor, courtId: string) {
  if (!(await findCourt(db, courtId))) throw new AppError("court_not_found");
  const isAdmin = hasRole(actor, courtId, "court_admin");
  const rows = await listOrganisations(db, courtId, { activeOnly: !isAdmin });
  return { items: rows.map(presentOrganisation) };
}
