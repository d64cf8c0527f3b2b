import { canonicalizeCharge } from "./analysis/charges";
import { locateInRange, supportedRange, type RangePosition, type RangeSample } from "./predict/predict.range";
import { severityOf, termFromSeverity } from "./predict/predict.rules";

/** A decided similar case as the deviation check reads it (amounts in yuan, term in months, −1 life, −2 death). */
export interface OutcomeSample {
  judgmentId: string;
  title: string;
  caseNumber: string | null;
  /** Similarity to the case at hand (the index score), the sample's weight. */
  similarity: number;
  charges: string[];
  articles: string[];
  termMonths: number | null;
  claimedAmount: number | null;
  awardedAmount: number | null;
}

/** The outcome a judge proposes. */
export interface ProposedOutcome {
  charges: string[];
  articles: string[];
  termMonths: number | null;
  claimedAmount: number | null;
  awardedAmount: number | null;
}

export type DeviationFindingCode =
  | "term_within_range"
  | "term_below_range"
  | "term_above_range"
  | "term_insufficient_data"
  | "award_within_range"
  | "award_below_range"
  | "award_above_range"
  | "award_insufficient_data"
  | "charge_unsupported"
  | "article_unsupported"
  | "too_few_comparable_cases";

/** One finding with its bilingual text. */
export interface DeviationFinding {
  code: DeviationFindingCode;
  severity: "info" | "warning";
  message: { "zh-CN": string; en: string };
}

/** A case behind a range and its value on the range's scale. */
export interface RangeCase {
  judgmentId: string;
  title: string;
  caseNumber: string | null;
  similarity: number;
  value: number;
}

/** Where a proposed value falls among similar cases. */
export interface RangeCheck {
  status: RangePosition | "insufficient_data";
  proposed: number;
  /** Weighted 20 %–80 % quantiles and the median, on the check's scale (months, or award ÷ claim). */
  range: { low: number; median: number; high: number; lowQuantile: number; highQuantile: number } | null;
  /** Weighted share of similar cases with a lower value (0–1), when there is a range. */
  percentile: number | null;
  cases: RangeCase[];
}

export interface DeviationCheck {
  term: RangeCheck | null;
  award: RangeCheck | null;
  findings: DeviationFinding[];
  /** The charge whose cases formed the term range. */
  charge: string | null;
  /** How many similar cases were read. */
  neighbours: number;
}

/** Settings: quantiles of the range and the fewest cases that make one. */
export interface DeviationRuleOptions {
  lowQuantile: number;
  highQuantile: number;
  minSamples: number;
}

/**
 * The fewest similar decided cases worth comparing a proposed outcome with. Below it a "deviation"
 * says more about an empty or thin judgment index than about the proposal (a charge or article that
 * none of 0 cases carries is no signal), so the check says there is not enough to compare and never
 * warns. The same number bounds the term and award ranges.
 */
export const MIN_COMPARABLE_CASES = 5;

export const DEFAULT_DEVIATION_RULES: DeviationRuleOptions = {
  lowQuantile: 0.2,
  highQuantile: 0.8,
  minSamples: MIN_COMPARABLE_CASES,
};

/** The one finding when too few similar cases were found to compare with. */
function tooFewComparableCases(found: number, minimum: number): DeviationFinding {
  return {
    code: "too_few_comparable_cases",
    severity: "info",
    message: {
      "zh-CN":
        found === 0
          ? `未找到类案；至少需要${minimum}件类案才能比较。`
          : `仅找到${found}件类案，少于${minimum}件，类案不足，无法比较。`,
      en:
        found === 0
          ? `No similar case was found; not enough to compare (at least ${minimum} are needed).`
          : `Only ${found} similar ${found === 1 ? "case was" : "cases were"} found; not enough to compare (at least ${minimum} are needed).`,
    },
  };
}

function percentileOf(value: number, samples: readonly RangeSample[]): number | null {
  let below = 0;
  let total = 0;
  for (const s of samples) {
    total += s.weight;
    if (s.value < value) below += s.weight;
    else if (s.value === value) below += s.weight / 2;
  }
  return total === 0 ? null : below / total;
}

