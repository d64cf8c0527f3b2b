import {
  caseloadScoreShift,
  DEFAULT_CASELOAD_PRIOR_OPTIONS,
  type CaseloadPriorOptions,
} from "./predict.caseload";
import { extractFeatures, type CaseFeatures } from "./predict.features";
import { describeTerm, finding, type DeviationFinding } from "./predict.messages";
import { decisionValues } from "./predict.linear";
import {
  labelScores,
  termVector,
  textVector,
  tokenizeFact,
  type ModelCase,
  type PredictionModel,
} from "./predict.model";
import {
  DEFAULT_RANGE_OPTIONS,
  locateInRange,
  percentileOf,
  supportedRange,
  type RangeOptions,
  type RangePosition,
  type RangeSample,
} from "./predict.range";
import { monthsToTerm, normalizeChargeName } from "./predict.scoring";
import type { PredictionLine } from "./predict.types";
import { scoreAll, topK, type SparseVector } from "./predict.vectors";

/** A similar reference case with its cosine similarity to the facts. */
export interface SimilarCase {
  id: string;
  similarity: number;
  charges: string[];
  articles: number[];
  /** Months; −1 life, −2 death. */
  termMonths: number;
}

/** A label with the classifier's decision value (> 0: the model leans to it). */
export interface ScoredLabel<T> {
  label: T;
  score: number;
}

/** Predicted outcome of a criminal case. */
export interface OutcomePrediction {
  /** Predicted charges (accu.txt names, without 罪), best first. */
  charges: ScoredLabel<string>[];
  /** Best alternatives including the predicted ones (for display). */
  chargeCandidates: ScoredLabel<string>[];
  /** Predicted Criminal Law articles. */
  articles: ScoredLabel<number>[];
  /** Predicted term in months; −1 life, −2 death. */
  termMonths: number;
  features: CaseFeatures;
  similarCases: SimilarCase[];
}

interface Analysed {
  text: SparseVector;
  features: CaseFeatures;
  neighbours: SimilarCase[];
}

function analyse(model: PredictionModel, facts: string, neighbours: number): Analysed {
  const text = textVector(model, tokenizeFact(facts, model.options.maxCharGram));
  const similarities = scoreAll(model.index, text);
  const top = topK(similarities, neighbours);
  return {
    text,
    features: extractFeatures(facts),
    neighbours: top.map((doc) => {
      const item = model.cases[doc] as ModelCase;
      return {
        id: item.id,
        similarity: similarities[doc] ?? 0,
        charges: item.charges,
        articles: item.articles,
        termMonths: item.termMonths,
      };
    }),
  };
}

function chooseLabels<T>(scores: Float64Array, names: readonly T[], threshold: number): ScoredLabel<T>[] {
  const ranked = names
    .map((label, i) => ({ label, score: scores[i] ?? -Infinity }))
    .sort((a, b) => b.score - a.score);
  const [best, ...rest] = ranked;
  if (!best) return [];
  return [best, ...rest.filter((item) => item.score > threshold)];
}

const amountsByModel = new WeakMap<PredictionModel, Map<string, number>>();

function caseAmount(model: PredictionModel, id: string): number {
  let amounts = amountsByModel.get(model);
  if (!amounts) {
    amounts = new Map(model.cases.map((item) => [item.id, item.features.maxAmount]));
    amountsByModel.set(model, amounts);
  }
  return amounts.get(id) ?? 0;
}

/** kNN log-term among neighbours sharing the charge, each adjusted to the query's amount. */
function neighbourLogTerms(
  model: PredictionModel,
  charge: string,
  features: CaseFeatures,
  neighbours: readonly SimilarCase[],
): { neighbour: SimilarCase; adjusted: number }[] {
  const slope = model.amountSlopes.get(charge) ?? 0;
  return neighbours
    .filter((n) => n.charges.includes(charge))
    .map((neighbour) => {
      if (neighbour.termMonths < 0) return { neighbour, adjusted: severityOf(neighbour.termMonths) };
      let adjusted = Math.log(1 + neighbour.termMonths);
      const theirs = caseAmount(model, neighbour.id);
      // The amount is a statutory sentencing step for property crimes (e.g. 刑法第二百六十四条
      // 数额较大/巨大/特别巨大): move the neighbour's term along the charge's amount slope.
      if (slope > 0 && features.maxAmount > 0 && theirs > 0) {
        adjusted += slope * (Math.log(features.maxAmount) - Math.log(theirs));
        adjusted = Math.max(0, adjusted);
      }
      return { neighbour, adjusted };
    });
}

