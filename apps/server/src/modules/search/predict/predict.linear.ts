import type { SparseVector } from "./predict.vectors";

/** Settings of the one-vs-rest linear SVM trainer. */
export interface LinearSvmOptions {
  /** Penalty of the squared hinge loss (liblinear's C). */
  c: number;
  /** Extra weight on positive examples' penalty (helps rare classes). */
  positiveWeight: number;
  /**
   * Class balancing: positives of a class also get weight (negatives / positives)^balance, capped at
   * `maxBalanceWeight`, so a charge seen a handful of times is not drowned by the frequent ones.
   */
  balance?: number;
  maxBalanceWeight?: number;
  /** Upper bound on passes over the data per class. */
  maxEpochs: number;
  /** Stops a class once the projected-gradient spread falls below this. */
  tolerance: number;
  /** Value of the constant feature that carries the bias. */
  bias: number;
}

/** One-vs-rest weights, feature-major: weight of feature f for class c is `weights[f * classes + c]`. */
export interface LinearClassifier {
  classes: number;
  dimension: number;
  weights: Float32Array;
  biases: Float32Array;
}

// Deterministic shuffling: the same reference set always yields the same model.
function shuffledOrder(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i -= 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const j = state % (i + 1);
    const tmp = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = tmp;
  }
  return order;
}

/**
 * Trains one L2-regularised squared-hinge SVM per class by dual coordinate descent (Hsieh et al. 2008,
 * the liblinear solver). `labels[i]` lists the classes of example i (multi-label).
 */
export function trainOneVsRest(
  vectors: readonly SparseVector[],
  labels: readonly (readonly number[])[],
  classes: number,
  dimension: number,
  options: LinearSvmOptions,
): LinearClassifier {
  const n = vectors.length;
  const weights = new Float32Array(dimension * classes);
  const biases = new Float32Array(classes);
  const squaredNorms = new Float64Array(n);
  vectors.forEach((vector, i) => {
    let sum = options.bias * options.bias;
    for (const value of vector.values) sum += value * value;
    squaredNorms[i] = sum;
  });
  const w = new Float64Array(dimension);
  const alpha = new Float64Array(n);
  const y = new Int8Array(n);
  for (let cls = 0; cls < classes; cls += 1) {
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    let positives = 0;
    for (let i = 0; i < n; i += 1) {
      const isPositive = labels[i]?.includes(cls) ?? false;
      y[i] = isPositive ? 1 : -1;
      if (isPositive) positives += 1;
    }
    if (positives === 0) {
      biases[cls] = -1;
      continue;
    }
    const balanceWeight = Math.min(
      options.maxBalanceWeight ?? 1,
      Math.max(1, ((n - positives) / positives) ** (options.balance ?? 0)),
    );
    const positiveWeight = options.positiveWeight * balanceWeight;
    const order = shuffledOrder(n, cls + 1);
    // liblinear's shrinking: an example with α = 0 whose gradient lies beyond last pass's spread is
    // dropped from the active set until the active problem converges, then everything is re-checked.
    let active = n;
    let pgMaxOld = Infinity;
    for (let epoch = 0; epoch < options.maxEpochs; epoch += 1) {
      let maxPg = -Infinity;
      let minPg = Infinity;
      for (let k = 0; k < active; k += 1) {
        const i = order[k] ?? 0;
        const vector = vectors[i];
        if (!vector) continue;
        const yi = y[i] ?? 0;
        const diag = 1 / (2 * options.c * (yi > 0 ? positiveWeight : 1));
        let dot = b * options.bias;
        const { indices, values } = vector;
        for (let p = 0; p < indices.length; p += 1) dot += (w[indices[p] ?? 0] ?? 0) * (values[p] ?? 0);
        const a = alpha[i] ?? 0;
        const g = yi * dot - 1 + diag * a;
        let pg = g;
        if (a === 0) {
          if (g > pgMaxOld) {
            active -= 1;
            order[k] = order[active] ?? 0;
            order[active] = i;
            k -= 1;
            continue;
          }
          pg = Math.min(g, 0);
        }
        if (pg > maxPg) maxPg = pg;
        if (pg < minPg) minPg = pg;
        if (Math.abs(pg) < 1e-12) continue;
        const next = Math.max(a - g / ((squaredNorms[i] ?? 0) + diag), 0);
        const step = (next - a) * yi;
        if (step === 0) continue;
        alpha[i] = next;
        for (let p = 0; p < indices.length; p += 1) {
          const f = indices[p] ?? 0;
          w[f] = (w[f] ?? 0) + step * (values[p] ?? 0);
        }
        b += step * options.bias;
      }
      if (maxPg - minPg <= options.tolerance) {
        if (active === n) break;
        active = n;
        pgMaxOld = Infinity;
        continue;
      }
      pgMaxOld = maxPg <= 0 ? Infinity : maxPg;
    }
    for (let f = 0; f < dimension; f += 1) weights[f * classes + cls] = w[f] ?? 0;
    biases[cls] = b * options.bias;
  }
  return { classes, dimension, weights, biases };
}

/** Decision values of every class for one example. */
export function decisionValues(model: LinearClassifier, vector: SparseVector): Float64Array {
  const scores = Float64Array.from(model.biases);
  const { classes, weights } = model;
  for (let p = 0; p < vector.indices.length; p += 1) {
    const base = (vector.indices[p] ?? 0) * classes;
    const value = vector.values[p] ?? 0;
    for (let c = 0; c < classes; c += 1) scores[c] = (scores[c] ?? 0) + value * (weights[base + c] ?? 0);
  }
  return scores;
}

/** Ridge regression by dual coordinate descent: minimises ½‖w‖² + C Σ (w·x + b − t)². */
export function trainRidge(
  vectors: readonly SparseVector[],
  targets: ArrayLike<number>,
  dimension: number,
  options: { c: number; maxEpochs: number; bias: number },
): { weights: Float32Array; bias: number } {
  const n = vectors.length;
  const w = new Float64Array(dimension);
  const beta = new Float64Array(n);
  let b = 0;
  const diag = 1 / (2 * options.c);
  const norms = vectors.map((vector) => {
    let sum = options.bias * options.bias;
    for (const value of vector.values) sum += value * value;
    return sum;
  });
  const order = shuffledOrder(n, 7);
  for (let epoch = 0; epoch < options.maxEpochs; epoch += 1) {
    let change = 0;
    for (let k = 0; k < n; k += 1) {
      const i = order[k] ?? 0;
      const vector = vectors[i];
      if (!vector) continue;
      let dot = b * options.bias;
      for (let p = 0; p < vector.indices.length; p += 1)
        dot += (w[vector.indices[p] ?? 0] ?? 0) * (vector.values[p] ?? 0);
      // Dual of squared loss: gradient (w·x − t) + β/(2C); step by its curvature.
      const g = dot - (targets[i] ?? 0) + diag * (beta[i] ?? 0);
      const step = -g / ((norms[i] ?? 0) + diag);
      beta[i] = (beta[i] ?? 0) + step;
      for (let p = 0; p < vector.indices.length; p += 1) {
        const f = vector.indices[p] ?? 0;
        w[f] = (w[f] ?? 0) + step * (vector.values[p] ?? 0);
      }
      b += step * options.bias;
      change = Math.max(change, Math.abs(step));
    }
    if (change < 1e-4) break;
  }
  return { weights: Float32Array.from(w), bias: b * options.bias };
}
