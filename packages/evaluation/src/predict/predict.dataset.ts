import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type {
  CailLabelLists,
  CriminalCase,
  PredictionLine,
  ReferenceCase,
} from "@netcourt/server/search-engine";
import { SHARED_DATA_DIR } from "../shared-data";

/** Default location of the CAIL2018 development share. */
export const DEFAULT_CAIL_DIR = join(SHARED_DATA_DIR, "cail2018");

/** Reads a JSONL file of prediction lines (`predict run` output); lines without an id are skipped. */
export async function readPredictionLines(path: string): Promise<PredictionLine[]> {
  const text = await readFile(path, "utf8");
  const lines: PredictionLine[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`invalid_prediction_line: ${path}:${i + 1} is not JSON`);
    }
    const record = parsed as Partial<PredictionLine> | null;
    if (!record || typeof record.id !== "string") return;
    lines.push({
      id: record.id,
      accusation: Array.isArray(record.accusation) ? record.accusation.map(String) : [],
      relevant_articles: Array.isArray(record.relevant_articles) ? record.relevant_articles.map(Number) : [],
      term_of_imprisonment: record.term_of_imprisonment ?? {
        imprisonment: 0,
        death_penalty: false,
        life_imprisonment: false,
      },
    });
  });
  return lines;
}

/** Reads a JSONL file of CAIL2018 cases; throws `invalid_case_line` naming the line on bad input. */
export async function readCases(path: string): Promise<CriminalCase[]> {
  const text = await readFile(path, "utf8");
  const cases: CriminalCase[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`invalid_case_line: ${path}:${i + 1} is not JSON`);
    }
    if (typeof parsed !== "object" || parsed === null) throw new Error(`invalid_case_line: ${path}:${i + 1}`);
    const record = parsed as Partial<CriminalCase>;
    if (typeof record.fact !== "string") throw new Error(`invalid_case_line: ${path}:${i + 1} has no fact`);
    cases.push({
      ...record,
      id: typeof record.id === "string" ? record.id : `line-${i + 1}`,
      fact: record.fact,
    });
  });
  return cases;
}

/** True when the case carries a usable outcome (charges, articles and term). */
export function hasOutcome(record: CriminalCase): record is ReferenceCase {
  const meta = record.meta;
  return (
    meta !== undefined &&
    Array.isArray(meta.accusation) &&
    meta.accusation.length > 0 &&
    Array.isArray(meta.relevant_articles) &&
    typeof meta.term_of_imprisonment === "object"
  );
}

/** Reads accu.txt and law.txt from `dir` (one label a line, judger order). */
export async function readLabelLists(dir: string): Promise<CailLabelLists> {
  const [accu, law] = await Promise.all([
    readFile(join(dir, "accu.txt"), "utf8"),
    readFile(join(dir, "law.txt"), "utf8"),
  ]);
  const lines = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
  return { charges: lines(accu), articles: lines(law).map(Number) };
}

/** The folder holding accu.txt/law.txt for a cases file: its own folder. */
export function labelDirFor(casesPath: string): string {
  return dirname(casesPath);
}
