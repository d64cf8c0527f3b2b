import { extractFeatures, type CaseFeatures } from "./predict.features";
import { decisionValues, trainOneVsRest, trainRidge, type LinearClassifier } from "./predict.linear";
import { normalizeChargeName, termToMonths } from "./predict.scoring";
import { charNgrams, stripToText, words } from "./predict.text";
import type { ReferenceCase } from "./predict.types";
import {
  buildInvertedIndex,
  concatVectors,
  fitTfIdf,
  normalizeVector,
  vectorize,
  type InvertedIndex,
  type SparseVector,
  type TfIdfVectorizer,
} from "./predict.vectors";

/** Tunable settings of the prediction model (defaults: `DEFAULT_MODEL_OPTIONS`). */
export interface PredictionModelOptions {
  /** Longest character n-gram (1…n are used). */
  maxCharGram: number;
  /** Weight of the jieba-word block against the character block. */
  wordWeight: number;
  /** SVM penalty C. */
  svmC: number;
  /** Passes of dual coordinate descent (few passes regularise, as early stopping). */
  svmEpochs: number;
  /** A second charge/article is output when its decision value exceeds this. */
  extraLabelThreshold: number;
  /** Ridge penalty C of the prison-term regression. */
  ridgeC: number;
  /** Neighbours used for the kNN term estimate and for similar-case lists. */
  neighbours: number;
  /** Share of the kNN estimate in the final log-term (the rest is the ridge estimate). */
  knnTermShare: number;
  /** Decision value above which death / life imprisonment is predicted. */
  severeThreshold: number;
  /**
   * The term is chosen to maximise the expected CAIL2018 term score under a mixture of the similar
   * cases' (amount-adjusted) terms and a normal around the regression estimate with this weight …
   */
  termEstimateWeight: number;
  /** … and this standard deviation (log months). */
  termEstimateSigma: number;
  /**
   * Articles follow from the predicted charges: an article applied in at least this share of the
   * reference cases of a predicted charge is output; the article classifier decides only when none is.
   */
  articleFromChargeShare: number;
  /** The most similar cases vote for their charges/articles … */
  voteNeighbours: number;
  /** … with this weight on the similarity-weighted share (added to the SVM decision value). */
  voteWeight: number;
}

export const DEFAULT_MODEL_OPTIONS: PredictionModelOptions = {
  maxCharGram: 2,
  wordWeight: 1,
  svmC: 1,
  svmEpochs: 3,
  extraLabelThreshold: 0.3,
  ridgeC: 1,
  neighbours: 20,
  knnTermShare: 0.5,
  severeThreshold: 0,
  termEstimateWeight: 0.3,
  termEstimateSigma: 0.4,
  articleFromChargeShare: 0.7,
  voteNeighbours: 3,
  voteWeight: 1,
};

/** A reference case as the model keeps it: outcome, features and its text vector. */
export interface ModelCase {
  id: string;
  charges: string[];
  articles: number[];
  /** Months; −1 life, −2 death. */
  termMonths: number;
  features: CaseFeatures;
}

/** Everything learned from a reference set; built once, then used by the pure prediction functions. */
export interface PredictionModel {
  options: PredictionModelOptions;
  charVectorizer: TfIdfVectorizer;
  wordVectorizer: TfIdfVectorizer;
  textDimension: number;
  charges: string[];
  articles: number[];
  chargeClassifier: LinearClassifier;
  articleClassifier: LinearClassifier;
  /** Classes 0 = death, 1 = life. */
  severeClassifier: LinearClassifier;
  termWeights: Float32Array;
  termBias: number;
  cases: ModelCase[];
  index: InvertedIndex;
  /** How often each article is applied with each charge in the reference set. */
  chargeArticleCounts: Map<string, Map<number, number>>;
  chargeCounts: Map<string, number>;
  /** Per charge: slope of log-term on log-amount among its fixed-term cases (clamped ≥ 0). */
  amountSlopes: Map<string, number>;
  /** Milliseconds spent in each build stage (for benchmarks). */
  buildTimings: Record<string, number>;
}

/** Tokens of one fact: character n-grams and jieba words. */
export interface FactTokens {
  chars: string[];
  words: string[];
}

/** Splits a fact into the model's two token streams. */
export function tokenizeFact(fact: string, maxCharGram: number): FactTokens {
  return { chars: charNgrams(stripToText(fact), 1, maxCharGram), words: words(fact) };
}

