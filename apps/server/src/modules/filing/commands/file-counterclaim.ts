import { AppError, enqueueJob, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  canCounterclaim,
  computeFeePaymentDeadline,
  courtDateOf,
  endOfCourtDay,
  feeKindOfCause,
  insertCounterclaim,
  listActiveAgentsOfParty,
  lockCase,
  recordTimeline,
  updateCounterclaim,
} from "../../cases/index";
import { findCourt } from "../../courts/index";
import { recordPartyActed, sendInboxMessage, serveDocument } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { loadDefendantAct } from "../defendant.access";
import { addressBasisOf } from "../defendant.delivery";
import { counterclaimFee } from "../counterclaim.rules";
import { buildCounterclaimDocument } from "../documents/counterclaim";
import { userOf } from "../filing.access";
import { counterclaimFeeDeadlineJob, counterclaimFeeDeadlineKey } from "../filing.jobs";
import { insertFeeOrder } from "../filing.repository";
import { calculateFee, FeeInputError } from "../fees.rules";
import { feeInputFor } from "../filing.rules";

export interface FileCounterclaimOptions {
  caseId: string;
  partyId?: string | null;
  claims: Array<{ text: string; amountFen: number | null }>;
  factsAndReasons: string;
}

/**
 * Files a counterclaim against the plaintiff (民事诉讼法第一百四十三条; 民诉法解释第二百三十二条: after
 * acceptance and before the end of the court debate, tried together with the action). Its acceptance
 * fee is quoted with the fee rules and halved (诉讼费用交纳办法第十八条), due within 7 days of filing
 * (第二十二条) and paid online through a fee order of its own; a job treats it as withdrawn when the fee is
 * still unpaid then. The 民事反诉状 is issued and its copy served on every plaintiff. Throws
 * `case_not_found`, `court_not_found`, `not_a_defendant`, `special_authority_required`,
 * `case_status_conflict`, `counterclaim_fee_invalid`.
 */
export async function fileCounterclaim(
  context: AppContext,
  meta: CommandMeta,
  options: FileCounterclaimOptions,
): Promise<{ counterclaimId: string; feeFen: number; feeDueOn: string; issueId: string }> {
  const user = userOf(meta.actor);
  const access = await loadDefendantAct(context.db, meta.actor, options.caseId, options.partyId);
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("court_not_found");
  // 民事诉讼法第六十二条第二款: an agent counterclaims only with the party's special authority.
  if (!access.relation.selfPartyIds.includes(access.partyId)) {
    const agents = await listActiveAgentsOfParty(context.db, access.partyId);
    if (!agents.some((a) => a.user_id === user.userId && a.special_authority))
      throw new AppError("special_authority_required");
  }
  const totalFen = options.claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    if (!canCounterclaim(row.status))
      throw new AppError("case_status_conflict", [
        { code: "counterclaim", message: "a counterclaim is filed after acceptance and before judgment" },
      ]);
    let quote;
    try {
      quote = calculateFee(
        feeInputFor(
          feeKindOfCause(row.cause_code ?? ""),
          totalFen,
          row.procedure ?? "ordinary",
          row.type_code,
        ),
      );
    } catch (error) {
      if (error instanceof FeeInputError)
        throw new AppError(
          "counterclaim_fee_invalid",
          error.issues.map((i) => ({ path: "claims", code: i.code, message: i.code })),
        );
      throw error;
    }
    const fee = counterclaimFee(quote);
    // 诉讼费用交纳办法第二十二条: 反诉案件由提起反诉的当事人自提起反诉次日起7日内交纳案件受理费.
    const feePeriod = computeFeePaymentDeadline(courtDateOf(meta.now));
    const feeDueAt = endOfCourtDay(feePeriod.end);
    const counterclaimId = await insertCounterclaim(trx, {
      caseId: row.id,
      partyId: access.partyId,
      claims: options.claims,
      factsAndReasons: options.factsAndReasons,
      claimTotalFen: totalFen,
      feeFen: fee.feeFen,
      feeQuote: { ...quote, counterclaim: fee },
      feeDueAt,
      filedBy: user.userId,
      now: meta.now,
    });
    if (fee.feeFen > 0) {
      // 诉讼费用交纳办法第二十条: the counterclaimant prepays its fee; paid online like the case fee.
      const orderId = await insertFeeOrder(trx, {
        caseId: row.id,
        counterclaimId,
        amountFen: fee.feeFen,
        gateway: context.ports.payment.name,
        dueAt: feeDueAt,
        now: meta.now,
      });
      await enqueueJob(
        trx,
        counterclaimFeeDeadlineJob(context),
        { caseId: row.id, counterclaimId, orderId },
        { runAt: feeDueAt, now: meta.now, dedupeKey: counterclaimFeeDeadlineKey(counterclaimId) },
      );
    }
    const plaintiffs = access.parts.parties.filter((p) => p.role === "plaintiff");
    const document = buildCounterclaimDocument({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: row.case_number,
      counterclaimant: {
        name: access.party.name,
        kind: access.party.kind,
        legalRepresentative: access.party.legal_representative,
      },
      plaintiffs: plaintiffs.map((p) => p.name),
      claims: options.claims,
      factsAndReasons: options.factsAndReasons,
      filedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.id,
      courtId: row.court_id,
      ...document,
      issuedBy: user.userId,
      now: meta.now,
    });
    await updateCounterclaim(trx, counterclaimId, { documentIssueId: issued.issueId });
    // 民事诉讼法第一百二十八条 by analogy: the counterclaim is a claim against the plaintiff, whose copy the
    // court sends them as it sends the complaint's to the defendant.
    for (const plaintiff of plaintiffs) {
      await serveDocument(trx, {
        caseId: row.id,
        courtId: row.court_id,
        documentIssueId: issued.issueId,
        kind: "counterclaim_copy",
        recipient: {
          partyId: plaintiff.id,
          userId: plaintiff.user_id,
          name: plaintiff.name,
          role: plaintiff.role,
          phone: plaintiff.phone,
          email: plaintiff.email,
          addressBasis: await addressBasisOf(trx, plaintiff.user_id),
        },
        servedBy: null,
        followingDeadline: null,
        now: meta.now,
      });
    }
    await recordPartyActed(trx, { caseId: row.id, userId: user.userId, now: meta.now });
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "counterclaim_filed",
      actorUserId: user.userId,
      data: { counterclaimId, partyName: access.party.name, fee: fee.feeFen / 100 },
      isPublic: false,
      now: meta.now,
    });
    const plaintiffUsers = plaintiffs.map((p) => p.user_id);
    await sendInboxMessage(trx, {
      recipientIds: [user.userId, row.judge_id, row.filed_by, ...plaintiffUsers].filter(
        (id): id is string => id !== null,
      ),
      caseId: row.id,
      kind: "counterclaim_filed",
      params: {
        caseNumber: row.case_number,
        partyName: access.party.name,
        fee: fee.feeFen / 100,
        feeDueOn: feePeriod.end,
      },
      now: meta.now,
    });
    // 全流程留痕: the counterclaim is a court event.
    await appendCourtEvent(trx, {
      kind: "counterclaim_filed",
      courtId: row.court_id,
      caseId: row.id,
      payload: { counterclaimId, partyId: access.partyId, feeFen: fee.feeFen, issueId: issued.issueId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.counterclaim_filed",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        counterclaimId,
        partyId: access.partyId,
        feeFen: fee.feeFen,
        basis: fee.basis,
        issueId: issued.issueId,
      },
    });
    return { counterclaimId, feeFen: fee.feeFen, feeDueOn: feePeriod.end, issueId: issued.issueId };
  });
}
