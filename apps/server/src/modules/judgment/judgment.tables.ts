import type { ColumnType } from "kysely";
import type { ElementValueType } from "./judgment.elements";

type Json<T> = ColumnType<T, string, string>;

export interface JudgmentTables {
  case_element_tables: CaseElementTablesTable;
  case_element_values: CaseElementValuesTable;
}

/** A value as stored: fen, ISO day, rate text, yes/no, text, or a duration. */
export type ElementDuration = { months: number; days: number };
export type ElementValue = number | string | boolean | ElementDuration;

/** Who put the proposed value forward. */
export type ElementSource = "complaint" | "plaintiff" | "defendant" | "judge";
export type ElementPosition = "pending" | "agreed" | "disputed";
/** The two sides that mark elements (民事诉讼法第五十一条: the plaintiff and the defendant). */
export type ElementSide = "plaintiff" | "defendant";
export type SettledKind = "agreed" | "decided";

export interface CaseElementTablesTable {
  case_id: string;
  table_id: string;
  cause_code: string;
  created_at: Date;
}

export interface CaseElementValuesTable {
  case_id: string;
  element_key: string;
  value_type: ElementValueType;
  proposed_value: Json<ElementValue | null> | null;
  proposed_source: ElementSource | null;
  proposed_by: string | null;
  proposed_at: Date | null;
  plaintiff_position: ColumnType<ElementPosition, ElementPosition | undefined, ElementPosition>;
  plaintiff_reason: string | null;
  plaintiff_counter_value: Json<ElementValue | null> | null;
  plaintiff_marked_by: string | null;
  plaintiff_marked_at: Date | null;
  defendant_position: ColumnType<ElementPosition, ElementPosition | undefined, ElementPosition>;
  defendant_reason: string | null;
  defendant_counter_value: Json<ElementValue | null> | null;
  defendant_marked_by: string | null;
  defendant_marked_at: Date | null;
  settled_value: Json<ElementValue | null> | null;
  settled_kind: SettledKind | null;
  settled_reasons: string | null;
  settled_evidence_ids: ColumnType<string[], string | undefined, string>;
  settled_by: string | null;
  settled_at: Date | null;
  updated_at: Date;
}
