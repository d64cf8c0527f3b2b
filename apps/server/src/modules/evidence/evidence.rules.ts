// The rules of evidence exchange as pure functions: the length of the evidence period by procedure, when
// a party may still submit, who may give an opinion on which item, what an opinion must contain, and
// what the judge's decision must state. `now` is always a parameter.
import { computePeriodEnd, courtDateOf, type IsoDate } from "../courts/index";
import { endOfCourtDay, type CaseStatus, type PartyRole, type ProcedureValue } from "../cases/index";
import type { EvidenceDecisionValue, LedgerGround, OpinionAnswer } from "./evidence.tables";

/** Where evidence is exchanged: after registration and up to the hearing. */
export const evidenceStatuses: readonly CaseStatus[] = [
  "accepted",
  "service",
  "evidence_exchange",
  "hearing",
];

/** True when the case is at a stage where evidence is exchanged. */
export function isEvidenceStage(status: CaseStatus): boolean {
  return evidenceStatuses.includes(status);
}

export interface PeriodLimits {
  min: number;
  max: number;
  basis: string;
}

/**
 * The lengths the court may set for the evidence period (举证期限):
 * - 民诉法解释第九十九条第二款 / 证据规定第五十一条: first-instance ordinary procedure not less than 15 days;
 * - 民诉法解释第二百六十六条: simplified procedure not more than 15 days;
 * - 民诉法解释第二百七十五条: small claims generally not more than 7 days.
 * The upper bound of the ordinary procedure is the platform's (three months) so a typo is caught.
 */
export function evidencePeriodLimits(procedure: ProcedureValue): PeriodLimits {
  switch (procedure) {
    case "ordinary":
      return { min: 15, max: 90, basis: "民诉法解释第九十九条" };
    case "simplified":
      return { min: 1, max: 15, basis: "民诉法解释第二百六十六条" };
    case "small_claims":
      return { min: 1, max: 7, basis: "民诉法解释第二百七十五条" };
  }
}

/** 在线诉讼规则第十四条第三款: a reasonable period the court sets for asynchronous cross-examination. */
export const CROSS_EXAMINATION_LIMITS: PeriodLimits = {
  min: 1,
  max: 30,
  basis: "人民法院在线诉讼规则第十四条",
};

/** True when `days` is a length the court may set. */
export function isPeriodLengthAllowed(limits: PeriodLimits, days: number): boolean {
  return Number.isInteger(days) && days >= limits.min && days <= limits.max;
}

export interface PeriodPlan {
  startsOn: IsoDate;
  endsOn: IsoDate;
  endsAt: Date;
  days: number;
}

/**
 * A period of `days` days set today: the starting day is not counted and a period ending on a day off
 * ends on the next working day (民事诉讼法第八十五条).
 */
export function planPeriod(now: Date, days: number): PeriodPlan {
  const startsOn = courtDateOf(now);
  const { end } = computePeriodEnd({ start: startsOn, length: days, unit: "day" });
  return { startsOn, endsOn: end, endsAt: endOfCourtDay(end), days };
}

/** The period moved to a later last day (an extension granted under 民诉法解释第一百条). */
export function extendTo(endsOn: IsoDate): { endsOn: IsoDate; endsAt: Date } {
  return { endsOn, endsAt: endOfCourtDay(endsOn) };
}

/** Whether a party may submit evidence now, and on what footing. */
export type SubmissionWindow = "open" | "late_with_leave" | "expired";

/**
 * 民事诉讼法第六十八条: evidence is given within the period the court sets. Before the court sets one the
 * window is open. After it ends a party submits only with the court's leave (民诉法解释第一百零一条);
 * what it then submits is marked late for the judge (第一百零二条).
 */
export function submissionWindow(input: {
  periodEndsAt: Date | null;
  leaveEndsAt: Date | null;
  now: Date;
}): SubmissionWindow {
  if (input.periodEndsAt === null || input.now.getTime() <= input.periodEndsAt.getTime()) return "open";
  if (input.leaveEndsAt !== null && input.now.getTime() <= input.leaveEndsAt.getTime())
    return "late_with_leave";
  return "expired";
}

