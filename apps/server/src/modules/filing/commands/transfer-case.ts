import { AppError, inTransaction, writeAuditEvent, type CommandMeta, type Executor } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  changeCaseStatus,
  closeDeadline,
  courtDateOf,
  listJurisdictionObjections,
  loadCaseParts,
  lockCase,
  type CaseRow,
} from "../../cases/index";
import { findCourt } from "../../courts/index";
import { findUserSummaries } from "../../identity/index";
import { listServicesOfDocument, sendInboxMessage } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { buildTransferLetter } from "../documents/transfer-letter";
import { loadFiling, userOf } from "../filing.access";
import { cancelPendingFeeOrders } from "../filing.repository";
import { canTransferCase, jurisdictionRulingEffect, type RulingEffect } from "../transfer.rules";

type ObjectionRow = Awaited<ReturnType<typeof listJurisdictionObjections>>[number];

/** The upheld objection of a case and where its ruling stands, or null when none was upheld. */
interface TransferState {
  objection: ObjectionRow & { decided_at: Date; ruling_issue_id: string };
  effect: RulingEffect;
}

/**
 * The last upheld objection to jurisdiction of a case and whether its ruling has taken effect at `now`
 * (民事诉讼法第一百五十八条; small claims: 民诉法解释第二百七十六条), from the ruling's service on each party.
 */
export async function loadTransferState(
  db: Executor,
  row: Pick<CaseRow, "id" | "procedure">,
  now: Date,
): Promise<TransferState | null> {
  const upheld = (await listJurisdictionObjections(db, row.id))
    .filter(
      (o): o is TransferState["objection"] =>
        o.status === "upheld" && o.decided_at !== null && o.ruling_issue_id !== null,
    )
    .sort((a, b) => b.decided_at.getTime() - a.decided_at.getTime());
  const objection = upheld[0];
  if (!objection) return null;
  const services = await listServicesOfDocument(db, row.id, objection.ruling_issue_id);
  const effect = jurisdictionRulingEffect({
    isFinalWhenMade: row.procedure === "small_claims",
    decidedAt: objection.decided_at,
    services: services
      .filter((s) => s.recipientPartyId !== null)
      .map((s) => ({ servedAt: s.servedAt, appealDays: s.following?.days ?? null })),
    now,
  });
  return { objection, effect };
}

/**
 * The judge in charge transfers the case to the competent court once the ruling upholding an objection
 * to jurisdiction has taken effect (民事诉讼法第三十七条、第一百三十条): the 移送函 is issued, the case
 * becomes `transferred` and read-only here, its open deadlines close, and every party is told. Throws
 * `case_not_found`, `forbidden`, `transfer_not_upheld`, `ruling_not_effective`, `receiving_court_required`,
 * `case_status_conflict`.
 */
export async function transferCase(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; receivingCourtName: string | null },
): Promise<{ issueId: string; receivingCourtName: string }> {
  const user = userOf(meta.actor);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  // 民事诉讼法第三十七条: the court transfers — the judge in charge acts for it.
  if (!access.relation.isAssignedJudge)
    throw new AppError("forbidden", [
      { code: "judge_only", message: "only the judge in charge may transfer the case" },
    ]);
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("court_not_found");
  const judge = (await findUserSummaries(context.db, [user.userId]))[0] ?? { name: "" };
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    const state = await loadTransferState(trx, row, meta.now);
    // 民事诉讼法第一百三十条: a case is transferred on an objection the court upheld by ruling.
    if (!state) throw new AppError("transfer_not_upheld");
    // 民事诉讼法第一百五十八条: only a ruling in force is carried out — after every party's 10 days to
    // appeal (第一百七十一条第二款), or at once in small claims (民诉法解释第二百七十六条).
    if (state.effect.state === "appeal_period")
      throw new AppError("ruling_not_effective", [
        {
          code: "appeal_period",
          message: `the appeal period ends on ${state.effect.appealEndsOn}`,
          params: { appealEndsOn: state.effect.appealEndsOn },
        },
      ]);
    if (!canTransferCase(state.effect))
      throw new AppError("ruling_not_effective", [
        { code: state.effect.state, message: "the ruling is not yet served on every party" },
      ]);
    const effectiveOn = state.effect.state === "effective" ? state.effect.effectiveOn : courtDateOf(meta.now);
    const receivingCourtName = options.receivingCourtName ?? state.objection.proposed_court;
    if (!receivingCourtName)
      throw new AppError("receiving_court_required", [
        { path: "receivingCourtName", code: "required", message: "name the court the case goes to" },
      ]);
    const parts = await loadCaseParts(trx, row.id);
    const letter = buildTransferLetter({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: row.case_number,
      causeNameZh: row.cause_name_zh,
      causeNameEn: row.cause_name_en,
      plaintiffs: parts.parties.filter((p) => p.role === "plaintiff").map((p) => p.name),
      defendants: parts.parties.filter((p) => p.role === "defendant").map((p) => p.name),
      receivingCourtName,
      rulingOn: courtDateOf(state.objection.decided_at),
      effectiveOn,
      judgeName: judge.name,
      transferredOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.id,
      courtId: row.court_id,
      ...letter,
      issuedBy: user.userId,
      signedBy: user.userId,
      now: meta.now,
    });
    // The case leaves this court: no period of it runs here any longer.
    const open = new Set(parts.deadlines.filter((d) => d.status === "open").map((d) => d.kind));
    for (const kind of open) await closeDeadline(trx, row.id, kind, "cancelled", meta.now);
    // A counterclaim goes with the action (民诉法解释第二百三十二条): its fee is paid to the receiving
    // court, so an order still open here is cancelled and its deadline job finds nothing to do.
    const cancelledOrders = await cancelPendingFeeOrders(trx, row.id);
    await changeCaseStatus(trx, meta, {
      row,
      transition: "transferCase",
      timeline: {
        kind: "case_transferred",
        data: { receivingCourtName, issueId: issued.issueId, objectionId: state.objection.id, effectiveOn },
        isPublic: true,
      },
    });
    await sendInboxMessage(trx, {
      recipientIds: [
        ...new Set(
          [row.filed_by, ...parts.parties.map((p) => p.user_id)].filter((id): id is string => id !== null),
        ),
      ],
      caseId: row.id,
      kind: "case_transferred",
      params: { caseNumber: row.case_number, receivingCourtName },
      now: meta.now,
    });
    // 全流程留痕: the transfer is a court event (the letter is recorded on issue).
    await appendCourtEvent(trx, {
      kind: "case_transferred",
      courtId: row.court_id,
      caseId: row.id,
      payload: { objectionId: state.objection.id, issueId: issued.issueId, receivingCourtName, effectiveOn },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.case_transferred",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        objectionId: state.objection.id,
        issueId: issued.issueId,
        receivingCourtName,
        effectiveOn,
        cancelledFeeOrders: cancelledOrders,
      },
    });
    return { issueId: issued.issueId, receivingCourtName };
  });
}
