import { AppError, courtsWithRole, hasRole, type Actor } from "../../platform";
import type { AppContext } from "../../context";
import { courtDateOf } from "../courts/index";
import { loadMediation } from "./mediation.access";
import {
  authorisedPartyIds,
  loadConfirmation,
  relationToConfirmation,
  type ConfirmationAccess,
} from "./mediation.confirmation.access";
import {
  findConfirmationOfAgreement,
  findLiveAgreement,
  listApplicants,
  listConfirmationsOfCourt,
  listSignatures,
  type ConfirmationRow,
} from "./mediation.confirmation.repository";
import {
  canActOnConfirmation,
  computeConfirmationApplicationDeadline,
  partiesToWithdrawFor,
  dismissalGrounds,
  isWithinApplicationPeriod,
  pendingSignatures,
  refusalGrounds,
  type Ground,
} from "./mediation.confirmation.rules";
import type { TAgreementView, TConfirmationView } from "./mediation.confirmation.schemas";
import { findMediation, loadMediationParts, type MediationParts } from "./mediation.repository";
import { findMediator } from "./mediators.repository";
import { isSide } from "./mediation.policy";

const iso = (value: Date) => value.toISOString();

/**
 * The live agreement of a mediation for anyone taking part in it (parties, agents, the mediator, the
 * court's clerks), with who signed and what the caller may do next. Throws `mediation_not_found`,
 * `agreement_not_found`.
 */
export async function getAgreementView(
  context: AppContext,
  actor: Actor,
  mediationId: string,
): Promise<TAgreementView> {
  const access = await loadMediation(context.db, actor, mediationId);
  const { row, parts, relation } = access;
  const agreement = await findLiveAgreement(context.db, row.id);
  if (!agreement) throw new AppError("agreement_not_found");
  const signatures = await listSignatures(context.db, agreement.id);
  const confirmation = await findConfirmationOfAgreement(context.db, agreement.id);
  const mediator = row.mediator_id
    ? await findMediator(context.db, row.court_id, row.mediator_id)
    : undefined;
  const signedPartyIds = signatures.flatMap((s) => (s.party_id ? [s.party_id] : []));
  const pending = pendingSignatures({
    partyIds: parts.parties.map((p) => p.id),
    signedPartyIds,
    mediatorSigned: signatures.some((s) => s.signer_role === "mediator"),
  });
  const authorised = authorisedPartyIds(actor, parts);
  const mine = [...authorised.self, ...authorised.asAgent];
  const actions: TAgreementView["actions"] = [];
  const onSide = isSide(relation);
  if (agreement.status === "draft" && row.status === "agreement_drafted") {
    if (relation.kind === "mediator" && signatures.length === 0) actions.push("redraft");
    if (
      relation.kind === "mediator"
        ? pending.mediator
        : onSide && mine.some((id) => pending.partyIds.includes(id))
    )
      actions.push("sign");
  }
  const today = courtDateOf(context.clock.now());
  if (agreement.status === "effective" && agreement.effective_on && onSide && mine.length > 0) {
    if (isWithinApplicationPeriod(agreement.effective_on, today)) {
      // 民诉法解释第三百五十七条: a withdrawn application leaves the parties free to apply again.
      if (!confirmation || confirmation.status === "withdrawn") actions.push("apply_for_confirmation");
      else if (confirmation.status === "awaiting_parties") {
        const applied = (await listApplicants(context.db, confirmation.id)).map((a) => a.party_id);
        if (mine.some((id) => !applied.includes(id))) actions.push("join_confirmation");
      }
    }
  }
  const nameOfParty = (id: string) => parts.parties.find((p) => p.id === id)?.name ?? "";
  return {
    id: agreement.id,
    mediationId: row.id,
    caseId: row.case_id,
    version: agreement.version,
    status: agreement.status === "effective" ? "effective" : "draft",
    contentSha256: agreement.content_sha256,
    issueId: agreement.issue_id,
    terms: agreement.terms as unknown as TAgreementView["terms"],
    draftedAt: iso(agreement.drafted_at),
    effectiveAt: agreement.effective_at ? iso(agreement.effective_at) : null,
    effectiveOn: agreement.effective_on,
    applicationDueOn: agreement.effective_on
      ? computeConfirmationApplicationDeadline(agreement.effective_on).end
      : null,
    signatures: signatures.map((s) => ({
      role: s.signer_role,
      partyId: s.party_id,
      name: s.party_id ? nameOfParty(s.party_id) : (mediator?.display_name ?? ""),
      agentName:
        s.signer_role === "agent"
          ? (parts.agents.find((a) => a.party_id === s.party_id && a.user_id === s.signer_user_id)?.name ??
            null)
          : null,
      signedAt: iso(s.signed_at),
      contentSha256: s.content_sha256,
    })),
    pending: {
      parties: pending.partyIds.map((id) => ({ id, name: nameOfParty(id) })),
      mediator: pending.mediator,
    },
    confirmationId: confirmation?.id ?? null,
    actions,
  };
}

function groundsOf(codes: unknown, table: Record<string, Ground>) {
  const list = Array.isArray(codes) ? (codes as string[]) : [];
  return list.flatMap((code) => {
    const ground = table[code];
    return ground ? [{ code, zh: ground.zh, en: ground.en, basis: ground.basis }] : [];
  });
}

