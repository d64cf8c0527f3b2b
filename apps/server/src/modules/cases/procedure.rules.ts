// Procedure selection (ordinary / simplified / small claims) and the statutory time limits of a
// civil case under 民事诉讼法 (2023). Pure functions: dates are court days (`YYYY-MM-DD`, Asia/Shanghai)
// passed in, and every period is counted with the court calendar (民事诉讼法第八十五条: the event
// day is not counted; a last day that is a statutory day off moves to the next working day).

import { computePeriodEnd, type IsoDate, type PeriodEnd } from "../courts/index";

export type Procedure = "ordinary" | "simplified" | "small_claims";

export type ProcedureErrorCode = "invalid_amount" | "invalid_wage" | "invalid_excluded_days";

/** Thrown for input no rule can apply to (negative amounts, a missing wage figure …). */
export class ProcedureError extends Error {
  constructor(
    readonly code: ProcedureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ProcedureError";
  }
}

// ---------------------------------------------------------------------------------------------
// Small claims — 民事诉讼法第一百六十五条, 第一百六十六条
// ---------------------------------------------------------------------------------------------

/** Case types 民事诉讼法第一百六十六条 keeps out of the small-claims procedure. */
export type SmallClaimsExclusion =
  | "personal_relationship" // （一）人身关系
  | "property_ownership" // （一）财产确权
  | "foreign_related" // （二）涉外
  | "appraisal_needed" // （三）需要评估、鉴定或者对诉前评估、鉴定结果有异议
  | "party_whereabouts_unknown" // （四）一方当事人下落不明
  | "counterclaim" // （五）当事人提出反诉
  | "otherwise_unsuitable"; // （六）其他不宜适用

export const SMALL_CLAIMS_EXCLUSIONS: Readonly<
  Record<SmallClaimsExclusion, { zh: string; en: string; basis: string }>
> = {
  personal_relationship: {
    zh: "人身关系案件",
    en: "Personal relationship case",
    basis: "民事诉讼法第一百六十六条第（一）项",
  },
  property_ownership: {
    zh: "财产确权案件",
    en: "Confirmation of property ownership",
    basis: "民事诉讼法第一百六十六条第（一）项",
  },
  foreign_related: {
    zh: "涉外案件",
    en: "Foreign-related case",
    basis: "民事诉讼法第一百六十六条第（二）项",
  },
  appraisal_needed: {
    zh: "需要评估、鉴定或者对诉前评估、鉴定结果有异议",
    en: "Valuation or expert appraisal needed, or a pre-action appraisal is disputed",
    basis: "民事诉讼法第一百六十六条第（三）项",
  },
  party_whereabouts_unknown: {
    zh: "一方当事人下落不明",
    en: "A party's whereabouts are unknown",
    basis: "民事诉讼法第一百六十六条第（四）项",
  },
  counterclaim: {
    zh: "当事人提出反诉",
    en: "A counterclaim has been filed",
    basis: "民事诉讼法第一百六十六条第（五）项",
  },
  otherwise_unsuitable: {
    zh: "其他不宜适用小额诉讼的程序审理",
    en: "Otherwise unsuitable for the small-claims procedure",
    basis: "民事诉讼法第一百六十六条第（六）项",
  },
};

export interface SmallClaimsInput {
  /** 标的额 in yuan. */
  amount: number;
  /**
   * The province's published average annual wage of employed persons for the previous year
   * (上年度就业人员年平均工资), in yuan, as configured by the court; before the new figure is
   * published, the latest published one (民诉法解释第二百七十二条).
   */
  averageAnnualWage: number;
  /** 事实清楚、权利义务关系明确、争议不大的简单金钱给付民事案件. */
  isSimpleMoneyClaim: boolean;
  /** The case is before a basic-level court or its tribunal; defaults to true. */
  isBasicLevelCourt?: boolean;
  /** Both parties agreed to the small-claims procedure (第一百六十五条第二款). */
  partiesAgreed?: boolean;
  exclusions?: readonly SmallClaimsExclusion[];
}

export type SmallClaimsRefusal =
  | { code: "not_basic_level_court"; basis: string }
  | { code: "not_simple_money_claim"; basis: string }
  | { code: "amount_above_threshold"; basis: string }
  | { code: "amount_above_agreed_ceiling"; basis: string }
  | { code: "excluded_case_type"; exclusion: SmallClaimsExclusion; basis: string };

