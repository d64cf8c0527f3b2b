import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  courtDateOf,
  decideJurisdictionObjectionRow,
  lockCase,
  lockJurisdictionObjection,
  recordTimeline,
} from "../../cases/index";
import { findCourt } from "../../courts/index";
import { findUserSummaries } from "../../identity/index";
import { sendInboxMessage, serveDocument } from "../../delivery/index";
import { issueDocument } from "../../documents/index";
import { appendCourtEvent } from "../../ledger/index";
import { addressBasisOf } from "../defendant.delivery";
import { buildJurisdictionRuling } from "../documents/jurisdiction-ruling";
import { loadFiling, userOf } from "../filing.access";
import { canRuleOnJurisdiction } from "../transfer.rules";

/**
 * The period a ruling on jurisdiction opens for appeal: 10 days from service (民事诉讼法第一百七十一条第二款,
 * 第一百五十七条第一款第（二）项); none in small claims, which are final (第一百六十五条).
 */
function jurisdictionAppealPeriod(
  procedure: string | null,
): { kind: string; days: number; basis: string } | null {
  if (procedure === "small_claims") return null;
  return { kind: "appeal_ruling", days: 10, basis: "民事诉讼法第一百七十一条第二款" };
}

/**
 * The judge rules on an objection to jurisdiction (民事诉讼法第一百三十条): upheld — the case is to be
 * transferred to the competent court; dismissed — the trial goes on. The ruling (民事裁定书) is issued
 * and served on every party with the appeal period. Throws `case_not_found`, `forbidden`,
 * `objection_not_found`, `objection_conflict`, `case_status_conflict`.
 */
export async function decideJurisdictionObjection(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; objectionId: string; outcome: "upheld" | "dismissed"; reason: string },
): Promise<{ issueId: string }> {
  const user = userOf(meta.actor);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  // 民事诉讼法第一百三十条: the court decides by ruling — the judge in charge signs it.
  if (!access.relation.isAssignedJudge)
    throw new AppError("forbidden", [{ code: "judge_only", message: "only the judge in charge may rule" }]);
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("court_not_found");
  const judge = (await findUserSummaries(context.db, [user.userId]))[0] ?? { name: "" };
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    // 民事诉讼法第一百三十条: the court rules on jurisdiction while the case is before it, not once transferred.
    if (!canRuleOnJurisdiction(row.status))
      throw new AppError("case_status_conflict", [
        { code: "jurisdiction_ruling", message: `no ruling on jurisdiction in status ${row.status}` },
      ]);
    const objection = await lockJurisdictionObjection(trx, row.id, options.objectionId);
    if (!objection) throw new AppError("objection_not_found");
    if (objection.status !== "pending") throw new AppError("objection_conflict");
    const parties = access.parts.parties;
    const objector = parties.find((p) => p.id === objection.party_id);
    const ruling = buildJurisdictionRuling({
      courtNameZh: court.name_zh,
      courtNameEn: court.name_en,
      caseNumber: row.case_number,
      causeNameZh: row.cause_name_zh,
      causeNameEn: row.cause_name_en,
      plaintiffs: parties.filter((p) => p.role === "plaintiff").map((p) => p.name),
      defendants: parties.filter((p) => p.role === "defendant").map((p) => p.name),
      objector: objector?.name ?? "",
      grounds: objection.grounds,
      proposedCourt: objection.proposed_court,
      outcome: options.outcome,
      reason: options.reason,
      judgeName: judge.name,
      decidedOn: courtDateOf(meta.now),
    });
    const issued = await issueDocument(trx, context.files, {
      caseId: row.id,
      courtId: row.court_id,
      ...ruling,
      issuedBy: user.userId,
      signedBy: user.userId,
      now: meta.now,
    });
    await decideJurisdictionObjectionRow(trx, {
      objectionId: objection.id,
      outcome: options.outcome,
      reason: options.reason,
      decidedBy: user.userId,
      rulingIssueId: issued.issueId,
      now: meta.now,
    });
    const appeal = jurisdictionAppealPeriod(row.procedure);
    for (const party of parties) {
      const addressBasis = await addressBasisOf(trx, party.user_id);
      await serveDocument(trx, {
        caseId: row.id,
        courtId: row.court_id,
        documentIssueId: issued.issueId,
        kind: "ruling",
        recipient: {
          partyId: party.id,
          userId: party.user_id,
          name: party.name,
          role: party.role,
          phone: party.phone,
          email: party.email,
          addressBasis,
        },
        servedBy: user.userId,
        followingDeadline: appeal,
        now: meta.now,
      });
    }
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "jurisdiction_objection_decided",
      actorUserId: user.userId,
      data: { objectionId: objection.id, outcome: options.outcome },
      isPublic: true,
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [row.filed_by, ...parties.map((p) => p.user_id)].filter(
        (id): id is string => id !== null,
      ),
      caseId: row.id,
      kind: "jurisdiction_ruled",
      params: { caseNumber: row.case_number, outcome: options.outcome },
      now: meta.now,
    });
    // 全流程留痕: the ruling is a court event (its document is recorded on issue).
    await appendCourtEvent(trx, {
      kind: "jurisdiction_objection_decided",
      courtId: row.court_id,
      caseId: row.id,
      payload: { objectionId: objection.id, outcome: options.outcome, issueId: issued.issueId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.jurisdiction_objection_decided",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { objectionId: objection.id, outcome: options.outcome, issueId: issued.issueId },
    });
    return { issueId: issued.issueId };
  });
}
