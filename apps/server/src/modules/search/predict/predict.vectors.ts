/** A sparse vector: strictly increasing feature indices with their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** How term counts become weights. */
export interface TfIdfOptions {
  /** "raw" = count, "log" = 1 + ln(count), "binary" = 1. */
  tf: "raw" | "log" | "binary";
  /** "cail" = ln(N / (1 + df)) as in the CAIL2018 baselines, "smooth" = ln((1 + N) / (1 + df)) + 1. */
  idf: "cail" | "smooth";
  /** Features seen in fewer documents are dropped. */
  minDf: number;
  /** Scales every vector to unit length (cosine similarity becomes a dot product). */
  normalize: boolean;
}

/** A fitted vocabulary with inverse document frequencies. */
export interface TfIdfVectorizer {
  options: TfIdfOptions;
  vocabulary: Map<string, number>;
  idf: Float32Array;
  documentCount: number;
}

function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Learns vocabulary and idf from tokenised documents. */
export function fitTfIdf(documents: readonly (readonly string[])[], options: TfIdfOptions): TfIdfVectorizer {
  const df = new Map<string, number>();
  for (const tokens of documents) {
    for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  }
  const vocabulary = new Map<string, number>();
  const idfValues: number[] = [];
  const n = documents.length;
  for (const [token, count] of df) {
    if (count < options.minDf) continue;
    vocabulary.set(token, idfValues.length);
    idfValues.push(options.idf === "cail" ? Math.log(n / (1 + count)) : Math.log((1 + n) / (1 + count)) + 1);
  }
  return { options, vocabulary, idf: Float32Array.from(idfValues), documentCount: n };
}

/** Turns one tokenised document into its TF-IDF vector (unknown tokens are ignored). */
export function vectorize(vectorizer: TfIdfVectorizer, tokens: readonly string[]): SparseVector {
  const { tf, normalize } = vectorizer.options;
  const entries: [number, number][] = [];
  for (const [token, count] of countTokens(tokens)) {
    const index = vectorizer.vocabulary.get(token);
    if (index === undefined) continue;
    const weight = tf === "raw" ? count : tf === "log" ? 1 + Math.log(count) : 1;
    entries.push([index, weight * (vectorizer.idf[index] ?? 0)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const vector = {
    indices: Int32Array.from(entries, (entry) => entry[0]),
    values: Float32Array.from(entries, (entry) => entry[1]),
  };
  return normalize ? normalizeVector(vector) : vector;
}

/** Scales a vector to unit Euclidean length (the zero vector stays zero). */
export function normalizeVector(vector: SparseVector): SparseVector {
  let sum = 0;
  for (const value of vector.values) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  return { indices: vector.indices, values: vector.values.map((value) => value * scale) };
}

/** Joins vectors over disjoint feature ranges: part k's indices are shifted by `offsets[k]`, values scaled. */
export function concatVectors(
  parts: readonly { vector: SparseVector; offset: number; scale: number }[],
): SparseVector {
  let length = 0;
  for (const part of parts) length += part.vector.indices.length;
  const indices = new Int32Array(length);
  const values = new Float32Array(length);
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.vector.indices.length; i += 1) {
      indices[at] = (part.vector.indices[i] ?? 0) + part.offset;
      values[at] = (part.vector.values[i] ?? 0) * part.scale;
      at += 1;
    }
  }
  return { indices, values };
}

/** An inverted index over unit vectors for fast cosine top-k search. */
export interface InvertedIndex {
  size: number;
  postings: Map<number, { docs: Int32Array; weights: Float32Array }>;
}

/** Builds postings lists (feature → documents holding it) from document vectors. */
export function buildInvertedIndex(vectors: readonly SparseVector[]): InvertedIndex {
  const lists = new Map<number, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.indices.length; i += 1) {
      const feature = vector.indices[i] ?? 0;
      let list = lists.get(feature);
      if (!list) {
        list = { docs: [], weights: [] };
        lists.set(feature, list);
      }
      list.docs.push(doc);
      list.weights.push(vector.values[i] ?? 0);
    }
  });
  const postings = new Map<number, { docs: Int32Array; weights: Float32Array }>();
  for (const [feature, list] of lists) {
    postings.set(feature, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });
  }
  return { size: vectors.length, postings };
}

/** Dot products of `query` with every indexed document. */
export function scoreAll(index: InvertedIndex, query: SparseVector): Float64Array {
  const scores = new Float64Array(index.size);
  for (let i = 0; i < query.indices.length; i += 1) {
    const list = index.postings.get(query.indices[i] ?? -1);
    if (!list) continue;
    const q = query.values[i] ?? 0;
    for (let p = 0; p < list.docs.length; p += 1) {
      const doc = list.docs[p] ?? 0;
      scores[doc] = (scores[doc] ?? 0) + q * (list.weights[p] ?? 0);
    }
  }
  return scores;
}

/** Indices of the k largest scores, best first (ties: lower index first); `exclude` is skipped. */
export function topK(scores: Float64Array, k: number, exclude?: (doc: number) => boolean): number[] {
  const chosen: number[] = [];
  for (let doc = 0; doc < scores.length; doc += 1) {
    if (exclude?.(doc)) continue;
    const score = scores[doc] ?? 0;
    if (chosen.length === k && score <= (scores[chosen[k - 1] ?? 0] ?? 0)) continue;
    let at = chosen.length === k ? k - 1 : chosen.length;
    if (chosen.length < k) chosen.push(doc);
    while (at > 0 && (scores[chosen[at - 1] ?? 0] ?? 0) < score) {
      chosen[at] = chosen[at - 1] ?? 0;
      at -= 1;
    }
    chosen[at] = doc;
  }
  return chosen;
}