export interface SmallClaimsDecision {
  eligible: boolean;
  /** "statutory" up to 50 % of the wage; "by_agreement" above it up to 2×. Null when not eligible. */
  route: "statutory" | "by_agreement" | null;
  /** 50 % of the wage, in yuan. */
  threshold: number;
  /** 2× the wage, in yuan (the most the parties may agree to). */
  agreedCeiling: number;
  refusals: SmallClaimsRefusal[];
}

/** Yuan → fen through the decimal text, so 0.29 is 29 fen; rejects more than two decimals. */
function toFen(amount: number, code: ProcedureErrorCode, what: string): bigint {
  const text = amount.toString();
  const [whole = "", fraction = ""] = text.split(".");
  if (!Number.isFinite(amount) || amount <= 0 || text.includes("e") || fraction.length > 2) {
    throw new ProcedureError(code, `${what} must be a positive yuan amount with at most two decimals`);
  }
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

/**
 * Decides whether a case may be heard under the small-claims procedure (民事诉讼法第一百六十五条,
 * 第一百六十六条) against the configured wage figure. Throws `invalid_amount` / `invalid_wage`.
 */
export function checkSmallClaimsEligibility(input: SmallClaimsInput): SmallClaimsDecision {
  const amountFen = toFen(input.amount, "invalid_amount", "The amount in dispute");
  const wageFen = toFen(input.averageAnnualWage, "invalid_wage", "The average annual wage");
  return decideSmallClaims(amountFen, wageFen, input);
}

/** The decision in fen; `amountFen` may be 0 only for a case that is not a money claim. */
function decideSmallClaims(
  amountFen: bigint,
  wageFen: bigint,
  input: Omit<SmallClaimsInput, "amount" | "averageAnnualWage">,
): SmallClaimsDecision {
  const refusals: SmallClaimsRefusal[] = [];
  const article165 = "民事诉讼法第一百六十五条";
  if (input.isBasicLevelCourt === false) refusals.push({ code: "not_basic_level_court", basis: article165 });
  if (!input.isSimpleMoneyClaim)
    refusals.push({ code: "not_simple_money_claim", basis: `${article165}第一款` });
  // 第一百六十五条: up to 50 % of the wage by law; above that and up to 2× only by agreement.
  // Compared in fen without division: amount ≤ wage / 2  ⇔  2 × amount ≤ wage.
  const withinStatutory = 2n * amountFen <= wageFen;
  const withinAgreed = amountFen <= 2n * wageFen;
  let route: SmallClaimsDecision["route"] = withinStatutory ? "statutory" : null;
  if (!withinStatutory) {
    if (!withinAgreed) refusals.push({ code: "amount_above_agreed_ceiling", basis: `${article165}第二款` });
    else if (!input.partiesAgreed)
      refusals.push({ code: "amount_above_threshold", basis: `${article165}第一款` });
    else route = "by_agreement";
  }
  for (const exclusion of new Set(input.exclusions ?? [])) {
    refusals.push({ code: "excluded_case_type", exclusion, basis: SMALL_CLAIMS_EXCLUSIONS[exclusion].basis });
  }
  const eligible = refusals.length === 0;
  return {
    eligible,
    route: eligible ? route : null,
    threshold: Number(wageFen) / 200,
    agreedCeiling: Number(wageFen) / 50,
    refusals,
  };
}

/** A claim as a complaint states it: its words and the money it asks for, in fen, if any. */
export interface StatedClaim {
  text: string;
  amountFen: number | null;
}

// 诉讼费用交纳办法第六条: 诉讼费用 are the acceptance fee, application fees (保全 …) and the costs of
// witnesses, experts and interpreters appearing in court.
const COSTS_WORDS = /诉讼费|受理费|申请费|保全费/;

/**
 * True for a claim that only asks the court to decide who bears the costs ("判令被告承担本案诉讼费用").
 * The court decides that of its own motion (诉讼费用交纳办法第二十九条: the losing party bears them),
 * so it is no claim for money of the case: it neither makes a case non-monetary nor adds to the amount
 * in dispute. A claim with an amount is a money claim whatever its words.
 */
export function isCostsClaim(claim: StatedClaim): boolean {
  return claim.amountFen === null && COSTS_WORDS.test(claim.text);
}

/** Why a complaint cannot take the small-claims procedure, with the article that says so. */
export type SmallClaimsIssueCode =
  | "small_claims_not_basic_court"
  | "small_claims_limit_not_configured"
  | "small_claims_money_only"
  | "small_claims_over_limit";

/**
 * Why a complaint's claims cannot be heard under the small-claims procedure at a court, or null when
 * they can (民事诉讼法第一百六十五条). `limitFen` is the court's configured ceiling, half the province's
 * published average annual wage (null: not configured); costs claims do not count. Parties' agreement
 * to go above the ceiling (第二款) is for the court to record, so a complaint stays within it. The one
 * rule for the wizard's review, the submission and the registration.
 */
export function smallClaimsIssueOf(input: {
  claims: readonly StatedClaim[];
  limitFen: number | null;
  isBasicLevelCourt: boolean;
}): { code: SmallClaimsIssueCode; basis: string } | null {
  const article165 = "民事诉讼法第一百六十五条第一款";
  if (!input.isBasicLevelCourt) return { code: "small_claims_not_basic_court", basis: article165 };
  if (input.limitFen === null) return { code: "small_claims_limit_not_configured", basis: article165 };
  const claims = input.claims.filter((claim) => !isCostsClaim(claim));
  const amountFen = claims.reduce((sum, claim) => sum + BigInt(claim.amountFen ?? 0), 0n);
  const isMoneyClaim = claims.length > 0 && amountFen > 0n && claims.every((c) => c.amountFen !== null);
  const decision = decideSmallClaims(amountFen, 2n * BigInt(input.limitFen), {
    isSimpleMoneyClaim: isMoneyClaim,
    isBasicLevelCourt: true,
  });
  const refusal = decision.refusals[0];
  if (!refusal) return null;
  return {
    code: refusal.code === "not_simple_money_claim" ? "small_claims_money_only" : "small_claims_over_limit",
    basis: refusal.basis,
  };
}

export interface ProcedureSelectionInput {
  isBasicLevelCourt: boolean;
  /** 事实清楚、权利义务关系明确、争议不大的简单的民事案件 (第一百六十条第一款). */
  isSimpleCase: boolean;
  /** Both parties agreed to the simplified procedure for a case that is not simple (第一百六十条第二款). */
  partiesAgreedSimplified?: boolean;
  /** Present when the claim is a money claim to test against the small-claims rules. */
  smallClaims?: Omit<SmallClaimsInput, "isBasicLevelCourt">;
}

export interface ProcedureSelection {
  procedure: Procedure;
  basis: string;
  smallClaims: SmallClaimsDecision | null;
}

/** Picks the procedure a first-instance civil case should start in. */
export function selectProcedure(input: ProcedureSelectionInput): ProcedureSelection {
  const smallClaims = input.smallClaims
    ? checkSmallClaimsEligibility({ ...input.smallClaims, isBasicLevelCourt: input.isBasicLevelCourt })
    : null;
  if (smallClaims?.eligible) {
    return { procedure: "small_claims", basis: "民事诉讼法第一百六十五条", smallClaims };
  }
  // 民事诉讼法第一百六十条: simplified procedure is for basic-level courts, for simple cases or by agreement.
  if (input.isBasicLevelCourt && input.isSimpleCase) {
    return { procedure: "simplified", basis: "民事诉讼法第一百六十条第一款", smallClaims };
  }
  if (input.isBasicLevelCourt && input.partiesAgreedSimplified) {
    return { procedure: "simplified", basis: "民事诉讼法第一百六十条第二款", smallClaims };
  }
  return { procedure: "ordinary", basis: "民事诉讼法第十二章", smallClaims };
}

// ---------------------------------------------------------------------------------------------
// Time limits
// ---------------------------------------------------------------------------------------------

export interface Deadline extends PeriodEnd {
  length: number;
  unit: "day" | "month";
  labelZh: string;
  labelEn: string;
  basis: string;
}

function deadline(
  start: IsoDate,
  length: number,
  unit: "day" | "month",
  labels: { zh: string; en: string; basis: string },
): Deadline {
  return {
    ...computePeriodEnd({ start, length, unit }),
    length,
    unit,
    labelZh: labels.zh,
    labelEn: labels.en,
    basis: labels.basis,
  };
}

function checkExcludedDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new ProcedureError("invalid_excluded_days", "Excluded days must be a non-negative integer");
  }
}

