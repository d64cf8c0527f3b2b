import {
  buildInvertedIndex,
  charNgrams,
  fitTfIdf,
  normalizeChargeName,
  scoreAll,
  stripToText,
  termToMonths,
  topK,
  vectorize,
  type ReferenceCase,
  type ScoredPrediction,
} from "@netcourt/server/search-engine";

/** The README's constant predictor: always 盗窃 / art. 264 / 6 months. */
export function predictConstant(): ScoredPrediction {
  return { accusation: ["盗窃"], relevant_articles: [264], imprisonment: 6 };
}

/**
 * The README's 1-nearest-neighbour baseline: cosine of TF-IDF (raw tf, idf = ln(N/(1+df))) character
 * bigram vectors; the neighbour's labels are copied. `pool[i]` lists the reference indices query i may use.
 */
export function predictNearestNeighbour(
  reference: readonly ReferenceCase[],
  queries: readonly { fact: string; excludeIndex?: number }[],
  idfDocuments: readonly string[] = reference.map((item) => item.fact),
): ScoredPrediction[] {
  const bigrams = (fact: string) => charNgrams(stripToText(fact), 2, 2);
  const vectorizer = fitTfIdf(idfDocuments.map(bigrams), {
    tf: "raw",
    idf: "cail",
    minDf: 1,
    normalize: true,
  });
  const index = buildInvertedIndex(reference.map((item) => vectorize(vectorizer, bigrams(item.fact))));
  return queries.map((query) => {
    const scores = scoreAll(index, vectorize(vectorizer, bigrams(query.fact)));
    const [best] = topK(scores, 1, (doc) => doc === query.excludeIndex);
    const neighbour = best === undefined ? undefined : reference[best];
    if (!neighbour) return predictConstant();
    return {
      accusation: neighbour.meta.accusation.map(normalizeChargeName),
      relevant_articles: neighbour.meta.relevant_articles,
      imprisonment: termToMonths(neighbour.meta.term_of_imprisonment),
    };
  });
}
