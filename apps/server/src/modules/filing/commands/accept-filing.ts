import { AppError, enqueueJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  assignCaseNumber,
  assignJudge,
  changeCaseStatus,
  closeDeadline,
  computeComplaintServiceDeadline,
  computeTrialDeadlines,
  lockCase,
  openDeadline,
  type JudgeAssignmentRecord,
} from "../../cases/index";
import { courtDateOf, findCourt } from "../../courts/index";
import { sendInboxMessage } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { buildAcceptanceNotices } from "../documents/acceptance-notices";
import { appendCourtEvent } from "../../ledger/index";
import { assertClerk, loadFiling, userOf } from "../filing.access";
import { findFeeOrder, insertReview } from "../filing.repository";
import { procedureIssue } from "../filing.rules";
import { serveComplaintJob, serveComplaintKey } from "./serve-complaint.job";

export interface AcceptFilingOptions {
  caseId: string;
  procedure?: "ordinary" | "simplified" | "small_claims" | undefined;
  /** Random source for the judge draw (tests pass a fixed one). */
  random?: (max: number) => number;
}

export interface AcceptFilingResult {
  caseNumber: string;
  judgeId: string;
  judgeName: string;
  assignment: JudgeAssignmentRecord;
}

/**
 * Registers a case (立案): assigns its number and, at random weighted by caseload, the judge in charge;
 * starts the trial time limit (审限) and the 5 days to send the complaint to the defendant
 * (民事诉讼法第一百二十八条). Requires the fee to be paid. Throws `case_not_found`, `forbidden`,
 * `case_status_conflict`, `fee_not_paid`, `small_claims_not_eligible`, `no_eligible_judge`.
 */
export async function acceptFiling(
  context: AppContext,
  meta: CommandMeta,
  options: AcceptFilingOptions,
): Promise<AcceptFilingResult> {
  const user = userOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const access = await loadFiling(trx, meta.actor, options.caseId);
    assertClerk(access);
    const row = await lockCase(trx, options.caseId);
    if (row.status !== "under_review") {
      throw new AppError("case_status_conflict", [
        { code: "acceptFiling", message: `cannot register a ${row.status} filing` },
      ]);
    }
    const order = await findFeeOrder(trx, options.caseId);
    if (row.fee_fen !== null && row.fee_fen > 0 && order?.status !== "paid")
      throw new AppError("fee_not_paid");
    const court = await findCourt(trx, row.court_id);
    if (!court) throw new AppError("court_not_found");
    const procedure = options.procedure ?? row.procedure ?? "ordinary";
    const claims = access.parts.claims.map((c) => ({ text: c.text, amountFen: c.amount_fen }));
    const issue = procedureIssue(procedure, claims, court);
    if (issue) {
      throw new AppError("small_claims_not_eligible", [
        { path: issue.path, code: issue.code, message: issue.basis, params: { basis: issue.basis } },
      ]);
    }

    const caseNumber = await assignCaseNumber(trx, {
      caseId: row.id,
      courtId: court.id,
      courtCode: court.code,
      typeCode: row.type_code,
      now: meta.now,
    });
    const assignment = await assignJudge(trx, {
      caseId: row.id,
      courtId: court.id,
      typeCode: row.type_code,
      now: meta.now,
      ...(options.random ? { random: options.random } : {}),
    });
    const judge = assignment.candidates.find((c) => c.judgeId === assignment.chosenJudgeId)!;
    await changeCaseStatus(trx, meta, {
      row,
      transition: "acceptFiling",
      patch: { accepted_at: meta.now, procedure },
      timeline: { kind: "accepted", data: { caseNumber, judgeName: judge.name, procedure }, isPublic: true },
    });
    await closeDeadline(trx, row.id, "registration_review", "met", meta.now);
    const registeredOn = courtDateOf(meta.now);
    await openDeadline(trx, {
      caseId: row.id,
      kind: "trial_limit",
      period: computeTrialDeadlines({ procedure, registeredOn }).limit,
      now: meta.now,
    });
    await openDeadline(trx, {
      caseId: row.id,
      kind: "serve_complaint",
      period: computeComplaintServiceDeadline(registeredOn),
      now: meta.now,
    });
    await insertReview(trx, {
      caseId: row.id,
      decision: "accepted",
      items: [],
      reason: null,
      decidedBy: user.userId,
      now: meta.now,
    });

    const partyUsers = access.parts.parties.map((p) => p.user_id).filter((id): id is string => id !== null);
    const agentUsers = access.parts.agents
      .filter((a) => a.status === "active")
      .map((a) => a.user_id)
      .filter((id): id is string => id !== null);
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by, ...partyUsers, ...agentUsers],
      caseId: row.id,
      kind: "filing_accepted",
      params: { caseNumber, judgeName: judge.name },
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [judge.judgeId],
      caseId: row.id,
      kind: "case_assigned",
      params: { caseNumber, title: row.title },
      now: meta.now,
    });
    // 全流程留痕: registration and the case number leave verifiable traces in the evidence ledger.
    await appendCourtEvent(trx, {
      kind: "filing_accepted",
      courtId: court.id,
      caseId: row.id,
      payload: { procedure, judgeId: judge.judgeId, acceptedBy: user.userId },
      now: meta.now,
    });
    await appendCourtEvent(trx, {
      kind: "case_number_assigned",
      courtId: court.id,
      caseId: row.id,
      payload: { caseNumber },
      now: meta.now,
    });
    // 民事诉讼法第一百二十六条 (立案并通知当事人) and 第一百二十八条, 证据规定第五十条: the notices of
    // acceptance, evidence and response go out with the registration.
    const notices = buildAcceptanceNotices({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber,
      causeNameZh: row.cause_name_zh,
      causeNameEn: row.cause_name_en,
      plaintiffs: access.parts.parties.filter((p) => p.role === "plaintiff").map((p) => p.name),
      defendants: access.parts.parties.filter((p) => p.role === "defendant").map((p) => p.name),
      procedure,
      judgeName: judge.name,
      acceptedOn: courtDateOf(meta.now),
      courtAddress: court.address_zh,
      courtPhone: court.phone,
    });
    for (const notice of [notices.acceptance, notices.evidence, notices.response]) {
      if (notice)
        await issueDocument(trx, context.files, {
          caseId: row.id,
          courtId: court.id,
          ...notice,
          issuedBy: user.userId,
          now: meta.now,
        });
    }
    // 民事诉讼法第一百二十八条: the complaint goes to the defendant within 5 days; a durable job serves it
    // once this registration commits.
    await enqueueJob(
      trx,
      serveComplaintJob(context),
      { caseId: row.id },
      { runAt: meta.now, dedupeKey: serveComplaintKey(row.id), now: meta.now },
    );
    await writeAuditEvent(trx, meta, {
      action: "filing.accepted",
      subjectType: "case",
      subjectId: row.id,
      courtId: court.id,
      data: { caseNumber, procedure, judgeAssignment: { ...assignment } },
    });
    return { caseNumber, judgeId: judge.judgeId, judgeName: judge.name, assignment };
  });
}