const LIFE_SEVERITY = Math.log(1 + 360);
const DEATH_SEVERITY = Math.log(1 + 480);

/** Comparison scale of terms: ln(1 + months); life and death sit above the longest fixed term. */
export function severityOf(termMonths: number): number {
  if (termMonths === -2) return DEATH_SEVERITY;
  if (termMonths === -1) return LIFE_SEVERITY;
  return Math.log(1 + Math.max(0, termMonths));
}

/** Inverse of `severityOf`, rounded to whole months (or −1 / −2). */
export function termFromSeverity(severity: number): number {
  if (severity >= (LIFE_SEVERITY + DEATH_SEVERITY) / 2) return -2;
  if (severity >= (Math.log(1 + 300) + LIFE_SEVERITY) / 2) return -1;
  return Math.max(0, Math.round(Math.exp(severity) - 1));
}

function predictTerm(
  model: PredictionModel,
  analysed: Analysed,
  charges: readonly ScoredLabel<string>[],
): number {
  const chargeIndex = new Map(model.charges.map((name, i) => [name, i]));
  const weights = new Map<number, number>();
  for (const charge of charges) weights.set(chargeIndex.get(charge.label) ?? 0, 1 / charges.length);
  const vector = termVector(model, analysed.text, analysed.features, weights);
  const severe = decisionValues(model.severeClassifier, vector);
  const death = severe[0] ?? -Infinity;
  const life = severe[1] ?? -Infinity;
  if (Math.max(death, life) > model.options.severeThreshold) return death >= life ? -2 : -1;
  let ridge = model.termBias;
  for (let p = 0; p < vector.indices.length; p += 1) {
    ridge += (model.termWeights[vector.indices[p] ?? 0] ?? 0) * (vector.values[p] ?? 0);
  }
  const main = charges[0]?.label;
  const terms =
    main === undefined
      ? []
      : neighbourLogTerms(model, main, analysed.features, analysed.neighbours).filter(
          (t) => t.neighbour.termMonths >= 0 && t.neighbour.similarity > 0,
        );
  const total = terms.reduce((sum, t) => sum + t.neighbour.similarity, 0);
  let estimate = ridge;
  if (total > 0 && model.options.knnTermShare > 0) {
    const knn = terms.reduce((sum, t) => sum + t.adjusted * t.neighbour.similarity, 0) / total;
    estimate = (1 - model.options.knnTermShare) * ridge + model.options.knnTermShare * knn;
  }
  const mixture: RangeSample[] = terms.map((t) => ({
    value: t.adjusted,
    weight: total > 0 ? ((1 - model.options.termEstimateWeight) * t.neighbour.similarity) / total : 0,
  }));
  const sigma = model.options.termEstimateSigma;
  const normalWeight = total > 0 ? model.options.termEstimateWeight : 1;
  const zs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
  const density = zs.map((z) => Math.exp((-z * z) / 2));
  const densityTotal = density.reduce((a, b) => a + b, 0);
  zs.forEach((z, i) =>
    mixture.push({ value: estimate + sigma * z, weight: (normalWeight * (density[i] ?? 0)) / densityTotal }),
  );
  return bestExpectedTerm(mixture);
}

/** Steps of the CAIL2018 term score by |ln(truth + 1) − ln(prediction + 1)|. */
const TERM_SCORE_STEPS: readonly [number, number][] = [
  [0.2, 1],
  [0.4, 0.8],
  [0.6, 0.6],
  [0.8, 0.4],
  [1.0, 0.2],
];

