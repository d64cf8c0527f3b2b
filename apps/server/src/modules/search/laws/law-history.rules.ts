import { KNOWN_EFFECTIVE_DATES } from "./law-aliases.data";
import { titleKey } from "./law-titles.rules";
import type { EffectiveFromSource, LawDocument } from "./laws.types";

const DATE = /([12][0-9]{3})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日/u;

/** 2021年1月1日 → 2021-01-01; null when the text holds no such date or it is not a calendar day. */
export function parseChineseDate(text: string): string | null {
  const match = DATE.exec(text.normalize("NFKC"));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The year a date string starts with. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const COMMENCEMENT_IN_TEXT =
  /自\s*([12][0-9]{3}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*起?\s*(?:施行|实施|生效|执行)/gu;

/** The commencement dates a text states (本法自2021年1月1日起施行), in order. */
export function commencementDates(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize("NFKC").matchAll(COMMENCEMENT_IN_TEXT)) {
    const date = parseChineseDate(match[1] ?? "");
    if (date) out.push(date);
  }
  return out;
}

/** The facts the in-force date of a document is derived from. */
export interface EffectiveDateInput {
  title: string;
  versionDate: string | null;
  history: readonly string[];
  body: string;
}

/**
 * The date from which a version applies, and where it came from: a known commencement date of an
 * amendment, else a history line `…施行` (or `该修正自…施行`) not older than the version, else the
 * commencement article of the text (本法自…起施行) when not older than the version, else the
 * version date itself (most amendments take effect when promulgated).
 */
export function deriveEffectiveFrom(input: EffectiveDateInput): {
  effectiveFrom: string | null;
  source: EffectiveFromSource | null;
} {
  const key = titleKey(input.title);
  const known = KNOWN_EFFECTIVE_DATES.find(
    (entry) => entry.versionDate === input.versionDate && titleKey(entry.title) === key,
  );
  if (known) return { effectiveFrom: known.effectiveFrom, source: "curated" };
  const notBefore = (date: string) => input.versionDate === null || date >= input.versionDate;

  const fromHistory = input.history
    .filter((line) => /施行|实施|生效/u.test(line))
    .flatMap((line) => {
      const stated = commencementDates(line);
      if (stated.length > 0) return stated;
      // A line of the form `2021年1月1日 施行` or `…公告公布施行`.
      const date = /^\s*[12][0-9]{3}\s*年/u.test(line) ? parseChineseDate(line) : null;
      return date ? [date] : [];
    })
    .filter(notBefore)
    .sort();
  const historyDate = fromHistory.at(-1);
  if (historyDate) return { effectiveFrom: historyDate, source: "history" };

  const textDate = commencementDates(input.body).filter(notBefore).at(-1);
  if (textDate) return { effectiveFrom: textDate, source: "text" };

  if (input.versionDate) return { effectiveFrom: input.versionDate, source: "version_date" };
  return { effectiveFrom: null, source: null };
}

/**
 * Whether the history lines show that earlier texts existed: an amendment or revision, or a
 * second adoption (judicial interpretations are re-adopted: 2003年…通过, 2020年…通过).
 */
export function isAmendedVersion(history: readonly string[]): boolean {
  if (history.slice(1).some((line) => /修正|修订|修改|修正案/u.test(line))) return true;
  const adoptions = new Set(
    history.filter((line) => /通过/u.test(line)).map((line) => parseChineseDate(line)),
  );
  adoptions.delete(null);
  return adoptions.size >= 2;
}

/** The dates of the history lines, in order (adoption, amendments, commencement). */
export function historyDates(history: readonly string[]): string[] {
  return history.map((line) => parseChineseDate(line)).filter((date): date is string => date !== null);
}

/** A title named in a repeal clause, with the issuer written outside the brackets, if any. */
export interface RepealedTitle {
  title: string;
  issuer: string | null;
}

/** One `…同时废止` clause: the titles it repeals and the date it names (null: see the law). */
export interface RepealClause {
  titles: RepealedTitle[];
  date: string | null;
}

const ISSUER_BEFORE_TITLE =
  /(最高人民法院、最高人民检察院|最高人民法院|最高人民检察院|国务院|司法部|公安部)\s*$/u;

/**
 * Reads the repeal clauses of an article (民法典第一千二百六十条: 本法自2021年1月1日起施行。
 * 《中华人民共和国婚姻法》…《中华人民共和国民法总则》同时废止). Titles are those in 《》 in the
 * same sentence before 同时废止 / 予以废止 / 废止.
 */
export function parseRepealClauses(text: string): RepealClause[] {
  const clauses: RepealClause[] = [];
  const stated = commencementDates(text).at(0) ?? null;
  for (const match of text.matchAll(/(?:同时|即行|予以)?废止/gu)) {
    const end = match.index;
    const sentenceStart =
      Math.max(text.lastIndexOf("。", end), text.lastIndexOf("；", end), text.lastIndexOf("\n", end)) + 1;
    const sentence = text.slice(sentenceStart, end);
    const titles: RepealedTitle[] = [];
    for (const span of bracketedTitles(sentence)) {
      const issuer = ISSUER_BEFORE_TITLE.exec(sentence.slice(0, span.start))?.[1] ?? null;
      titles.push({ title: span.title, issuer });
    }
    if (titles.length > 0) clauses.push({ titles, date: stated });
  }
  return clauses;
}

/** 《…》 spans of a text, nested brackets (《…〈…〉…》 or 《…《…》…》) kept inside the title. */
export function bracketedTitles(text: string): Array<{ title: string; start: number; end: number }> {
  const out: Array<{ title: string; start: number; end: number }> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "《") {
      if (depth === 0) start = i;
      depth += 1;
    } else if (ch === "》" && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        out.push({ title: text.slice(start + 1, i), start, end: i + 1 });
      }
    } else if ((ch === "。" || ch === "\n") && depth > 0) {
      // An unclosed bracket does not swallow the next sentence.
      depth = 0;
    }
  }
  return out;
}

