import type { ColumnType } from "kysely";

/** A DATE column: written and read as 'YYYY-MM-DD' (the platform's pg/PGlite parsers keep it a string). */
type DateColumn = ColumnType<string | null, string | null, string | null>;

/** laws: one row per document version (laws.sql). */
export interface LawsTable {
  id: string;
  path: string;
  category: string;
  title: string;
  title_key: string;
  short_title: string;
  subtitle: string | null;
  version_date: DateColumn;
  is_latest_version: boolean;
  effective_from: DateColumn;
  effective_from_source: string | null;
  history: string[];
  article_count: number;
  body: string;
}

/** law_articles: one row per article (laws.sql). */
export interface LawArticlesTable {
  id: string;
  law_id: string;
  number: number;
  suffix: string;
  position: number;
  label: string;
  part: string | null;
  headings: string[];
  text: string;
  /** Built with to_tsvector('simple', tsvectorSource(text)); never selected. */
  search_vector: ColumnType<never, string, string>;
}

/** law_repeals: repeals stated in the corpus (laws.sql). */
export interface LawRepealsTable {
  repealed_title_key: string;
  repealed_by_title_key: string;
  repealed_title: string;
  repealed_on: DateColumn;
  repealed_by_law_id: string;
  repealed_by_title: string;
  repealed_by_article: string;
}

/** The tables of the law catalogue, for Kysely<LawsTables> (the platform's DB type extends it). */
export interface LawsTables {
  laws: LawsTable;
  law_articles: LawArticlesTable;
  law_repeals: LawRepealsTable;
}