/** A term in words: 3年6个月 / 42 months, 无期徒刑 / life imprisonment. */
export function describeTerm(months: number): { zh: string; en: string } {
  if (months === -2) return { zh: "死刑", en: "death penalty" };
  if (months === -1) return { zh: "无期徒刑", en: "life imprisonment" };
  const rounded = Math.round(months);
  const years = Math.floor(rounded / 12);
  const rest = rounded % 12;
  if (rounded === 0) return { zh: "免于监禁刑", en: "no custodial sentence" };
  return { zh: `${years > 0 ? `${years}年` : ""}${rest > 0 ? `${rest}个月` : ""}`, en: `${rounded} months` };
}

const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;

function termFinding(check: RangeCheck, charge: string | null, minSamples: number): DeviationFinding {
  const chargeText = charge ?? "同类";
  if (check.status === "insufficient_data" || !check.range)
    return {
      code: "term_insufficient_data",
      severity: "info",
      message: {
        "zh-CN": `${chargeText}类案中有刑期的不足${minSamples}件，无法给出刑期区间。`,
        en: `Fewer than ${minSamples} similar cases (${charge ?? "any charge"}) state a term; no range can be given.`,
      },
    };
  const p = describeTerm(check.proposed);
  const low = describeTerm(check.range.low);
  const high = describeTerm(check.range.high);
  const n = check.cases.length;
  const where = {
    within: ["在", "within", "term_within_range", "info", ""],
    below: ["低于", "below", "term_below_range", "warning", "，请核查所依据的从轻、减轻情节"],
    above: ["高于", "above", "term_above_range", "warning", "，请核查所依据的从重情节"],
  } as const;
  const [zh, en, code, severity, advice] = where[check.status];
  return {
    code,
    severity,
    message: {
      "zh-CN": `拟判刑期${p.zh}${zh}${n}件${chargeText}类案支持的区间（${low.zh}至${high.zh}）${check.status === "within" ? "内" : ""}${advice}。`,
      en: `The proposed term (${p.en}) is ${en} the range of ${n} similar ${charge ?? ""} cases (${low.en} to ${high.en}).`,
    },
  };
}

function awardFinding(check: RangeCheck, minSamples: number): DeviationFinding {
  if (check.status === "insufficient_data" || !check.range)
    return {
      code: "award_insufficient_data",
      severity: "info",
      message: {
        "zh-CN": `载明诉请与判赔金额的类案不足${minSamples}件，无法给出判赔比例区间。`,
        en: `Fewer than ${minSamples} similar cases state both the claim and the award; no range can be given.`,
      },
    };
  const n = check.cases.length;
  const where = {
    within: ["在", "within", "award_within_range", "info"],
    below: ["低于", "below", "award_below_range", "warning"],
    above: ["高于", "above", "award_above_range", "warning"],
  } as const;
  const [zh, en, code, severity] = where[check.status];
  return {
    code,
    severity,
    message: {
      "zh-CN": `拟判金额占诉请的${pct(check.proposed)}，${zh}${n}件类案支持的区间（${pct(check.range.low)}至${pct(check.range.high)}）${check.status === "within" ? "内" : ""}。`,
      en: `The award is ${pct(check.proposed)} of the claim, ${en} the range of ${n} similar cases (${pct(check.range.low)} to ${pct(check.range.high)}).`,
    },
  };
}

function rangeOf(
  proposed: number,
  proposedScaled: number,
  cases: Array<RangeCase & { scaled: number }>,
  options: DeviationRuleOptions,
  unscale: (value: number) => number,
): RangeCheck {
  const samples = cases.map((c) => ({ value: c.scaled, weight: Math.max(c.similarity, 1e-6) }));
  const range = supportedRange(samples, options);
  const plain = cases.map(({ scaled: _scaled, ...rest }) => rest);
  if (!range) return { status: "insufficient_data", proposed, range: null, percentile: null, cases: plain };
  return {
    status: locateInRange(proposedScaled, range),
    proposed,
    range: {
      low: unscale(range.low),
      median: unscale(range.median),
      high: unscale(range.high),
      lowQuantile: range.lowQuantile,
      highQuantile: range.highQuantile,
    },
    percentile: percentileOf(proposedScaled, samples),
    cases: plain,
  };
}

