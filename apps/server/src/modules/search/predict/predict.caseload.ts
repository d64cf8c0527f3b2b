/**
 * Charge priors of a caseload. A reference archive is rarely drawn like the cases a court is
 * predicting now: the CAIL2018 samples hold 853 drug-trafficking cases and 219 rapes against 5
 * indecent-assault cases, while the cases to predict have none of the first and dozens of the last.
 * A classifier trained on the archive carries its charge frequencies into every decision.
 *
 * Given the classifier's scores for a whole batch of unlabelled cases, the batch's own charge
 * frequencies are estimated by expectation–maximisation and each charge's score is moved by the log
 * of the ratio between the batch's and the archive's frequency (Saerens, Latinne & Decaestecker,
 * "Adjusting the outputs of a classifier to new a priori probabilities: a simple procedure",
 * Neural Computation 14(1), 2002). No label of a predicted case is read: only the scores.
 */

/** Settings of the prior estimation. */
export interface CaseloadPriorOptions {
  /**
   * Scores become posteriors as softmax(score / temperature). Decision values of one-vs-rest SVMs
   * are not probabilities; a low temperature keeps the posterior on the few charges with a
   * positive margin, as the classifier's own decisions do.
   */
  temperature: number;
  /** EM iterations (the estimate settles within a few). */
  iterations: number;
  /** Smallest batch whose frequencies are estimated; a smaller one keeps the archive's priors. */
  minimumCases: number;
}

export const DEFAULT_CASELOAD_PRIOR_OPTIONS: CaseloadPriorOptions = {
  temperature: 0.1,
  iterations: 20,
  minimumCases: 50,
};

const FLOOR = 1e-6;

function posterior(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const value of scores) if (value > max) max = value;
  const out = new Float64Array(scores.length);
  let total = 0;
  for (let c = 0; c < scores.length; c += 1) {
    const value = Math.exp(((scores[c] ?? 0) - max) / temperature);
    out[c] = value;
    total += value;
  }
  for (let c = 0; c < out.length; c += 1) out[c] = (out[c] ?? 0) / total;
  return out;
}

/**
 * Per-charge score shift for a batch: temperature × ln(batch prior / archive prior), to be added to
 * each case's charge scores before labels are chosen. `archiveCounts[c]` is how many reference cases
 * carry charge c; `scores` holds one score vector per case of the batch. Returns zeros when the batch
 * is smaller than `minimumCases`.
 */
export function caseloadScoreShift(
  archiveCounts: ArrayLike<number>,
  scores: readonly Float64Array[],
  options: CaseloadPriorOptions = DEFAULT_CASELOAD_PRIOR_OPTIONS,
): Float64Array {
  const classes = archiveCounts.length;
  const shift = new Float64Array(classes);
  if (scores.length < options.minimumCases || classes === 0) return shift;
  const archive = new Float64Array(classes);
  let archiveTotal = 0;
  for (let c = 0; c < classes; c += 1) {
    archive[c] = Math.max(archiveCounts[c] ?? 0, FLOOR);
    archiveTotal += archive[c] ?? 0;
  }
  for (let c = 0; c < classes; c += 1) archive[c] = (archive[c] ?? 0) / archiveTotal;
  const posteriors = scores.map((vector) => posterior(vector, options.temperature));
  let batch = Float64Array.from(archive);
  for (let round = 0; round < options.iterations; round += 1) {
    const next = new Float64Array(classes);
    const adjusted = new Float64Array(classes);
    for (const p of posteriors) {
      let total = 0;
      for (let c = 0; c < classes; c += 1) {
        const value = ((p[c] ?? 0) * (batch[c] ?? 0)) / (archive[c] ?? 1);
        adjusted[c] = value;
        total += value;
      }
      if (total <= 0) continue;
      for (let c = 0; c < classes; c += 1) next[c] = (next[c] ?? 0) + (adjusted[c] ?? 0) / total;
    }
    for (let c = 0; c < classes; c += 1) next[c] = Math.max((next[c] ?? 0) / posteriors.length, FLOOR);
    batch = next;
  }
  for (let c = 0; c < classes; c += 1) {
    shift[c] = options.temperature * Math.log((batch[c] ?? FLOOR) / (archive[c] ?? 1));
  }
  return shift;
}
