import { AppError, inTransaction, type CommandMeta } from "../../../platform";
import type { AppContext } from "../../../context";
import {
  accountsOfParties,
  assertCaseJudge,
  loadEvidenceCase,
  lockEvidenceCase,
  userOf,
} from "../evidence.access";
import { recordEvidenceAct } from "../evidence.events";
import { findVisibleSubject, loadEvidenceState } from "../evidence.queries";
import { upsertDecision } from "../evidence.repository";
import { decisionIssues } from "../evidence.rules";
import type { EvidenceDecisionValue } from "../evidence.tables";

/**
 * The judge records the decision on a submitted item: admitted, or not admitted with reasons
 * (证据规定第八十五条/第八十七条; 在线诉讼规则第十五条: evidence not verified by the court does not ground
 * a finding). Admitting a ledger-verified item whose authenticity a party disputed needs the reasons the
 * court weighed (在线诉讼规则第十七条/第十八条). The parties are told. Throws `case_not_found`, `forbidden`,
 * `evidence_item_not_found`, `evidence_not_open_for_opinion`, `evidence_decision_incomplete`.
 */
export async function decideEvidence(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; itemId: string; decision: EvidenceDecisionValue; reason: string | null },
) {
  const user = userOf(meta.actor);
  const access = await loadEvidenceCase(context.db, meta.actor, options.caseId);
  assertCaseJudge(access);
  return inTransaction(context.db, async (trx) => {
    const locked = await lockEvidenceCase(trx, meta.actor, options.caseId);
    const state = await loadEvidenceState(trx, locked.row, locked.parts);
    const subject = findVisibleSubject(locked, state, options.itemId);
    if (!subject) throw new AppError("evidence_item_not_found");
    if (subject.status !== "submitted") throw new AppError("evidence_not_open_for_opinion");
    const hasDisputedLedgerItem =
      subject.isLedgerVerified &&
      state.opinions.some(
        (o) => o.subject_kind === subject.kind && o.subject_id === subject.id && o.authenticity === "dispute",
      );
    // 证据规定第八十五条: the reasons of the decision; 在线诉讼规则第十七条 for a disputed ledger item.
    const issues = decisionIssues({
      decision: options.decision,
      reason: options.reason,
      hasDisputedLedgerItem,
    });
    if (issues.length > 0) throw new AppError("evidence_decision_incomplete", issues);
    await upsertDecision(trx, {
      caseId: locked.row.id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      decision: options.decision,
      reason: options.reason,
      decidedBy: user.userId,
      now: meta.now,
    });
    const data = {
      itemId: subject.id,
      subjectKind: subject.kind,
      partyId: subject.partyId,
      decision: options.decision,
      disputedLedgerItem: hasDisputedLedgerItem,
    };
    await recordEvidenceAct(trx, meta, {
      caseRow: locked.row,
      action: "evidence.decided",
      courtEvent: "evidence_decided",
      data,
      inbox: [
        {
          recipientIds: accountsOfParties(
            locked.parts,
            locked.parts.parties.map((p) => p.id),
          ),
          kind: "evidence_decided",
          params: {
            title: subject.title,
            decision: options.decision,
            reason: options.reason,
            caseNumber: locked.row.case_number,
          },
        },
      ],
    });
    return data;
  });
}