/** The unit text vector of a tokenised fact (character block + weighted word block). */
export function textVector(
  model: Pick<PredictionModel, "charVectorizer" | "wordVectorizer" | "options">,
  tokens: FactTokens,
): SparseVector {
  return normalizeVector(
    concatVectors([
      { vector: vectorize(model.charVectorizer, tokens.chars), offset: 0, scale: 1 },
      {
        vector: vectorize(model.wordVectorizer, tokens.words),
        offset: model.charVectorizer.vocabulary.size,
        scale: model.options.wordWeight,
      },
    ]),
  );
}

const FEATURE_SLOTS = 12;

function log1p(value: number): number {
  return Math.log(1 + Math.max(0, value));
}

/** Dense sentencing features appended to the text vector for the term regression. */
function featureValues(features: CaseFeatures): number[] {
  return [
    log1p(features.maxAmount) / 10,
    log1p(features.drugGrams) / 5,
    features.injuryGrade / 6,
    Math.min(features.bloodAlcohol, 400) / 200,
    Math.min(features.deaths, 5) / 2,
    Math.min(features.victims, 10) / 5,
    features.surrender ? 1 : 0,
    features.confession ? 1 : 0,
    features.recidivist ? 1 : 0,
    features.forgiveness ? 1 : 0,
    features.restitution ? 1 : 0,
    log1p(features.acts) / 2,
  ];
}

/**
 * Vector for the term regression: text, sentencing features, and per charge a one-hot plus its
 * interactions with amount and drug weight (the amount scales differ per charge).
 */