/**
 * 民诉法解释第一百条: an extension is applied for before the period ends; after it, only leave to submit
 * late can be asked (第一百零一条). Returns the kind of request that fits now, or null when there is no
 * period to extend.
 */
export function requestKindNow(periodEndsAt: Date | null, now: Date): "extension" | "late_submission" | null {
  if (periodEndsAt === null) return null;
  return now.getTime() <= periodEndsAt.getTime() ? "extension" : "late_submission";
}

/** The sides of a case for cross-examination (证据规定第六十二条). */
export type Side = PartyRole;

/**
 * 证据规定第六十二条: the evidence of one side is examined by the others — the defendant and third party
 * examine the plaintiff's, the plaintiff and third party the defendant's. A party never gives an opinion
 * on its own evidence or on that of a party on its own side. Returns the acting party's id that may give
 * an opinion on an item of `owner`, or null.
 */
export function opinionPartyFor(
  ownParties: ReadonlyArray<{ id: string; role: Side }>,
  owner: { id: string; role: Side },
  chosenPartyId?: string | null,
): string | null {
  const candidates = ownParties.filter((p) => p.id !== owner.id && p.role !== owner.role);
  if (ownParties.some((p) => p.id === owner.id)) return null;
  if (chosenPartyId) return candidates.some((p) => p.id === chosenPartyId) ? chosenPartyId : null;
  return candidates[0]?.id ?? null;
}

export interface OpinionInput {
  authenticity: OpinionAnswer;
  authenticityReason: string | null;
  ledgerGround: LedgerGround | null;
  legality: OpinionAnswer;
  legalityReason: string | null;
  relevance: OpinionAnswer;
  relevanceReason: string | null;
}

export interface RuleIssue {
  path: string;
  code: string;
  message: string;
}

/** Reasons shorter than this do not state a ground. */
export const MIN_REASON_LENGTH = 5;

function hasReason(text: string | null): boolean {
  return text !== null && text.trim().length >= MIN_REASON_LENGTH;
}

/**
 * What an opinion on an item must contain (在线诉讼规则第十五条: authenticity, legality and relevance).
 * Disputing the authenticity of an item the ledger verified (在线诉讼规则第十六条) needs the ground —
 * altered after the deposit (第十七条: with a reasonable reason) or untrue before it (第十八条: with
 * proof or reasons) — and the reasons. A ground only goes with a disputed authenticity.
 */
export function opinionIssues(opinion: OpinionInput, isLedgerVerified: boolean): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (opinion.ledgerGround !== null && opinion.authenticity !== "dispute") {
    issues.push({
      path: "ledgerGround",
      code: "ground_without_dispute",
      message: "a ground goes only with a disputed authenticity",
    });
  }
  if (opinion.ledgerGround !== null && !isLedgerVerified) {
    issues.push({
      path: "ledgerGround",
      code: "not_ledger_verified",
      message: "the item was not verified against the ledger",
    });
  }
  if (isLedgerVerified && opinion.authenticity === "dispute") {
    if (opinion.ledgerGround === null) {
      issues.push({
        path: "ledgerGround",
        code: "required",
        message:
          "say whether the data was altered after the deposit (第十七条) or untrue before it (第十八条)",
      });
    }
    if (!hasReason(opinion.authenticityReason)) {
      issues.push({
        path: "authenticityReason",
        code: "required",
        message: `disputing a ledger-verified item needs reasons (at least ${MIN_REASON_LENGTH} characters)`,
      });
    }
  }
  return issues;
}

/**
 * 证据规定第八十五条: the judge states the reasons of a decision not to admit. Admitting an item whose
 * ledger-verified authenticity a party disputed also needs the reasons the court weighed (在线诉讼规则
 * 第十七条/第十八条).
 */
export function decisionIssues(input: {
  decision: EvidenceDecisionValue;
  reason: string | null;
  hasDisputedLedgerItem: boolean;
}): RuleIssue[] {
  const needsReason = input.decision === "not_admitted" || input.hasDisputedLedgerItem;
  if (needsReason && !hasReason(input.reason)) {
    return [
      {
        path: "reason",
        code: "required",
        message: `the decision needs reasons (at least ${MIN_REASON_LENGTH} characters)`,
      },
    ];
  }
  return [];
}
