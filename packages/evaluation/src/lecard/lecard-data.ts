import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

/** One LeCaRD query case (queries.jsonl). */
export interface LecardQuery {
  qid: number;
  query: string;
  charges: string[];
  type?: string;
  official_test_subset?: boolean;
}

/** One LeCaRD candidate judgment (candidates.jsonl.gz). */
export interface LecardCandidate {
  doc_id: number;
  ajName?: string;
  ajjbqk?: string;
  cpfxgc?: string;
  pjjg?: string;
  qw?: string;
  writName?: string;
}

/** Graded labels: qid → doc_id → label (0..3). */
export type Qrels = Map<number, Map<number, number>>;
/** A ranking per query, best first. */
export type Run = Map<number, number[]>;

/** A LeCaRD input file that cannot be used as it is; the message names the file and line. */
export class LecardInputError extends Error {
  override name = "LecardInputError";
}

function parseJsonLine<T>(path: string, line: string, lineNumber: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new LecardInputError(`${path}:${lineNumber}: not valid JSON`);
  }
}

/** The non-blank lines of a text file with their 1-based line numbers. */
function readLines(path: string): { line: string; lineNumber: number }[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line, lineNumber: i + 1 }))
    .filter(({ line }) => line.trim().length > 0);
}

function readJsonLines<T>(path: string, isValid: (row: T) => boolean, expected: string): T[] {
  return readLines(path).map(({ line, lineNumber }) => {
    const row = parseJsonLine<T>(path, line, lineNumber);
    if (typeof row !== "object" || row === null || !isValid(row))
      throw new LecardInputError(`${path}:${lineNumber}: expected ${expected}`);
    return row;
  });
}

/** Reads queries.jsonl. */
export function readQueries(path: string): LecardQuery[] {
  return readJsonLines<LecardQuery>(
    path,
    (q) => Number.isInteger(q.qid) && typeof q.query === "string" && Array.isArray(q.charges),
    '{"qid": number, "query": string, "charges": [string]}',
  );
}

/** Reads pools.jsonl into qid → candidate doc ids. */
export function readPools(path: string): Map<number, number[]> {
  const rows = readJsonLines<{ qid: number; candidates: number[] }>(
    path,
    (p) => Number.isInteger(p.qid) && Array.isArray(p.candidates) && p.candidates.every(Number.isInteger),
    '{"qid": number, "candidates": [number]}',
  );
  return new Map(rows.map((p) => [p.qid, p.candidates]));
}

/** Streams candidates (JSONL, gzip when the name ends in .gz). */
export async function* readCandidates(path: string): AsyncGenerator<LecardCandidate> {
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  // pipe() does not forward the file's errors (a missing file): end the iteration with them.
  if (input !== raw) raw.on("error", (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim().length > 0) yield parseJsonLine<LecardCandidate>(path, line, lineNumber);
    }
  } catch (error) {
    // A read error (EISDIR) does not name the file: say which one it was.
    const fileError = error as NodeJS.ErrnoException;
    if (fileError.syscall !== undefined && fileError.path === undefined) fileError.path = path;
    throw error;
  }
}

const INTEGER = /^-?\d+$/u;

/** Reads TREC qrels (`qid 0 doc_id label`, tab or space separated); blank lines are skipped. */
export function readQrels(path: string): Qrels {
  const qrels: Qrels = new Map();
  for (const { line, lineNumber } of readLines(path)) {
    const parts = line.trim().split(/\s+/u);
    const [qid, , doc, label] = parts;
    if (parts.length !== 4 || ![qid, doc, label].every((p) => INTEGER.test(p ?? "")))
      throw new LecardInputError(
        `${path}:${lineNumber}: expected "qid 0 doc_id label", got ${JSON.stringify(line)}`,
      );
    if (!qrels.has(Number(qid))) qrels.set(Number(qid), new Map());
    qrels.get(Number(qid))?.set(Number(doc), Number(label));
  }
  return qrels;
}

/** Reads a TREC run file (`qid Q0 doc_id rank score tag`), ordering each query by rank. */
export function readTrecRun(path: string): Run {
  const rows = new Map<number, { doc: number; rank: number; score: number }[]>();
  for (const { line, lineNumber } of readLines(path)) {
    const parts = line.trim().split(/\s+/u);
    const [qid, , doc, rank, score] = parts;
    if (
      parts.length < 6 ||
      ![qid, doc, rank].every((p) => INTEGER.test(p ?? "")) ||
      !Number.isFinite(Number(score))
    )
      throw new LecardInputError(
        `${path}:${lineNumber}: expected "qid Q0 doc_id rank score tag", got ${JSON.stringify(line)}`,
      );
    if (!rows.has(Number(qid))) rows.set(Number(qid), []);
    rows.get(Number(qid))?.push({ doc: Number(doc), rank: Number(rank), score: Number(score) });
  }
  const run: Run = new Map();
  for (const [qid, list] of rows) {
    list.sort((a, b) => a.rank - b.rank || b.score - a.score);
    run.set(
      qid,
      list.map((r) => r.doc),
    );
  }
  return run;
}

/** Formats rankings as a TREC run (`qid Q0 doc_id rank score tag`, rank from 1). */
export function formatTrecRun(
  rankings: { qid: number; ranked: { doc: number; score: number }[] }[],
  tag: string,
): string {
  const lines: string[] = [];
  for (const { qid, ranked } of rankings) {
    ranked.forEach((r, i) => lines.push(`${qid} Q0 ${r.doc} ${i + 1} ${r.score.toFixed(6)} ${tag}`));
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Reads the official baseline runs (runs.jsonl) as run name → Run. */
export function readOfficialRuns(path: string): Map<string, Run> {
  const runs = new Map<string, Run>();
  const rows = readJsonLines<{ run: string; qid: number; ranking: number[] }>(
    path,
    (r) => typeof r.run === "string" && Number.isInteger(r.qid) && Array.isArray(r.ranking),
    '{"run": string, "qid": number, "ranking": [number]}',
  );
  for (const row of rows) {
    if (!runs.has(row.run)) runs.set(row.run, new Map());
    runs.get(row.run)?.set(row.qid, row.ranking);
  }
  return runs;
}
