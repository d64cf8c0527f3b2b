import { AppError, cancelJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { closeDeadline } from "../../cases/index";
import { courtDateOf, findCourt, listStaff } from "../../courts/index";
import { findServiceAddress, sendInboxMessage, serveDocument } from "../../delivery/index";
import { issueDocumentForRendering } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { buildWithdrawalRulingModels } from "../documents/withdrawal-ruling";
import {
  assertMayActForParties,
  authorisedPartyIds,
  loadConfirmation,
  lockConfirmationFor,
  partyAccounts,
} from "../mediation.confirmation.access";
import { listApplicants, setMediationStatus, updateConfirmation } from "../mediation.confirmation.repository";
import {
  isDecided,
  partiesToWithdrawFor,
  withdrawalOutcome,
  type ConfirmationStatus,
} from "../mediation.confirmation.rules";
import { userOf } from "../mediation.access";
import { confirmationAcceptanceDueKey, confirmationDecisionDueKey } from "../mediation.job-kinds";
import type { MediationParts } from "../mediation.repository";
import { assertConfirmationAct } from "./accept-confirmation";

export interface WithdrawConfirmationOptions {
  confirmationId: string;
  /** The applicant's reason, if they give one. */
  reason: string | null;
}

/**
 * 409 `confirmation_already_decided` once the court has ruled (民诉法解释第三百五十七条: only before the
 * ruling), `confirmation_status_conflict` for an application refused or already withdrawn.
 */
function assertWithdrawable(status: ConfirmationStatus): void {
  if (isDecided(status)) throw new AppError("confirmation_already_decided");
  assertConfirmationAct(status, "withdraw");
}

function applicantsOf(parts: MediationParts) {
  return parts.parties.map((p) => {
    const organisation = p.kind !== "natural_person";
    return {
      name: p.name,
      descriptionZh: p.address
        ? `${organisation ? "住所地" : "住"}${p.address}`
        : organisation
          ? "组织"
          : "自然人",
      descriptionEn: p.address
        ? `${organisation ? "domiciled in" : "of"} ${p.address}`
        : organisation
          ? "organisation"
          : "natural person",
    };
  });
}

/**
 * An applicant withdraws the application for judicial confirmation before the ruling, in person or by
 * an agent with special authority (民事诉讼法第六十二条). 民诉法解释第三百五十七条第一款: 确认调解协议的裁定作出
 * 前，当事人撤回申请的，人民法院可以裁定准许; 若干规定第五条第二款: 一方或者双方当事人撤回司法确认申请的，
 * 人民法院应当准许. The court must allow it, so the platform closes the application at once: before
 * acceptance there is no case to rule in and the application is simply closed; once accepted, the
 * ruling allowing the withdrawal (准许撤回 民事裁定书) is issued over the assigned judge's name and served
 * on every party. The agreement stays in effect between the parties (人民调解法第三十一条). The deadline
 * jobs are cancelled. Throws `confirmation_not_found`, `forbidden`, `confirmation_already_decided`,
 * `confirmation_status_conflict`.
 */
export async function withdrawConfirmation(
  context: AppContext,
  meta: CommandMeta,
  options: WithdrawConfirmationOptions,
): Promise<{ status: "withdrawn"; rulingIssueId: string | null }> {
  const user = userOf(meta.actor);
  const pre = await loadConfirmation(context.db, meta.actor, options.confirmationId);
  if (!pre.relation.isParty)
    throw new AppError("forbidden", [
      { code: "applicant_only", message: "only an applicant or its agent may withdraw the application" },
    ]);
  assertMayActForParties(authorisedPartyIds(meta.actor, pre.parts));
  assertWithdrawable(pre.row.status);

  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockConfirmationFor(trx, meta.actor, options.confirmationId);
    assertWithdrawable(row.status);
    const applied = (await listApplicants(trx, row.id)).map((a) => a.party_id);
    const authorised = authorisedPartyIds(meta.actor, parts);
    const withdrawing = partiesToWithdrawFor([...authorised.self, ...authorised.asAgent], applied);
    // 民诉法解释第三百五十七条: the withdrawal is the applicant's; a party that never applied has none.
    if (withdrawing.length === 0)
      throw new AppError("forbidden", [
        { code: "applicant_only", message: "only an applicant or its agent may withdraw the application" },
      ]);
    const outcome = withdrawalOutcome(row.status)!;
    const withdrawnOn = courtDateOf(meta.now);
    const names = withdrawing.map((id) => parts.parties.find((p) => p.id === id)?.name ?? "");

    let rulingIssueId: string | null = null;
    if (outcome === "ruling") {
      const court = (await findCourt(trx, row.court_id))!;
      const models = buildWithdrawalRulingModels({
        courtNameZh: court.name_zh,
        courtNameEn: court.name_en,
        caseNumber: row.case_number!,
        applicants: applicantsOf(parts),
        withdrawnBy: names,
        appliedOn: courtDateOf(row.applied_at!),
        acceptedOn: courtDateOf(row.accepted_at!),
        withdrawnOn,
        reason: options.reason,
        judgeName: row.judge_name ?? "",
        clerkName: row.clerk_name ?? "",
      });
      const issued = await issueDocumentForRendering(trx, {
        caseId: row.case_id,
        courtId: row.court_id,
        zh: models.zh,
        en: models.en,
        issuedBy: null,
        signedBy: row.judge_id,
        now: meta.now,
      });
      rulingIssueId = issued.issueId;
      // 在线诉讼规则第二十九条: the ruling is served on every party through the platform's service.
      for (const party of parts.parties) {
        const address = party.user_id ? await findServiceAddress(trx, party.user_id) : null;
        await serveDocument(trx, {
          caseId: row.case_id,
          courtId: row.court_id,
          documentIssueId: issued.issueId,
          kind: "ruling",
          recipient: {
            partyId: party.id,
            userId: party.user_id,
            name: party.name,
            role: party.role,
            phone: address?.phone ?? party.phone,
            email: address?.email ?? party.email,
            addressBasis: address ? "confirmed" : "provided",
          },
          servedBy: null,
          followingDeadline: null,
          now: meta.now,
        });
      }
    }

    await updateConfirmation(
      trx,
      row.id,
      {
        status: "withdrawn",
        withdrawn_at: meta.now,
        withdrawn_by: user.userId,
        withdrawn_party_ids: withdrawing,
        withdrawal_reason: options.reason,
        withdrawal_ruling_issue_id: rulingIssueId,
      },
      meta.now,
    );
    // The agreement itself stays in effect: the mediation is back to an agreement without confirmation.
    await setMediationStatus(trx, row.mediation_id, "agreed", meta.now);
    await closeDeadline(trx, row.case_id, "confirmation_acceptance", "cancelled", meta.now);
    await closeDeadline(trx, row.case_id, "confirmation_decision", "cancelled", meta.now);
    await cancelJob(trx, confirmationAcceptanceDueKey(row.id), meta.now);
    await cancelJob(trx, confirmationDecisionDueKey(row.id), meta.now);

    const staff =
      row.status === "accepted"
        ? row.judge_id
          ? [row.judge_id]
          : []
        : row.status === "applied"
          ? (await listStaff(trx, row.court_id, ["clerk"])).map((s) => s.user_id)
          : [];
    await sendInboxMessage(trx, {
      recipientIds: [...new Set([...partyAccounts(parts), ...staff])],
      caseId: row.case_id,
      kind: "confirmation_withdrawn",
      params: {
        applicantName: names.join("、"),
        ruling: outcome === "ruling",
        caseNumber: row.case_number,
        confirmationId: row.id,
      },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "confirmation_withdrawn",
      courtId: row.court_id,
      caseId: row.case_id,
      payload: {
        confirmationId: row.id,
        from: row.status,
        partyIds: withdrawing,
        withdrawnBy: user.userId,
        rulingIssueId,
        basis:
          outcome === "ruling"
            ? "民诉法解释第三百五十七条第一款；若干规定第五条第二款"
            : "若干规定第五条第二款",
      },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "confirmation.withdrawn",
      subjectType: "judicial_confirmation",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        caseId: row.case_id,
        from: row.status,
        partyIds: withdrawing,
        reason: options.reason,
        rulingIssueId,
      },
    });
    return { status: "withdrawn" as const, rulingIssueId };
  });
}