async function present(
  context: AppContext,
  actor: Actor,
  access: Pick<ConfirmationAccess, "row" | "parts" | "relation">,
): Promise<TConfirmationView> {
  const { row, parts, relation } = access;
  const applicants = await listApplicants(context.db, row.id);
  const actions: TConfirmationView["actions"] = [];
  const authorised = authorisedPartyIds(actor, parts);
  const mine = [...authorised.self, ...authorised.asAgent];
  const applied = applicants.map((a) => a.party_id);
  if (relation.isParty && canActOnConfirmation(row.status, "join")) {
    if (mine.some((id) => !applied.includes(id))) actions.push("join");
  }
  if (relation.isClerk && canActOnConfirmation(row.status, "accept")) actions.push("accept", "refuse");
  if (
    relation.isCourtAdmin &&
    canActOnConfirmation(row.status, "extend") &&
    row.decision_extended_at === null
  )
    actions.push("extend");
  if (relation.isAssignedJudge && canActOnConfirmation(row.status, "decide")) actions.push("decide");
  // 民诉法解释第三百五十七条: an applicant may withdraw until the ruling.
  if (
    relation.isParty &&
    canActOnConfirmation(row.status, "withdraw") &&
    partiesToWithdrawFor(mine, applied).length > 0
  )
    actions.push("withdraw");
  const withdrawnPartyIds = Array.isArray(row.withdrawn_party_ids) ? row.withdrawn_party_ids : [];
  return {
    id: row.id,
    mediationId: row.mediation_id,
    caseId: row.case_id,
    courtId: row.court_id,
    status: row.status,
    parties: parts.parties.map((p) => {
      const applied = applicants.find((a) => a.party_id === p.id);
      return {
        partyId: p.id,
        name: p.name,
        role: p.role,
        appliedAt: applied ? iso(applied.applied_at) : null,
      };
    }),
    applicationDueOn: row.application_due_on,
    appliedAt: row.applied_at ? iso(row.applied_at) : null,
    acceptanceDueOn: row.acceptance_due_on,
    acceptanceOverdue: row.status === "applied" && row.acceptance_overdue_at !== null,
    acceptedAt: row.accepted_at ? iso(row.accepted_at) : null,
    caseNumber: row.case_number,
    judgeName: row.judge_name,
    decisionDueOn: row.decision_due_on,
    decisionOverdue: row.status === "accepted" && row.decision_overdue_at !== null,
    isDecisionExtended: row.decision_extended_at !== null,
    refusal: row.refused_at
      ? {
          grounds: groundsOf(row.refusal_grounds, refusalGrounds),
          reason: row.refusal_reason,
          refusedAt: iso(row.refused_at),
        }
      : null,
    decision:
      row.decision && row.decided_at
        ? {
            decision: row.decision,
            grounds: groundsOf(row.dismissal_grounds, dismissalGrounds),
            reasons: row.reasons ?? "",
            decidedAt: iso(row.decided_at),
            rulingIssueId: row.ruling_issue_id,
          }
        : null,
    withdrawal: row.withdrawn_at
      ? {
          withdrawnAt: iso(row.withdrawn_at),
          partyNames: withdrawnPartyIds.map((id) => parts.parties.find((p) => p.id === id)?.name ?? ""),
          reason: row.withdrawal_reason,
          rulingIssueId: row.withdrawal_ruling_issue_id,
        }
      : null,
    isEnforceable: row.is_enforceable,
    feeFen: 0,
    actions,
  };
}

/** One confirmation for whoever may see it. Throws `confirmation_not_found`. */
export async function getConfirmationView(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<TConfirmationView> {
  return present(context, actor, await loadConfirmation(context.db, actor, id));
}

/**
 * A court's queue of confirmations: every one before the court for its clerks and administrators, the
 * ones assigned to a judge for that judge. Throws `forbidden` (403) for anyone without a role there.
 */
export async function listCourtConfirmations(
  context: AppContext,
  actor: Actor,
  query: { courtId: string; status?: string | undefined },
): Promise<TConfirmationView[]> {
  const staff = hasRole(actor, query.courtId, "clerk", "court_admin");
  const judge = courtsWithRole(actor, "judge").includes(query.courtId);
  if (actor.kind !== "user" || (!staff && !judge))
    throw new AppError("forbidden", [
      { code: "court_staff_only", message: "only this court's clerks and judges" },
    ]);
  const rows: ConfirmationRow[] = await listConfirmationsOfCourt(context.db, {
    courtId: query.courtId,
    ...(staff ? {} : { judgeId: actor.userId }),
    ...(query.status ? { status: query.status } : {}),
  });
  const views: TConfirmationView[] = [];
  const partsOf = new Map<string, MediationParts>();
  for (const row of rows) {
    const mediation = (await findMediation(context.db, row.mediation_id))!;
    const parts = partsOf.get(mediation.id) ?? (await loadMediationParts(context.db, mediation));
    partsOf.set(mediation.id, parts);
    views.push(
      await present(context, actor, {
        row,
        parts,
        relation: relationToConfirmation(actor, row, mediation, parts),
      }),
    );
  }
  return views;
}
