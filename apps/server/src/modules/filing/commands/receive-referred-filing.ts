import { AppError, type CommandMeta, type Tx } from "../../../platform";
import type { AppContext } from "../../../context";
import { loadCaseParts, lockCase } from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { listCaseDocuments } from "../../documents/index";
import { buildComplaintModels, complaintInputOf } from "../documents/complaint";
import { listEvidence } from "../filing.repository";
import { receiveFilingInTransaction, type SubmitFilingResult } from "./submit-filing";

/**
 * A dispute referred to filing after a failed mediation (在线调解规则第二十一条第一项: 由人民法院在法定期限内
 * 依法登记立案) is received as a submitted filing, in the caller's transaction: the case moves to review
 * with its fee quote, fee order, deadline and job (诉讼费用交纳办法第二十二条, from the referral), query code,
 * the registration review (民事诉讼法第一百二十六条) and the 起诉状 if the case has none. The review runs
 * from the original submission day when `keepSubmittedAt` (a filing offered mediation at review), from
 * the referral otherwise. Throws `case_status_conflict`, `court_not_found`.
 */
export async function receiveReferredFiling(
  trx: Tx,
  context: AppContext,
  options: { caseId: string; meta: CommandMeta; keepSubmittedAt: boolean },
): Promise<SubmitFilingResult & { receivedOn: string }> {
  const { meta } = options;
  const row = await lockCase(trx, options.caseId);
  const court = await findCourt(trx, row.court_id);
  if (!court) throw new AppError("court_not_found");
  const today = courtDateOf(meta.now);
  const kept = options.keepSubmittedAt && row.submitted_at !== null ? row.submitted_at : null;
  const receivedOn = kept ? courtDateOf(kept) : today;
  const hasComplaint = (await listCaseDocuments(trx, row.id)).some((d) => d.kind === "complaint");
  const complaintModels = hasComplaint
    ? null
    : buildComplaintModels(
        complaintInputOf(
          row,
          await loadCaseParts(trx, row.id),
          await listEvidence(trx, row.id),
          court,
          today,
        ),
      );
  const result = await receiveFilingInTransaction(trx, context, meta, {
    row,
    court,
    transition: "referToFiling",
    receivedOn,
    submittedAt: kept ?? meta.now,
    reviewClockStartedAt: kept ? (row.review_clock_started_at ?? kept) : meta.now,
    timelineKind: "mediation_referred",
    complaintModels,
    issuedBy: row.filed_by,
    audit: {
      action: "filing.referred_received",
      data: { receivedOn, keptSubmission: kept !== null, basis: "人民法院在线调解规则第二十一条第一项" },
    },
  });
  return { ...result, receivedOn };
}
