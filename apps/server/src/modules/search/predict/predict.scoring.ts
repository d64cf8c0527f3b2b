import type { CaseOutcome, TermOfImprisonment } from "./predict.types";

/** The official label lists: charges (accu.txt) and article numbers (law.txt), in judger order. */
export interface CailLabelLists {
  charges: readonly string[];
  articles: readonly number[];
}

/** TP/FP/FN/TN of one class. */
export interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Score of one multi-label task as the CAIL2018 judger computes it. */
export interface LabelTaskScore {
  microF1: number;
  macroF1: number;
  /** (micro-F1 + macro-F1) / 2 × 100. */
  score: number;
  /** Predicted labels not in the official list (they cannot be scored and count as nothing). */
  unknownPredictions: number;
}

/** The three task scores and their sum (0–300). */
export interface CailScore {
  cases: number;
  accusation: LabelTaskScore;
  articles: LabelTaskScore;
  /** Mean prison-term score × 100. */
  term: number;
  total: number;
}

/** A prediction to score, keyed like the truth. */
export interface ScoredPrediction {
  accusation: readonly string[];
  relevant_articles: readonly number[];
  /** Months, −1 = life imprisonment, −2 = death penalty. */
  imprisonment: number;
}

/** The judger deletes "[" and "]" from a charge name before looking it up in accu.txt. */
export function normalizeChargeName(name: string): string {
  return name.replace(/[[\]]/g, "");
}

/** Encodes a term as the judger's single number: months, −1 for life, −2 for death. */
export function termToMonths(term: TermOfImprisonment): number {
  if (term.death_penalty) return -2;
  if (term.life_imprisonment) return -1;
  return term.imprisonment;
}

/** Decodes the judger's single number back to the CAIL2018 term structure. */
export function monthsToTerm(months: number): TermOfImprisonment {
  if (months === -2) return { imprisonment: 0, death_penalty: true, life_imprisonment: false };
  if (months === -1) return { imprisonment: 0, death_penalty: false, life_imprisonment: true };
  return { imprisonment: Math.max(0, Math.round(months)), death_penalty: false, life_imprisonment: false };
}

/** Precision/recall/F1 of one class count, with the judger's rule TP = FP = FN = 0 → F1 = 1. */
export function classF1(counts: ClassCounts): number {
  let precision: number;
  let recall: number;
  if (counts.tp === 0) {
    const perfect = counts.fp === 0 && counts.fn === 0;
    precision = perfect ? 1 : 0;
    recall = perfect ? 1 : 0;
  } else {
    precision = counts.tp / (counts.tp + counts.fp);
    recall = counts.tp / (counts.tp + counts.fn);
  }
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function scoreLabelTask<T>(
  labels: readonly T[],
  pairs: readonly { truth: readonly T[]; predicted: readonly T[] }[],
): LabelTaskScore {
  const position = new Map<T, number>();
  labels.forEach((label, i) => position.set(label, i));
  const counts: ClassCounts[] = labels.map(() => ({ tp: 0, fp: 0, fn: 0, tn: 0 }));
  let unknownPredictions = 0;
  for (const pair of pairs) {
    const truth = new Set<number>();
    for (const label of pair.truth) {
      const at = position.get(label);
      // The judger raises on a true label outside its list; such a case cannot be scored at all.
      if (at === undefined) throw new Error(`label_not_in_official_list: ${String(label)}`);
      truth.add(at);
    }
    const predicted = new Set<number>();
    for (const label of pair.predicted) {
      const at = position.get(label);
      if (at === undefined) unknownPredictions += 1;
      else predicted.add(at);
    }
    counts.forEach((count, at) => {
      const isPredicted = predicted.has(at);
      const isTrue = truth.has(at);
      if (isPredicted && isTrue) count.tp += 1;
      else if (isPredicted) count.fp += 1;
      else if (isTrue) count.fn += 1;
      else count.tn += 1;
    });
  }
  const pooled = counts.reduce(
    (sum, count) => ({
      tp: sum.tp + count.tp,
      fp: sum.fp + count.fp,
      fn: sum.fn + count.fn,
      tn: sum.tn + count.tn,
    }),
    { tp: 0, fp: 0, fn: 0, tn: 0 },
  );
  const microF1 = classF1(pooled);
  const macroF1 = counts.reduce((sum, count) => sum + classF1(count), 0) / Math.max(1, counts.length);
  return { microF1, macroF1, score: ((microF1 + macroF1) / 2) * 100, unknownPredictions };
}

/** CAIL2018 prison-term score of one case (0–1), judger rules: death → −2, life → −1, else log distance. */
export function termScore(truth: TermOfImprisonment, predictedMonths: number): number {
  if (truth.death_penalty) return predictedMonths === -2 ? 1 : 0;
  if (truth.life_imprisonment) return predictedMonths === -1 ? 1 : 0;
  if (predictedMonths < 0) return 0;
  const v = Math.abs(Math.log(truth.imprisonment + 1) - Math.log(predictedMonths + 1));
  if (v <= 0.2) return 1;
  if (v <= 0.4) return 0.8;
  if (v <= 0.6) return 0.6;
  if (v <= 0.8) return 0.4;
  if (v <= 1.0) return 0.2;
  return 0;
}

/** Scores predictions against truths with the official CAIL2018 judger (three tasks, 0–300). */
export function scoreCail(
  labels: CailLabelLists,
  pairs: readonly { truth: CaseOutcome; prediction: ScoredPrediction }[],
): CailScore {
  const accusation = scoreLabelTask(
    labels.charges.map(normalizeChargeName),
    pairs.map((pair) => ({
      truth: pair.truth.accusation.map(normalizeChargeName),
      predicted: pair.prediction.accusation.map(normalizeChargeName),
    })),
  );
  const articles = scoreLabelTask(
    labels.articles,
    pairs.map((pair) => ({
      truth: pair.truth.relevant_articles,
      predicted: pair.prediction.relevant_articles,
    })),
  );
  const termSum = pairs.reduce(
    (sum, pair) => sum + termScore(pair.truth.term_of_imprisonment, pair.prediction.imprisonment),
    0,
  );
  const term = (termSum / Math.max(1, pairs.length)) * 100;
  return { cases: pairs.length, accusation, articles, term, total: accusation.score + articles.score + term };
}
