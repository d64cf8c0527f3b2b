import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { suffixOrdinal } from "./chinese-numerals.rules";
import { deriveEffectiveFrom, historyDates, parseRepealClauses } from "./law-history.rules";
import { shortTitle, titleKey } from "./law-titles.rules";
import type { LawArticleRecord, LawCorpus, LawRecord, LawRepealRecord } from "./laws.types";

/** Streams the JSON objects of a JSONL file, gzip-compressed when the name ends in `.gz`. */
export async function* readJsonLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const raw = createReadStream(file);
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim().length === 0) continue;
      yield { line, value: JSON.parse(text) as unknown };
    }
  } finally {
    lines.close();
    raw.destroy();
  }
}

function field<T>(
  object: Record<string, unknown>,
  name: string,
  check: (value: unknown) => value is T,
  where: string,
): T {
  const value = object[name];
  if (!check(value)) throw new Error(`${where}: field "${name}" is missing or malformed`);
  return value;
}
const isString = (value: unknown): value is string => typeof value === "string";
const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Turns one line of laws.jsonl into a record with derived title key and in-force date. Throws on malformed input. */
export function toLawRecord(value: unknown, where: string): LawRecord {
  if (!isObject(value)) throw new Error(`${where}: not an object`);
  const title = field(value, "title", isString, where);
  const versionDate = field(value, "version_date", isStringOrNull, where);
  const history = field(value, "history", isStringArray, where);
  const body = field(value, "body", isString, where);
  const { effectiveFrom, source } = deriveEffectiveFrom({ title, versionDate, history, body });
  return {
    id: field(value, "id", isString, where),
    path: field(value, "path", isString, where),
    category: field(value, "category", isString, where),
    title,
    titleKey: titleKey(title),
    shortTitle: shortTitle(title),
    subtitle: field(value, "subtitle", isStringOrNull, where),
    versionDate,
    isLatestVersion: field(value, "is_latest_version", isBoolean, where),
    effectiveFrom,
    effectiveFromSource: source,
    history,
    articleCount: field(value, "articles", isCount, where),
    body,
  };
}

/** The stable id of an article: law id, number, and the ordinal of 之X. */
export function articleId(lawId: string, number: number, suffix: string): string {
  const ordinal = suffixOrdinal(suffix) ?? 0;
  return ordinal === 0 ? `${lawId}/${number}` : `${lawId}/${number}-${ordinal}`;
}

/** Turns one line of articles.jsonl into a record; `position` is its order within the law. Throws on malformed input. */
export function toLawArticleRecord(value: unknown, position: number, where: string): LawArticleRecord {
  if (!isObject(value)) throw new Error(`${where}: not an object`);
  const lawId = field(value, "law_id", isString, where);
  const number = field(value, "number", isCount, where);
  const suffix = field(value, "suffix", isString, where);
  if (number === 0 || suffixOrdinal(suffix) === null)
    throw new Error(`${where}: bad article number ${number}${suffix}`);
  return {
    id: articleId(lawId, number, suffix),
    lawId,
    number,
    suffix,
    position,
    label: field(value, "article", isString, where),
    part: field(value, "part", isStringOrNull, where),
    headings: field(value, "headings", isStringArray, where).map((heading) =>
      heading.replace(/[\u2002\u3000]+/gu, " "),
    ),
    text: field(value, "text", isString, where),
  };
}

/** Streams laws.jsonl(.gz) as records ready for bulk insertion. */
export async function* readLawRecords(file: string): AsyncGenerator<LawRecord> {
  for await (const { line, value } of readJsonLines(file)) yield toLawRecord(value, `${file}:${line}`);
}

/** Streams articles.jsonl(.gz) as records ready for bulk insertion (positions counted per law). */
export async function* readLawArticleRecords(file: string): AsyncGenerator<LawArticleRecord> {
  const positions = new Map<string, number>();
  for await (const { line, value } of readJsonLines(file)) {
    const lawId = isObject(value) && isString(value.law_id) ? value.law_id : "";
    const position = (positions.get(lawId) ?? 0) + 1;
    positions.set(lawId, position);
    yield toLawArticleRecord(value, position, `${file}:${line}`);
  }
}

/**
 * The repeals one article states (…同时废止), dated by the clause, else by the repealing law:
 * its adoption when it commenced on promulgation (本法自公布之日起施行), else its in-force date.
 */
export function repealsStatedIn(article: LawArticleRecord, law: LawRecord): LawRepealRecord[] {
  if (!article.text.includes("废止")) return [];
  const out: LawRepealRecord[] = [];
  for (const clause of parseRepealClauses(article.text)) {
    const fallback = /公布之日|发布之日/u.test(article.text)
      ? (historyDates(law.history)[0] ?? law.effectiveFrom)
      : law.effectiveFrom;
    for (const repealed of clause.titles) {
      const bare = repealed.title.trim();
      const key = titleKey(repealed.issuer && /^关于/u.test(bare) ? `${repealed.issuer}${bare}` : bare);
      // Kept even when the key is the law's own: an older text of the same title existed until then
      // (环境污染解释 2016 replaced the 2013 one), which the checker needs for earlier dates.
      if (key.length < 2) continue;
      out.push({
        repealedTitle: bare,
        repealedTitleKey: key,
        repealedOn: clause.date ?? fallback,
        repealedByLawId: law.id,
        repealedByTitle: law.title,
        repealedByTitleKey: law.titleKey,
        repealedByArticle: article.label,
      });
    }
  }
  return out;
}

/** Keeps one repeal per repealed title and repealing law: the earliest dated one. */
export function dedupeRepeals(repeals: readonly LawRepealRecord[]): LawRepealRecord[] {
  const byKey = new Map<string, LawRepealRecord>();
  for (const repeal of repeals) {
    const key = `${repeal.repealedTitleKey}\u0000${repeal.repealedByTitleKey}`;
    const existing = byKey.get(key);
    const earlier =
      !existing ||
      (existing.repealedOn === null && repeal.repealedOn !== null) ||
      (repeal.repealedOn !== null && existing.repealedOn !== null && repeal.repealedOn < existing.repealedOn);
    if (earlier) byKey.set(key, repeal);
  }
  return [...byKey.values()];
}

/** Where the two corpus files are. */
export interface LawCorpusFiles {
  lawsFile: string;
  articlesFile: string;
}

/** The corpus files in a folder (laws.jsonl.gz and articles.jsonl.gz). */
export function lawCorpusFiles(dir: string): LawCorpusFiles {
  return { lawsFile: path.join(dir, "laws.jsonl.gz"), articlesFile: path.join(dir, "articles.jsonl.gz") };
}

/**
 * Loads the whole corpus into plain records: laws, their articles, and the repeals the articles
 * state. Throws when an article names a law the laws file does not hold.
 */
export async function loadLawCorpus(files: LawCorpusFiles): Promise<LawCorpus> {
  const laws: LawRecord[] = [];
  const lawsById = new Map<string, LawRecord>();
  for await (const law of readLawRecords(files.lawsFile)) {
    laws.push(law);
    lawsById.set(law.id, law);
  }
  const articles: LawArticleRecord[] = [];
  const repeals: LawRepealRecord[] = [];
  for await (const article of readLawArticleRecords(files.articlesFile)) {
    const law = lawsById.get(article.lawId);
    if (!law) throw new Error(`article ${article.id} names an unknown law`);
    articles.push(article);
    repeals.push(...repealsStatedIn(article, law));
  }
  return { laws, articles, repeals: dedupeRepeals(repeals) };
}
