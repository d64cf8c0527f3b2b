import type { ColumnType, Generated } from "kysely";
import type { LawsTables } from "./laws/laws.tables";

/** A DATE column read and written as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
/** A NUMERIC column: the drivers return it as a string; written as a number. */
type NumericColumn = ColumnType<string | null, number | null | undefined, number | null>;

export type JudgmentSource = "netcourt" | "lecard" | "cail";
export type JudgmentKind = "criminal" | "civil" | "administrative" | "other";

/** judgments: the archive behind similar-case retrieval (migration 20261123160000_search.sql). */
export interface JudgmentsTable {
  id: Generated<string>;
  source: JudgmentSource;
  source_id: string;
  court_id: string | null;
  court_name: string | null;
  case_number: string | null;
  title: string;
  decided_on: DateColumn;
  kind: JudgmentKind;
  facts: string;
  reasoning: string;
  outcome: string;
  full_text: string;
  charges: string[];
  causes: string[];
  articles: string[];
  term_months: number | null;
  fine_yuan: NumericColumn;
  claimed_amount: NumericColumn;
  awarded_amount: NumericColumn;
  published: boolean;
  index_seq: ColumnType<string, never, never>;
  imported_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The tables of the search context. */
export interface SearchTables extends LawsTables {
  judgments: JudgmentsTable;
}
