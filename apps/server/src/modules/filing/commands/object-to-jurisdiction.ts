import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  canObjectToJurisdiction,
  insertJurisdictionObjection,
  listJurisdictionObjections,
  lockCase,
  recordTimeline,
} from "../../cases/index";
import { recordPartyActed, sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { answerWindowOf, assertAnswerWindowOpen, loadDefendantAct } from "../defendant.access";
import { userOf } from "../filing.access";

/**
 * Objects to the court's jurisdiction (民事诉讼法第一百三十条: 当事人对管辖权有异议的，应当在提交答辩状期间
 * 提出); the judge decides by ruling. One pending objection per party. Throws `case_not_found`,
 * `not_a_defendant`, `answer_period_expired`, `case_status_conflict`, `objection_conflict`.
 */
export async function objectToJurisdiction(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; partyId?: string | null; grounds: string; proposedCourt: string | null },
): Promise<{ objectionId: string }> {
  const user = userOf(meta.actor);
  const access = await loadDefendantAct(context.db, meta.actor, options.caseId, options.partyId);
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    const window = await answerWindowOf(trx, row, meta.now);
    assertAnswerWindowOpen(window);
    const pending = (await listJurisdictionObjections(trx, row.id)).some(
      (o) => o.party_id === access.partyId && o.status === "pending",
    );
    if (!canObjectToJurisdiction(window, pending)) throw new AppError("objection_conflict");
    const objectionId = await insertJurisdictionObjection(trx, {
      caseId: row.id,
      partyId: access.partyId,
      grounds: options.grounds,
      proposedCourt: options.proposedCourt,
      filedBy: user.userId,
      now: meta.now,
    });
    await recordPartyActed(trx, {
      caseId: row.id,
      userId: user.userId,
      partyIds: [access.partyId],
      now: meta.now,
    });
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "jurisdiction_objection_filed",
      actorUserId: user.userId,
      data: { objectionId, partyName: access.party.name },
      isPublic: false,
      now: meta.now,
    });
    const plaintiffUsers = access.parts.parties.filter((p) => p.role === "plaintiff").map((p) => p.user_id);
    await sendInboxMessage(trx, {
      recipientIds: [row.judge_id, row.filed_by, ...plaintiffUsers].filter((id): id is string => id !== null),
      caseId: row.id,
      kind: "jurisdiction_objection_filed",
      params: { caseNumber: row.case_number, partyName: access.party.name },
      now: meta.now,
    });
    // 全流程留痕: the objection is a court event.
    await appendCourtEvent(trx, {
      kind: "jurisdiction_objection_filed",
      courtId: row.court_id,
      caseId: row.id,
      payload: { objectionId, partyId: access.partyId },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.jurisdiction_objection_filed",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { objectionId, partyId: access.partyId },
    });
    return { objectionId };
  });
}
