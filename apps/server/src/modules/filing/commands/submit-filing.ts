import {
  AppError,
  enqueueJob,
  inTransaction,
  writeAuditEvent,
  type CommandMeta,
  type Tx,
} from "../../../platform";
import type { AppContext } from "../../../context";
import {
  changeCaseStatus,
  computeFeePaymentDeadline,
  computeRegistrationDeadline,
  feeKindOfCause,
  findCause,
  lockCase,
  openDeadline,
  type CaseRow,
} from "../../cases/index";
import {
  courtDateOf,
  findCourt,
  firstInstanceJurisdictionIssue,
  listStaff,
  type IsoDate,
} from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { issueDocumentForRendering } from "../../documents/index";
import { buildComplaintModels, complaintInputOf, complaintSha256 } from "../documents/complaint";
import { appendCourtEvent } from "../../ledger/index";
import { assertFiler, assertSubmittedByAccountHolder, loadFiling, userOf } from "../filing.access";
import { complaintOf } from "../filing.complaint";
import { assertFieldsSubmittable } from "../filing.validation";
import { feeDeadlineJob, feeDeadlineKey } from "../filing.jobs";
import { findFeeOrder, insertFeeOrder, listAttachments, listEvidence } from "../filing.repository";
import { cancelPendingFeeOrder } from "./cancel-fee-order";
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
 * accept it (民事诉讼法第一百二十六条), and the plaintiff 7 days to pay the fee (诉讼费用交纳办法第二十二条),
 * both from cases/procedure.rules.ts;
 * an unpaid fee makes the filing treated as withdrawn (民诉法解释第二百一十三条, a durable job).
 * Throws `case_not_found`, `forbidden`, `identity_not_verified`, `case_status_conflict`,
 * `filing_incomplete`, `filer_not_account_holder`, `validation_failed` (a field of the wrong form),
 * `court_level_not_first_instance`, `outside_internet_court_jurisdiction`, `small_claims_not_eligible`,
 * `complaint_changed_since_preview`.
 */
export async function submitFiling(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  /** The hash of the previewed 起诉状 the filer confirmed; a draft changed since is refused. */
  options: { complaintSha256?: string | undefined } = {},
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
    // A draft keeps a wrong value for its filer to correct; the court receives none.
    assertFieldsSubmittable(complaint, meta.now);
    await assertSubmittedByAccountHolder(trx, user.userId, complaint, attachments);
    const court = await findCourt(trx, row.court_id);
    if (!court) throw new AppError("court_not_found");
    const cause = findCause(row.cause_code!);
    const jurisdiction = firstInstanceJurisdictionIssue(
      { level: court.level, isInternetCourt: court.is_internet_court },
      cause ?? null,
    );
    if (jurisdiction) {
      throw new AppError(jurisdiction.code, [
        {
          path: jurisdiction.code === "court_level_not_first_instance" ? "courtId" : "causeCode",
          code: jurisdiction.code === "court_level_not_first_instance" ? "court_level" : "cause",
          message: jurisdiction.basis,
          params: { basis: jurisdiction.basis },
        },
      ]);
    }
    // The 起诉状 the filer previewed and confirmed is the one submitted, and the case's first document.
    const complaintModels = buildComplaintModels(
      complaintInputOf(row, access.parts, evidence, court, courtDateOf(meta.now)),
    );
    if (
      options.complaintSha256 !== undefined &&
      options.complaintSha256 !== complaintSha256(complaintModels.zh)
    )
      throw new AppError("complaint_changed_since_preview");
    const issue = procedureIssue(row.procedure, complaint.forRules.claims, court);
    if (issue) {
      throw new AppError("small_claims_not_eligible", [
        { path: issue.path, code: issue.code, message: issue.basis, params: { basis: issue.basis } },
      ]);
    }

    return receiveFilingInTransaction(trx, context, meta, {
      row,
      court,
      transition: "submitFiling",
      receivedOn: courtDateOf(meta.now),
      submittedAt: meta.now,
      reviewClockStartedAt: meta.now,
      timelineKind: "submitted",
      complaintModels,
      issuedBy: user.userId,
      audit: {
        action: "filing.submitted",
        data: { procedure: row.procedure, claimTotalFen: row.claim_total_fen },
      },
    });
  });
}

/**
 * The court's receipt of a complaint, in the caller's transaction holding the case's row lock: the fee
 * quote and the notice to pay with its order, deadline and job (诉讼费用交纳办法第二十二条: 7 days from the
 * notice; an unpaid fee makes the filing treated as withdrawn, 民诉法解释第二百一十三条), the query code,
 * the 7-day registration review from `receivedOn` (民事诉讼法第一百二十六条), the 起诉状 when given, the
 * inbox to the filer and the clerks, and the court event. Used by submission and by a referral after
 * mediation (在线调解规则第二十一条第一项).
 */