/** The whole number of months (0–300) with the highest expected term score under a weighted set of log-terms. */
export function bestExpectedTerm(mixture: readonly RangeSample[]): number {
  let best = 0;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let months = 0; months <= 300; months += 1) {
    const candidate = Math.log(1 + months);
    let expected = 0;
    let meanDistance = 0;
    for (const point of mixture) {
      const distance = Math.abs(candidate - point.value);
      meanDistance += point.weight * distance;
      for (const [limit, score] of TERM_SCORE_STEPS) {
        if (distance <= limit) {
          expected += point.weight * score;
          break;
        }
      }
    }
    // The score is a step function: among equal expected scores, the term closest to the cases wins.
    if (expected > bestScore + 1e-9 || (expected > bestScore - 1e-9 && meanDistance < bestDistance - 1e-9)) {
      bestScore = Math.max(bestScore, expected);
      bestDistance = meanDistance;
      best = months;
    }
  }
  return best;
}

/** The articles that the reference set applies with the predicted charges (each charge's defining article). */
function articlesForCharges(
  model: PredictionModel,
  charges: readonly ScoredLabel<string>[],
  articleScores: Float64Array,
): ScoredLabel<number>[] | undefined {
  const articleIndex = indexOf(model.articles);
  const chosen = new Map<number, number>();
  for (const charge of charges) {
    const total = model.chargeCounts.get(charge.label) ?? 0;
    for (const [article, count] of model.chargeArticleCounts.get(charge.label) ?? []) {
      if (total > 0 && count / total >= model.options.articleFromChargeShare) {
        chosen.set(article, articleScores[articleIndex.get(article) ?? -1] ?? 0);
      }
    }
  }
  if (chosen.size === 0) return undefined;
  return [...chosen].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
}

/**
 * Adds the votes of the most similar cases to the classifier scores: a charge seen only a few times
 * in the reference set is recognised better by its nearest cases than by a linear boundary.
 */
function addNeighbourVotes(
  model: PredictionModel,
  scores: { charges: Float64Array; articles: Float64Array },
  neighbours: readonly SimilarCase[],
): { charges: Float64Array; articles: Float64Array } {
  const voters = neighbours.slice(0, model.options.voteNeighbours).filter((n) => n.similarity > 0);
  const total = voters.reduce((sum, n) => sum + n.similarity, 0);
  if (total === 0 || model.options.voteWeight === 0) return scores;
  const charges = Float64Array.from(scores.charges);
  const articles = Float64Array.from(scores.articles);
  const chargeIndex = indexOf(model.charges);
  const articleIndex = indexOf(model.articles);
  for (const voter of voters) {
    const weight = (model.options.voteWeight * voter.similarity) / total;
    for (const charge of voter.charges) {
      const at = chargeIndex.get(charge);
      if (at !== undefined) charges[at] = (charges[at] ?? 0) + weight;
    }
    for (const article of voter.articles) {
      const at = articleIndex.get(article);
      if (at !== undefined) articles[at] = (articles[at] ?? 0) + weight;
    }
  }
  return { charges, articles };
}

const labelIndexes = new WeakMap<readonly unknown[], Map<unknown, number>>();

function indexOf<T>(labels: readonly T[]): Map<T, number> {
  let index = labelIndexes.get(labels) as Map<T, number> | undefined;
  if (!index) {
    index = new Map(labels.map((label, i) => [label, i]));
    labelIndexes.set(labels, index);
  }
  return index;
}

/** A case analysed and scored, before labels are chosen. */
interface ScoredCase {
  analysed: Analysed;
  scores: { charges: Float64Array; articles: Float64Array };
}

function scoreCase(model: PredictionModel, facts: string): ScoredCase {
  const analysed = analyse(model, facts, model.options.neighbours);
  return {
    analysed,
    scores: addNeighbourVotes(model, labelScores(model, analysed.text), analysed.neighbours),
  };
}

function decide(model: PredictionModel, scored: ScoredCase, chargeShift?: Float64Array): OutcomePrediction {
  const { analysed } = scored;
  const chargeScores = chargeShift
    ? scored.scores.charges.map((score, c) => score + (chargeShift[c] ?? 0))
    : scored.scores.charges;
  const threshold = model.options.extraLabelThreshold;
  const charges = chooseLabels(chargeScores, model.charges, threshold);
  const articles =
    articlesForCharges(model, charges, scored.scores.articles) ??
    chooseLabels(scored.scores.articles, model.articles, threshold);
  const chargeCandidates = chooseLabels(chargeScores, model.charges, -Infinity).slice(
    0,
    Math.max(5, charges.length),
  );
  return {
    charges,
    chargeCandidates,
    articles,
    termMonths: predictTerm(model, analysed, charges),
    features: analysed.features,
    similarCases: analysed.neighbours,
  };
}

