import { AppError, enqueueJob, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { openDeadline } from "../../cases/index";
import { courtDateOf, listStaff } from "../../courts/index";
import { assertMayActForParties, authorisedPartyIds, partyAccounts } from "../mediation.confirmation.access";
import { loadMediation, lockMediationFor, userOf } from "../mediation.access";
import {
  findConfirmationOfAgreement,
  findLiveAgreement,
  insertApplicants,
  insertConfirmation,
  listApplicants,
  lockConfirmation,
  setMediationStatus,
  updateConfirmation,
} from "../mediation.confirmation.repository";
import {
  computeConfirmationAcceptanceDeadline,
  computeConfirmationApplicationDeadline,
  isJointlyApplied,
  isWithinApplicationPeriod,
} from "../mediation.confirmation.rules";
import { recordMediationAct } from "../mediation.events";
import {
  confirmationAcceptanceDueJobKind,
  confirmationAcceptanceDueKey,
  justAfter,
} from "../mediation.job-kinds";

export interface ApplyForConfirmationOptions {
  mediationId: string;
  /** `start`: the first party applies; `join`: another party joins the open application. */
  mode: "start" | "join";
}

export interface ApplyForConfirmationResult {
  confirmationId: string;
  status: "awaiting_parties" | "applied";
  applicationDueOn: string;
  acceptanceDueOn: string | null;
}

/**
 * A party applies for judicial confirmation of the effective agreement, in person or by an agent with
 * special authority (民诉法解释第三百五十一条). 民事诉讼法第二百零五条 wants the parties to apply together
 * (共同提出) within 30 days of the agreement's effect: one party starts the application and each other
 * party joins it with its own online confirmation (在线诉讼规则第三十三条), so no one applies in another's
 * name. When the last party joins, the application is before the court: the 3 days to accept start
 * (若干规定第四条) and the court's clerks are told. No fee (若干规定第十一条). Throws `mediation_not_found`,
 * `forbidden`, `agreement_not_signed`, `confirmation_out_of_time`, `confirmation_not_started`,
 * `confirmation_status_conflict`, `confirmation_already_applied`.
 */
export async function applyForConfirmation(
  context: AppContext,
  meta: CommandMeta,
  options: ApplyForConfirmationOptions,
): Promise<ApplyForConfirmationResult> {
  const user = userOf(meta.actor);
  const pre = await loadMediation(context.db, meta.actor, options.mediationId);
  if (pre.relation.kind !== "party" && pre.relation.kind !== "agent")
    throw new AppError("forbidden", [{ code: "party_only", message: "only the parties apply" }]);
  assertMayActForParties(authorisedPartyIds(meta.actor, pre.parts));

  return inTransaction(context.db, async (trx) => {
    const { row, parts } = await lockMediationFor(trx, meta.actor, options.mediationId);
    const agreement = await findLiveAgreement(trx, row.id);
    // 民事诉讼法第二百零五条: only an agreement in effect (signed by every party) can be confirmed.
    if (!agreement || agreement.status !== "effective" || agreement.effective_on === null)
      throw new AppError("agreement_not_signed");
    const application = computeConfirmationApplicationDeadline(agreement.effective_on);
    const today = courtDateOf(meta.now);
    // 民事诉讼法第二百零五条 and 第八十五条: 30 days from the agreement's effect, the day itself not counted.
    if (!isWithinApplicationPeriod(agreement.effective_on, today))
      throw new AppError("confirmation_out_of_time", [
        {
          code: "application_period_ended",
          message: `the period ended on ${application.end}`,
          params: {
            applicationDueOn: application.end,
            effectiveOn: agreement.effective_on,
            basis: application.basis,
          },
        },
      ]);

    const existing = await findConfirmationOfAgreement(trx, agreement.id);
    let confirmationId: string;
    if (options.mode === "start") {
      // 民诉法解释第三百五十七条: after a withdrawal the parties may apply again within the period.
      if (existing && existing.status !== "withdrawn") {
        throw new AppError("confirmation_status_conflict", [
          {
            code: "already_started",
            message: "an application exists; join it",
            params: { confirmationId: existing.id },
          },
        ]);
      }
      confirmationId = await insertConfirmation(trx, {
        mediation_id: row.id,
        agreement_id: agreement.id,
        case_id: row.case_id,
        court_id: row.court_id,
        application_due_on: application.end,
        started_by: user.userId,
        started_at: meta.now,
      });
    } else {
      if (!existing || existing.status === "withdrawn") throw new AppError("confirmation_not_started");
      confirmationId = existing.id;
    }
    const confirmation = (await lockConfirmation(trx, confirmationId))!;
    if (confirmation.status !== "awaiting_parties")
      throw new AppError("confirmation_status_conflict", [
        {
          code: "join",
          message: `cannot join from ${confirmation.status}`,
          params: { from: confirmation.status },
        },
      ]);
    const applied = (await listApplicants(trx, confirmationId)).map((a) => a.party_id);
    const authorised = authorisedPartyIds(meta.actor, parts);
    const self = authorised.self.filter((id) => !applied.includes(id));
    const asAgent = authorised.asAgent.filter((id) => !applied.includes(id) && !self.includes(id));
    if (self.length + asAgent.length === 0) throw new AppError("confirmation_already_applied");
    const base = { confirmationId, appliedBy: user.userId, ip: meta.ip, now: meta.now };
    await insertApplicants(trx, [
      ...self.map((partyId) => ({ ...base, partyId, appliedAs: "party" as const })),
      ...asAgent.map((partyId) => ({ ...base, partyId, appliedAs: "agent" as const })),
    ]);
    const nowApplied = [...applied, ...self, ...asAgent];
    const partyIds = parts.parties.map((p) => p.id);
    const joint = isJointlyApplied(partyIds, nowApplied);
    const others = partyAccounts(parts).filter((id) => id !== user.userId);

    if (!joint) {
      await recordMediationAct(trx, meta, {
        mediation: row,
        action: "mediation.confirmation_applied",
        courtEvent: "confirmation_applied",
        data: { confirmationId, partyIds: [...self, ...asAgent], isJoint: false },
        inbox: [
          {
            recipientIds: others,
            kind: "confirmation_started",
            params: { applicantName: user.name, applicationDueOn: application.end, confirmationId },
          },
        ],
      });
      return {
        confirmationId,
        status: "awaiting_parties",
        applicationDueOn: application.end,
        acceptanceDueOn: null,
      };
    }

    // 若干规定第四条第一款: the court decides within three days whether to accept.
    const acceptance = computeConfirmationAcceptanceDeadline(today);
    await updateConfirmation(
      trx,
      confirmationId,
      { status: "applied", applied_at: meta.now, acceptance_due_on: acceptance.end },
      meta.now,
    );
    const acceptanceDue = await openDeadline(trx, {
      caseId: row.case_id,
      kind: "confirmation_acceptance",
      period: acceptance,
      now: meta.now,
    });
    await enqueueJob(
      trx,
      confirmationAcceptanceDueJobKind,
      { confirmationId },
      {
        runAt: justAfter(acceptanceDue.endsAt),
        now: meta.now,
        dedupeKey: confirmationAcceptanceDueKey(confirmationId),
      },
    );
    await setMediationStatus(trx, row.id, "confirmation_applied", meta.now);
    const clerks = (await listStaff(trx, row.court_id, ["clerk"])).map((s) => s.user_id);
    const title = parts.parties.map((p) => p.name).join(" / ");
    await recordMediationAct(trx, meta, {
      mediation: row,
      action: "mediation.confirmation_applied",
      courtEvent: "confirmation_applied",
      data: {
        confirmationId,
        partyIds: [...self, ...asAgent],
        isJoint: true,
        acceptanceDueOn: acceptance.end,
      },
      inbox: [
        {
          recipientIds: clerks,
          kind: "confirmation_to_accept",
          params: { title, acceptanceDueOn: acceptance.end, confirmationId },
        },
        {
          recipientIds: partyAccounts(parts),
          kind: "confirmation_applied",
          params: { acceptanceDueOn: acceptance.end, confirmationId },
        },
      ],
    });
    return {
      confirmationId,
      status: "applied",
      applicationDueOn: application.end,
      acceptanceDueOn: acceptance.end,
    };
  });
}
