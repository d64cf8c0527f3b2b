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

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** Reads queries.jsonl. */
export function readQueries(path: string): LecardQuery[] {
  return readJsonLines<LecardQuery>(path);
}

/** Reads pools.jsonl into qid → candidate doc ids. */
export function readPools(path: string): Map<number, number[]> {
  return new Map(
    readJsonLines<{ qid: number; candidates: number[] }>(path).map((p) => [p.qid, p.candidates]),
  );
}

/** Streams candidates (JSONL, gzip when the name ends in .gz). */
export async function* readCandidates(path: string): AsyncGenerator<LecardCandidate> {
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length > 0) yield JSON.parse(line) as LecardCandidate;
  }
}

/** Reads TREC qrels (`qid 0 doc_id label`, tab or space separated). */
export function readQrels(path: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 4) continue;
    const qid = Number(parts[0]);
    const doc = Number(parts[2]);
    const label = Number(parts[3]);
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)?.set(doc, label);
  }
  return qrels;
}

/** Reads a TREC run file (`qid Q0 doc_id rank score tag`), ordering each query by rank. */
export function readTrecRun(path: string): Run {
  const rows = new Map<number, { doc: number; rank: number; score: number }[]>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 6) continue;
    const qid = Number(parts[0]);
    if (!rows.has(qid)) rows.set(qid, []);
    rows.get(qid)?.push({ doc: Number(parts[2]), rank: Number(parts[3]), score: Number(parts[4]) });
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
  for (const row of readJsonLines<{ run: string; qid: number; ranking: number[] }>(path)) {
    if (!runs.has(row.run)) runs.set(row.run, new Map());
    runs.get(row.run)?.set(row.qid, row.ranking);
  }
  return runs;
}
