import type { Kysely } from "kysely";
import type { Executor } from "../../../platform";
import { lawCorpusFiles, loadLawCorpus } from "../laws/laws.loader";
import { importLawCorpus, type LawImportResult } from "../laws/laws.repository";
import type { LawsTables } from "../laws/laws.tables";

/** Options of `importLaws`. */
export interface ImportLawsOptions {
  /** Folder holding laws.jsonl.gz and articles.jsonl.gz (the shared laws corpus layout). */
  dir: string;
}

/**
 * Imports the laws corpus into the catalogue in one transaction. Idempotent: laws are keyed by id,
 * their articles and stated repeals replaced, so a second import leaves the same rows.
 */
export async function importLaws(db: Executor, options: ImportLawsOptions): Promise<LawImportResult> {
  const corpus = await loadLawCorpus(lawCorpusFiles(options.dir));
  return importLawCorpus(db as unknown as Kysely<LawsTables>, corpus);
}
