import { readJsonLines } from "../laws/laws.loader";
import { findCourtByCode } from "../../courts/index";
import { AppError, type Executor } from "../../../platform";
import { parseJudgmentLine, type JudgmentFormat, type JudgmentRecord } from "../search.formats";
import { upsertJudgments } from "../search.repository";

/** Options of `importJudgments`. */
export interface ImportJudgmentsOptions {
  /** A JSONL file, gzip-compressed when it ends in .gz. */
  file: string;
  format: JudgmentFormat;
  /** Court code (浙0192) the whole file belongs to; lines may name their own (netcourt format). */
  courtCode?: string | undefined;
  /** Whether judgments without their own flag are published (default true). */
  published?: boolean | undefined;
  /** Stop after this many lines (samples, tests). */
  limit?: number | undefined;
  now: Date;
  /** Called after each batch with the running totals. */
  onProgress?: ((progress: ImportJudgmentsResult) => void) | undefined;
}

/** What an import did. */
export interface ImportJudgmentsResult {
  read: number;
  inserted: number;
  updated: number;
  /** Lines refused, with their line number and reason (the first 20). */
  rejected: number;
  problems: Array<{ line: number; message: string }>;
}

const BATCH = 200;

/**
 * Loads a judgment corpus into the archive (idempotent by source and id: a line imported again
 * replaces its judgment). Each batch is one statement, so a long import is visible as it goes;
 * the judgment index follows the table. An unpublished judgment must belong to a court.
 * Throws `validation_failed` when the court code is unknown.
 */
export async function importJudgments(
  db: Executor,
  options: ImportJudgmentsOptions,
): Promise<ImportJudgmentsResult> {
  const courts = new Map<string, string | null>();
  const courtId = async (code: string | null): Promise<string | null> => {
    if (code === null) return null;
    if (!courts.has(code)) courts.set(code, (await findCourtByCode(db, code))?.id ?? null);
    return courts.get(code) ?? null;
  };
  if (options.courtCode !== undefined && (await courtId(options.courtCode)) === null)
    throw new AppError("validation_failed", [
      { path: "court", code: "court_unknown", message: `no court ${options.courtCode}` },
    ]);

  const result: ImportJudgmentsResult = { read: 0, inserted: 0, updated: 0, rejected: 0, problems: [] };
  let batch: Array<JudgmentRecord & { courtId: string | null; published: boolean }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    // One statement per batch: atomic on its own, and visible to the index as soon as it commits.
    const written = await upsertJudgments(db, rows, options.now);
    result.inserted += written.inserted;
    result.updated += written.updated;
    options.onProgress?.(result);
  };
  const reject = (line: number, message: string) => {
    result.rejected += 1;
    if (result.problems.length < 20) result.problems.push({ line, message });
  };
  for await (const { line, value } of readJsonLines(options.file)) {
    if (options.limit !== undefined && result.read >= options.limit) break;
    result.read += 1;
    let record: JudgmentRecord;
    try {
      record = parseJudgmentLine(options.format, value);
    } catch (error) {
      reject(line, error instanceof Error ? error.message.slice(0, 300) : String(error));
      continue;
    }
    const code = record.courtCode ?? options.courtCode ?? null;
    const id = await courtId(code);
    if (code !== null && id === null) {
      reject(line, `unknown court code ${code}`);
      continue;
    }
    const published = record.published ?? options.published ?? true;
    if (!published && id === null) {
      reject(line, "an unpublished judgment needs a court (--court or courtCode)");
      continue;
    }
    batch.push({ ...record, courtId: id, published });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return result;
}
