import type { CaseStatusValue } from "./cases.tables";

/**
 * The status machine of the case aggregate (DESIGN.md: one aggregate, one state machine). Every
 * transition is a command with a legal basis; guards live here as pure functions so they can be tested
 * without a database and re-checked inside the command's transaction.
 */
export type CaseStatus = CaseStatusValue;

export const caseStatuses: readonly CaseStatus[] = [
  "mediation",
  "draft",
  "under_review",
  "correction_requested",
  "accepted",
  "service",
  "evidence_exchange",
  "hearing",
  "judgment",
  "appeal_window",
  "effective",
  "enforcement",
  "closed",
  "refused",
  "withdrawn",
  "deemed_withdrawn",
  "transferred",
];

/** The acts that move a case, named after the legal act. */
export type CaseTransition =
  | "startMediation"
  | "referToFiling"
  | "consentToMediation"
  | "closeByMediation"
  | "submitFiling"
  | "requestCorrection"
  | "submitCorrection"
  | "acceptFiling"
  | "refuseFiling"
  | "withdrawFiling"
  | "deemWithdrawn"
  | "startService"
  | "openEvidenceExchange"
  | "scheduleHearing"
  | "concludeHearing"
  | "pronounceJudgment"
  | "openAppealWindow"
  | "becomeEffective"
  | "applyForEnforcement"
  | "closeCase"
  | "withdrawSuit"
  | "transferCase";

interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** The article that allows the act. */
  basis: string;
}

const trial: readonly CaseStatus[] = ["accepted", "service", "evidence_exchange", "hearing"];

/** Every allowed transition with its legal basis. Anything not listed is illegal (409). */
export const transitions: Record<CaseTransition, TransitionRule> = {
  // 民事诉讼法第一百二十五条: disputes suitable for mediation are mediated first unless a party refuses.
  startMediation: { from: ["draft"], to: "mediation", basis: "民事诉讼法第一百二十五条" },
  // 在线调解规则第二十一条(一): mediation failed, the applicant chooses to file; the court registers the case.
  referToFiling: { from: ["mediation"], to: "under_review", basis: "人民法院在线调解规则第二十一条" },
  // 在线调解规则第七条/民事诉讼法第一百二十五条: the court offers mediation of a submitted filing and
  // the filer agrees (在线调解规则第四条: only with the party's consent).
  consentToMediation: { from: ["under_review"], to: "mediation", basis: "民事诉讼法第一百二十五条" },
  closeByMediation: { from: ["mediation"], to: "closed", basis: "民事诉讼法第二百零五条" },
  // 民事诉讼法第一百二十三条/第一百二十四条: the complaint and its contents.
  submitFiling: { from: ["draft"], to: "under_review", basis: "民事诉讼法第一百二十四条" },
  // 民诉法解释第二百零八条: an incomplete complaint is returned for completion at once.
  requestCorrection: { from: ["under_review"], to: "correction_requested", basis: "民诉法解释第二百零八条" },
  submitCorrection: { from: ["correction_requested"], to: "under_review", basis: "民诉法解释第二百零八条" },
  // 民事诉讼法第一百二十六条: register within 7 days, or rule not to accept.
  acceptFiling: { from: ["under_review"], to: "accepted", basis: "民事诉讼法第一百二十六条" },
  refuseFiling: { from: ["under_review"], to: "refused", basis: "民事诉讼法第一百二十六条" },
  withdrawFiling: {
    from: ["under_review", "correction_requested", "mediation"],
    to: "withdrawn",
    basis: "民事诉讼法第一百四十八条",
  },
  // 民诉法解释第二百一十三条: the fee not paid after notice → treated as withdrawn.
  deemWithdrawn: {
    from: ["under_review", "correction_requested"],
    to: "deemed_withdrawn",
    basis: "民诉法解释第二百一十三条",
  },
  // 民事诉讼法第一百二十八条: copy of the complaint to the defendant within 5 days.
  startService: { from: ["accepted"], to: "service", basis: "民事诉讼法第一百二十八条" },
  openEvidenceExchange: {
    from: ["accepted", "service"],
    to: "evidence_exchange",
    basis: "民事诉讼法第一百三十六条",
  },
  scheduleHearing: {
    from: ["accepted", "service", "evidence_exchange"],
    to: "hearing",
    basis: "民事诉讼法第一百三十九条",
  },
  concludeHearing: { from: ["hearing"], to: "judgment", basis: "民事诉讼法第一百四十五条" },
  pronounceJudgment: { from: ["judgment"], to: "appeal_window", basis: "民事诉讼法第一百五十一条" },
  // 民事诉讼法第一百七十一条: 15 days to appeal a judgment; small claims are final at once (第一百六十五条).
  openAppealWindow: { from: ["judgment"], to: "appeal_window", basis: "民事诉讼法第一百七十一条" },
  becomeEffective: {
    from: ["judgment", "appeal_window"],
    to: "effective",
    basis: "民事诉讼法第一百五十八条",
  },
  // 民事诉讼法第二百四十七条: the winning party applies for enforcement of an effective judgment.
  applyForEnforcement: { from: ["effective"], to: "enforcement", basis: "民事诉讼法第二百四十七条" },
  closeCase: { from: ["effective", "enforcement"], to: "closed", basis: "民事诉讼法第二百六十四条" },
  // 民事诉讼法第一百四十八条: the plaintiff may withdraw before judgment, subject to the court's ruling.
  withdrawSuit: { from: [...trial, "judgment"], to: "withdrawn", basis: "民事诉讼法第一百四十八条" },
  // 民事诉讼法第三十七条、第一百三十条: an objection to jurisdiction upheld by a ruling that has taken effect
  // (第一百五十八条) — the case goes to the competent court, which must accept it; here it ends.
  transferCase: { from: trial, to: "transferred", basis: "民事诉讼法第三十七条" },
};

/** True when the act is allowed from the status. */
export function canTransition(status: CaseStatus, transition: CaseTransition): boolean {
  return transitions[transition].from.includes(status);
}

/** The status after the act, or null when the act is illegal from this status. */
export function nextStatus(status: CaseStatus, transition: CaseTransition): CaseStatus | null {
  return canTransition(status, transition) ? transitions[transition].to : null;
}

/** The acts possible from a status (for the presenter's "what can happen next"). */
export function possibleTransitions(status: CaseStatus): CaseTransition[] {
  return (Object.keys(transitions) as CaseTransition[]).filter((t) => canTransition(status, t));
}

/** True when the filer may still edit the complaint (a draft, or a complaint sent back for correction). */
export function isEditableByFiler(status: CaseStatus): boolean {
  return status === "draft" || status === "correction_requested";
}
