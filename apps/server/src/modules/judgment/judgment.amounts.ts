// Amounts a judgment computes rather than takes as typed: interest and its caps in private lending,
// the penalty check, punitive damages, copyright damages and the split of the case fee. Every function
// is pure, returns its result with the steps that led to it (for the judgment's reasoning), and cites
// the article each step applies.
//
// Money is integer fen (分) as fees.rules.ts keeps it, computed in BigInt so products of amounts, rates
// and days stay exact; each computed amount is rounded half-up to the fen once, at the end of its step.
// Rates are decimal strings in percent per year ("15.4" = 15.4 %), never binary floats.
//
// Day counts: interest runs for the actual number of days from `from` to `until`, both included, as a
// judgment states a period (自…起至…止). Which day is the first is the caller's decision: 民法典第二百零一条
// does not count the day an event happens, so interest on a loan delivered on 1 March usually runs from
// 2 March. The default year is 365 days because the rates the law caps (民间借贷规定第二十五条 4 × LPR)
// and the LPR itself are annual rates: with actual/365 a full year at a rate yields exactly that rate,
// so interest at a rate equal to the cap can never pass the cap. A 360-day year (bank practice) raises
// the effective rate by 365/360; it is used only where the contract says so, and caps are then still
// measured on 365 days.

import { calculateFee } from "../filing/index";
import { LPR_FIRST_PUBLICATION, LPR_TABLE_VALID_THROUGH, ONE_YEAR_LPR } from "./lpr.data";

// ---------------------------------------------------------------------------------------------
// Results, steps and errors
// ---------------------------------------------------------------------------------------------

/** One line of the reasoning behind an amount. */
export interface AmountStep {
  labelZh: string;
  labelEn: string;
  /** The article the step applies, as Chinese law cites it, or null for plain arithmetic. */
  article: string | null;
  /** The arithmetic in figures ("100,000.00 × 15.4% × 365 ÷ 365 = 15,400.00"). */
  formula: string;
  /** The amount the step yields, in fen, or null when it yields a rate or a finding. */
  amountFen: number | null;
}

export type AmountInputErrorCode =
  | "date_invalid"
  | "date_order"
  | "amount_invalid"
  | "rate_invalid"
  | "day_basis_invalid"
  | "lpr_not_published"
  | "lpr_beyond_table"
  | "filing_date_required"
  | "filing_before_new_rules"
  | "former_rules_not_applicable"
  | "awarded_exceeds_claimed"
  | "claimed_zero"
  | "multiplier_invalid"
  | "multiplier_requires_wilful_serious_infringement"
  | "statutory_damages_out_of_range"
  | "loss_required"
  | "shares_invalid";

export interface AmountInputIssue {
  path: string;
  code: AmountInputErrorCode;
}

/** Thrown for input an amount rule cannot compute with; `issues` lists every problem. */
export class AmountInputError extends Error {
  readonly code = "judgment_amount_input_invalid";
  constructor(readonly issues: AmountInputIssue[]) {
    super(`Invalid amount input: ${issues.map((i) => `${i.path} ${i.code}`).join(", ")}`);
    this.name = "AmountInputError";
  }
}

class Issues {
  readonly list: AmountInputIssue[] = [];
  add(path: string, code: AmountInputErrorCode): void {
    this.list.push({ path, code });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new AmountInputError(this.list);
  }
}

// ---------------------------------------------------------------------------------------------
// Money, rates and dates
// ---------------------------------------------------------------------------------------------

/** Rates are held as percent × 10⁴ (4.25 % = 42,500), so four decimals of a percent stay exact. */
const RATE_SCALE = 10_000n;
const MAX_FEN = 1_000_000_000_000_000n; // 10 trillion yuan, as fees.rules.ts accepts

/** a / b rounded half-up, for non-negative a and positive b. */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

function checkFen(issues: Issues, value: unknown, path: string): bigint {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || BigInt(value) > MAX_FEN) {
    issues.add(path, "amount_invalid");
    return 0n;
  }
  return BigInt(value);
}

function checkRate(issues: Issues, value: unknown, path: string): bigint {
  if (typeof value !== "string" || !/^\d{1,3}(\.\d{1,4})?$/.test(value)) {
    issues.add(path, "rate_invalid");
    return 0n;
  }
  return rateOf(value);
}

/** A rate text already known to be valid ("15.4") → percent × 10⁴. */
function rateOf(text: string): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(4, "0"));
}

