import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  accountsOfParties,
  assertEvidenceStage,
  loadEvidenceCase,
  lockEvidenceCase,
  userOf,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import { findVisibleSubject, loadEvidenceState } from "../evidence.queries";
import { findDecision, findPeriod, upsertOpinion } from "../evidence.repository";
import { opinionIssues, opinionPartyFor, type OpinionInput } from "../evidence.rules";

export interface GiveEvidenceOpinionOptions extends OpinionInput {
  caseId: string;
  itemId: string;
  partyId?: string | null;
}

/**
 * The other side gives its opinion on an item (质证, 民诉法解释第一百零三条; 证据规定第六十条: in writing
 * online, 在线诉讼规则第十四条): authenticity, legality and relevance, each admitted or disputed with
 * reasons (在线诉讼规则第十五条). Disputing a ledger-verified item states its ground and reasons
 * (第十七条/第十八条). Within the cross-examination period, until the judge decides; a new opinion
 * replaces the party's earlier one. The offering party and the judge are told. Throws `case_not_found`,
 * `evidence_item_not_found`, `evidence_not_a_party`, `evidence_opinion_own_item`,
 * `evidence_not_open_for_opinion`, `cross_examination_period_expired`, `evidence_opinion_incomplete`.
 */
export async function giveEvidenceOpinion(
  context: AppContext,
  meta: CommandMeta,
  options: GiveEvidenceOpinionOptions,
) {
  const user = userOf(meta.actor);
  // Visibility first (404); the transaction re-reads the case under its lock.
  await loadEvidenceCase(context.db, meta.actor, options.caseId);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const state = await loadEvidenceState(trx, locked.row, locked.parts);
    const subject = findVisibleSubject(locked, state, options.itemId);
    if (!subject) throw new AppError("evidence_item_not_found");
    const own = locked.parts.parties.filter((p) => locked.relation.ownPartyIds.includes(p.id));
    if (own.length === 0) throw new AppError("evidence_not_a_party");
    if (options.partyId && !own.some((p) => p.id === options.partyId))
      throw new AppError("evidence_not_a_party");
    // 证据规定第六十二条: each side examines the other's evidence, never its own.
    const partyId = opinionPartyFor(own, { id: subject.partyId, role: subject.role }, options.partyId);
    if (partyId === null) throw new AppError("evidence_opinion_own_item");
    assertEvidenceStage(locked.row);
    if (subject.status !== "submitted" || (await findDecision(trx, subject.kind, subject.id))) {
      throw new AppError("evidence_not_open_for_opinion");
    }
    // 在线诉讼规则第十四条第三款: opinions within the period the court set.
    const cross = await findPeriod(trx, locked.row.id, "cross_examination");
    if (cross && meta.now.getTime() > cross.ends_at.getTime()) {
      throw new AppError("cross_examination_period_expired", [
        {
          code: "period_ended",
          message: `the period ended on ${cross.ends_on}`,
          params: { endsOn: cross.ends_on },
        },
      ]);
    }
    // 在线诉讼规则第十七条/第十八条: disputing a ledger-verified item needs its ground and reasons.
    const issues = opinionIssues(options, subject.isLedgerVerified);
    if (issues.length > 0) throw new AppError("evidence_opinion_incomplete", issues);
    const opinionId = await upsertOpinion(trx, {
      caseId: locked.row.id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      partyId,
      authenticity: options.authenticity,
      authenticityReason: options.authenticityReason,
      ledgerGround: options.ledgerGround,
      legality: options.legality,
      legalityReason: options.legalityReason,
      relevance: options.relevance,
      relevanceReason: options.relevanceReason,
      givenBy: user.userId,
      now: meta.now,
    });
    const data = {
      opinionId,
      itemId: subject.id,
      subjectKind: subject.kind,
      partyId,
      authenticity: options.authenticity,
      legality: options.legality,
      relevance: options.relevance,
      ledgerGround: options.ledgerGround,
      isLedgerVerified: subject.isLedgerVerified,
    };
    const party = own.find((p) => p.id === partyId)!;
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.opinion_given",
      courtEvent: "evidence_opinion_given",
      data,
      inbox: [
        {
          recipientIds: [
            ...accountsOfParties(locked.parts, [subject.partyId]),
            ...(locked.row.judge_id ? [locked.row.judge_id] : []),
          ],
          kind: "evidence_opinion_given",
          params: { partyName: party.name, title: subject.title, caseNumber: locked.row.case_number },
        },
      ],
    });
    return data;
  });
}
