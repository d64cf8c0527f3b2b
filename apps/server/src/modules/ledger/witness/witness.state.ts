import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fromBase64, toBase64, type WitnessLogState } from "@netcourt/ledger";

/** What the witness remembers about one log: the last checkpoint it cosigned. */
export interface OriginRecord {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** The cosigned checkpoint note (log signature(s) and this witness's cosignature), for monitors. */
  checkpoint: string;
}

interface StoredRecord {
  origin: string;
  size: number;
  rootHash: string;
  checkpoint: string;
}

/** Lowercase hex SHA-256 of an origin: the witness's file and monitoring-URL name for a log. */
export function originId(origin: string): string {
  return createHash("sha256").update(origin, "utf8").digest("hex");
}

/**
 * The witness's persistent memory, one JSON file per origin under `<dir>/logs/`. Records are never
 * deleted: a witness that forgot a log would cosign a split view once it is re-added (litewitness
 * refuses to delete logs for this reason). A lock file keeps a second process off the directory, and
 * `update` serialises the check and the write per origin, so two concurrent add-checkpoint requests
 * can never roll the witness back (tlog-witness: persist "atomically with the check").
 */
export class WitnessStateStore {
  readonly #cache = new Map<string, OriginRecord | null>();
  readonly #queues = new Map<string, Promise<unknown>>();
  #closed = false;

  private constructor(
    readonly dir: string,
    readonly lockFile: string,
  ) {}

  /** Opens (creating) the state directory and takes its lock. Throws if another live process holds it. */
  static async open(dir: string): Promise<WitnessStateStore> {
    await fs.mkdir(path.join(dir, "logs"), { recursive: true, mode: 0o700 });
    await fs.mkdir(path.join(dir, "conflicts"), { recursive: true, mode: 0o700 });
    const lockFile = path.resolve(dir, "witness.lock");
    if (heldLocks.has(lockFile)) throw new Error(`the witness state ${dir} is already open in this process`);
    await takeLock(lockFile);
    heldLocks.add(lockFile);
    return new WitnessStateStore(dir, lockFile);
  }

  /** The record of an origin, or null if this witness never cosigned a checkpoint of it. */
  async read(origin: string): Promise<OriginRecord | null> {
    if (this.#cache.has(origin)) return this.#cache.get(origin)!;
    let record: OriginRecord | null = null;
    try {
      const stored = JSON.parse(await fs.readFile(this.#file(origin), "utf8")) as StoredRecord;
      if (stored.origin !== origin) throw new Error(`${this.#file(origin)} belongs to ${stored.origin}`);
      record = { ...stored, rootHash: fromBase64(stored.rootHash) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    this.#cache.set(origin, record);
    return record;
  }

  /** Every origin this witness has ever cosigned for (configured or not: records are never dropped). */
  async listOrigins(): Promise<string[]> {
    const names = (await fs.readdir(path.join(this.dir, "logs"))).filter((n) =>
      /^[0-9a-f]{64}\.json$/.test(n),
    );
    const origins: string[] = [];
    for (const name of names) {
      const stored = JSON.parse(await fs.readFile(path.join(this.dir, "logs", name), "utf8")) as StoredRecord;
      origins.push(stored.origin);
    }
    return origins.sort();
  }

  /** The tlog-witness view of an origin's record. */
  async readState(origin: string): Promise<WitnessLogState | null> {
    const record = await this.read(origin);
    return record && { size: record.size, rootHash: record.rootHash };
  }

  /**
   * Runs `step` with the origin's current record while holding the origin's lock; when `step` returns a
   * `record`, it is written durably (temporary file, fsync, rename, fsync of the directory) before the
   * lock is released and before `update` resolves, so nothing is answered from unpersisted state.
   */
  async update<T>(
    origin: string,
    step: (current: OriginRecord | null) => Promise<{ record?: OriginRecord; result: T }>,
  ): Promise<T> {
    if (this.#closed) throw new Error("the witness state is closed");
    const previous = this.#queues.get(origin) ?? Promise.resolve();
    const run = previous.then(async () => {
      const { record, result } = await step(await this.read(origin));
      if (record) {
        if (record.origin !== origin) throw new Error("a record must keep its origin");
        await this.#write(record);
        this.#cache.set(origin, record);
      }
      return result;
    });
    const settled = run.catch(() => undefined);
    this.#queues.set(origin, settled);
    void settled.then(() => {
      if (this.#queues.get(origin) === settled) this.#queues.delete(origin);
    });
    return run;
  }

  /** Keeps a refused checkpoint the log did sign (possible evidence of a split view); returns its file. */
  async saveConflict(origin: string, note: string, detail: Record<string, unknown>): Promise<string> {
    const id = createHash("sha256").update(note, "utf8").digest("hex").slice(0, 32);
    const file = path.join(this.dir, "conflicts", `${originId(origin).slice(0, 16)}-${id}.json`);
    await writeDurably(file, `${JSON.stringify({ origin, note, ...detail }, null, 2)}\n`);
    return file;
  }

  /** Waits for pending updates, then releases the directory lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#queues.values()]);
    await fs.rm(this.lockFile, { force: true });
    heldLocks.delete(this.lockFile);
  }

  #file(origin: string): string {
    return path.join(this.dir, "logs", `${originId(origin)}.json`);
  }

  async #write(record: OriginRecord): Promise<void> {
    const stored: StoredRecord = { ...record, rootHash: toBase64(record.rootHash) };
    await writeDurably(this.#file(record.origin), `${JSON.stringify(stored, null, 2)}\n`);
  }
}

async function writeDurably(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temporary, "w", 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
  // The rename itself is durable only once the directory entry is.
  const directory = await fs.open(path.dirname(file), "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** Lock files this process holds (the pid check cannot tell two stores of one process apart). */
const heldLocks = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates the lock file exclusively; a lock left by a dead process (or by our own pid, after a container restart) is taken over. */
async function takeLock(lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(lockFile, "wx", 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number.parseInt(await fs.readFile(lockFile, "utf8").catch(() => ""), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new Error(`the witness state ${path.dirname(lockFile)} is in use by process ${holder}`);
    }
    await fs.rm(lockFile, { force: true });
  }
  throw new Error(`could not lock ${lockFile}`);
}
