import {
  buildPredictionModel,
  predictCaseload,
  scoreCail,
  termToMonths,
  toPredictionLine,
  type CailLabelLists,
  type CailScore,
  type PredictionLine,
  type PredictionModelOptions,
  type ReferenceCase,
} from "@netcourt/server/search-engine";

/** Result of a k-fold evaluation over the `test` part of a CAIL2018 share. */
export interface CrossValidation {
  score: CailScore;
  predictions: PredictionLine[];
  folds: number;
  /** Milliseconds to build each fold's model. */
  buildMs: number[];
  /** Mean milliseconds to predict one case. */
  predictMsPerCase: number;
}

/**
 * Predicts every `test` case with a model built from all other cases except its own fold
 * (fold = position in id order modulo `folds`), so no case's labels are seen when predicting it.
 */
export function crossValidateTestPart(
  cases: readonly ReferenceCase[],
  labels: CailLabelLists,
  folds: number,
  options: Partial<PredictionModelOptions> = {},
  onFold?: (fold: number, buildMs: number) => void,
): CrossValidation {
  const test = cases
    .filter((item) => item.origin === "test")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const foldOf = new Map(test.map((item, i) => [item, i % folds]));
  const predictions = new Map<ReferenceCase, PredictionLine>();
  const buildMs: number[] = [];
  let predictMs = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const started = performance.now();
    const model = buildPredictionModel(
      cases.filter((item) => foldOf.get(item) !== fold),
      options,
    );
    const built = performance.now();
    buildMs.push(built - started);
    onFold?.(fold, built - started);
    // A fold is predicted as one caseload, as `predict run` predicts its input file.
    const batch = test.filter((item) => foldOf.get(item) === fold);
    const outcomes = predictCaseload(
      model,
      batch.map((item) => item.fact),
    );
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome) predictions.set(item, toPredictionLine(item.id, outcome));
    });
    predictMs += performance.now() - built;
  }
  const lines = test.map((item) => predictions.get(item) as PredictionLine);
  const score = scoreCail(
    labels,
    test.map((item, i) => ({
      truth: item.meta,
      prediction: {
        accusation: lines[i]?.accusation ?? [],
        relevant_articles: lines[i]?.relevant_articles ?? [],
        imprisonment: lines[i] ? termToMonths(lines[i].term_of_imprisonment) : 0,
      },
    })),
  );
  return {
    score,
    predictions: lines,
    folds,
    buildMs,
    predictMsPerCase: predictMs / Math.max(1, test.length),
  };
}
