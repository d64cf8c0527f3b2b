import { RELATED_CHARGES } from "./charge-relatedness.data";

/**
 * How much a case convicted of charge b counts as a case of charge a it was not convicted of
 * (0..1), keyed `${a}|${b}`; absent pairs count 0. Not symmetric: cases of 故意伤害罪 are
 * similar cases for a 聚众斗殴罪 query more often than the reverse.
 */
export type ChargeRelatedness = ReadonlyMap<string, number>;

/** One graded candidate of a training query: the query's charges, the case's, the expert grade. */
export interface RelatednessExample {
  queryCharges: readonly string[];
  caseCharges: readonly string[];
  /** 0..3, 0 also for unjudged candidates. */
  grade: number;
}

/** Pseudo-count of ungraded (0) cases behind every pair: a pair seen once cannot reach 1. */
export const RELATEDNESS_PRIOR = 2;

/**
 * Learns charge relatedness from graded candidates: for a query charge a and a case that has
 * none of the query's charges, every charge b of the case is credited with the case's grade / 3;
 * relatedness(a, b) = Σ grade/3 / (cases + prior). Cases sharing a query charge teach nothing
 * about related charges and are skipped.
 */
export function learnChargeRelatedness(
  examples: Iterable<RelatednessExample>,
  prior = RELATEDNESS_PRIOR,
): Map<string, number> {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const { queryCharges, caseCharges, grade } of examples) {
    if (queryCharges.some((charge) => caseCharges.includes(charge))) continue;
    for (const a of queryCharges) {
      for (const b of caseCharges) {
        const key = `${a}|${b}`;
        sums.set(key, (sums.get(key) ?? 0) + grade / 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const table = new Map<string, number>();
  for (const [key, sum] of sums) {
    if (sum > 0) table.set(key, sum / ((counts.get(key) ?? 0) + prior));
  }
  return table;
}

/** Relatedness of a case with `caseCharges` to one query charge it lacks: its best related charge. */
export function relatedChargeCredit(
  table: ChargeRelatedness,
  queryCharge: string,
  caseCharges: readonly string[],
): number {
  let best = 0;
  for (const charge of caseCharges) {
    const value = table.get(`${queryCharge}|${charge}`) ?? 0;
    if (value > best) best = value;
  }
  return best;
}

/**
 * Learned from the expert grades of the LeCaRD development share (54 queries, every pool
 * candidate, unjudged = 0): `netcourt similar relatedness` writes the data file.
 */
export const DEFAULT_CHARGE_RELATEDNESS: ChargeRelatedness = new Map(
  RELATED_CHARGES.map(([a, b, value]) => [`${a}|${b}`, value]),
);