/** The versions of one law, oldest first, and the documents (parts) each consists of. */
export interface LawVersion {
  /** `${titleKey}@${versionDate ?? "undated"}`: the parts of a split law share it. */
  key: string;
  titleKey: string;
  title: string;
  versionDate: string | null;
  effectiveFrom: string | null;
  effectiveFromSource: EffectiveFromSource | null;
  isLatestVersion: boolean;
  /** True when history lines show amendments before this text. */
  isAmended: boolean;
  /** The first date of the history (adoption or promulgation of the law), or null. */
  adoptedOn: string | null;
  /** One document per part (民法典: eight), duplicates in other folders dropped. */
  documents: LawDocument[];
}

/** A law across its versions. */
export interface LawWork {
  titleKey: string;
  title: string;
  shortTitle: string;
  category: string;
  versions: LawVersion[];
}

const CATEGORY_ORDER = [
  "民法典",
  "宪法",
  "刑法",
  "诉讼与非诉讼程序法",
  "民法商法",
  "行政法",
  "经济法",
  "社会法",
  "宪法相关法",
];

function versionOrder(a: LawVersion, b: LawVersion): number {
  const ka = a.effectiveFrom ?? a.versionDate ?? "";
  const kb = b.effectiveFrom ?? b.versionDate ?? "";
  if (ka !== kb) return ka < kb ? -1 : 1;
  const va = a.versionDate ?? "";
  const vb = b.versionDate ?? "";
  if (va !== vb) return va < vb ? -1 : 1;
  return Number(a.isLatestVersion) - Number(b.isLatestVersion);
}

/** Groups documents into laws (by title key) and versions (by version date), oldest version first. */
export function groupLawWorks(documents: readonly LawDocument[]): LawWork[] {
  const byKey = new Map<string, LawDocument[]>();
  for (const doc of documents) {
    const list = byKey.get(doc.titleKey);
    if (list) list.push(doc);
    else byKey.set(doc.titleKey, [doc]);
  }
  const works: LawWork[] = [];
  for (const [key, docs] of byKey) {
    const versions = new Map<string, LawVersion>();
    for (const doc of [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const versionKey = `${key}@${doc.versionDate ?? "undated"}`;
      let version = versions.get(versionKey);
      if (!version) {
        version = {
          key: versionKey,
          titleKey: key,
          title: doc.title,
          versionDate: doc.versionDate,
          effectiveFrom: doc.effectiveFrom,
          effectiveFromSource: doc.effectiveFromSource,
          isLatestVersion: doc.isLatestVersion,
          isAmended: isAmendedVersion(doc.history),
          adoptedOn: historyDates(doc.history)[0] ?? null,
          documents: [],
        };
        versions.set(versionKey, version);
      }
      // The same file filed under two categories (广告法 in 行政法 and 经济法) is one text.
      if (version.documents.some((existing) => existing.subtitle === doc.subtitle)) continue;
      version.documents.push(doc);
      version.isLatestVersion ||= doc.isLatestVersion;
      if (version.effectiveFrom === null && doc.effectiveFrom !== null) {
        version.effectiveFrom = doc.effectiveFrom;
        version.effectiveFromSource = doc.effectiveFromSource;
      }
    }
    const ordered = [...versions.values()].sort(versionOrder);
    const newest = ordered.at(-1);
    if (!newest) continue;
    const first = newest.documents[0];
    works.push({
      titleKey: key,
      title: newest.title,
      shortTitle: first?.shortTitle ?? newest.title,
      category: first?.category ?? "",
      versions: ordered,
    });
  }
  return works;
}

/** The version that applies on `at` (YYYY-MM-DD): the newest one in force by then, or null. */
export function versionInForce(work: LawWork, at: string): LawVersion | null {
  let found: LawVersion | null = null;
  for (const version of work.versions) {
    if (version.effectiveFrom !== null && version.effectiveFrom <= at) found = version;
  }
  // A text that states no date at all (刑法修正案) is taken as applying, rather than as never in force.
  return found ?? [...work.versions].reverse().find((version) => version.effectiveFrom === null) ?? null;
}

/** The versions whose year (of version date or commencement) is `year`, newest first. */
export function versionsOfYear(work: LawWork, year: number): LawVersion[] {
  return work.versions
    .filter(
      (version) =>
        (version.versionDate !== null && yearOf(version.versionDate) === year) ||
        (version.effectiveFrom !== null && yearOf(version.effectiveFrom) === year),
    )
    .reverse();
}

/** A weight for ranking: national laws first, then interpretations, regulations, rules. */
export function categoryWeight(category: string): number {
  if (CATEGORY_ORDER.includes(category)) return 1;
  if (category === "司法解释") return 0.9;
  if (category === "行政法规") return 0.8;
  if (category === "部门规章") return 0.7;
  return 0.5;
}
