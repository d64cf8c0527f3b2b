import { AppError, inTransaction, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import { assignCaseMediator, lockCase } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { issueDocumentForRendering } from "../../documents/index";
import { receiveReferredFiling } from "../../filing/index";
import { buildMediationRecordModels } from "../documents/mediation-record";
import {
  assertApplicant,
  assertCanAct,
  loadMediation,
  lockMediationFor,
  sideAccounts,
} from "../mediation.access";
import { recordMediationAct } from "../mediation.events";
import { loadMediationParts, updateMediation, type MediationRow } from "../mediation.repository";
import { registrationReceivedOn } from "../mediation.rules";
import { findMediator } from "../mediators.repository";

/**
 * The applicant chooses to file after a failed mediation (在线调解规则第二十一条第一项): the dispute, its
 * parties, claims and evidence — already the case's — go to the court for the registration review
 * without retyping, with the mediation record. Throws `mediation_not_found`, `forbidden`,
 * `mediation_status_conflict`.
 */
export async function referMediationToFiling(
  context: AppContext,
  meta: CommandMeta,
  mediationId: string,
): Promise<{ reviewDueOn: string; recordIssueId: string }> {
  const access = await loadMediation(context.db, meta.actor, mediationId);
  assertApplicant(access);
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.case_id);
    const { row } = await lockMediationFor(trx, meta.actor, mediationId);
    return referInTransaction(trx, context, meta, row);
  });
}

/**
 * The referral inside a transaction that holds the case's and the mediation's row locks (also used at
 * once when a filing offered mediation at review fails). The 7-day registration review (民事诉讼法第一百
 * 二十六条) runs from the original submission day for a filing that was offered mediation, otherwise from
 * the referral (mediation.rules.ts registrationReceivedOn).
 */
export async function referInTransaction(
  trx: Tx,
  context: AppContext,
  meta: CommandMeta,
  row: MediationRow,
): Promise<{ reviewDueOn: string; recordIssueId: string }> {
  assertCanAct(row, "referToFiling");
  const caseRow = await lockCase(trx, row.case_id);
  if (caseRow.status !== "mediation") {
    throw new AppError("case_status_conflict", [
      { code: "not_in_mediation", message: `the case is ${caseRow.status}` },
    ]);
  }
  const parts = await loadMediationParts(trx, row);
  const today = courtDateOf(meta.now);
  const receivedOn = registrationReceivedOn(
    row.origin,
    caseRow.submitted_at ? courtDateOf(caseRow.submitted_at) : null,
    today,
  );
  // Filing receives the dispute as a submitted complaint: status, review period, fee quote and order
  // (诉讼费用交纳办法第二十二条), query code, the 起诉状 if none, the clerks' inbox and the court event.
  const received = await receiveReferredFiling(trx, context, {
    caseId: row.case_id,
    meta,
    keepSubmittedAt: row.origin === "offered_at_filing",
  });
  const opened = { endsOn: received.reviewDueOn };
  await assignCaseMediator(trx, meta, { caseId: row.case_id, mediatorUserId: null });

  const court = await findCourt(trx, row.court_id);
  const mediator = row.mediator_id ? await findMediator(trx, row.court_id, row.mediator_id) : undefined;
  const nameOf = (partyId: string) => parts.parties.find((p) => p.id === partyId)?.name ?? "";
  const models = buildMediationRecordModels({
    courtNameZh: court?.name_zh ?? "",
    courtNameEn: court?.name_en ?? "",
    causeNameZh: caseRow.cause_name_zh,
    causeNameEn: caseRow.cause_name_en,
    applicants: parts.parties.filter((p) => p.role !== "defendant").map((p) => p.name),
    respondents: parts.parties.filter((p) => p.role === "defendant").map((p) => p.name),
    claims: parts.claims.map((c) => ({
      text: c.text,
      amountFen: c.amount_fen === null ? null : Number(c.amount_fen),
    })),
    mediator: mediator
      ? {
          name: mediator.display_name,
          organisationZh: mediator.organisation_name,
          organisationEn: mediator.organisation_name_en,
        }
      : null,
    appliedOn: row.applied_at ? courtDateOf(row.applied_at) : null,
    acceptedOn: row.accepted_at ? courtDateOf(row.accepted_at) : null,
    periodEndsOn: row.period_ends_on,
    sessions: parts.sessions.map((s) => ({ on: courtDateOf(new Date(s.starts_at)), note: s.note })),
    offers: parts.offers.map((o) => ({
      partyName: nameOf(o.party_id),
      amountFen: o.amount_fen,
      status: o.status,
      on: courtDateOf(new Date(o.created_at)),
    })),
    outcome: row.outcome ?? "failed",
    reason: row.outcome_reason,
    endedOn: row.ended_at ? courtDateOf(row.ended_at) : today,
    issuedOn: today,
  });
  const issued = await issueDocumentForRendering(trx, {
    caseId: row.case_id,
    courtId: row.court_id,
    ...models,
    issuedBy: row.mediator_user_id,
    now: meta.now,
  });
  await updateMediation(
    trx,
    row.id,
    { status: "referred", referred_at: meta.now, record_issue_id: issued.issueId },
    meta.now,
  );
  await recordMediationAct(trx, meta, {
    mediation: row,
    action: "mediation.referred",
    courtEvent: "mediation_referred",
    data: {
      origin: row.origin,
      receivedOn,
      reviewDueOn: opened.endsOn,
      recordIssueId: issued.issueId,
      basis: "人民法院在线调解规则第二十一条第一项",
    },
    inbox: [
      {
        recipientIds: [...new Set([row.applicant_user_id, ...sideAccounts(parts, "applicant")])],
        kind: "mediation_referred",
        params: { title: caseRow.title, reviewDueOn: opened.endsOn },
      },
    ],
  });
  return { reviewDueOn: opened.endsOn, recordIssueId: issued.issueId };
}
