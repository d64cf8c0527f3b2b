import { AppError, enqueueJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  changeCaseStatus,
  feeKindOfCause,
  findCause,
  lockCase,
  openDeadline,
  periodEndsAt,
} from "../../cases/index";
import { findCourt, listStaff } from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { assertFiler, assertSubmittedByAccountHolder, loadFiling, userOf } from "../filing.access";
import { complaintOf } from "../filing.complaint";
import { feeDeadlineJob, feeDeadlineKey } from "../filing.jobs";
import { insertFeeOrder, listAttachments, listEvidence } from "../filing.repository";
import {
  feeInputFor,
  formatQueryCode,
  generateQueryCode,
  missingForSubmission,
  procedureIssue,
} from "../filing.rules";
import { calculateFee } from "../fees.rules";

export interface SubmitFilingResult {
  queryCode: string;
  reviewDueOn: string;
  feeFen: number;
  feeDueAt: Date | null;
}

/**
 * Submits a complaint to the court (网上立案). The court then has 7 days to register it or rule not to
 * accept it (民事诉讼法第一百二十六条), and the plaintiff 7 days to pay the fee (诉讼费用交纳办法第二十二条);
 * an unpaid fee makes the filing treated as withdrawn (民诉法解释第二百一十三条, a durable job).
 * Throws `case_not_found`, `forbidden`, `identity_not_verified`, `case_status_conflict`,
 * `filing_incomplete`, `filer_not_account_holder`, `outside_internet_court_jurisdiction`, `small_claims_not_eligible`.
 */
export async function submitFiling(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
): Promise<SubmitFilingResult> {
  const user = userOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const access = await loadFiling(trx, meta.actor, caseId);
    assertFiler(access);
    // 在线诉讼规则第七条: those who litigate online register and verify their identity first.
    if (!user.isVerified) throw new AppError("identity_not_verified");
    const row = await lockCase(trx, caseId);
    if (row.status !== "draft") {
      throw new AppError("case_status_conflict", [
        { code: "already_submitted", message: `the filing is ${row.status}` },
      ]);
    }
    const [evidence, attachments] = await Promise.all([
      listEvidence(trx, caseId),
      listAttachments(trx, caseId),
    ]);
    const complaint = complaintOf(row, access.parts, evidence, attachments);
    const missing = missingForSubmission(complaint.forRules);
    if (missing.length > 0) {
      throw new AppError(
        "filing_incomplete",
        missing.map((m) => ({ path: m.path, code: m.code, message: m.code })),
      );
    }
    await assertSubmittedByAccountHolder(trx, user.userId, complaint, attachments);
    const court = await findCourt(trx, row.court_id);
    if (!court) throw new AppError("court_not_found");
    const cause = findCause(row.cause_code!);
    if (court.is_internet_court && cause && !cause.internetCourt) {
      throw new AppError("outside_internet_court_jurisdiction", [
        { path: "causeCode", code: "cause", message: cause.nameZh },
      ]);
    }
    const procedure = row.procedure ?? "ordinary";
    const issue = procedureIssue(procedure, complaint.forRules.claims, court);
    if (issue) {
      throw new AppError("small_claims_not_eligible", [
        { path: issue.path, code: issue.code, message: issue.basis, params: { basis: issue.basis } },
      ]);
    }

    const quote = calculateFee(
      feeInputFor(feeKindOfCause(row.cause_code!), row.claim_total_fen, procedure, row.type_code),
    );
    const review = periodEndsAt(meta.now, 7);
    const feeDue = periodEndsAt(meta.now, 7);
    const queryCode = generateQueryCode();

    await changeCaseStatus(trx, meta, {
      row,
      transition: "submitFiling",
      patch: {
        submitted_at: meta.now,
        review_clock_started_at: meta.now,
        review_due_on: review.endsOn,
        fee_fen: quote.feeFen,
        fee_quote: { ...quote },
        procedure,
        query_code: queryCode,
      },
      timeline: { kind: "submitted", data: { reviewDueOn: review.endsOn }, isPublic: true },
    });
    await openDeadline(trx, {
      caseId,
      kind: "registration_review",
      dueAt: review.endsAt,
      basis: "民事诉讼法第一百二十六条",
      now: meta.now,
    });

    let feeDueAt: Date | null = null;
    if (quote.feeFen > 0) {
      feeDueAt = feeDue.endsAt;
      const orderId = await insertFeeOrder(trx, {
        caseId,
        amountFen: quote.feeFen,
        gateway: paymentGatewayName(context),
        dueAt: feeDueAt,
        now: meta.now,
      });
      await openDeadline(trx, {
        caseId,
        kind: "fee_payment",
        dueAt: feeDueAt,
        basis: "诉讼费用交纳办法第二十二条",
        now: meta.now,
      });
      await enqueueJob(
        trx,
        feeDeadlineJob(context),
        { caseId, orderId },
        { runAt: feeDueAt, now: meta.now, dedupeKey: feeDeadlineKey(caseId) },
      );
    }

    await sendInboxMessage(trx, {
      recipientIds: [user.userId],
      caseId,
      kind: "filing_submitted",
      params: {
        courtNameZh: court.name_zh,
        courtNameEn: court.name_en,
        reviewDueOn: review.endsOn,
        feeDueOn: feeDue.endsOn,
        fee: quote.fee.toFixed(2),
        queryCode: formatQueryCode(queryCode),
      },
      now: meta.now,
    });
    const clerks = await listStaff(trx, row.court_id, ["clerk"]);
    await sendInboxMessage(trx, {
      recipientIds: clerks.map((c) => c.user_id),
      caseId,
      kind: "filing_to_review",
      params: { title: row.title, reviewDueOn: review.endsOn },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "filing.submitted",
      subjectType: "case",
      subjectId: caseId,
      courtId: row.court_id,
      data: {
        procedure,
        feeFen: quote.feeFen,
        reviewDueOn: review.endsOn,
        feeDueOn: feeDue.endsOn,
        claimTotalFen: row.claim_total_fen,
      },
    });
    return { queryCode, reviewDueOn: review.endsOn, feeFen: quote.feeFen, feeDueAt };
  });
}

/** The name of the configured payment gateway (the simulator by default). */
export function paymentGatewayName(context: AppContext): string {
  return context.ports.payment.name;
}
