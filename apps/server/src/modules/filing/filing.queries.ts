import { AppError, ReadCache, courtsWithRole, type Actor } from "../../platform";
import type { AppContext } from "../../context";
import { daysLeft, endOfCourtDay, feeKindOfCause, listCasesForReview } from "../cases/index";
import { findCourt } from "../courts/index";
import { summariseLedgerVerifications } from "../ledger/index";
import { loadFiling } from "./filing.access";
import { filingActions, presentFiling } from "./filing.presenter";
import {
  findFeeOrder,
  listAttachments,
  listEvidence,
  listFeeStatuses,
  listReviews,
} from "./filing.repository";
import { feeInputFor } from "./filing.rules";
import { calculateFee, FeeInputError, type FeeQuote } from "./fees.rules";
import type { TFilingView } from "./filing.schemas";
import type { CaseActionProvider } from "../cases/index";

/** The filing view of a case for the caller (404 when they may not see it). */
export async function getFilingView(context: AppContext, actor: Actor, caseId: string): Promise<TFilingView> {
  const access = await loadFiling(context.db, actor, caseId);
  const [evidence, attachments, feeOrder, reviews, court] = await Promise.all([
    listEvidence(context.db, caseId),
    listAttachments(context.db, caseId),
    findFeeOrder(context.db, caseId),
    listReviews(context.db, caseId),
    findCourt(context.db, access.row.court_id),
  ]);
  let feeEstimate: FeeQuote | null = null;
  if (access.row.status === "draft" && access.row.cause_code) {
    try {
      feeEstimate = calculateFee(
        feeInputFor(
          feeKindOfCause(access.row.cause_code),
          access.row.claim_total_fen,
          access.row.procedure ?? "ordinary",
          access.row.type_code,
        ),
      );
    } catch (error) {
      if (!(error instanceof FeeInputError)) throw error;
    }
  }
  const verifications = await summariseLedgerVerifications(
    context,
    "filing_attachment",
    attachments.map((a) => a.id),
  );
  return presentFiling({
    ...access,
    actor,
    evidence,
    attachments,
    feeOrder,
    reviews,
    feeEstimate,
    verifications,
    court: court ?? null,
  });
}

/** The filing actions shown on the case page (the fee state is cached like the case itself). */
export const filingCaseActions = (context: AppContext): CaseActionProvider => {
  const feeOrders = new ReadCache<Awaited<ReturnType<typeof findFeeOrder>> | null>(
    context.database.changes,
    "case",
    20_000,
  );
  return async ({ relation, row }) => {
    if (!["draft", "under_review", "correction_requested"].includes(row.status)) return [];
    const order = await feeOrders.get(row.id, async () => (await findFeeOrder(context.db, row.id)) ?? null);
    return filingActions(relation, row, order ?? undefined);
  };
};

/** Filings waiting for the calling clerk's decision, earliest deadline first, with days left. */
export async function getReviewQueue(
  context: AppContext,
  actor: Actor,
  options: { courtId?: string | undefined; status?: "under_review" | "correction_requested" | undefined },
) {
  let courts = courtsWithRole(actor, "clerk", "court_admin");
  if (courts.length === 0)
    throw new AppError("forbidden", [{ code: "clerk_only", message: "review queue is for clerks" }]);
  if (options.courtId) {
    if (!courts.includes(options.courtId))
      throw new AppError("forbidden", [{ code: "other_court", message: "not your court" }]);
    courts = [options.courtId];
  }
  const rows = await listCasesForReview(
    context.db,
    courts,
    options.status ? [options.status] : ["under_review", "correction_requested"],
  );
  const fees = await listFeeStatuses(
    context.db,
    rows.map((r) => r.id),
  );
  const now = context.clock.now();
  return rows.map((r) => ({
    caseId: r.id,
    courtId: r.court_id,
    title: r.title,
    causeNameZh: r.cause_name_zh,
    causeNameEn: r.cause_name_en,
    status: r.status,
    submittedAt: r.submitted_at,
    reviewDueOn: r.review_due_on,
    daysLeft: r.review_due_on ? daysLeft(now, endOfCourtDay(r.review_due_on)) : null,
    feeStatus: fees.get(r.id) ?? null,
    claimTotal: r.claim_total_fen / 100,
    plaintiffs: r.parties.filter((p) => p.role === "plaintiff").map((p) => p.name),
    defendants: r.parties.filter((p) => p.role === "defendant").map((p) => p.name),
  }));
}
