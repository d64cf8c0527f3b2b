import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { anonymiseJudgment, type Change } from "../anonymise/anonymise";

/**
 * Measures the anonymiser (法释〔2016〕19号第八条至第十一条) against a hand-made gold annotation of real
 * judgments: for each text, the spans that must change (a name the rules hide, personal data of 第十条) and
 * the spans that must stay (judges, clerks, prosecutors, lawyers, law firms, courts — 第十一条). The gold holds
 * offsets, types and the SHA-256 of each text, never the text: the texts are read from the data folder.
 */

export const MUST_CHANGE_TYPES = [
  "id_number",
  "phone",
  "email",
  "bank_account",
  "plate",
  "certificate",
  "address",
  "protected_name",
] as const;
export type MustChangeType = (typeof MUST_CHANGE_TYPES)[number];
export type KeepType = "person" | "law_firm" | "court";
export type Split = "tune" | "held_out";

export interface GoldDocument {
  id: number;
  split: Split;
  sha256: string;
  length: number;
  /** [start, end, type]: UTF-16 offsets in the judgment text. */
  change: Array<[number, number, MustChangeType]>;
  /** Spans that may change or stay: text the court already masked in part, a flat not said to be a home … */
  optional: Array<[number, number]>;
  keep: Array<[number, number, KeepType]>;
}

export interface GoldFile {
  description: string;
  source: string;
  split: string;
  documents: GoldDocument[];
}

export interface Leak {
  id: number;
  split: Split;
  type: MustChangeType;
  start: number;
  end: number;
  /** How many of the span's characters the anonymiser left unchanged. */
  unchanged: number;
}

export interface DamagedKeep {
  id: number;
  split: Split;
  type: KeepType;
  start: number;
  end: number;
}

export interface TypeRecall {
  spans: number;
  recalled: number;
  recall: number;
}

export interface SplitReport {
  documents: number;
  recall: Partial<Record<MustChangeType, TypeRecall>>;
  /** Characters the anonymiser changed, and of those the ones outside every must-change and optional span. */
  changedCharacters: number;
  needlessCharacters: number;
  /** needlessCharacters / changedCharacters: the share of changed characters that did not need to change. */
  overChangeShare: number;
  keepSpans: number;
  damagedKeeps: DamagedKeep[];
  /** Gold spans not wholly changed (by offset). */
  leaks: Leak[];
  /** Gold spans whose original string is still somewhere in the anonymised text (by content). */
  survivors: Leak[];
}

export interface EvaluationReport {
  dataFile: string;
  missing: number[];
  mismatched: number[];
  splits: Record<Split | "all", SplitReport>;
}

const GOLD_FILE = path.join(import.meta.dirname, "lecardv2-gold.json");

export function readGold(file = GOLD_FILE): GoldFile {
  return JSON.parse(readFileSync(file, "utf8")) as GoldFile;
}

/** The texts of `judgments.jsonl` (LeCaRDv2 development share: `{id, query}` per line) by id. */
export function readJudgmentTexts(file: string): Map<number, string> {
  const texts = new Map<number, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as { id: number; query: string };
    texts.set(record.id, record.query);
  }
  return texts;
}

/** Marks every character of `text` an anonymiser change replaced or deleted. */
function changedMask(length: number, changes: readonly Change[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const change of changes) mask.fill(1, change.start, change.end);
  return mask;
}

function emptySplit(): SplitReport {
  return {
    documents: 0,
    recall: {},
    changedCharacters: 0,
    needlessCharacters: 0,
    overChangeShare: 0,
    keepSpans: 0,
    damagedKeeps: [],
    leaks: [],
    survivors: [],
  };
}

function count(report: SplitReport, type: MustChangeType, recalled: boolean): void {
  const entry = (report.recall[type] ??= { spans: 0, recalled: 0, recall: 0 });
  entry.spans += 1;
  if (recalled) entry.recalled += 1;
}

/**
 * The gold strings every occurrence of which must change (a name, a number, an address): those can be
 * searched for in the output. A string that also occurs where it may stay (那村 the village, in a sentence
 * that is not about a home) cannot.
 */
function stringsToGo(gold: GoldDocument, text: string): Set<string> {
  const mustChange = new Uint8Array(text.length);
  for (const [start, end] of gold.change) mustChange.fill(1, start, end);
  const strings = new Set<string>();
  for (const [start, end] of gold.change) {
    const value = text.slice(start, end);
    let everywhere = true;
    for (let at = text.indexOf(value); at >= 0 && everywhere; at = text.indexOf(value, at + 1))
      if (mustChange.subarray(at, at + value.length).some((c) => c === 0)) everywhere = false;
    if (everywhere) strings.add(value);
  }
  return strings;
}