/** Predicts charges, articles and prison term of a criminal case from its facts (pure; model built beforehand). */
export function predictOutcome(model: PredictionModel, facts: string): OutcomePrediction {
  return decide(model, scoreCase(model, facts));
}

/**
 * Predicts a whole caseload (the cases of one batch, in order). The charge frequencies of the batch
 * are estimated from the classifier's scores of all its cases and replace the reference archive's
 * (`caseloadScoreShift`), so a charge common in the archive but absent from the caseload stops
 * drawing its neighbours' cases, and the reverse. A batch below the options' minimum is predicted
 * case by case, as `predictOutcome` does.
 */
export function predictCaseload(
  model: PredictionModel,
  facts: readonly string[],
  options: CaseloadPriorOptions = DEFAULT_CASELOAD_PRIOR_OPTIONS,
): OutcomePrediction[] {
  const scored = facts.map((text) => scoreCase(model, text));
  const counts = model.charges.map((charge) => model.chargeCounts.get(charge) ?? 0);
  const shift = caseloadScoreShift(
    counts,
    scored.map((item) => item.scores.charges),
    options,
  );
  return scored.map((item) => decide(model, item, shift));
}

/** The CAIL2018 submission line for a prediction. */
export function toPredictionLine(id: string, prediction: OutcomePrediction): PredictionLine {
  return {
    id,
    accusation: prediction.charges.map((c) => c.label),
    relevant_articles: prediction.articles.map((a) => a.label),
    term_of_imprisonment: monthsToTerm(prediction.termMonths),
  };
}

/** The outcome a judge proposes: charges (with or without 罪), articles, term (months; −1 life, −2 death). */
export interface ProposedOutcome {
  charges: string[];
  articles: number[];
  termMonths: number;
}

/** Settings of the deviation check. */
export interface DeviationOptions extends RangeOptions {
  /** How many most similar cases with the proposed main charge form the term range. */
  neighbours: number;
  /** How many most similar cases (any charge) are checked for support of charges and articles. */
  supportNeighbours: number;
  /** Cases below this cosine similarity do not count. */
  minSimilarity: number;
}

export const DEFAULT_DEVIATION_OPTIONS: DeviationOptions = {
  ...DEFAULT_RANGE_OPTIONS,
  neighbours: 30,
  supportNeighbours: 30,
  minSimilarity: 0.05,
};

/** A case behind the term range. */
export interface RangeCase extends SimilarCase {
  /** Its term moved to the query's amount (months; −1 life, −2 death). */
  adjustedTermMonths: number;
}

/** The term part of a deviation report. */
export interface TermDeviation {
  /** "insufficient_data" when fewer than `minSamples` similar cases share the charge. */
  status: RangePosition | "insufficient_data";
  proposedMonths: number;
  charge: string;
  /** The supported range in months (−1 life, −2 death), when there is one. */
  range?: {
    lowMonths: number;
    medianMonths: number;
    highMonths: number;
    lowQuantile: number;
    highQuantile: number;
  };
  /** Share of the similar cases (weighted by similarity) with a lighter sentence, 0–1. */
  percentile?: number;
  cases: RangeCase[];
}

/** Support of one proposed label among the similar cases and by the classifier. */
export interface LabelSupport<T> {
  label: T;
  supported: boolean;
  /** Similar cases (of the `supportNeighbours` most similar) carrying the label. */
  supportingCases: number;
  /** Classifier decision value (undefined when the label never occurs in the reference set). */
  score?: number;
}

/** Result of checking a proposed outcome against similar cases. */
export interface DeviationReport {
  term: TermDeviation;
  charges: LabelSupport<string>[];
  articles: LabelSupport<number>[];
  findings: DeviationFinding[];
  prediction: OutcomePrediction;
}