export function termVector(
  model: Pick<PredictionModel, "textDimension" | "charges">,
  text: SparseVector,
  features: CaseFeatures,
  chargeWeights: ReadonlyMap<number, number>,
): SparseVector {
  const entries: [number, number][] = [];
  for (let i = 0; i < text.indices.length; i += 1) entries.push([text.indices[i] ?? 0, text.values[i] ?? 0]);
  let at = model.textDimension;
  featureValues(features).forEach((value, k) => {
    if (value !== 0) entries.push([at + k, value]);
  });
  at += FEATURE_SLOTS;
  const n = model.charges.length;
  const amount = log1p(features.maxAmount) / 10;
  const drugs = log1p(features.drugGrams) / 5;
  const injury = features.injuryGrade / 6;
  for (const [charge, weight] of [...chargeWeights].sort((a, b) => a[0] - b[0])) {
    entries.push([at + charge, weight]);
    if (amount) entries.push([at + n + charge, weight * amount]);
    if (drugs) entries.push([at + 2 * n + charge, weight * drugs]);
    if (injury) entries.push([at + 3 * n + charge, weight * injury]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return { indices: Int32Array.from(entries, (e) => e[0]), values: Float32Array.from(entries, (e) => e[1]) };
}

function termVectorDimension(textDimension: number, charges: number): number {
  return textDimension + FEATURE_SLOTS + 4 * charges;
}

function fitAmountSlopes(cases: readonly ModelCase[]): Map<string, number> {
  const byCharge = new Map<string, { x: number; y: number }[]>();
  for (const item of cases) {
    if (item.termMonths < 0 || item.features.maxAmount <= 0) continue;
    for (const charge of item.charges) {
      const list = byCharge.get(charge) ?? [];
      list.push({ x: Math.log(item.features.maxAmount), y: Math.log(1 + item.termMonths) });
      byCharge.set(charge, list);
    }
  }
  const slopes = new Map<string, number>();
  for (const [charge, points] of byCharge) {
    if (points.length < 8) continue;
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    let sxy = 0;
    let sxx = 0;
    for (const p of points) {
      sxy += (p.x - mx) * (p.y - my);
      sxx += (p.x - mx) * (p.x - mx);
    }
    // Sentences grow with the amount for property and bribery crimes; a negative fit is noise.
    if (sxx > 0) slopes.set(charge, Math.min(0.6, Math.max(0, sxy / sxx)));
  }
  return slopes;
}

/** Learns the whole model from reference cases (no external weights); deterministic for a given input. */
export function buildPredictionModel(
  reference: readonly ReferenceCase[],
  options: Partial<PredictionModelOptions> = {},
): PredictionModel {
  const opts = { ...DEFAULT_MODEL_OPTIONS, ...options };
  const buildTimings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    buildTimings[stage] = now - clock;
    clock = now;
  };
  const tokens = reference.map((item) => tokenizeFact(item.fact, opts.maxCharGram));
  const tfidf = { tf: "log", idf: "smooth", minDf: 2, normalize: true } as const;
  const charVectorizer = fitTfIdf(
    tokens.map((t) => t.chars),
    tfidf,
  );
  const wordVectorizer = fitTfIdf(
    tokens.map((t) => t.words),
    tfidf,
  );
  const textDimension = charVectorizer.vocabulary.size + wordVectorizer.vocabulary.size;
  const partial = { charVectorizer, wordVectorizer, options: opts };
  const vectors = tokens.map((t) => textVector(partial, t));
  lap("tokenize+vectorize");

  const cases: ModelCase[] = reference.map((item) => ({
    id: item.id,
    charges: [...new Set(item.meta.accusation.map(normalizeChargeName))],
    articles: [...new Set(item.meta.relevant_articles)],
    termMonths: termToMonths(item.meta.term_of_imprisonment),
    features: extractFeatures(item.fact),
  }));
  lap("features");
  const charges = [...new Set(cases.flatMap((item) => item.charges))].sort();
  const articles = [...new Set(cases.flatMap((item) => item.articles))].sort((a, b) => a - b);
  const chargeIndex = new Map(charges.map((name, i) => [name, i]));
  const articleIndex = new Map(articles.map((number, i) => [number, i]));
  const svm = { c: opts.svmC, positiveWeight: 1, maxEpochs: opts.svmEpochs, tolerance: 0.1, bias: 1 };
  const chargeClassifier = trainOneVsRest(
    vectors,
    cases.map((item) => item.charges.map((name) => chargeIndex.get(name) ?? 0)),
    charges.length,
    textDimension,
    svm,
  );
  lap("charges");
  const articleClassifier = trainOneVsRest(
    vectors,
    cases.map((item) => item.articles.map((number) => articleIndex.get(number) ?? 0)),
    articles.length,
    textDimension,
    svm,
  );

  lap("articles");
  const termDimension = termVectorDimension(textDimension, charges.length);
  const shape = { textDimension, charges };
  const termVectors = cases.map((item, i) =>
    termVector(
      shape,
      vectors[i] ?? { indices: new Int32Array(), values: new Float32Array() },
      item.features,
      new Map(item.charges.map((name) => [chargeIndex.get(name) ?? 0, 1 / item.charges.length])),
    ),
  );
  const fixed = cases.map((item, i) => ({ item, i })).filter(({ item }) => item.termMonths >= 0);
  const ridge = trainRidge(
    fixed.map(({ i }) => termVectors[i] ?? { indices: new Int32Array(), values: new Float32Array() }),
    fixed.map(({ item }) => Math.log(1 + item.termMonths)),
    termDimension,
    { c: opts.ridgeC, maxEpochs: 20, bias: 1 },
  );
  lap("term");
  const severeClassifier = trainOneVsRest(
    termVectors,
    cases.map((item) => (item.termMonths === -2 ? [0] : item.termMonths === -1 ? [1] : [])),
    2,
    termDimension,
    { ...svm, maxEpochs: 10 },
  );

  lap("severe");
  const chargeArticleCounts = new Map<string, Map<number, number>>();
  const chargeCounts = new Map<string, number>();
  for (const item of cases) {
    for (const charge of item.charges) {
      chargeCounts.set(charge, (chargeCounts.get(charge) ?? 0) + 1);
      const counts = chargeArticleCounts.get(charge) ?? new Map<number, number>();
      for (const article of item.articles) counts.set(article, (counts.get(article) ?? 0) + 1);
      chargeArticleCounts.set(charge, counts);
    }
  }
  return {
    options: opts,
    charVectorizer,
    wordVectorizer,
    textDimension,
    charges,
    articles,
    chargeClassifier,
    articleClassifier,
    severeClassifier,
    termWeights: ridge.weights,
    termBias: ridge.bias,
    cases,
    index: buildInvertedIndex(vectors),
    chargeArticleCounts,
    chargeCounts,
    amountSlopes: fitAmountSlopes(cases),
    buildTimings,
  };
}

/** Decision values of the charge and article classifiers for a text vector. */
export function labelScores(
  model: PredictionModel,
  text: SparseVector,
): { charges: Float64Array; articles: Float64Array } {
  return {
    charges: decisionValues(model.chargeClassifier, text),
    articles: decisionValues(model.articleClassifier, text),
  };
}
