import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, lockCase } from "../../cases/index";
import {
  assertCourtHearsDispute,
  assertMediationApplicable,
  eligibleMediator,
  loadDispute,
} from "../mediation.dispute";
import { userOf } from "../mediation.access";
import { insertMediation } from "../mediation.repository";
import { openMediation } from "./open-mediation";

/**
 * A litigant applies for pre-litigation mediation with the dispute written in the filing wizard
 * (在线调解规则第八条: the same electronic materials as a complaint; 民事诉讼法第一百二十五条: 先行调解),
 * optionally choosing a mediator from the court's register (在线调解规则第五条第二款, 第十条). The case
 * enters `mediation`. Throws `case_not_found`, `forbidden`, `identity_not_verified`,
 * `case_status_conflict`, `mediation_application_incomplete`, `court_level_not_first_instance`,
 * `outside_internet_court_jurisdiction`, `mediator_not_found`, `mediator_not_eligible`.
 */
export async function applyForMediation(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  options: { mediatorId?: string | null | undefined },
): Promise<{ mediationId: string; appointmentDueOn: string | null; acceptanceDueOn: string | null }> {
  const user = userOf(meta.actor);
  const access = await loadDispute(context.db, meta.actor, caseId);
  if (!access.relation.isFiler) {
    throw new AppError("forbidden", [{ code: "filer_only", message: "only the filer may apply" }]);
  }
  // 在线诉讼规则第七条: those who litigate online register and verify their identity first.
  if (!user.isVerified) throw new AppError("identity_not_verified");
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, caseId);
    if (row.status !== "draft") {
      throw new AppError("case_status_conflict", [
        { code: "not_a_draft", message: `the filing is ${row.status}` },
      ]);
    }
    const { parts } = await loadDispute(trx, meta.actor, caseId);
    assertMediationApplicable(row, parts);
    await assertCourtHearsDispute(trx, row);
    const mediator = options.mediatorId ? await eligibleMediator(trx, row, options.mediatorId) : null;
    await changeCaseStatus(trx, meta, {
      row,
      transition: "startMediation",
      timeline: { kind: "mediation_applied", data: {}, isPublic: false },
    });
    const mediationId = await insertMediation(trx, {
      caseId,
      courtId: row.court_id,
      origin: "application",
      status: "awaiting_mediator",
      applicantUserId: user.userId,
      appliedAt: meta.now,
      now: meta.now,
    });
    const opened = await openMediation(trx, meta, {
      mediationId,
      row,
      parts,
      origin: "application",
      mediator,
    });
    return { mediationId, ...opened };
  });
}
