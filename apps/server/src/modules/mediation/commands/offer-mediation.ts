import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, closeDeadline, lockCase } from "../../cases/index";
import { listStaff } from "../../courts/index";
import { suspendFeeForMediation } from "../../filing/index";
import { assertCanAct, userOf } from "../mediation.access";
import { assertMediationApplicable, loadDispute } from "../mediation.dispute";
import { recordMediationAct } from "../mediation.events";
import {
  findMediationOfCase,
  insertMediation,
  lockLiveMediationOfCase,
  updateMediation,
} from "../mediation.repository";
import { openMediation } from "./open-mediation";

/**
 * A clerk reviewing a submitted filing offers pre-litigation mediation (在线调解规则第七条: the court
 * explains online mediation and guides the parties to it; 民事诉讼法第一百二十五条: 先行调解). The filing
 * stays under review until the filer consents. Throws `case_not_found`, `forbidden`,
 * `case_status_conflict`, `mediation_status_conflict` (already offered), `mediation_application_incomplete`.
 */
export async function offerMediation(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  options: { note: string | null },
): Promise<{ mediationId: string }> {
  const user = userOf(meta.actor);
  const access = await loadDispute(context.db, meta.actor, caseId);
  if (!access.relation.isClerk) {
    throw new AppError("forbidden", [
      { code: "clerk_only", message: "only a clerk of this court may offer mediation" },
    ]);
  }
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, caseId);
    if (row.status !== "under_review") {
      throw new AppError("case_status_conflict", [
        { code: "not_under_review", message: `the filing is ${row.status}` },
      ]);
    }
    if (await lockLiveMediationOfCase(trx, caseId)) {
      throw new AppError("mediation_status_conflict", [
        { code: "already_offered", message: "mediation already offered" },
      ]);
    }
    assertMediationApplicable(row, access.parts);
    const mediationId = await insertMediation(trx, {
      caseId,
      courtId: row.court_id,
      origin: "offered_at_filing",
      status: "offered",
      applicantUserId: row.filed_by,
      offeredAt: meta.now,
      offeredBy: user.userId,
      now: meta.now,
    });
    await recordMediationAct(trx, meta, {
      mediation: { id: mediationId, case_id: caseId, court_id: row.court_id },
      action: "mediation.offered",
      courtEvent: "mediation_offered",
      data: { offeredBy: user.userId, note: options.note, basis: "人民法院在线调解规则第七条" },
      inbox: [
        {
          recipientIds: [row.filed_by],
          kind: "mediation_offered",
          params: { title: row.title, note: options.note },
        },
      ],
    });
    return { mediationId };
  });
}

/**
 * The filer answers the court's offer of mediation (在线调解规则第四条: only with the party's consent).
 * Consent moves the filing into mediation and suspends the registration review; a refusal leaves the
 * filing in review with its original submission day and review period unchanged. Throws
 * `case_not_found`, `forbidden`, `mediation_not_found`, `mediation_status_conflict`, `case_status_conflict`.
 */
export async function answerMediationOffer(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  answer: "consent" | "decline",
): Promise<{ mediationId: string; status: string }> {
  const access = await loadDispute(context.db, meta.actor, caseId);
  if (!access.relation.isFiler) {
    throw new AppError("forbidden", [{ code: "filer_only", message: "only the filer may answer the offer" }]);
  }
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, caseId);
    // The live offer, else the latest (an offer already answered answers 409).
    const mediation =
      (await lockLiveMediationOfCase(trx, caseId)) ?? (await findMediationOfCase(trx, caseId));
    if (!mediation || mediation.origin !== "offered_at_filing") throw new AppError("mediation_not_found");
    assertCanAct(mediation, answer === "consent" ? "consentToOffer" : "declineOffer");
    const clerks = (await listStaff(trx, row.court_id, ["clerk"])).map((c) => c.user_id);
    const ref = { id: mediation.id, case_id: caseId, court_id: row.court_id };
    if (answer === "decline") {
      await updateMediation(trx, mediation.id, { status: "declined", ended_at: meta.now }, meta.now);
      await recordMediationAct(trx, meta, {
        mediation: ref,
        action: "mediation.offer_declined",
        courtEvent: "mediation_declined",
        data: { reviewDueOn: row.review_due_on, basis: "人民法院在线调解规则第四条" },
        inbox: [
          {
            recipientIds: clerks,
            kind: "mediation_offer_declined",
            params: { title: row.title, reviewDueOn: row.review_due_on },
          },
        ],
      });
      return { mediationId: mediation.id, status: "declined" };
    }
    await changeCaseStatus(trx, meta, {
      row,
      transition: "consentToMediation",
      timeline: { kind: "mediation_consented", data: {}, isPublic: false },
    });
    // The review waits while the dispute is mediated; it restarts from the original submission day if the
    // mediation fails (mediation.rules.ts registrationReceivedOn).
    await closeDeadline(trx, caseId, "registration_review", "cancelled", meta.now);
    // 民事诉讼法第一百二十五条: 先行调解 comes before filing, and the case fee is paid on a filing
    // (诉讼费用交纳办法第二十条、第二十二条): the notice to pay is withdrawn while the dispute is mediated and
    // given anew if it is referred to filing.
    await suspendFeeForMediation(trx, meta, { caseId });
    await openMediation(trx, meta, {
      mediationId: mediation.id,
      row,
      parts: access.parts,
      origin: "offered_at_filing",
      mediator: null,
    });
    return { mediationId: mediation.id, status: "awaiting_mediator" };
  });
}