/** Adds days that do not count towards a time limit after its month-based end. */
function postpone(limit: Deadline, excludedDays: number): Deadline {
  if (excludedDays === 0) return limit;
  const moved = computePeriodEnd({ start: limit.nominalEnd, length: excludedDays, unit: "day" });
  return { ...limit, ...moved, provisional: limit.provisional || moved.provisional };
}

const TRIAL_LIMITS: Record<
  Procedure,
  { months: number; extensionMonths: number; basis: string; zh: string; en: string }
> = {
  // 民事诉讼法第一百五十二条: 六个月内审结；经本院院长批准，可以延长六个月；还需要延长的，报请上级人民法院批准.
  ordinary: {
    months: 6,
    extensionMonths: 6,
    basis: "民事诉讼法第一百五十二条",
    zh: "普通程序审限",
    en: "Trial time limit (ordinary procedure)",
  },
  // 民事诉讼法第一百六十四条: 三个月内审结；经本院院长批准，可以延长一个月.
  simplified: {
    months: 3,
    extensionMonths: 1,
    basis: "民事诉讼法第一百六十四条",
    zh: "简易程序审限",
    en: "Trial time limit (simplified procedure)",
  },
  // 民事诉讼法第一百六十八条: 两个月内审结；经本院院长批准，可以延长一个月.
  small_claims: {
    months: 2,
    extensionMonths: 1,
    basis: "民事诉讼法第一百六十八条",
    zh: "小额诉讼审限",
    en: "Trial time limit (small claims)",
  },
};

