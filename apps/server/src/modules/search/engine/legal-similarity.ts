import type { JudgmentFeatures } from "../analysis/analyze-judgment";
import {
  DEFAULT_CHARGE_RELATEDNESS,
  relatedChargeCredit,
  type ChargeRelatedness,
} from "./charge-relatedness";

/** How much each kind of legal agreement counts in the re-ranking (text similarity counts 1). */
export interface LegalWeights {
  charges: number;
  /**
   * For each query charge a case lacks, the case still gets this table's credit for its most
   * related charge (故意伤害罪 for 聚众斗殴罪) inside the charge agreement; none without a table.
   */
  relatedCharges?: ChargeRelatedness;
  articles: number;
  elements: number;
  circumstances: number;
}

export const DEFAULT_LEGAL_WEIGHTS: LegalWeights = {
  charges: 0.4,
  relatedCharges: DEFAULT_CHARGE_RELATEDNESS,
  articles: 0.15,
  elements: 0.2,
  circumstances: 0.3,
};

/** What two cases have in common, in the words a judge would use. */
export interface LegalAgreement {
  /** Official charge names both cases have. */
  sharedCharges: string[];
  /** Cited articles both cases have (刑法:133). */
  sharedArticles: string[];
  /** Key elements and circumstances both cases have, described (血液酒精含量 201.1 / 195 mg/100ml, 自首). */
  sharedElements: string[];
  /**
   * 0..1 share of the query's charges the case also has: a case convicted of the query's charge
   * and of another one is still a case of that charge.
   */
  chargeScore: number;
  /** Query charges the case was not convicted of (the re-ranking credits related charges for them). */
  missingCharges: string[];
  /** The case's charges. */
  caseCharges: readonly string[];
  /** 0..1 agreement on cited articles (Jaccard), 0 when the query cites none. */
  articleScore: number;
  /** 0..1 agreement on key elements, averaged over the elements the query has. */
  elementScore: number;
  /** 0..1 agreement on key circumstances (Jaccard of the two sets), 0 when neither has any. */
  circumstanceScore: number;
}

function coverage(query: readonly string[], doc: readonly string[]): { shared: string[]; score: number } {
  if (query.length === 0) return { shared: [], score: 0 };
  const shared = query.filter((x) => doc.includes(x));
  return { shared, score: shared.length / query.length };
}

function jaccard(a: readonly string[], b: readonly string[]): { shared: string[]; score: number } {
  if (a.length === 0 || b.length === 0) return { shared: [], score: 0 };
  const shared = a.filter((x) => b.includes(x));
  return { shared, score: shared.length / (a.length + b.length - shared.length) };
}

/** 1 when equal, falling towards 0 as the ratio of two positive quantities grows to 10×. */
function closeness(a: number, b: number): number {
  if (a <= 0 || b <= 0) return 0;
  return Math.max(0, 1 - Math.abs(Math.log10(a / b)));
}

const INJURY_RANK: Record<string, number> = {
  重伤一级: 6,
  重伤二级: 5,
  重伤: 5,
  轻伤一级: 3,
  轻伤二级: 2,
  轻伤: 2,
  轻微伤: 1,
};

/** Compares the legal features of a query case and a candidate case. */
export function compareLegalFeatures(query: JudgmentFeatures, doc: JudgmentFeatures): LegalAgreement {
  const charges = coverage(query.charges, doc.charges);
  const articles = jaccard(query.articles, doc.articles);
  const q = query.elements;
  const d = doc.elements;
  const shared: string[] = [];
  let sum = 0;
  let count = 0;

  if (q.bloodAlcohol !== null) {
    count += 1;
    if (d.bloodAlcohol !== null) {
      // 醉酒驾驶 starts at 80 mg/100ml; readings close to each other describe similar culpability.
      const value = 0.5 + 0.5 * closeness(q.bloodAlcohol, d.bloodAlcohol);
      sum += value;
      shared.push(`血液酒精含量 ${q.bloodAlcohol} / ${d.bloodAlcohol} mg/100ml`);
    }
  }
  if (q.injuryGrades.length > 0) {
    count += 1;
    const qTop = INJURY_RANK[q.injuryGrades[0] ?? ""] ?? 0;
    const dTop = INJURY_RANK[d.injuryGrades[0] ?? ""] ?? 0;
    if (dTop > 0) {
      sum += Math.max(0, 1 - Math.abs(qTop - dTop) / 3);
      if (qTop === dTop) shared.push(`伤情 ${q.injuryGrades[0] ?? ""}`);
    }
  }
  if (q.deaths > 0 || d.deaths > 0) {
    count += 1;
    if (q.deaths > 0 && d.deaths > 0) {
      sum += 1;
      shared.push("致人死亡");
    }
  }
  if (q.drugs.length > 0) {
    count += 1;
    let best = 0;
    for (const qd of q.drugs) {
      const dd = d.drugs.find((x) => x.drug === qd.drug);
      if (!dd) continue;
      const value = qd.grams > 0 && dd.grams > 0 ? 0.5 + 0.5 * closeness(qd.grams, dd.grams) : 0.5;
      if (value > best) best = value;
      shared.push(`${qd.drug} ${qd.grams} / ${dd.grams} 克`);
    }
    sum += best;
  }
  if (q.amountsYuan.length > 0) {
    count += 1;
    if (d.amountsYuan.length > 0) {
      // 数额较大/巨大/特别巨大 thresholds are an order of magnitude apart: compare the largest amounts on a log scale.
      const qMax = Math.max(...q.amountsYuan);
      const dMax = Math.max(...d.amountsYuan);
      const value = closeness(qMax, dMax);
      sum += value;
      if (value >= 0.7) shared.push(`金额 ${qMax} / ${dMax} 元`);
    }
  }
  // Both sets count: a circumstance only one of the cases has (自首, 入户, 累犯) sets them apart.
  const circumstances = jaccard(q.circumstances ?? [], d.circumstances ?? []);
  shared.push(...circumstances.shared);
  return {
    sharedCharges: charges.shared,
    sharedArticles: articles.shared,
    sharedElements: shared,
    chargeScore: charges.score,
    missingCharges: query.charges.filter((charge) => !doc.charges.includes(charge)),
    caseCharges: doc.charges,
    articleScore: articles.score,
    elementScore: count === 0 ? 0 : sum / count,
    circumstanceScore: circumstances.score,
  };
}

/**
 * Charge agreement with related charges credited: each query charge counts 1 when the case has
 * it, else the relatedness of the case's closest charge to it.
 */
export function chargeAgreement(agreement: LegalAgreement, relatedCharges?: ChargeRelatedness): number {
  const { missingCharges, caseCharges } = agreement;
  if (!relatedCharges || missingCharges.length === 0 || caseCharges.length === 0)
    return agreement.chargeScore;
  const queryCharges = agreement.sharedCharges.length + missingCharges.length;
  let related = 0;
  for (const charge of missingCharges) related += relatedChargeCredit(relatedCharges, charge, caseCharges);
  return agreement.chargeScore + related / queryCharges;
}

/** Weighted legal agreement added to the normalised text score. */
export function legalScore(agreement: LegalAgreement, weights: LegalWeights = DEFAULT_LEGAL_WEIGHTS): number {
  return (
    weights.charges * chargeAgreement(agreement, weights.relatedCharges) +
    weights.articles * agreement.articleScore +
    weights.elements * agreement.elementScore +
    weights.circumstances * agreement.circumstanceScore
  );
}