/** Checks a proposed outcome against the range similar cases support (裁判偏离度预警); pure. */
export function checkDeviation(
  model: PredictionModel,
  facts: string,
  proposed: ProposedOutcome,
  options: Partial<DeviationOptions> = {},
): DeviationReport {
  const opts = { ...DEFAULT_DEVIATION_OPTIONS, ...options };
  const analysed = analyse(model, facts, Math.max(opts.neighbours * 10, opts.supportNeighbours, 200));
  const usable = analysed.neighbours.filter((n) => n.similarity >= opts.minSimilarity);
  const prediction = predictOutcome(model, facts);
  const scores = labelScores(model, analysed.text);
  const chargeIndex = new Map(model.charges.map((name, i) => [name, i]));
  const articleIndex = new Map(model.articles.map((number, i) => [number, i]));
  const proposedCharges = [
    ...new Set(proposed.charges.map((c) => normalizeChargeName(c).replace(/罪$/u, ""))),
  ];
  const findings: DeviationFinding[] = [];
  const support = usable.slice(0, opts.supportNeighbours);

  const charges = proposedCharges.map((label): LabelSupport<string> => {
    const at = chargeIndex.get(label);
    const score = at === undefined ? undefined : scores.charges[at];
    const supportingCases = support.filter((n) => n.charges.includes(label)).length;
    const supported = supportingCases > 0 || (score !== undefined && score > 0);
    if (!supported)
      findings.push(finding("charge_unsupported", { charge: label, neighbours: support.length }));
    return { label, supported, supportingCases, ...(score === undefined ? {} : { score }) };
  });
  for (const predicted of prediction.charges) {
    if (predicted.score > 0.5 && !proposedCharges.includes(predicted.label)) {
      findings.push(
        finding("charge_not_proposed", { charge: predicted.label, score: round(predicted.score, 2) }),
      );
    }
  }

  const articles = [...new Set(proposed.articles)].map((label): LabelSupport<number> => {
    const at = articleIndex.get(label);
    const score = at === undefined ? undefined : scores.articles[at];
    const supportingCases = support.filter((n) => n.articles.includes(label)).length;
    // An article that the reference set applies together with a proposed charge is supported too.
    const linked = proposedCharges.some(
      (charge) => (model.chargeArticleCounts.get(charge)?.get(label) ?? 0) > 0,
    );
    const supported = supportingCases > 0 || linked || (score !== undefined && score > 0);
    if (!supported) findings.push(finding("article_unsupported", { article: label }));
    return { label, supported, supportingCases, ...(score === undefined ? {} : { score }) };
  });

  const charge = proposedCharges[0] ?? prediction.charges[0]?.label ?? "";
  const behind = neighbourLogTerms(model, charge, analysed.features, usable).slice(0, opts.neighbours);
  const samples: RangeSample[] = behind.map((b) => ({ value: b.adjusted, weight: b.neighbour.similarity }));
  const range = supportedRange(samples, opts);
  const cases: RangeCase[] = behind.map((b) => ({
    ...b.neighbour,
    adjustedTermMonths: termFromSeverity(b.adjusted),
  }));
  const proposedSeverity = severityOf(proposed.termMonths);
  let term: TermDeviation;
  if (!range) {
    term = { status: "insufficient_data", proposedMonths: proposed.termMonths, charge, cases };
    findings.push(finding("term_insufficient_data", { charge, minCases: opts.minSamples }));
  } else {
    const status = locateInRange(proposedSeverity, range);
    const lowMonths = termFromSeverity(range.low);
    const highMonths = termFromSeverity(range.high);
    term = {
      status,
      proposedMonths: proposed.termMonths,
      charge,
      range: {
        lowMonths,
        medianMonths: termFromSeverity(range.median),
        highMonths,
        lowQuantile: range.lowQuantile,
        highQuantile: range.highQuantile,
      },
      percentile: percentileOf(proposedSeverity, samples),
      cases,
    };
    const proposedText = describeTerm(proposed.termMonths);
    const low = describeTerm(lowMonths);
    const high = describeTerm(highMonths);
    findings.push(
      finding(
        status === "within"
          ? "term_within_range"
          : status === "below"
            ? "term_below_range"
            : "term_above_range",
        {
          charge,
          cases: range.samples,
          proposedMonths: proposed.termMonths,
          lowMonths,
          highMonths,
          proposedZh: proposedText.zh,
          proposedEn: proposedText.en,
          lowZh: low.zh,
          lowEn: low.en,
          highZh: high.zh,
          highEn: high.en,
        },
      ),
    );
  }
  return { term, charges, articles, findings, prediction };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
