import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import { changeCaseStatus, computeRegistrationDeadline, lockCase, openDeadline } from "../../cases/index";
import { courtDateOf, findCourt, listStaff } from "../../courts/index";
import { issueDocumentForRendering } from "../../documents/index";
import { buildComplaintModels, complaintInputOf, complaintSha256 } from "../documents/complaint";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { assertFiler, assertSubmittedByAccountHolder, loadFiling, userOf } from "../filing.access";
import { complaintOf } from "../filing.complaint";
import { assertFieldsSubmittable } from "../filing.validation";
import { listAttachments, listEvidence } from "../filing.repository";
import { missingForSubmission } from "../filing.rules";

/**
 * Resubmits a corrected complaint; the 7 days of 民事诉讼法第一百二十六条 run again from the receipt of the
 * completed material (民诉法解释第一百二十六条, `computeRegistrationDeadline`). Throws `case_not_found`, `forbidden`, `case_status_conflict`, `filing_incomplete`,
 * `filer_not_account_holder`; `complaint_changed_since_preview` when the corrected draft is no longer the
 * 起诉状 the filer previewed. The corrected 起诉状 is issued as a document of the case.
 */
export async function submitCorrection(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  options: { complaintSha256?: string | undefined } = {},
): Promise<{ reviewDueOn: string }> {
  return inTransaction(context.db, async (trx) => {
    const access = await loadFiling(trx, meta.actor, caseId);
    assertFiler(access);
    const row = await lockCase(trx, caseId);
    const [evidence, attachments] = await Promise.all([
      listEvidence(trx, caseId),
      listAttachments(trx, caseId),
    ]);
    const complaint = complaintOf(row, access.parts, evidence, attachments);
    const missing = missingForSubmission(complaint.forRules);
    if (row.status === "correction_requested" && missing.length > 0) {
      throw new AppError(
        "filing_incomplete",
        missing.map((m) => ({ path: m.path, code: m.code, message: m.code })),
      );
    }
    // A corrected draft may keep a wrong value for its filer; the court receives none.
    if (row.status === "correction_requested") assertFieldsSubmittable(complaint, meta.now);
    if (row.status === "correction_requested")
      await assertSubmittedByAccountHolder(trx, userOf(meta.actor).userId, complaint, attachments);
    const court = await findCourt(trx, row.court_id);
    if (!court) throw new AppError("court_not_found");
    // The corrected 起诉状 the filer previewed and confirmed is the one the court receives.
    const complaintModels = buildComplaintModels(
      complaintInputOf(row, access.parts, evidence, court, courtDateOf(meta.now)),
    );
    if (
      options.complaintSha256 !== undefined &&
      options.complaintSha256 !== complaintSha256(complaintModels.zh)
    ) {
      throw new AppError("complaint_changed_since_preview");
    }
    const reviewPeriod = computeRegistrationDeadline({
      receivedOn: courtDateOf(row.submitted_at ?? meta.now),
      completedOn: courtDateOf(meta.now),
    });
    await changeCaseStatus(trx, meta, {
      row,
      transition: "submitCorrection",
      patch: { review_clock_started_at: meta.now, review_due_on: reviewPeriod.end },
      timeline: { kind: "correction_submitted", data: { reviewDueOn: reviewPeriod.end }, isPublic: true },
    });
    const review = await openDeadline(trx, {
      caseId,
      kind: "registration_review",
      period: reviewPeriod,
      now: meta.now,
    });
    const clerks = await listStaff(trx, row.court_id, ["clerk"]);
    await sendInboxMessage(trx, {
      recipientIds: clerks.map((c) => c.user_id),
      caseId,
      kind: "correction_submitted",
      params: { title: row.title, reviewDueOn: review.endsOn },
      now: meta.now,
    });
    await issueDocumentForRendering(trx, {
      caseId,
      courtId: row.court_id,
      ...complaintModels,
      issuedBy: userOf(meta.actor).userId,
      now: meta.now,
    });
    // 全流程留痕: the completed complaint restarts the review period; the court event records when.
    await appendCourtEvent(trx, {
      kind: "correction_submitted",
      courtId: row.court_id,
      caseId,
      payload: { reviewDueOn: review.endsOn, submittedBy: userOf(meta.actor).userId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.correction_submitted",
      subjectType: "case",
      subjectId: caseId,
      courtId: row.court_id,
      data: { reviewDueOn: review.endsOn },
    });
    return { reviewDueOn: review.endsOn };
  });
}
