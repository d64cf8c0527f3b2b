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
  /** Laws corpus to import into an empty catalogue on start (LAWS_DIR); undefined: none. */
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

  constructor(private readonly options: SearchServiceOptions) {
    this.laws = createDbLawCatalog(options.db as unknown as Kysely<LawsTables>);
  }

  /** The judgment index, or null while another process (an import) holds it. */
  get judgments(): JudgmentIndexSync | null {
    return this.#sync;
  }

  /** Opens the index and follows the table; imports the laws corpus into an empty catalogue when configured. */
  async start(): Promise<void> {
    await this.#openIndex();
    const { lawsDir, log, db } = this.options;
    if (lawsDir && existsSync(path.join(lawsDir, "laws.jsonl.gz"))) {
      const counts = await countLawCatalog(db as unknown as Kysely<LawsTables>);
      if (counts.laws === 0) {
        log.info({ lawsDir }, "importing the laws corpus into the empty catalogue");
        this.#lawImport = importLaws(db, { dir: lawsDir })
          .then((result) => log.info(result, "laws corpus imported"))
          .catch((error: unknown) => log.error({ err: error }, "laws corpus import failed"));
      }
    } else if (lawsDir) {
      log.warn({ lawsDir }, "LAWS_DIR holds no laws.jsonl.gz; the law catalogue stays as it is");
    }
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
