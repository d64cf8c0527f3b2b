/** Prison term as CAIL2018 records it: months of fixed-term imprisonment, or life / death. */
export interface TermOfImprisonment {
  imprisonment: number;
  death_penalty: boolean;
  life_imprisonment: boolean;
}

/** The judgment part of a CAIL2018 record (`meta`), exactly the upstream structure. */
export interface CaseOutcome {
  accusation: string[];
  relevant_articles: number[];
  term_of_imprisonment: TermOfImprisonment;
  punish_of_money?: number;
  criminals?: string[];
}

/** A criminal case in the CAIL2018 format; `meta` is absent for a case still to be decided. */
export interface CriminalCase {
  id: string;
  fact: string;
  origin?: string;
  meta?: CaseOutcome;
}

/** A criminal case with a known outcome, usable as reference (similar case). */
export interface ReferenceCase extends CriminalCase {
  meta: CaseOutcome;
}

/** One line of `predict run` output, the CAIL2018 submission shape. */
export interface PredictionLine {
  id: string;
  accusation: string[];
  relevant_articles: number[];
  term_of_imprisonment: TermOfImprisonment;
}
