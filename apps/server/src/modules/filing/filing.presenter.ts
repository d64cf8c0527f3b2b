import type { Actor } from "../../platform";
import {
  maskIdNumber,
  maskPhone,
  seesFullIdentityOf,
  type CaseParts,
  type CaseRelation,
  type CaseRow,
} from "../cases/index";
import { canSeeAttachment } from "./filing.access";
import type { TVerificationSummary } from "../ledger/index";
import { complaintOf } from "./filing.complaint";
import type { findFeeOrder, listAttachments, listEvidence, listReviews } from "./filing.repository";
import {
  formatQueryCode,
  missingForSubmission,
  procedureIssue,
  type MissingItem,
  type SmallClaimsCourt,
} from "./filing.rules";
import type { TFilingView } from "./filing.schemas";
import type { FeeQuote } from "./fees.rules";

type FeeOrder = NonNullable<Awaited<ReturnType<typeof findFeeOrder>>>;

/** What the caller may do with a filing, given their relation, the status and the fee. */
export function filingActions(
  relation: CaseRelation,
  row: CaseRow,
  feeOrder: { status: string } | undefined,
): string[] {
  const actions: string[] = [];
  const status = row.status;
  if (relation.isFiler) {
    if (status === "draft") actions.push("filing.edit", "filing.submit", "filing.delete");
    if (status === "correction_requested") actions.push("filing.edit", "filing.resubmit", "filing.withdraw");
    if (status === "under_review") actions.push("filing.withdraw");
  }
  const paysFee = relation.isFiler || relation.isParty || relation.isAgent;
  if (
    paysFee &&
    (status === "under_review" || status === "correction_requested") &&
    feeOrder?.status === "pending"
  ) {
    actions.push("filing.pay");
  }
  if (relation.isClerk && status === "under_review") {
    if (row.fee_fen === 0 || row.fee_fen === null || feeOrder?.status === "paid")
      actions.push("filing.accept");
    actions.push("filing.request_correction", "filing.refuse");
  }
  return actions;
}

/**
 * The complaint as its filer (or a reviewing clerk) sees it, with fee, reviews and next actions. Others
 * who can see the case get ID numbers and contact details masked as on the case page, and no ID
 * documents or powers of attorney.
 */
export function presentFiling(input: {
  actor: Actor;
  row: CaseRow;
  parts: CaseParts;
  relation: CaseRelation;
  evidence: Awaited<ReturnType<typeof listEvidence>>;
  attachments: Awaited<ReturnType<typeof listAttachments>>;
  feeOrder: FeeOrder | undefined;
  reviews: Awaited<ReturnType<typeof listReviews>>;
  feeEstimate: FeeQuote | null;
  /** Evidence-ledger checks by attachment id. */
  verifications: ReadonlyMap<string, TVerificationSummary>;
  /** The court addressed, for the procedure asked for (small claims needs its ceiling). */
  court: SmallClaimsCourt | null;
}): TFilingView {
  const { row, relation } = input;
  const complaint = complaintOf(row, input.parts, input.evidence, input.attachments);
  const quote = row.fee_quote as unknown as FeeQuote | null;
  const documentUrl = (sha256: string | null) =>
    sha256 ? `/api/filings/${row.id}/documents/${sha256}` : null;
  const showsCode = relation.isFiler || relation.isParty || relation.isAgent;
  const parties = complaint.parties.map((party, index) => {
    const stored = input.parts.parties[index]!;
    if (seesFullIdentityOf(relation, stored.id)) return party;
    const isOwn = relation.ownPartyIds.includes(stored.id);
    return {
      ...party,
      idNumber: maskIdNumber(party.idNumber),
      birthDate: isOwn ? party.birthDate : null,
      phone: isOwn ? party.phone : maskPhone(party.phone),
      email: isOwn ? party.email : null,
      serviceAddress: isOwn ? party.serviceAddress : null,
    };
  });
  // What submission would refuse, in the order it checks: what is missing, then the procedure.
  const submissionProblems = (): MissingItem[] => {
    const issue = input.court ? procedureIssue(row.procedure, complaint.forRules.claims, input.court) : null;
    return [
      ...missingForSubmission(complaint.forRules),
      ...(issue ? [{ code: issue.code, path: issue.path }] : []),
    ];
  };
  const filingAgent = complaint.agents.find((agent) => agent.isFiler);
  const filingParty = complaint.parties.find((party) => party.isFiler);
  return {
    caseId: row.id,
    status: row.status,
    courtId: row.court_id,
    typeCode: row.type_code,
    causeCode: row.cause_code,
    procedure: row.procedure,
    title: row.title,
    caseNumber: row.case_number,
    filer: filingAgent
      ? { kind: "agent", name: filingAgent.name, agentKind: filingAgent.kind }
      : filingParty
        ? { kind: "party", name: filingParty.name, agentKind: null }
        : null,
    content: {
      parties,
      agents: complaint.agents,
      claims: complaint.claims,
      factsAndReasons: complaint.factsAndReasons,
      evidence: complaint.evidence,
    },
    attachments: input.attachments
      .filter((a) => canSeeAttachment(input.actor, relation, a))
      .map((a) => ({
        id: a.id,
        fileName: a.file_name,
        mediaType: a.media_type,
        size: a.size,
        sha256: a.file_sha256,
        category: a.category,
        uploadedAt: a.created_at,
        url: `/api/filings/${row.id}/attachments/${a.id}/content`,
        ledgerVerification: input.verifications.get(a.id) ?? null,
      })),
    fee:
      input.feeOrder && quote
        ? {
            amount: input.feeOrder.amount_fen / 100,
            breakdown: quote.breakdown,
            status: input.feeOrder.status,
            dueAt: input.feeOrder.due_at,
            paidAt: input.feeOrder.paid_at,
          }
        : null,
    feeEstimate: input.feeEstimate
      ? { amount: input.feeEstimate.fee, breakdown: input.feeEstimate.breakdown }
      : null,
    reviews: input.reviews.map((r) => ({
      decision: r.decision,
      items: r.items as string[],
      reason: r.reason,
      decidedAt: r.decided_at,
      rulingUrl: documentUrl(r.ruling_sha256),
      rulingEnUrl: documentUrl(r.ruling_en_sha256),
    })),
    queryCode: showsCode && row.query_code ? formatQueryCode(row.query_code) : null,
    missing: row.status === "draft" || row.status === "correction_requested" ? submissionProblems() : [],
    submittedAt: row.submitted_at,
    reviewDueOn: row.review_due_on,
    version: row.version,
    actions: filingActions(relation, row, input.feeOrder),
  };
}
