/** One observation behind a range: a value (on the comparison scale) and its weight (similarity). */
export interface RangeSample {
  value: number;
  weight: number;
}

/** Where a set of similar cases puts the outcome: weighted quantiles on the comparison scale. */
export interface SupportedRange {
  low: number;
  median: number;
  high: number;
  lowQuantile: number;
  highQuantile: number;
  samples: number;
}

/** Settings of the range: which quantiles bound it and how many cases it needs. */
export interface RangeOptions {
  lowQuantile: number;
  highQuantile: number;
  minSamples: number;
}

export const DEFAULT_RANGE_OPTIONS: RangeOptions = { lowQuantile: 0.2, highQuantile: 0.8, minSamples: 5 };

/** Position of a value against a range. */
export type RangePosition = "below" | "within" | "above";

/** Weighted quantile q ∈ [0, 1] (linear between the weighted midpoints of sorted samples). */
export function weightedQuantile(samples: readonly RangeSample[], q: number): number {
  const sorted = samples.filter((s) => s.weight > 0).sort((a, b) => a.value - b.value);
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length === 1) return sorted[0]?.value ?? Number.NaN;
  const total = sorted.reduce((sum, s) => sum + s.weight, 0);
  // Each sample sits at the middle of its weight interval; values between are interpolated.
  let cumulative = 0;
  const points = sorted.map((s) => {
    const at = (cumulative + s.weight / 2) / total;
    cumulative += s.weight;
    return { at, value: s.value };
  });
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return Number.NaN;
  if (q <= first.at) return first.value;
  if (q >= last.at) return last.value;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && q <= b.at) return a.value + ((b.value - a.value) * (q - a.at)) / (b.at - a.at || 1);
  }
  return last.value;
}

/** The supported range of the samples, or undefined when fewer than `minSamples` exist. */
export function supportedRange(
  samples: readonly RangeSample[],
  options: RangeOptions = DEFAULT_RANGE_OPTIONS,
): SupportedRange | undefined {
  const usable = samples.filter((s) => s.weight > 0 && Number.isFinite(s.value));
  if (usable.length < options.minSamples || usable.length === 0) return undefined;
  return {
    low: weightedQuantile(usable, options.lowQuantile),
    median: weightedQuantile(usable, 0.5),
    high: weightedQuantile(usable, options.highQuantile),
    lowQuantile: options.lowQuantile,
    highQuantile: options.highQuantile,
    samples: usable.length,
  };
}

/** Whether a value lies below, within or above a range (bounds inclusive). */
export function locateInRange(value: number, range: Pick<SupportedRange, "low" | "high">): RangePosition {
  if (value < range.low) return "below";
  if (value > range.high) return "above";
  return "within";
}

/** Weighted share of samples strictly below the value plus half of those equal (0–1). */
export function percentileOf(value: number, samples: readonly RangeSample[]): number {
  let below = 0;
  let total = 0;
  for (const s of samples) {
    total += s.weight;
    if (s.value < value) below += s.weight;
    else if (s.value === value) below += s.weight / 2;
  }
  return total === 0 ? Number.NaN : below / total;
}