const canonical = (charge: string) =>
  canonicalizeCharge(charge) ?? (charge.endsWith("罪") ? charge : `${charge}罪`);

/**
 * Checks a proposed outcome against decided similar cases (裁判偏离度预警); pure. The term range is
 * the similarity-weighted 20 %–80 % quantiles of ln(1 + months) of the similar cases sharing the main
 * charge (life and death above 25 years); the award range is the same over award ÷ claim. Proposed
 * charges and articles that no similar case carries are reported too. With fewer than
 * `MIN_COMPARABLE_CASES` similar cases it only says there is not enough to compare.
 */
export function checkOutcomeDeviation(
  samples: readonly OutcomeSample[],
  proposed: ProposedOutcome,
  options: DeviationRuleOptions = DEFAULT_DEVIATION_RULES,
): DeviationCheck {
  const minimum = Math.max(options.minSamples, MIN_COMPARABLE_CASES);
  if (samples.length < minimum)
    return {
      term: null,
      award: null,
      findings: [tooFewComparableCases(samples.length, minimum)],
      charge: null,
      neighbours: samples.length,
    };
  const findings: DeviationFinding[] = [];
  const proposedCharges = [...new Set(proposed.charges.map(canonical))];
  for (const charge of proposedCharges) {
    if (!samples.some((s) => s.charges.includes(charge)))
      findings.push({
        code: "charge_unsupported",
        severity: "warning",
        message: {
          "zh-CN": `拟定罪名“${charge}”在${samples.length}件最相似的类案中均未出现。`,
          en: `The proposed charge ${charge} appears in none of the ${samples.length} most similar cases.`,
        },
      });
  }
  for (const article of new Set(proposed.articles)) {
    if (!samples.some((s) => s.articles.includes(article)))
      findings.push({
        code: "article_unsupported",
        severity: "warning",
        message: {
          "zh-CN": `拟引用的${article.replace(":", "第")}条在${samples.length}件最相似的类案中均未适用。`,
          en: `Article ${article} is applied in none of the ${samples.length} most similar cases.`,
        },
      });
  }

  let term: RangeCheck | null = null;
  let charge: string | null = null;
  if (proposed.termMonths !== null) {
    // The main charge: the first proposed, else the one most similar cases carry.
    charge = proposedCharges[0] ?? mostCommonCharge(samples);
    const behind = samples
      .filter((s) => s.termMonths !== null && (charge === null || s.charges.includes(charge)))
      .map((s) => ({
        judgmentId: s.judgmentId,
        title: s.title,
        caseNumber: s.caseNumber,
        similarity: s.similarity,
        value: s.termMonths ?? 0,
        scaled: severityOf(s.termMonths ?? 0),
      }));
    term = rangeOf(proposed.termMonths, severityOf(proposed.termMonths), behind, options, (v) =>
      Math.round(termFromSeverity(v)),
    );
    findings.push(termFinding(term, charge, options.minSamples));
  }

  let award: RangeCheck | null = null;
  if (proposed.awardedAmount !== null && proposed.claimedAmount !== null && proposed.claimedAmount > 0) {
    const behind = samples
      .filter((s) => s.claimedAmount !== null && s.claimedAmount > 0 && s.awardedAmount !== null)
      .map((s) => {
        const ratio = (s.awardedAmount ?? 0) / (s.claimedAmount ?? 1);
        return {
          judgmentId: s.judgmentId,
          title: s.title,
          caseNumber: s.caseNumber,
          similarity: s.similarity,
          value: ratio,
          scaled: ratio,
        };
      });
    const ratio = proposed.awardedAmount / proposed.claimedAmount;
    award = rangeOf(ratio, ratio, behind, options, (v) => v);
    findings.push(awardFinding(award, options.minSamples));
  }
  return { term, award, findings, charge, neighbours: samples.length };
}

function mostCommonCharge(samples: readonly OutcomeSample[]): string | null {
  const weights = new Map<string, number>();
  for (const s of samples)
    for (const c of s.charges) weights.set(c, (weights.get(c) ?? 0) + Math.max(s.similarity, 1e-6));
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