/** 1234567 fen → "12,345.67". */
export function formatYuan(fen: bigint | number): string {
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${whole}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** 170000 (× 10⁻⁴ %) → "17"; 154000 → "15.4". */
function formatRate(rate: bigint): string {
  const whole = rate / RATE_SCALE;
  const fraction = (rate % RATE_SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid ISO date, or null. */
function dayNumber(date: unknown): number | null {
  if (typeof date !== "string") return null;
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / DAY_MS;
  if (day > daysInMonth) return null;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function checkDate(issues: Issues, value: unknown, path: string): number {
  const day = dayNumber(value);
  if (day === null) issues.add(path, "date_invalid");
  return day ?? 0;
}

/** Number of days from `from` to `until`, both included (自…起至…止). */
export function countDays(from: string, until: string): number {
  const issues = new Issues();
  const start = checkDate(issues, from, "from");
  const end = checkDate(issues, until, "until");
  issues.throwIfAny();
  if (end < start) throw new AmountInputError([{ path: "until", code: "date_order" }]);
  return end - start + 1;
}

export type DayBasis = 365 | 360;

function checkBasis(issues: Issues, value: unknown, path: string): bigint {
  if (value === undefined) return 365n;
  if (value !== 365 && value !== 360) {
    issues.add(path, "day_basis_invalid");
    return 365n;
  }
  return BigInt(value);
}

/** principal × rate% × days ÷ basis, rounded half-up to the fen. */
function interestFen(principal: bigint, rate: bigint, days: number, basis: bigint): bigint {
  return divRound(principal * rate * BigInt(days), 100n * RATE_SCALE * basis);
}

// ---------------------------------------------------------------------------------------------
// One-year LPR
// ---------------------------------------------------------------------------------------------

export interface LprOnDate {
  date: string;
  /** The publication in force on that day. */
  publishedOn: string;
  ratePercent: string;
}

const LENDING = "民间借贷规定";

/**
 * The one-year LPR in force on a day (民间借贷规定第二十五条第二款). Throws AmountInputError with
 * `lpr_not_published` before 2019-08-20 and `lpr_beyond_table` after the checked table.
 */
export function oneYearLprOn(date: string): LprOnDate {
  const issues = new Issues();
  checkDate(issues, date, "date");
  issues.throwIfAny();
  if (date < LPR_FIRST_PUBLICATION) throw new AmountInputError([{ path: "date", code: "lpr_not_published" }]);
  if (date > LPR_TABLE_VALID_THROUGH)
    throw new AmountInputError([{ path: "date", code: "lpr_beyond_table" }]);
  let current = ONE_YEAR_LPR[0]!;
  for (const row of ONE_YEAR_LPR) if (row.publishedOn <= date) current = row;
  return { date, publishedOn: current.publishedOn, ratePercent: current.ratePercent };
}

// ---------------------------------------------------------------------------------------------
// Private lending: the rate caps
// ---------------------------------------------------------------------------------------------

/** A stretch of days under one cap. */
export interface CapSegment {
  from: string;
  until: string;
  /** The annual cap in percent ("15.4"). */
  capPercent: string;
  /** Where the cap comes from: 4 × the LPR on `lprDate`, or 24 % under the 2015 provisions. */
  source: { kind: "lpr_multiple"; lpr: LprOnDate } | { kind: "former_24_percent" };
  article: string;
}

export interface LendingCapInput {
  /** The day the loan contract was made (合同成立时). */
  contractDate: string;
  /** First and last day of the interest period, both included. */
  from: string;
  until: string;
  /** The day the suit was filed (起诉时); needed for contracts made before 2020-08-20. */
  filingDate?: string;
  /**
   * The lender asked for the interpretation in force at the time for interest up to 2020-08-19
   * (民间借贷规定第三十一条第二款); only for contracts made before 2020-08-20.
   */
  requestsFormerRules?: boolean;
}

const NEW_RULES_FROM = "2020-08-20";
const LAST_FORMER_DAY = "2020-08-19";
/** The 2015 provisions (法释〔2015〕18号), in force for interest up to 2020-08-19 on request. */
const FORMER = `${LENDING}（法释〔2015〕18号）`;
const FORMER_CAP = 24n * RATE_SCALE;

function lprMultipleSegment(from: string, until: string, lpr: LprOnDate, article: string): CapSegment {
  return {
    from,
    until,
    capPercent: formatRate(4n * rateOf(lpr.ratePercent)),
    source: { kind: "lpr_multiple", lpr },
    article,
  };
}

/**
 * The annual caps on private-lending interest over a period. A contract made on or after 2020-08-20
 * has one cap, four times the one-year LPR when it was made (民间借贷规定第二十五条第一款). For a
 * contract made before, 第三十一条第二款: interest to 2020-08-19 is capped at 24 % when the lender
 * asks for the former interpretation (法释〔2015〕18号第二十六条第一款), and interest from 2020-08-20
 * at four times the LPR when the suit was filed. Without that request the new standard applies to
 * the whole period (第三十一条第一款); as no LPR exists before 2019-08-20 and the article names the
 * LPR at filing for such contracts, that LPR measures the earlier days too.
 * Throws AmountInputError (`filing_date_required`, `lpr_not_published`, `lpr_beyond_table`, …).
 */
export function privateLendingCaps(input: LendingCapInput): CapSegment[] {
  const issues = new Issues();
  checkDate(issues, input.contractDate, "contractDate");
  const start = checkDate(issues, input.from, "from");
  const end = checkDate(issues, input.until, "until");
  if (input.filingDate !== undefined) checkDate(issues, input.filingDate, "filingDate");
  issues.throwIfAny();
  if (end < start) throw new AmountInputError([{ path: "until", code: "date_order" }]);
  // Interest cannot run before the contract exists.
  if (input.from < input.contractDate) throw new AmountInputError([{ path: "from", code: "date_order" }]);

  if (input.contractDate >= NEW_RULES_FROM) {
    if (input.requestsFormerRules) {
      throw new AmountInputError([{ path: "requestsFormerRules", code: "former_rules_not_applicable" }]);
    }
    const lpr = oneYearLprOn(input.contractDate);
    return [lprMultipleSegment(input.from, input.until, lpr, `${LENDING}第二十五条第一款`)];
  }

  if (input.filingDate === undefined) {
    throw new AmountInputError([{ path: "filingDate", code: "filing_date_required" }]);
  }
  // 第三十一条第二款 speaks of cases accepted from 2020-08-20; earlier suits were decided under the former rules.
  if (input.filingDate < NEW_RULES_FROM) {
    throw new AmountInputError([{ path: "filingDate", code: "filing_before_new_rules" }]);
  }
  const atFiling = oneYearLprOn(input.filingDate);
  const transition = dayNumber(NEW_RULES_FROM)!;
  const segments: CapSegment[] = [];
  if (start < transition) {
    const lastFormer = end < transition ? input.until : LAST_FORMER_DAY;
    segments.push(
      input.requestsFormerRules
        ? {
            from: input.from,
            until: lastFormer,
            capPercent: formatRate(FORMER_CAP),
            source: { kind: "former_24_percent" },
            article: `${LENDING}第三十一条第二款；${FORMER}第二十六条第一款`,
          }
        : lprMultipleSegment(input.from, lastFormer, atFiling, `${LENDING}第三十一条第一款、第二款`),
    );
  }
  if (end >= transition) {
    segments.push(
      lprMultipleSegment(
        start >= transition ? input.from : NEW_RULES_FROM,
        input.until,
        atFiling,
        `${LENDING}第三十一条第二款`,
      ),
    );
  }
  return segments;
}

/**
 * The articles behind a cap for what it caps: interest for the term, the agreed overdue rate
 * (第二十八条第一款), or overdue interest, penalty and fees together (第二十九条). Under the 2015
 * provisions the same three rules were 第二十六条第一款, 第二十九条第一款 and 第三十条.
 */
function capArticle(segment: CapSegment, purpose: "term" | "overdue" | "overdue_total"): string {
  if (segment.source.kind === "former_24_percent") {
    const former = { term: "第二十六条第一款", overdue: "第二十九条第一款", overdue_total: "第三十条" }[
      purpose
    ];
    return `${LENDING}第三十一条第二款；${FORMER}${former}`;
  }
  if (purpose === "term") return segment.article;
  const rule = purpose === "overdue" ? `${LENDING}第二十八条第一款` : `${LENDING}第二十九条`;
  return segment.article === `${LENDING}第二十五条第一款` ? rule : `${rule}；${segment.article}`;
}

// ---------------------------------------------------------------------------------------------
// Interest
// ---------------------------------------------------------------------------------------------

export interface InterestInput {
  principalFen: number;
  /** Annual rate in percent ("6" = 6 %). */
  annualRatePercent: string;
  from: string;
  until: string;
  /** 365 unless the contract fixes a 360-day year. */
  dayBasis?: DayBasis;
}

export interface InterestResult {
  days: number;
  interestFen: number;
  steps: AmountStep[];
}

/** Simple interest on a principal for the days from `from` to `until`, both included. */
export function calculateInterest(input: InterestInput): InterestResult {
  const issues = new Issues();
  const principal = checkFen(issues, input.principalFen, "principalFen");
  const rate = checkRate(issues, input.annualRatePercent, "annualRatePercent");
  const basis = checkBasis(issues, input.dayBasis, "dayBasis");
  issues.throwIfAny();
  const days = countDays(input.from, input.until);
  const interest = interestFen(principal, rate, days, basis);
  return {
    days,
    interestFen: Number(interest),
    steps: [
      {
        labelZh: `自${input.from}起至${input.until}止共${days}日的利息`,
        labelEn: `Interest for the ${days} days from ${input.from} to ${input.until}`,
        article: null,
        formula: `${formatYuan(principal)} × ${formatRate(rate)}% × ${days} ÷ ${basis} = ${formatYuan(interest)}`,
        amountFen: Number(interest),
      },
    ],
  };
}

export interface LendingInterestInput extends LendingCapInput {
  principalFen: number;
  /** The agreed annual rate in percent: the rate for the term, or the overdue rate. */
  contractRatePercent: string;
  /** "term" interest (第二十五条) or "overdue" interest (第二十八条第一款); both share the cap. */
  kind?: "term" | "overdue";
  dayBasis?: DayBasis;
}

export interface LendingInterestSegment {
  from: string;
  until: string;
  days: number;
  capPercent: string;
  /** Interest at the agreed rate. */
  agreedFen: number;
  /** Interest the court supports: the agreed interest, at most the interest at the cap. */
  supportedFen: number;
}

export interface LendingInterestResult {
  segments: LendingInterestSegment[];
  agreedFen: number;
  supportedFen: number;
  /** Interest above the cap, which the court does not support. */
  excessFen: number;
  steps: AmountStep[];
}

/**
 * Private-lending interest at the agreed rate, each day capped by privateLendingCaps
 * (民间借贷规定第二十五条, 第二十八条第一款, 第三十一条). The cap is measured on a 365-day year
 * whatever the contract's year. Throws AmountInputError.
 */
export function calculatePrivateLendingInterest(input: LendingInterestInput): LendingInterestResult {
  const issues = new Issues();
  const principal = checkFen(issues, input.principalFen, "principalFen");
  const rate = checkRate(issues, input.contractRatePercent, "contractRatePercent");
  const basis = checkBasis(issues, input.dayBasis, "dayBasis");
  issues.throwIfAny();
  const overdue = input.kind === "overdue";
  const segments: LendingInterestSegment[] = [];
  const steps: AmountStep[] = [];
  for (const cap of privateLendingCaps(input)) {
    const days = countDays(cap.from, cap.until);
    const capRate = rateOf(cap.capPercent);
    const agreed = interestFen(principal, rate, days, basis);
    const atCap = interestFen(principal, capRate, days, 365n);
    const supported = agreed <= atCap ? agreed : atCap;
    segments.push({
      from: cap.from,
      until: cap.until,
      days,
      capPercent: cap.capPercent,
      agreedFen: Number(agreed),
      supportedFen: Number(supported),
    });
    const capWhy =
      cap.source.kind === "lpr_multiple"
        ? {
            zh: `${cap.source.lpr.publishedOn}公布的一年期贷款市场报价利率${cap.source.lpr.ratePercent}%的四倍，即年利率${cap.capPercent}%`,
            en: `four times the one-year LPR of ${cap.source.lpr.ratePercent}% published on ${cap.source.lpr.publishedOn}: ${cap.capPercent}% a year`,
          }
        : { zh: "年利率24%", en: "24% a year" };
    const article = capArticle(cap, overdue ? "overdue" : "term");
    steps.push({
      labelZh: `利率上限：${capWhy.zh}`,
      labelEn: `Rate cap: ${capWhy.en}`,
      article,
      formula: `${cap.from} – ${cap.until}: ${cap.capPercent}%`,
      amountFen: null,
    });
    steps.push({
      labelZh: `按约定${overdue ? "逾期" : ""}利率计算的利息`,
      labelEn: `Interest at the agreed ${overdue ? "overdue " : ""}rate`,
      article: null,
      formula: `${formatYuan(principal)} × ${formatRate(rate)}% × ${days} ÷ ${basis} = ${formatYuan(agreed)}`,
      amountFen: Number(agreed),
    });
    steps.push(
      agreed <= atCap
        ? {
            labelZh: "约定利率未超过上限，按约定计算",
            labelEn: "The agreed rate does not exceed the cap: interest as agreed",
            article,
            formula: `${formatYuan(agreed)} ≤ ${formatYuan(atCap)}`,
            amountFen: Number(supported),
          }
        : {
            labelZh: "约定利率超过上限，超过部分不予支持",
            labelEn: "The agreed rate exceeds the cap: the excess is not supported",
            article,
            formula: `${formatYuan(principal)} × ${cap.capPercent}% × ${days} ÷ 365 = ${formatYuan(atCap)}`,
            amountFen: Number(supported),
          },
    );
  }
  const agreedTotal = segments.reduce((sum, s) => sum + s.agreedFen, 0);
  const supportedTotal = segments.reduce((sum, s) => sum + s.supportedFen, 0);
  if (segments.length > 1) {
    steps.push({
      labelZh: "各期间利息合计",
      labelEn: "Interest of all periods",
      article: null,
      formula: `${segments.map((s) => formatYuan(s.supportedFen)).join(" + ")} = ${formatYuan(supportedTotal)}`,
      amountFen: supportedTotal,
    });
  }
  return {
    segments,
    agreedFen: agreedTotal,
    supportedFen: supportedTotal,
    excessFen: agreedTotal - supportedTotal,
    steps,
  };
}

export interface OverdueChargesInput extends LendingCapInput {
  /** The principal overdue, on which the cap is measured. */
  principalFen: number;
  /** The overdue interest, penalty and other fees claimed for the period `from`–`until`. */
  overdueInterestFen: number;
  penaltyFen: number;
  otherFeesFen: number;
}

export interface OverdueChargesResult {
  claimedFen: number;
  /** The interest at the cap over the period: the most the three may come to together. */
  capFen: number;
  supportedFen: number;
  /** How the supported total is divided, in the order overdue interest, penalty, other fees. */
  supported: { overdueInterestFen: number; penaltyFen: number; otherFeesFen: number };
  excessFen: number;
  steps: AmountStep[];
}

/**
 * Overdue interest, penalty and other fees together capped at four times the one-year LPR
 * (民间借贷规定第二十九条), measured over the overdue period. The article caps only the total; the
 * supported total is filled in the order overdue interest, penalty, other fees. Throws AmountInputError.
 */
export function capOverdueCharges(input: OverdueChargesInput): OverdueChargesResult {
  const issues = new Issues();
  const principal = checkFen(issues, input.principalFen, "principalFen");
  const parts = [
    checkFen(issues, input.overdueInterestFen, "overdueInterestFen"),
    checkFen(issues, input.penaltyFen, "penaltyFen"),
    checkFen(issues, input.otherFeesFen, "otherFeesFen"),
  ] as const;
  issues.throwIfAny();
  const claimed = parts[0] + parts[1] + parts[2];
  const steps: AmountStep[] = [];
  let cap = 0n;
  const segments = privateLendingCaps(input);
  for (const segment of segments) {
    const days = countDays(segment.from, segment.until);
    const rate = rateOf(segment.capPercent);
    const atCap = interestFen(principal, rate, days, 365n);
    cap += atCap;
    steps.push({
      labelZh: `${segment.from}至${segment.until}按年利率${segment.capPercent}%计算的上限`,
      labelEn: `Cap from ${segment.from} to ${segment.until} at ${segment.capPercent}% a year`,
      article: capArticle(segment, "overdue_total"),
      formula: `${formatYuan(principal)} × ${segment.capPercent}% × ${days} ÷ 365 = ${formatYuan(atCap)}`,
      amountFen: Number(atCap),
    });
  }
  const supportedTotal = claimed <= cap ? claimed : cap;
  let left = supportedTotal;
  const take = (part: bigint): number => {
    const taken = part <= left ? part : left;
    left -= taken;
    return Number(taken);
  };
  const supported = {
    overdueInterestFen: take(parts[0]),
    penaltyFen: take(parts[1]),
    otherFeesFen: take(parts[2]),
  };
  steps.push({
    labelZh:
      claimed <= cap
        ? "逾期利息、违约金及其他费用合计未超过上限，予以支持"
        : "逾期利息、违约金及其他费用合计超过上限，超过部分不予支持",
    labelEn:
      claimed <= cap
        ? "Overdue interest, penalty and other fees together stay within the cap: supported"
        : "Overdue interest, penalty and other fees together exceed the cap: the excess is not supported",
    article: [
      ...new Set(segments.flatMap((segment) => capArticle(segment, "overdue_total").split("；"))),
    ].join("；"),
    formula: `${formatYuan(parts[0])} + ${formatYuan(parts[1])} + ${formatYuan(parts[2])} = ${formatYuan(claimed)} ${claimed <= cap ? "≤" : ">"} ${formatYuan(cap)}`,
    amountFen: Number(supportedTotal),
  });
  return {
    claimedFen: Number(claimed),
    capFen: Number(cap),
    supportedFen: Number(supportedTotal),
    supported,
    excessFen: Number(claimed - supportedTotal),
    steps,
  };
}

// ---------------------------------------------------------------------------------------------
// Penalty (违约金)
// ---------------------------------------------------------------------------------------------

export interface PenaltyInput {
  agreedFen: number;
  /** The loss caused by the breach (民法典第五百八十四条). */
  lossFen: number;
  /** The party asked for an adjustment, by counterclaim or defence (合同编通则解释第六十四条第一款). */
  hasAdjustmentRequest: boolean;
  /** The party asking for a reduction broke the contract in bad faith (恶意违约). */
  isBadFaithBreach?: boolean;
}

export interface PenaltyAssessment {
  /** 130 % of the loss: above it the penalty is as a rule excessive. */
  thresholdFen: number;
  /** The agreed penalty exceeds the loss by more than 30 %. */
  isExcessive: boolean;
  /** The agreed penalty is lower than the loss (it may be increased on request). */
  isBelowLoss: boolean;
  /** What the court may do: nothing unless asked; never reduce for a bad-faith breacher as a rule. */
  outcome: "no_request" | "may_reduce" | "reduction_generally_refused" | "may_increase" | "keep";
  steps: AmountStep[];
}

const CIVIL_CODE = "民法典";
const CONTRACT_INTERPRETATION = "合同编通则解释";

/**
 * Whether an agreed penalty is excessive or too low against the loss (民法典第五百八十五条第二款;
 * 合同编通则解释第六十四条第一款, 第六十五条第二款、第三款). The court then weighs the case as
 * 第六十五条第一款 says; the function gives the test, not the reduced figure. Throws AmountInputError.
 */
export function assessPenalty(input: PenaltyInput): PenaltyAssessment {
  const issues = new Issues();
  const agreed = checkFen(issues, input.agreedFen, "agreedFen");
  const loss = checkFen(issues, input.lossFen, "lossFen");
  issues.throwIfAny();
  const threshold = divRound(loss * 130n, 100n);
  // Compared exactly (agreed × 100 > loss × 130), so an odd-fen loss is not rounded in the test.
  const isExcessive = agreed * 100n > loss * 130n;
  const isBelowLoss = agreed < loss;
  const outcome: PenaltyAssessment["outcome"] = !input.hasAdjustmentRequest
    ? "no_request"
    : isExcessive
      ? input.isBadFaithBreach
        ? "reduction_generally_refused"
        : "may_reduce"
      : isBelowLoss
        ? "may_increase"
        : "keep";
  const steps: AmountStep[] = [
    {
      labelZh: "损失的百分之一百三十",
      labelEn: "130% of the loss",
      article: `${CONTRACT_INTERPRETATION}第六十五条第二款`,
      formula: `${formatYuan(loss)} × 130% = ${formatYuan(threshold)}`,
      amountFen: Number(threshold),
    },
    {
      labelZh: isExcessive
        ? "约定的违约金超过造成损失的百分之三十，一般可以认定为过分高于造成的损失"
        : isBelowLoss
          ? "约定的违约金低于造成的损失"
          : "约定的违约金未过分高于造成的损失",
      labelEn: isExcessive
        ? "The agreed penalty exceeds the loss by more than 30%: as a rule excessively higher than the loss"
        : isBelowLoss
          ? "The agreed penalty is lower than the loss"
          : "The agreed penalty is not excessively higher than the loss",
      article: `${CIVIL_CODE}第五百八十五条第二款；${CONTRACT_INTERPRETATION}第六十五条第二款`,
      formula: `${formatYuan(agreed)} ${isExcessive ? ">" : "≤"} ${formatYuan(threshold)}`,
      amountFen: Number(agreed),
    },
  ];
  const outcomeText: Record<PenaltyAssessment["outcome"], { zh: string; en: string; article: string }> = {
    no_request: {
      zh: "当事人未请求调整违约金",
      en: "No party asked for the penalty to be adjusted",
      article: `${CONTRACT_INTERPRETATION}第六十四条第一款`,
    },
    may_reduce: {
      zh: "可以根据当事人的请求予以适当减少",
      en: "The court may reduce it appropriately on the party's request",
      article: `${CIVIL_CODE}第五百八十五条第二款；${CONTRACT_INTERPRETATION}第六十五条第一款`,
    },
    reduction_generally_refused: {
      zh: "恶意违约的当事人一方请求减少违约金的，一般不予支持",
      en: "A party in bad-faith breach is as a rule refused a reduction",
      article: `${CONTRACT_INTERPRETATION}第六十五条第三款`,
    },
    may_increase: {
      zh: "可以根据当事人的请求予以增加",
      en: "The court may increase it on the party's request",
      article: `${CIVIL_CODE}第五百八十五条第二款`,
    },
    keep: {
      zh: "违约金按约定",
      en: "The penalty stands as agreed",
      article: `${CIVIL_CODE}第五百八十五条第一款`,
    },
  };
  const text = outcomeText[outcome];
  steps.push({ labelZh: text.zh, labelEn: text.en, article: text.article, formula: "", amountFen: null });
  return { thresholdFen: Number(threshold), isExcessive, isBelowLoss, outcome, steps };
}

// ---------------------------------------------------------------------------------------------
// Punitive damages
// ---------------------------------------------------------------------------------------------

export type PunitiveInput =
  /** Fraud by a business (消费者权益保护法第五十五条第一款): three times the price, at least 500 yuan. */
  | { regime: "consumer_fraud"; pricePaidFen: number }
  /**
   * Food below the safety standard (食品安全法第一百四十八条第二款): ten times the price or three times
   * the loss, as the consumer chooses; at least 1,000 yuan.
   */
  | { regime: "food_safety"; pricePaidFen: number; lossFen?: number; basis: "price" | "loss" }
  /** A known defect causing death or serious harm to health (第五十五条第二款): up to twice the loss. */
  | { regime: "known_defect_injury"; lossFen: number };

export interface PunitiveResult {
  regime: PunitiveInput["regime"];
  /** The punitive sum; for known_defect_injury the ceiling the court fixes the sum within. */
  amountFen: number;
  isCeiling: boolean;
  /** The statutory minimum replaced a smaller multiple. */
  isMinimumApplied: boolean;
  steps: AmountStep[];
}

const CONSUMER_LAW = "消费者权益保护法";
const FOOD_SAFETY_LAW = "食品安全法";

/** Punitive damages under 消费者权益保护法第五十五条 or 食品安全法第一百四十八条第二款. Throws AmountInputError. */
export function calculatePunitiveDamages(input: PunitiveInput): PunitiveResult {
  const issues = new Issues();
  switch (input.regime) {
    case "consumer_fraud": {
      const price = checkFen(issues, input.pricePaidFen, "pricePaidFen");
      issues.throwIfAny();
      return withMinimum(input.regime, price, 3n, 50_000n, `${CONSUMER_LAW}第五十五条第一款`, {
        zh: "购买商品的价款或者接受服务的费用的三倍",
        en: "three times the price of the goods or the fee for the service",
        minimumZh: "五百元",
      });
    }
    case "food_safety": {
      const price = checkFen(issues, input.pricePaidFen, "pricePaidFen");
      const loss = input.lossFen === undefined ? null : checkFen(issues, input.lossFen, "lossFen");
      if (input.basis === "loss" && loss === null) issues.add("lossFen", "loss_required");
      issues.throwIfAny();
      const article = `${FOOD_SAFETY_LAW}第一百四十八条第二款`;
      return input.basis === "price"
        ? withMinimum(input.regime, price, 10n, 100_000n, article, {
            zh: "价款十倍",
            en: "ten times the price",
            minimumZh: "一千元",
          })
        : withMinimum(input.regime, loss!, 3n, 100_000n, article, {
            zh: "损失三倍",
            en: "three times the loss",
            minimumZh: "一千元",
          });
    }
    case "known_defect_injury": {
      const loss = checkFen(issues, input.lossFen, "lossFen");
      issues.throwIfAny();
      const ceiling = loss * 2n;
      return {
        regime: input.regime,
        amountFen: Number(ceiling),
        isCeiling: true,
        isMinimumApplied: false,
        steps: [
          {
            labelZh: "所受损失二倍以下的惩罚性赔偿",
            labelEn: "Punitive damages of up to twice the loss suffered",
            article: `${CONSUMER_LAW}第五十五条第二款`,
            formula: `${formatYuan(loss)} × 2 = ${formatYuan(ceiling)}`,
            amountFen: Number(ceiling),
          },
        ],
      };
    }
    default:
      throw new AmountInputError([{ path: "regime", code: "amount_invalid" }]);
  }
}

function withMinimum(
  regime: PunitiveInput["regime"],
  base: bigint,
  multiple: bigint,
  minimum: bigint,
  article: string,
  label: { zh: string; en: string; minimumZh: string },
): PunitiveResult {
  const multiplied = base * multiple;
  const isMinimumApplied = multiplied < minimum;
  const amount = isMinimumApplied ? minimum : multiplied;
  const steps: AmountStep[] = [
    {
      labelZh: `增加赔偿的金额为${label.zh}`,
      labelEn: `The increased compensation is ${label.en}`,
      article,
      formula: `${formatYuan(base)} × ${multiple} = ${formatYuan(multiplied)}`,
      amountFen: Number(multiplied),
    },
  ];
  if (isMinimumApplied) {
    steps.push({
      labelZh: `增加赔偿的金额不足${label.minimumZh}的，为${label.minimumZh}`,
      labelEn: `Less than the minimum of ${formatYuan(minimum)} yuan: raised to it`,
      article,
      formula: `${formatYuan(multiplied)} < ${formatYuan(minimum)}`,
      amountFen: Number(minimum),
    });
  }
  return { regime, amountFen: Number(amount), isCeiling: false, isMinimumApplied, steps };
}

// ---------------------------------------------------------------------------------------------
// Copyright damages
// ---------------------------------------------------------------------------------------------

export type CopyrightDamagesInput =
  | {
      /** 著作权法第五十四条第一款: the right holder's loss, the infringer's gain, or a licence fee. */
      method: "actual_loss" | "illegal_gain" | "licence_fee";
      baseFen: number;
      /** 1 to 5 with up to two decimals ("1" unless wilful and serious). */
      multiplier?: string;
      isWilfulAndSerious?: boolean;
      reasonableExpensesFen?: number;
    }
  | {
      /** 著作权法第五十四条第二款: a sum the court fixes, 500 to 5,000,000 yuan. */
      method: "statutory";
      amountFen: number;
      reasonableExpensesFen?: number;
    };

export interface CopyrightDamagesResult {
  damagesFen: number;
  reasonableExpensesFen: number;
  totalFen: number;
  steps: AmountStep[];
}

const COPYRIGHT_LAW = "著作权法";
const STATUTORY_MIN = 50_000n; // 500 yuan
const STATUTORY_MAX = 500_000_000n; // 5,000,000 yuan

/**
 * Damages for copyright infringement (著作权法第五十四条): a base times a multiplier of 1 to 5 for
 * wilful and serious infringement, or statutory damages within 500–5,000,000 yuan; plus reasonable
 * expenses (第三款). Throws AmountInputError.
 */
export function calculateCopyrightDamages(input: CopyrightDamagesInput): CopyrightDamagesResult {
  const issues = new Issues();
  const expenses =
    input.reasonableExpensesFen === undefined
      ? 0n
      : checkFen(issues, input.reasonableExpensesFen, "reasonableExpensesFen");
  const steps: AmountStep[] = [];
  let damages: bigint;
  if (input.method === "statutory") {
    damages = checkFen(issues, input.amountFen, "amountFen");
    if (damages < STATUTORY_MIN || damages > STATUTORY_MAX) {
      issues.add("amountFen", "statutory_damages_out_of_range");
    }
    issues.throwIfAny();
    steps.push({
      labelZh: "实际损失、违法所得、权利使用费难以计算，根据侵权行为的情节在五百元以上五百万元以下确定赔偿",
      labelEn:
        "Loss, gain and licence fee cannot be calculated: damages fixed by the circumstances within 500–5,000,000 yuan",
      article: `${COPYRIGHT_LAW}第五十四条第二款`,
      formula: `${formatYuan(STATUTORY_MIN)} ≤ ${formatYuan(damages)} ≤ ${formatYuan(STATUTORY_MAX)}`,
      amountFen: Number(damages),
    });
  } else {
    const base = checkFen(issues, input.baseFen, "baseFen");
    const multiplierText = input.multiplier ?? "1";
    let multiplier = 100n;
    if (!/^\d(\.\d{1,2})?$/.test(multiplierText)) issues.add("multiplier", "multiplier_invalid");
    else {
      const [whole = "0", fraction = ""] = multiplierText.split(".");
      multiplier = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
      if (multiplier < 100n || multiplier > 500n) issues.add("multiplier", "multiplier_invalid");
      else if (multiplier > 100n && !input.isWilfulAndSerious) {
        issues.add("multiplier", "multiplier_requires_wilful_serious_infringement");
      }
    }
    issues.throwIfAny();
    const basisLabel = {
      actual_loss: { zh: "权利人因此受到的实际损失", en: "the right holder's actual loss" },
      illegal_gain: { zh: "侵权人的违法所得", en: "the infringer's illegal gain" },
      licence_fee: { zh: "参照该权利使用费", en: "by reference to the licence fee" },
    }[input.method];
    steps.push({
      labelZh: `按照${basisLabel.zh}确定赔偿数额`,
      labelEn: `Damages by ${basisLabel.en}`,
      article: `${COPYRIGHT_LAW}第五十四条第一款`,
      formula: formatYuan(base),
      amountFen: Number(base),
    });
    damages = divRound(base * multiplier, 100n);
    if (multiplier > 100n) {
      steps.push({
        labelZh: `故意侵权，情节严重，按上述数额的${multiplierText}倍给予赔偿`,
        labelEn: `Wilful and serious infringement: ${multiplierText} times that sum`,
        article: `${COPYRIGHT_LAW}第五十四条第一款`,
        formula: `${formatYuan(base)} × ${multiplierText} = ${formatYuan(damages)}`,
        amountFen: Number(damages),
      });
    }
  }
  const total = damages + expenses;
  if (expenses > 0n) {
    steps.push({
      labelZh: "加上权利人为制止侵权行为所支付的合理开支",
      labelEn: "Plus the reasonable expenses of stopping the infringement",
      article: `${COPYRIGHT_LAW}第五十四条第三款`,
      formula: `${formatYuan(damages)} + ${formatYuan(expenses)} = ${formatYuan(total)}`,
      amountFen: Number(total),
    });
  }
  return {
    damagesFen: Number(damages),
    reasonableExpensesFen: Number(expenses),
    totalFen: Number(total),
    steps,
  };
}

// ---------------------------------------------------------------------------------------------
// Costs (诉讼费用的负担)
// ---------------------------------------------------------------------------------------------

/**
 * Splits `totalFen` in proportion to `shares` so the parts add up to the total exactly: each part is
 * rounded down and the fen left over go, one each, to the largest remainders (ties to the first).
 * Throws AmountInputError (`shares_invalid`) for no shares, negative shares or all zero.
 */
export function splitFenByShares(totalFen: number, shares: readonly number[]): number[] {
  const issues = new Issues();
  const total = checkFen(issues, totalFen, "totalFen");
  if (
    shares.length === 0 ||
    shares.some((s) => !Number.isSafeInteger(s) || s < 0) ||
    shares.every((s) => s === 0)
  ) {
    issues.add("shares", "shares_invalid");
  }
  issues.throwIfAny();
  const weights = shares.map(BigInt);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, index) => ({ index, remainder: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

type FeeRequest = Parameters<typeof calculateFee>[0];

export interface CostsInput {
  /** The amount claimed, on which the case acceptance fee is charged (诉讼费用交纳办法第十三条). */
  claimedFen: number;
  /** The part of the claims the judgment supports. */
  awardedFen: number;
  procedure?: "ordinary" | "simplified" | "small_claims";
  /** Another fee request than a property case on the claimed amount (e.g. intellectual property). */
  fee?: FeeRequest;
}

export interface CostsResult {
  feeFen: number;
  plaintiffFen: number;
  defendantFen: number;
  /** Whether the plaintiff won wholly, lost wholly or partly. */
  outcome: "plaintiff_won" | "plaintiff_lost" | "partly";
  steps: AmountStep[];
}

const FEES_ACT = "诉讼费用交纳办法";

/**
 * The case acceptance fee (computed by the filing context's calculateFee) and its split: the losing
 * side bears it (诉讼费用交纳办法第二十九条第一款); when the plaintiff partly wins, the proportion of the
 * claim supported is the starting figure for the court's decision under 第二十九条第二款. The two
 * shares always add up to the fee. Throws AmountInputError, or FeeInputError for a bad fee request.
 */
export function apportionCosts(input: CostsInput): CostsResult {
  const issues = new Issues();
  const claimed = checkFen(issues, input.claimedFen, "claimedFen");
  const awarded = checkFen(issues, input.awardedFen, "awardedFen");
  if (issues.list.length === 0 && claimed === 0n) issues.add("claimedFen", "claimed_zero");
  if (issues.list.length === 0 && awarded > claimed) issues.add("awardedFen", "awarded_exceeds_claimed");
  issues.throwIfAny();
  const quote = calculateFee(
    input.fee ?? {
      kind: "property",
      // Integer fen ÷ 100 prints as its exact two-decimal text, which calculateFee reads back to fen.
      amount: Number(claimed) / 100,
      ...(input.procedure ? { procedure: input.procedure } : {}),
    },
  );
  const fee = quote.feeFen;
  const [defendantFen, plaintiffFen] = splitFenByShares(fee, [
    Number(awarded),
    Number(claimed - awarded),
  ]) as [number, number];
  const outcome: CostsResult["outcome"] =
    awarded === claimed ? "plaintiff_won" : awarded === 0n ? "plaintiff_lost" : "partly";
  const steps: AmountStep[] = [
    {
      labelZh: `案件受理费（按诉讼请求金额${formatYuan(claimed)}元计算）`,
      labelEn: `Case acceptance fee on the claimed ${formatYuan(claimed)} yuan`,
      article: quote.breakdown
        .map((line) => line.article)
        .filter((a, i, all) => all.indexOf(a) === i)
        .join("；"),
      formula: `${quote.breakdown
        .map((line, i) => {
          const fen = Math.round(line.amount * 100);
          return i === 0 ? formatYuan(fen) : `${fen < 0 ? "−" : "+"} ${formatYuan(Math.abs(fen))}`;
        })
        .join(" ")} = ${formatYuan(fee)}`,
      amountFen: fee,
    },
    outcome === "partly"
      ? {
          labelZh: "部分胜诉、部分败诉，按诉讼请求得到支持的比例负担",
          labelEn: "Partly won and partly lost: borne in the proportion of the claims supported",
          article: `${FEES_ACT}第二十九条第二款`,
          formula:
            `${formatYuan(fee)} × ${formatYuan(awarded)} ÷ ${formatYuan(claimed)} = ${formatYuan(defendantFen)}（被告）；` +
            `${formatYuan(fee)} − ${formatYuan(defendantFen)} = ${formatYuan(plaintiffFen)}（原告）`,
          amountFen: null,
        }
      : {
          labelZh: outcome === "plaintiff_won" ? "诉讼费用由败诉的被告负担" : "诉讼费用由败诉的原告负担",
          labelEn:
            outcome === "plaintiff_won"
              ? "Costs borne by the losing defendant"
              : "Costs borne by the losing plaintiff",
          article: `${FEES_ACT}第二十九条第一款`,
          formula: formatYuan(fee),
          amountFen: fee,
        },
  ];
  return { feeFen: fee, plaintiffFen, defendantFen, outcome, steps };
}