export interface TrialDeadlineInput {
  procedure: Procedure;
  /** 立案之日. */
  registeredOn: IsoDate;
  /**
   * Days that do not count (民诉法解释第二百四十三条: 公告、鉴定、和解期间, jurisdiction objections …);
   * they postpone the end.
   */
  excludedDays?: number;
}

export interface TrialDeadlines {
  limit: Deadline;
  /** The end after the extension the court president may approve. */
  extendedByPresident: Deadline;
  /** Ordinary procedure only: any further extension needs the higher court's approval. */
  furtherExtension: "higher_court_approval" | null;
}

/** First-instance trial time limits (审限) from registration, with the president's extension. */
export function computeTrialDeadlines(input: TrialDeadlineInput): TrialDeadlines {
  const excluded = input.excludedDays ?? 0;
  checkExcludedDays(excluded);
  const rule = TRIAL_LIMITS[input.procedure];
  // The extension lengthens the same period, so it is counted in months from registration.
  const limit = deadline(input.registeredOn, rule.months, "month", rule);
  const extended = deadline(input.registeredOn, rule.months + rule.extensionMonths, "month", {
    zh: `${rule.zh}（经院长批准延长）`,
    en: `${rule.en}, extended with the president's approval`,
    basis: rule.basis,
  });
  return {
    limit: postpone(limit, excluded),
    extendedByPresident: postpone(extended, excluded),
    furtherExtension: input.procedure === "ordinary" ? "higher_court_approval" : null,
  };
}

/**
 * Second-instance limits (民事诉讼法第一百八十三条): three months for an appeal against a judgment
 * (the president may extend it, by no fixed length), thirty days for an appeal against a ruling.
 */
export function computeAppealTrialDeadline(input: {
  appealAgainst: "judgment" | "ruling";
  registeredOn: IsoDate;
  excludedDays?: number;
}): Deadline {
  const excluded = input.excludedDays ?? 0;
  checkExcludedDays(excluded);
  const limit =
    input.appealAgainst === "judgment"
      ? deadline(input.registeredOn, 3, "month", {
          zh: "二审审限（判决上诉）",
          en: "Appeal trial time limit (judgment)",
          basis: "民事诉讼法第一百八十三条第一款",
        })
      : deadline(input.registeredOn, 30, "day", {
          zh: "二审审限（裁定上诉）",
          en: "Appeal trial time limit (ruling)",
          basis: "民事诉讼法第一百八十三条第二款",
        });
  return postpone(limit, excluded);
}

/**
 * The last day to register a case or refuse it (民事诉讼法第一百二十六条: seven days; 登记立案规定第八条第一项
 * for a complaint not decided on the spot). When the court asked for the complaint to be completed,
 * the days run again from the completed filing (民诉法解释第一百二十六条; 登记立案规定第七条第二款; for
 * Internet courts 互联网法院规定第七条第二项).
 */