/** Scores one document into each report of `into`. */
function scoreDocument(gold: GoldDocument, text: string, into: SplitReport[]): void {
  const { text: out, changes } = anonymiseJudgment(text);
  const changed = changedMask(text.length, changes);
  const allowed = new Uint8Array(text.length);
  for (const [start, end] of gold.change) allowed.fill(1, start, end);
  for (const [start, end] of gold.optional) allowed.fill(1, start, end);
  let changedCharacters = 0;
  let needlessCharacters = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (changed[i] === 0) continue;
    changedCharacters += 1;
    if (allowed[i] === 0) needlessCharacters += 1;
  }
  const leaks: Leak[] = [];
  const survivors: Leak[] = [];
  const mustGoEverywhere = stringsToGo(gold, text);
  const recalls: Array<[MustChangeType, boolean]> = [];
  for (const [start, end, type] of gold.change) {
    let unchanged = 0;
    for (let i = start; i < end; i += 1) if (changed[i] === 0) unchanged += 1;
    recalls.push([type, unchanged === 0]);
    if (unchanged > 0) leaks.push({ id: gold.id, split: gold.split, type, start, end, unchanged });
    // By content: a string the gold wants gone everywhere must not be anywhere in the output.
    const original = text.slice(start, end);
    if (mustGoEverywhere.has(original) && out.includes(original))
      survivors.push({ id: gold.id, split: gold.split, type, start, end, unchanged });
  }
  const damaged: DamagedKeep[] = [];
  for (const [start, end, type] of gold.keep)
    if (changed.subarray(start, end).some((c) => c === 1))
      damaged.push({ id: gold.id, split: gold.split, type, start, end });
  for (const report of into) {
    report.documents += 1;
    report.changedCharacters += changedCharacters;
    report.needlessCharacters += needlessCharacters;
    report.keepSpans += gold.keep.length;
    report.damagedKeeps.push(...damaged);
    report.leaks.push(...leaks);
    report.survivors.push(...survivors);
    for (const [type, recalled] of recalls) count(report, type, recalled);
  }
}

/** Runs the anonymiser over every gold document found in `dataFile` and scores it per split. */
export function evaluateAnonymisation(dataFile: string, gold: GoldFile = readGold()): EvaluationReport {
  const texts = readJudgmentTexts(dataFile);
  const splits: Record<Split | "all", SplitReport> = {
    tune: emptySplit(),
    held_out: emptySplit(),
    all: emptySplit(),
  };
  const missing: number[] = [];
  const mismatched: number[] = [];
  for (const document of gold.documents) {
    const text = texts.get(document.id);
    if (text === undefined) {
      missing.push(document.id);
      continue;
    }
    // The gold's offsets hold only for the very text it was made on.
    if (createHash("sha256").update(text).digest("hex") !== document.sha256) {
      mismatched.push(document.id);
      continue;
    }
    scoreDocument(document, text, [splits[document.split], splits.all]);
  }
  for (const report of Object.values(splits)) {
    report.overChangeShare =
      report.changedCharacters === 0 ? 0 : report.needlessCharacters / report.changedCharacters;
    for (const entry of Object.values(report.recall))
      entry.recall = entry.spans === 0 ? 1 : entry.recalled / entry.spans;
  }
  return { dataFile, missing, mismatched, splits };
}

interface PlacedSpan {
  id: number;
  type: string;
  start: number;
  end: number;
}

function groupById(spans: readonly PlacedSpan[]): Map<number, PlacedSpan[]> {
  const groups = new Map<number, PlacedSpan[]>();
  for (const span of spans) groups.set(span.id, [...(groups.get(span.id) ?? []), span]);
  return groups;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)} %`;
}

/** The report as text: figures, then leaks by id and offsets only (no text of the judgments). */
export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [`data: ${report.dataFile}`];
  if (report.missing.length > 0) lines.push(`missing ids: ${report.missing.join(", ")}`);
  if (report.mismatched.length > 0)
    lines.push(`text changed since annotation (skipped): ${report.mismatched.join(", ")}`);
  for (const name of ["tune", "held_out", "all"] as const) {
    const split = report.splits[name];
    lines.push(``, `## ${name}: ${split.documents} judgments`);
    lines.push(`| type | spans | recalled | recall |`, `| --- | --- | --- | --- |`);
    for (const type of MUST_CHANGE_TYPES) {
      const entry = split.recall[type];
      if (entry) lines.push(`| ${type} | ${entry.spans} | ${entry.recalled} | ${percent(entry.recall)} |`);
    }
    lines.push(
      `changed characters: ${split.changedCharacters}, of which needless: ${split.needlessCharacters} ` +
        `(over-change share ${percent(split.overChangeShare)})`,
      `kept spans (judges, clerks, prosecutors, lawyers, law firms, courts): ${split.keepSpans}, damaged: ${split.damagedKeeps.length}`,
      `leaks (by offset): ${split.leaks.length}; survivors (original string still in the output): ${split.survivors.length}`,
    );
    if (name === "all") {
      const listed: Array<[string, readonly PlacedSpan[]]> = [
        ["leak", split.leaks],
        ["survivor", split.survivors],
        ["damaged keep", split.damagedKeeps],
      ];
      for (const [what, spans] of listed)
        for (const [id, list] of groupById(spans))
          lines.push(`  ${what} id=${id}: ${list.map((s) => `${s.type} [${s.start}, ${s.end})`).join(", ")}`);
    }
  }
  return lines.join("\n");
}
