import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import type { ChangeFeed, Executor } from "../../platform";
import { JudgmentIndex, type JudgmentIndexOptions } from "./engine/judgment-index";
import type { JudgmentInput } from "./analysis/analyze-judgment";
import { judgmentsToIndex } from "./search.repository";

/** Options of the index kept in step with the judgments table. */
export interface JudgmentIndexSyncOptions {
  db: Executor;
  /** Folder of the index, e.g. `${DATA_DIR}/search/judgments`. */
  dir: string;
  log?: Logger | undefined;
  /** Index settings (refresh interval, flush size) passed to the engine. */
  index?: Partial<Omit<JudgmentIndexOptions, "dir">>;
}

const MARK_FILE = "synced-seq.json";
const LOCK_FILE = "writer.lock";
const BATCH = 500;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the single-writer lock of an index folder (one process writes an index: the server, or the
 * import command when no server runs). A lock left by a dead process is taken over. Returns the
 * release function, or null when a live process holds it.
 */
export function lockIndexDir(dir: string): (() => void) | null {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && (holder === process.pid || isAlive(holder))) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}

/** The judgment index on disk plus the mark of the last judgments row it holds. */
export class JudgmentIndexSync {
  #mark: string;
  #running: Promise<number> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  private constructor(
    readonly index: JudgmentIndex,
    private readonly options: JudgmentIndexSyncOptions,
    private readonly release: () => void,
  ) {
    const markPath = path.join(options.dir, MARK_FILE);
    this.#mark = existsSync(markPath)
      ? String((JSON.parse(readFileSync(markPath, "utf8")) as { seq: string }).seq)
      : "0";
  }

  /** Opens the index in `dir` (taking its writer lock); null when another live process holds it. */
  static async open(options: JudgmentIndexSyncOptions): Promise<JudgmentIndexSync | null> {
    const release = lockIndexDir(options.dir);
    if (!release) return null;
    try {
      const index = await JudgmentIndex.open({ ...options.index, dir: options.dir });
      return new JudgmentIndexSync(index, options, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The index_seq of the last row indexed. */
  get mark(): string {
    return this.#mark;
  }

  /**
   * Indexes every judgments row written after the mark (new or replaced ones) and makes them
   * searchable; returns how many. Calls during a run make it run once more, never twice at once.
   */
  async sync(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = async (): Promise<number> => {
      let total = 0;
      do {
        this.#again = false;
        for (;;) {
          const rows = await judgmentsToIndex(this.options.db, this.#mark, BATCH);
          if (rows.length === 0 || this.#closed) break;
          const docs: JudgmentInput[] = rows.map((row) => {
            const hasSections = row.facts.length + row.reasoning.length + row.outcome.length > 0;
            return {
              id: row.id,
              title: row.title,
              charges: row.charges,
              ...(hasSections
                ? { facts: row.facts, reasoning: row.reasoning, outcome: row.outcome }
                : { fullText: row.full_text }),
            };
          });
          this.index.add(docs);
          // Segments are written before the mark moves: a crash in between re-adds (replaces) the rows.
          this.index.refresh();
          this.#mark = rows.at(-1)?.seq ?? this.#mark;
          writeFileSync(path.join(this.options.dir, MARK_FILE), JSON.stringify({ seq: this.#mark }));
          total += rows.length;
        }
      } while (this.#again && !this.#closed);
      return total;
    };
    this.#running = run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Follows the table: on every change notification, and every `pollMs` as a fallback. */
  follow(changes: ChangeFeed, pollMs = 5_000): void {
    const trigger = () => {
      this.sync().catch((error: unknown) =>
        this.options.log?.error({ err: error }, "judgment index sync failed"),
      );
    };
    this.#unsubscribe = changes.subscribe((key) => {
      if (key === "judgments:changed" || key === "*") trigger();
    });
    this.#timer = setInterval(trigger, pollMs);
    this.#timer.unref();
    trigger();
  }

  /** Stops following, writes what is buffered and releases the lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer) clearInterval(this.#timer);
    await this.#running?.catch(() => 0);
    try {
      await this.index.close();
    } finally {
      this.release();
    }
  }
}