export function computeRegistrationDeadline(input: { receivedOn: IsoDate; completedOn?: IsoDate }): Deadline {
  return deadline(input.completedOn ?? input.receivedOn, 7, "day", {
    zh: "立案审查期限",
    en: "Time to register or refuse a complaint",
    basis: input.completedOn
      ? "民事诉讼法第一百二十六条；民诉法解释第一百二十六条"
      : "民事诉讼法第一百二十六条",
  });
}

/**
 * The last day to pay the case acceptance fee: seven days from the notice to pay
 * (诉讼费用交纳办法第二十二条), which goes with the receipt of the complaint. Unpaid by then, the filing is
 * treated as withdrawn (民诉法解释第二百一十三条).
 */
export function computeFeePaymentDeadline(noticeOn: IsoDate): Deadline {
  return deadline(noticeOn, 7, "day", {
    zh: "交纳案件受理费期限",
    en: "Time to pay the case acceptance fee",
    basis: "诉讼费用交纳办法第二十二条",
  });
}

/** The last day to send the complaint to the defendant: five days from registration (第一百二十八条). */
export function computeComplaintServiceDeadline(registeredOn: IsoDate): Deadline {
  return deadline(registeredOn, 5, "day", {
    zh: "发送起诉状副本期限",
    en: "Time to send the complaint to the defendant",
    basis: "民事诉讼法第一百二十八条第一款",
  });
}

/**
 * The defendant's time to answer: fifteen days from receiving the complaint (第一百二十八条), thirty
 * when the defendant has no domicile in China (第二百八十五条).
 */
export function computeAnswerDeadline(input: {
  receivedOn: IsoDate;
  defendantDomicileAbroad?: boolean;
}): Deadline {
  return input.defendantDomicileAbroad
    ? deadline(input.receivedOn, 30, "day", {
        zh: "答辩期（境外被告）",
        en: "Time to answer (defendant domiciled abroad)",
        basis: "民事诉讼法第二百八十五条",
      })
    : deadline(input.receivedOn, 15, "day", {
        zh: "答辩期",
        en: "Time to answer",
        basis: "民事诉讼法第一百二十八条第一款",
      });
}

/** A first-instance decision a party may want to appeal. */
export type FirstInstanceDecision =
  | "judgment"
  | "ruling_refusing_acceptance" // 不予受理
  | "ruling_on_jurisdiction_objection" // 对管辖权有异议的
  | "ruling_dismissing_action" // 驳回起诉
  | "other_ruling";

export type AppealWindow =
  | { appealable: false; reason: "small_claims_final" | "ruling_not_appealable"; basis: string }
  | ({ appealable: true } & Deadline);

/**
 * The time to appeal a first-instance decision from its service: 15 days for a judgment, 10 for a
 * ruling (第一百七十一条), 30 for a party without domicile in China (第二百八十六条); none in small
 * claims (第一百六十五条) or for rulings 第一百五十七条第二款 does not make appealable.
 */
export function computeAppealWindow(input: {
  decision: FirstInstanceDecision;
  servedOn: IsoDate;
  procedure: Procedure;
  partyDomicileAbroad?: boolean;
}): AppealWindow {
  if (input.procedure === "small_claims") {
    return { appealable: false, reason: "small_claims_final", basis: "民事诉讼法第一百六十五条（一审终审）" };
  }
  if (input.decision === "other_ruling") {
    return { appealable: false, reason: "ruling_not_appealable", basis: "民事诉讼法第一百五十七条第二款" };
  }
  const isJudgment = input.decision === "judgment";
  if (input.partyDomicileAbroad) {
    return {
      appealable: true,
      ...deadline(input.servedOn, 30, "day", {
        zh: isJudgment ? "上诉期（判决，境外当事人）" : "上诉期（裁定，境外当事人）",
        en: `Time to appeal a ${isJudgment ? "judgment" : "ruling"} (party domiciled abroad)`,
        basis: "民事诉讼法第二百八十六条",
      }),
    };
  }
  return {
    appealable: true,
    ...(isJudgment
      ? deadline(input.servedOn, 15, "day", {
          zh: "上诉期（判决）",
          en: "Time to appeal a judgment",
          basis: "民事诉讼法第一百七十一条第一款",
        })
      : deadline(input.servedOn, 10, "day", {
          zh: "上诉期（裁定）",
          en: "Time to appeal a ruling",
          basis: "民事诉讼法第一百七十一条第二款",
        })),
  };
}
