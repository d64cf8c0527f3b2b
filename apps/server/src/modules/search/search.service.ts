import path from "node:path";
import { existsSync } from "node:fs";
import type { Logger } from "pino";
import type { ChangeFeed, Executor } from "../../platform";
import { createDbLawCatalog } from "./laws/law-catalog.db";
import type { LawCatalog } from "./laws/law-catalog";
import type { LawsTables } from "./laws/laws.tables";
import { countLawCatalog } from "./laws/laws.repository";
import { importLaws } from "./commands/import-laws";
import { JudgmentIndexSync } from "./search.index-sync";
import type { Kysely } from "kysely";

/** Options of the search service. */
export interface SearchServiceOptions {
  db: Executor;
  changes: ChangeFeed;
  dataDir: string;
  log: Logger;
  /** Laws corpus loaded into the catalogue on start (LAWS_DIR, default the shipped copy); undefined: none. */
  lawsDir?: string | undefined;
  /** How often the index checks the table when no notification came (ms). */
  pollMs?: number;
  /** Refresh interval of the index (ms); default 1,000. */
  refreshMs?: number;
}

/** The judgments index folder under DATA_DIR. */
export function judgmentIndexDir(dataDir: string): string {
  return path.join(dataDir, "search", "judgments");
}

/**
 * The long-lived part of the search context in a server: the law catalogue over the database and
 * the judgment index kept in step with the judgments table.
 */
export class SearchService {
  readonly laws: LawCatalog;
  #sync: JudgmentIndexSync | null = null;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;
  #lawImport: Promise<void> | undefined;
  #lawsLoading = false;

  constructor(private readonly options: SearchServiceOptions) {
    this.laws = createDbLawCatalog(options.db as unknown as Kysely<LawsTables>);
  }

  /** The judgment index, or null while another process (an import) holds it. */
  get judgments(): JudgmentIndexSync | null {
    return this.#sync;
  }

  /**
   * Opens the index and follows the table, and loads the laws corpus (LAWS_DIR, by default the copy
   * shipped with the server) into the catalogue in the background: all of it into an empty catalogue,
   * the rest of it after a first load cut short, nothing into a catalogue filled from another corpus.
   */
  async start(): Promise<void> {
    await this.#openIndex();
    const { lawsDir, log, db } = this.options;
    if (!lawsDir) return;
    if (!existsSync(path.join(lawsDir, "laws.jsonl.gz"))) {
      log.warn({ lawsDir }, "LAWS_DIR holds no laws.jsonl.gz; the law catalogue stays as it is");
      return;
    }
    const counts = await countLawCatalog(db as unknown as Kysely<LawsTables>);
    this.#lawsLoading = counts.laws === 0;
    const started = performance.now();
    this.#lawImport = importLaws(db, {
      dir: lawsDir,
      onlyMissing: true,
      // Whole laws of about 250 articles per transaction, with a pause after each: on the embedded
      // database (one connection) requests wait at most for one short transaction while it loads.
      articlesPerTransaction: 250,
      pauseMs: 50,
      shouldStop: () => this.#closed,
      onProgress: () => {
        this.#lawsLoading = true;
      },
    })
      .then((result) => {
        if (result.laws > 0)
          log.info(
            { lawsDir, ...result, seconds: (performance.now() - started) / 1000 },
            "laws corpus imported",
          );
      })
      .catch((error: unknown) => log.error({ err: error, lawsDir }, "laws corpus import failed"))
      .finally(() => {
        this.#lawsLoading = false;
      });
  }

  /** True while the laws corpus is being loaded into the catalogue on start. */
  get lawsLoading(): boolean {
    return this.#lawsLoading;
  }

  async #openIndex(): Promise<void> {
    if (this.#closed) return;
    const sync = await JudgmentIndexSync.open({
      db: this.options.db,
      dir: judgmentIndexDir(this.options.dataDir),
      log: this.options.log,
      index: { refreshMs: this.options.refreshMs ?? 1_000 },
    });
    if (!sync) {
      this.options.log.warn("the judgment index is held by another process; retrying in 5 s");
      this.#retry = setTimeout(() => void this.#openIndex(), 5_000);
      this.#retry.unref();
      return;
    }
    this.#sync = sync;
    sync.follow(this.options.changes, this.options.pollMs ?? 5_000);
  }

  /** Waits for the laws import started by `start` (tests, shutdown). */
  async lawImportDone(): Promise<void> {
    await this.#lawImport;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    await this.#lawImport?.catch(() => undefined);
    await this.#sync?.close();
    this.#sync = null;
  }
}
