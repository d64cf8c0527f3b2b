import { finding, type DeviationFinding } from "./predict.messages";
import {
  DEFAULT_RANGE_OPTIONS,
  locateInRange,
  percentileOf,
  supportedRange,
  type RangeOptions,
  type RangePosition,
} from "./predict.range";
import { charNgrams, stripToText } from "./predict.text";
import {
  buildInvertedIndex,
  fitTfIdf,
  scoreAll,
  topK,
  vectorize,
  type InvertedIndex,
  type TfIdfVectorizer,
} from "./predict.vectors";

/** A decided civil case: what was claimed and what the court awarded (yuan). */
export interface CivilReferenceRecord {
  id: string;
  fact: string;
  claimedAmount: number;
  awardedAmount: number;
  /** Cause of action (案由); when given, only cases with the same cause form the range. */
  cause?: string;
}

/** Similar-case index over civil records. */
export interface AwardModel {
  vectorizer: TfIdfVectorizer;
  index: InvertedIndex;
  records: CivilReferenceRecord[];
}

/** The award a judge proposes for a claim. */
export interface ProposedAward {
  claimedAmount: number;
  awardedAmount: number;
  cause?: string;
}

/** A civil case behind the award range. */
export interface AwardRangeCase {
  id: string;
  similarity: number;
  claimedAmount: number;
  awardedAmount: number;
  /** awarded / claimed. */
  ratio: number;
}

/** Result of checking an award against similar civil cases (same range logic as prison terms). */
export interface AwardDeviation {
  status: RangePosition | "insufficient_data";
  proposedRatio: number;
  range?: {
    lowRatio: number;
    medianRatio: number;
    highRatio: number;
    lowQuantile: number;
    highQuantile: number;
  };
  percentile?: number;
  cases: AwardRangeCase[];
  findings: DeviationFinding[];
}

/** Settings of the award check. */
export interface AwardDeviationOptions extends RangeOptions {
  neighbours: number;
  minSimilarity: number;
}

export const DEFAULT_AWARD_OPTIONS: AwardDeviationOptions = {
  ...DEFAULT_RANGE_OPTIONS,
  neighbours: 30,
  minSimilarity: 0.05,
};

const bigrams = (fact: string) => charNgrams(stripToText(fact), 1, 2);

/** Indexes civil reference records by their facts; records without a positive claim are left out. */
export function buildAwardModel(records: readonly CivilReferenceRecord[]): AwardModel {
  const usable = records.filter((r) => r.claimedAmount > 0 && r.awardedAmount >= 0);
  const tokens = usable.map((r) => bigrams(r.fact));
  const vectorizer = fitTfIdf(tokens, { tf: "log", idf: "smooth", minDf: 1, normalize: true });
  return {
    vectorizer,
    index: buildInvertedIndex(tokens.map((t) => vectorize(vectorizer, t))),
    records: usable,
  };
}

/** Checks an award's share of the claim against the range similar cases support; pure. */
export function checkAwardDeviation(
  model: AwardModel,
  facts: string,
  proposed: ProposedAward,
  options: Partial<AwardDeviationOptions> = {},
): AwardDeviation {
  const opts = { ...DEFAULT_AWARD_OPTIONS, ...options };
  const scores = scoreAll(model.index, vectorize(model.vectorizer, bigrams(facts)));
  const ranked = topK(scores, model.records.length);
  const cases: AwardRangeCase[] = [];
  for (const doc of ranked) {
    const record = model.records[doc];
    const similarity = scores[doc] ?? 0;
    if (!record || similarity < opts.minSimilarity) continue;
    if (proposed.cause !== undefined && record.cause !== undefined && record.cause !== proposed.cause)
      continue;
    cases.push({
      id: record.id,
      similarity,
      claimedAmount: record.claimedAmount,
      awardedAmount: record.awardedAmount,
      ratio: record.awardedAmount / record.claimedAmount,
    });
    if (cases.length >= opts.neighbours) break;
  }
  const proposedRatio =
    proposed.claimedAmount > 0 ? proposed.awardedAmount / proposed.claimedAmount : Number.NaN;
  const samples = cases.map((c) => ({ value: c.ratio, weight: c.similarity }));
  const range = supportedRange(samples, opts);
  if (!range || !Number.isFinite(proposedRatio)) {
    return {
      status: "insufficient_data",
      proposedRatio,
      cases,
      findings: [finding("award_insufficient_data", { minCases: opts.minSamples })],
    };
  }
  const status = locateInRange(proposedRatio, range);
  const pct = (value: number) => Math.round(value * 1000) / 10;
  return {
    status,
    proposedRatio,
    range: {
      lowRatio: range.low,
      medianRatio: range.median,
      highRatio: range.high,
      lowQuantile: range.lowQuantile,
      highQuantile: range.highQuantile,
    },
    percentile: percentileOf(proposedRatio, samples),
    cases,
    findings: [
      finding(
        status === "within"
          ? "award_within_range"
          : status === "below"
            ? "award_below_range"
            : "award_above_range",
        {
          ratioPct: pct(proposedRatio),
          lowPct: pct(range.low),
          highPct: pct(range.high),
          cases: range.samples,
        },
      ),
    ],
  };
}
