import { setTimeout } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Executor } from "../../../platform";
import { lawCorpusFiles, loadLawCorpus, readLawRecords } from "../laws/laws.loader";
import { importLawCorpus, listLawIds, type LawImportResult } from "../laws/laws.repository";
import type { LawsTables } from "../laws/laws.tables";
import type { LawCorpus } from "../laws/laws.types";

/** Options of `importLaws`. */
export interface ImportLawsOptions {
  /** Folder holding laws.jsonl.gz and articles.jsonl.gz (the shared laws corpus layout). */
  dir: string;
  /**
   * Import only the laws the catalogue lacks, and only when every law it holds belongs to this corpus
   * (an empty catalogue, or a first import cut short); a catalogue filled from another corpus is left alone.
   */
  onlyMissing?: boolean | undefined;
  /**
   * Commit in several transactions of about this many articles each (whole laws), so an embedded
   * database keeps answering other requests in between; default: one transaction for the whole corpus.
   */
  articlesPerTransaction?: number | undefined;
  /** Waits this long between transactions, so requests that follow one another go first (ms). */
  pauseMs?: number | undefined;
  /** Checked between transactions: true stops the import there (server shutdown). */
  shouldStop?: (() => boolean) | undefined;
  /** Called after each transaction with the running totals. */
  onProgress?: ((done: LawImportResult) => void) | undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The corpus split into whole laws with about `size` articles per part. */
function partsOf(corpus: LawCorpus, size: number): LawCorpus[] {
  const articlesByLaw = groupBy(corpus.articles, (article) => article.lawId);
  const repealsByLaw = groupBy(corpus.repeals, (repeal) => repeal.repealedByLawId);
  const parts: LawCorpus[] = [];
  let part: LawCorpus = { laws: [], articles: [], repeals: [] };
  for (const law of corpus.laws) {
    part.laws.push(law);
    part.articles.push(...(articlesByLaw.get(law.id) ?? []));
    part.repeals.push(...(repealsByLaw.get(law.id) ?? []));
    if (part.articles.length >= size) {
      parts.push(part);
      part = { laws: [], articles: [], repeals: [] };
    }
  }
  if (part.laws.length > 0) parts.push(part);
  return parts;
}

/** The laws of the corpus the catalogue lacks, or null when it holds a law the corpus does not. */
async function missingLawIds(db: Kysely<LawsTables>, dir: string): Promise<Set<string> | null> {
  const corpus = new Set<string>();
  for await (const law of readLawRecords(lawCorpusFiles(dir).lawsFile)) corpus.add(law.id);
  const stored = await listLawIds(db);
  if (stored.some((id) => !corpus.has(id))) return null;
  for (const id of stored) corpus.delete(id);
  return corpus;
}

/**
 * Imports the laws corpus into the catalogue, in one transaction unless `articlesPerTransaction`
 * splits it. Idempotent: laws are keyed by id, their articles and stated repeals replaced, so a
 * second import leaves the same rows. Throws when a file is malformed.
 */
export async function importLaws(db: Executor, options: ImportLawsOptions): Promise<LawImportResult> {
  const laws = db as unknown as Kysely<LawsTables>;
  const done: LawImportResult = { laws: 0, articles: 0, repeals: 0 };
  let wanted: Set<string> | null = null;
  if (options.onlyMissing) {
    wanted = await missingLawIds(laws, options.dir);
    if (wanted === null || wanted.size === 0) return done;
  }
  let corpus = await loadLawCorpus(lawCorpusFiles(options.dir));
  if (wanted) {
    const keep = wanted;
    corpus = {
      laws: corpus.laws.filter((law) => keep.has(law.id)),
      articles: corpus.articles.filter((article) => keep.has(article.lawId)),
      repeals: corpus.repeals.filter((repeal) => keep.has(repeal.repealedByLawId)),
    };
  }
  if (options.articlesPerTransaction === undefined) return importLawCorpus(laws, corpus);
  for (const [index, part] of partsOf(corpus, options.articlesPerTransaction).entries()) {
    if (index > 0 && options.pauseMs) await setTimeout(options.pauseMs);
    if (options.shouldStop?.()) break;
    const written = await importLawCorpus(laws, part);
    done.laws += written.laws;
    done.articles += written.articles;
    done.repeals += written.repeals;
    options.onProgress?.(done);
  }
  return done;
}
