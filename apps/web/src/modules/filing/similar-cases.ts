import { api } from "../../platform/api-client";

/** A published judgment as `GET /api/filings/:id/similar` returns it (the fields the panel reads). */
export interface SimilarJudgment {
  id: string;
  courtName: string | null;
  caseNumber: string | null;
  title: string;
  decidedOn: string | null;
  causes: string[];
  claimedAmount: number | null;
  awardedAmount: number | null;
  published: boolean;
  outcomeExcerpt: string;
}

/** `GET /api/filings/:id/similar`: similar published cases and what they awarded (to weigh mediation). */
export interface FilingSimilarResponse {
  items: Array<{ judgment: SimilarJudgment; score: number }>;
  /** Median award ÷ claim among the similar cases that state both; null when none does. */
  awards: { cases: number; medianRatio: number } | null;
  indexedJudgments: number;
}

/** One similar case as the panel shows it. */
export interface SimilarCaseRow {
  id: string;
  title: string;
  caseNumber: string | null;
  courtName: string | null;
  decidedOn: string | null;
  claimed: number | null;
  awarded: number | null;
  /** Award ÷ claim, when the judgment states both and the claim is positive. */
  ratio: number | null;
}

export interface SimilarCasesSummary {
  rows: SimilarCaseRow[];
  /** Median award ÷ claim as a whole percentage (0–100+), and how many cases it rests on. */
  median: { percent: number; cases: number } | null;
  /** Why there is nothing to show: the archive is empty, or nothing in it is similar. */
  empty: "no_index" | "no_match" | null;
}

/** Award ÷ claim, or null when either is missing or the claim is not positive. */
export function awardRatio(claimed: number | null, awarded: number | null): number | null {
  if (claimed === null || awarded === null || !(claimed > 0) || awarded < 0) return null;
  return awarded / claimed;
}

/** A ratio as a whole percentage, e.g. 0.8349 → 83. */
export function ratioPercent(ratio: number): number {
  return Math.round(ratio * 100);
}

/**
 * Shapes the server's answer for the panel: published judgments only (the server already filters;
 * the check keeps an unpublished one from ever reaching a litigant), each with its award ratio.
 */
export function summariseSimilarCases(response: FilingSimilarResponse): SimilarCasesSummary {
  const rows = response.items
    .filter((item) => item.judgment.published)
    .map(({ judgment }) => ({
      id: judgment.id,
      title: judgment.title,
      caseNumber: judgment.caseNumber,
      courtName: judgment.courtName,
      decidedOn: judgment.decidedOn,
      claimed: judgment.claimedAmount,
      awarded: judgment.awardedAmount,
      ratio: awardRatio(judgment.claimedAmount, judgment.awardedAmount),
    }));
  const median =
    response.awards && response.awards.cases > 0 && Number.isFinite(response.awards.medianRatio)
      ? { percent: ratioPercent(response.awards.medianRatio), cases: response.awards.cases }
      : null;
  const empty = rows.length > 0 ? null : response.indexedJudgments === 0 ? "no_index" : "no_match";
  return { rows, median, empty };
}

export const similarCasesApi = {
  forFiling: (caseId: string, signal?: AbortSignal) =>
    api.get<FilingSimilarResponse>(`/api/filings/${encodeURIComponent(caseId)}/similar`, {
      query: { limit: 5 },
      signal,
    }),
};