export async function receiveFilingInTransaction(
  trx: Tx,
  context: AppContext,
  meta: CommandMeta,
  input: {
    row: CaseRow;
    court: { name_zh: string; name_en: string };
    transition: "submitFiling" | "referToFiling";
    /** The day the review period runs from (the submission, or the referral). */
    receivedOn: IsoDate;
    submittedAt: Date;
    reviewClockStartedAt: Date;
    timelineKind: string;
    /** The 起诉状 to issue (rendered by a job after commit); null when the case already has it. */
    complaintModels: ReturnType<typeof buildComplaintModels> | null;
    issuedBy: string | null;
    audit: { action: string; data: Record<string, unknown> };
  },
): Promise<SubmitFilingResult> {
  const { row, court } = input;
  const caseId = row.id;
  // "由法院决定" stays undecided (待定) until the court decides at registration; the fee meanwhile is
  // that of the ordinary procedure (诉讼费用交纳办法第十六条 halves it once a simpler one applies).
  const feeProcedure = row.procedure ?? "ordinary";
  const quote = calculateFee(
    feeInputFor(feeKindOfCause(row.cause_code!), row.claim_total_fen, feeProcedure, row.type_code),
  );
  const reviewPeriod = computeRegistrationDeadline({ receivedOn: input.receivedOn });
  // The notice to pay goes out with the receipt of the complaint (诉讼费用交纳办法第二十二条).
  const feePeriod = computeFeePaymentDeadline(courtDateOf(meta.now));
  // A filing that already has a query code (one offered mediation at review) keeps it.
  const queryCode = row.query_code ?? generateQueryCode();

  await changeCaseStatus(trx, meta, {
    row,
    transition: input.transition,
    patch: {
      submitted_at: input.submittedAt,
      review_clock_started_at: input.reviewClockStartedAt,
      review_due_on: reviewPeriod.end,
      fee_fen: quote.feeFen,
      fee_quote: { ...quote },
      procedure: row.procedure,
      query_code: queryCode,
    },
    timeline: { kind: input.timelineKind, data: { reviewDueOn: reviewPeriod.end }, isPublic: true },
  });
  const review = await openDeadline(trx, {
    caseId,
    kind: "registration_review",
    period: reviewPeriod,
    now: meta.now,
  });
  const feeDueOn = feePeriod.end;

  let feeDueAt: Date | null = null;
  const live = await findFeeOrder(trx, caseId);
  // A fee paid before the dispute went to mediation stands; a pending order cannot be live twice.
  if (live?.status === "pending") await cancelPendingFeeOrder(trx, meta, row, "superseded");
  if (quote.feeFen > 0 && live?.status !== "paid") {
    feeDueAt = (await openDeadline(trx, { caseId, kind: "fee_payment", period: feePeriod, now: meta.now }))
      .endsAt;
    const orderId = await insertFeeOrder(trx, {
      caseId,
      amountFen: quote.feeFen,
      gateway: paymentGatewayName(context),
      dueAt: feeDueAt,
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
    recipientIds: [row.filed_by],
    caseId,
    kind: "filing_submitted",
    params: {
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      reviewDueOn: review.endsOn,
      feeDueOn: live?.status === "paid" ? null : feeDueOn,
      fee: quote.fee,
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
  // Recorded here with the hash of its content; rendered to DOCX by a job after commit, off the
  // filer's request (the preview already showed the filer the same model).
  if (input.complaintModels) {
    await issueDocumentForRendering(trx, {
      caseId,
      courtId: row.court_id,
      ...input.complaintModels,
      issuedBy: input.issuedBy,
      now: meta.now,
    });
  }
  // 全流程留痕: the court's receipt of the complaint, with its review and fee periods, is a court event.
  await appendCourtEvent(trx, {
    kind: "filing_submitted",
    courtId: row.court_id,
    caseId,
    payload: {
      procedure: row.procedure,
      feeFen: quote.feeFen,
      reviewDueOn: review.endsOn,
      feeDueOn: feeDueAt ? feeDueOn : null,
      submittedBy: input.issuedBy,
      ...(input.transition === "referToFiling" ? { referredFrom: "mediation" } : {}),
    },
    now: meta.now,
  });
  await writeAuditEvent(trx, meta, {
    action: input.audit.action,
    subjectType: "case",
    subjectId: caseId,
    courtId: row.court_id,
    data: {
      ...input.audit.data,
      feeFen: quote.feeFen,
      reviewDueOn: review.endsOn,
      feeDueOn: live?.status === "paid" ? null : feeDueOn,
    },
  });
  return { queryCode, reviewDueOn: review.endsOn, feeFen: quote.feeFen, feeDueAt };
}

/** The name of the configured payment gateway (the simulator by default). */
export function paymentGatewayName(context: AppContext): string {
  return context.ports.payment.name;
}
