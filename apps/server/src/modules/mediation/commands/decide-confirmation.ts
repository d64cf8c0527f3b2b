import { AppError, cancelJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { closeDeadline } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { findServiceAddress, sendInboxMessage, serveDocument } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { buildConfirmationRulingModels } from "../documents/confirmation-ruling";
import { agreementTermLines, type CostsArrangement } from "../documents/mediation-agreement";
import {
  assertAssignedJudge,
  loadConfirmation,
  lockConfirmationFor,
  partyAccounts,
} from "../mediation.confirmation.access";
import { findAgreement, setMediationStatus, updateConfirmation } from "../mediation.confirmation.repository";
import type { DismissalGround } from "../mediation.confirmation.rules";
import { userOf } from "../mediation.access";
import { findMediator } from "../mediators.repository";
import { confirmationDecisionDueKey } from "../mediation.job-kinds";
import { assertConfirmationAct } from "./accept-confirmation";
import type { AgreementTerms } from "./draft-agreement";

export interface DecideConfirmationOptions {
  confirmationId: string;
  decision: "confirm" | "dismiss";
  /** Required to dismiss (民诉法解释第三百五十八条; 在线调解规则第二十三条 for false mediation); none to confirm. */
  grounds: DismissalGround[];
  reasons: string;
}

/**
 * The judge rules on the application (民事诉讼法第二百零六条; 若干规定第五条、第七条、第八条): the agreement is
 * valid — an enforceable ruling (若干规定第九条), marked so for enforcement — or the application is
 * dismissed on the grounds of 民诉法解释第三百五十八条, including false mediation (人民法院在线调解规则
 * 第二十三条). Issues the 民事裁定书 (zh + en) signed by the judge and the clerk and serves it on every
 * party. Throws `confirmation_not_found`, `forbidden`, `confirmation_status_conflict`,
 * `confirmation_grounds_invalid`.
 */
export async function decideConfirmation(
  context: AppContext,
  meta: CommandMeta,
  options: DecideConfirmationOptions,
): Promise<{ decision: "confirm" | "dismiss"; rulingIssueId: string; isEnforceable: boolean }> {
  const user = userOf(meta.actor);
  const pre = await loadConfirmation(context.db, meta.actor, options.confirmationId);
  assertAssignedJudge(pre);
  assertConfirmationAct(pre.row.status, "decide");
  const grounds = [...new Set(options.grounds)];
  if (options.decision === "dismiss" && grounds.length === 0)
    throw new AppError("confirmation_grounds_invalid", [
      { path: "grounds", code: "required", message: "a dismissal states its grounds" },
    ]);
  if (options.decision === "confirm" && grounds.length > 0)
    throw new AppError("confirmation_grounds_invalid", [
      { path: "grounds", code: "not_allowed", message: "a confirmation has no grounds for dismissal" },
    ]);

  return inTransaction(context.db, async (trx) => {
    const { row, mediation, parts } = await lockConfirmationFor(trx, meta.actor, options.confirmationId);
    assertConfirmationAct(row.status, "decide");
    const court = (await findCourt(trx, row.court_id))!;
    const agreement = (await findAgreement(trx, row.agreement_id))!;
    const mediator = mediation.mediator_id
      ? await findMediator(trx, row.court_id, mediation.mediator_id)
      : undefined;
    const terms = agreement.terms as unknown as AgreementTerms;
    const nameOf = (partyId: string) => parts.parties.find((p) => p.id === partyId)?.name ?? "";
    const costs: CostsArrangement =
      terms.costs.kind === "borne_by"
        ? { kind: "borne_by", partyName: nameOf(terms.costs.partyId) }
        : terms.costs;
    const lineInput = {
      obligations: terms.obligations.map((o) => ({
        ...o,
        obligor: nameOf(o.obligorPartyId),
        obligee: nameOf(o.obligeePartyId),
      })),
      costs,
      otherTerms: terms.otherTerms,
    };
    const isEnforceable = options.decision === "confirm";
    const models = buildConfirmationRulingModels({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: row.case_number!,
      applicants: parts.parties.map((p) => {
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
      }),
      organisationNameZh: mediator?.organisation_name ?? null,
      organisationNameEn: mediator?.organisation_name_en ?? null,
      agreementEffectiveOn: agreement.effective_on!,
      termsZh: agreementTermLines(lineInput, "zh-CN"),
      termsEn: agreementTermLines(lineInput, "en"),
      appliedOn: courtDateOf(row.applied_at!),
      acceptedOn: courtDateOf(row.accepted_at!),
      decision: options.decision,
      grounds,
      reasons: options.reasons,
      judgeName: row.judge_name ?? user.name,
      clerkName: row.clerk_name ?? "",
      decidedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.case_id,
      courtId: row.court_id,
      zh: models.zh,
      en: models.en,
      issuedBy: user.userId,
      signedBy: user.userId,
      now: meta.now,
    });
    await updateConfirmation(
      trx,
      row.id,
      {
        status: isEnforceable ? "confirmed" : "dismissed",
        decided_at: meta.now,
        decided_by: user.userId,
        decision: options.decision,
        dismissal_grounds: grounds,
        reasons: options.reasons,
        ruling_issue_id: issued.issueId,
        is_enforceable: isEnforceable,
      },
      meta.now,
    );
    await setMediationStatus(
      trx,
      row.mediation_id,
      isEnforceable ? "confirmed" : "confirmation_dismissed",
      meta.now,
    );
    await closeDeadline(trx, row.case_id, "confirmation_decision", "met", meta.now);
    await cancelJob(trx, confirmationDecisionDueKey(row.id), meta.now);
    // 在线诉讼规则第二十九条: the ruling is served on every party through the platform's service.
    for (const party of parts.parties) {
      const address = party.user_id ? await findServiceAddress(trx, party.user_id) : null;
      await serveDocument(trx, {
        caseId: row.case_id,
        courtId: row.court_id,
        documentIssueId: issued.issueId,
        kind: "confirmation_ruling",
        recipient: {
          partyId: party.id,
          userId: party.user_id,
          name: party.name,
          role: party.role,
          phone: address?.phone ?? party.phone,
          email: address?.email ?? party.email,
          addressBasis: address ? "confirmed" : "provided",
        },
        servedBy: user.userId,
        followingDeadline: null,
        now: meta.now,
      });
    }
    // The outcome in plain words for the parties and their agents (the service above carries the ruling).
    await sendInboxMessage(trx, {
      recipientIds: partyAccounts(parts),
      caseId: row.case_id,
      kind: "confirmation_decided",
      params: { decision: options.decision, caseNumber: row.case_number, confirmationId: row.id },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "confirmation_decided",
      courtId: row.court_id,
      caseId: row.case_id,
      payload: {
        confirmationId: row.id,
        caseNumber: row.case_number,
        decision: options.decision,
        grounds,
        isEnforceable,
        rulingIssueId: issued.issueId,
        contentSha256: issued.zh.contentSha256,
      },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "confirmation.decided",
      subjectType: "judicial_confirmation",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        caseId: row.case_id,
        decision: options.decision,
        grounds,
        isEnforceable,
        rulingIssueId: issued.issueId,
      },
    });
    return { decision: options.decision, rulingIssueId: issued.issueId, isEnforceable };
  });
}
