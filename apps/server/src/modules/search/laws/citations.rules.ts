import { parseNumber, suffixFromOrdinal } from "./chinese-numerals.rules";
import { LAW_ALIASES } from "./law-aliases.data";
import { bracketedTitles } from "./law-history.rules";
import {
  isLawLikeTitle,
  parseVersionNote,
  shortTitle,
  splitVersionNote,
  type VersionNote,
} from "./law-titles.rules";

/** One article (or 款, 项, range) a citation points at, with its place in the text. */
export interface CitedArticle {
  /** Offsets in the input (UTF-16 code units, as String.prototype.slice counts). */
  start: number;
  end: number;
  number: number;
  suffix: string;
  /** 第Y款, or null. */
  paragraph: number | null;
  /** 第Z项, or null. */
  item: number | null;
  /** The last article of a range (第十条至第十二条), or null. */
  through: { number: number; suffix: string } | null;
}

/** A citation: a law title and the articles cited after it (none for a bare mention of a law). */
export interface ExtractedCitation {
  start: number;
  end: number;
  /** The title as written, without the outer 《》 and without a trailing version note. */
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Whether the title stood in 《》. */
  isBracketed: boolean;
  /** The issuer written before 《 (最高人民法院《关于…》), or null. */
  issuer: string | null;
  /** A version written with the title: 《民事诉讼法》（2017年修正） or 1979年《刑法》. */
  version: VersionNote | null;
  articles: CitedArticle[];
}

const NUM = "[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+";
const ARTICLE = new RegExp(`第\\s*(${NUM})\\s*条(?:\\s*之\\s*(${NUM}))?`, "uy");
const PARAGRAPH = new RegExp(`第\\s*(${NUM})\\s*款`, "uy");
// 第（一）（二）项, （一）项, 第（三）: parenthesised items, 项 optional only after 第.
const PAREN_ITEM = `[（(]\\s*(?:${NUM})\\s*[)）]`;
const ITEMS_PAREN = new RegExp(
  `(第)?\\s*(${PAREN_ITEM}(?:\\s*(?:[、，,]\\s*)?${PAREN_ITEM})*)\\s*(项)?`,
  "uy",
);
// 第三项, 第一、二项.
const ITEMS_PLAIN = new RegExp(`第\\s*((?:${NUM})(?:\\s*[、，,]\\s*(?:${NUM}))*)\\s*项`, "uy");
const SEPARATOR = /\s*(?:、|，|,|；|;|以及|和|及|与|或者|或|并)\s*/uy;
const RANGE = /\s*(?:至|到|—|－|-|～|~)\s*/uy;
const SPACES = /[\s\u2002\u3000]*/uy;
const ISSUER =
  /(最高人民法院、最高人民检察院|最高人民法院\s*最高人民检察院|最高人民法院|最高人民检察院|国务院)\s*$/u;
const YEAR_PREFIX = /([12][0-9]{3})\s*年\s*(?:修正的|修订的|的)?\s*$/u;

function at(regex: RegExp, text: string, position: number): RegExpExecArray | null {
  regex.lastIndex = position;
  return regex.exec(text);
}

function numberOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = parseNumber(text.replace(/\s+/gu, ""));
  return value !== null && value > 0 ? value : null;
}

function parenthesisedNumbers(group: string): number[] {
  return [...group.matchAll(new RegExp(`[（(]\\s*(${NUM})\\s*[)）]`, "gu"))]
    .map((match) => numberOf(match[1]))
    .filter((value): value is number => value !== null);
}

/** Parses the article list that follows a title, from `position`; returns the references and where they end. */
export function parseArticleList(text: string, position: number): { articles: CitedArticle[]; end: number } {
  const articles: CitedArticle[] = [];
  let cursor = position;
  let current: { number: number; suffix: string } | null = null;
  let paragraph: number | null = null;
  let expectArticleOnly = true;

  for (;;) {
    const groupStart = cursor;
    let matchedSomething = false;
    const article = at(ARTICLE, text, cursor);
    if (article) {
      const number = numberOf(article[1]);
      const ordinal = article[2] === undefined ? 0 : numberOf(article[2]);
      if (number === null || ordinal === null) break;
      current = { number, suffix: suffixFromOrdinal(ordinal) };
      paragraph = null;
      cursor = article.index + article[0].length;
      matchedSomething = true;
    } else if (expectArticleOnly || current === null) {
      break;
    }
    // 第Y款
    const para = at(PARAGRAPH, text, at(SPACES, text, cursor) ? SPACES.lastIndex : cursor);
    if (para) {
      const value = numberOf(para[1]);
      if (value !== null) {
        paragraph = value;
        cursor = para.index + para[0].length;
        matchedSomething = true;
      }
    }
    // 第Z项 (one or several)
    const itemsAt = at(SPACES, text, cursor) ? SPACES.lastIndex : cursor;
    let items: number[] = [];
    const plain = at(ITEMS_PLAIN, text, itemsAt);
    if (plain) {
      items = (plain[1] ?? "")
        .split(/[、，,]/u)
        .map((part) => numberOf(part))
        .filter((v): v is number => v !== null);
      if (items.length > 0) cursor = plain.index + plain[0].length;
    } else {
      const paren = at(ITEMS_PAREN, text, itemsAt);
      // Bare （一） counts as an item only with 第 before or 项 after it.
      if (paren && (paren[1] !== undefined || paren[3] !== undefined)) {
        items = parenthesisedNumbers(paren[2] ?? "");
        if (items.length > 0) cursor = paren.index + paren[0].length;
      }
    }
    if (items.length > 0) matchedSomething = true;
    if (!matchedSomething || current === null) break;

    const end = cursor;
    if (items.length === 0) {
      articles.push({ start: groupStart, end, ...current, paragraph, item: null, through: null });
    } else {
      for (const item of items)
        articles.push({ start: groupStart, end, ...current, paragraph, item, through: null });
    }
    expectArticleOnly = false;

    // 第十条至第十二条
    const last = articles.at(-1);
    const range = at(RANGE, text, cursor);
    if (range && last && last.paragraph === null && last.item === null) {
      const to = at(ARTICLE, text, range.index + range[0].length);
      const toNumber = to ? numberOf(to[1]) : null;
      const toOrdinal = to ? (to[2] === undefined ? 0 : numberOf(to[2])) : null;
      if (to && toNumber !== null && toOrdinal !== null && toNumber >= last.number) {
        last.through = { number: toNumber, suffix: suffixFromOrdinal(toOrdinal) };
        cursor = to.index + to[0].length;
        last.end = cursor;
        current = last.through;
      }
    }
    const separator = at(SEPARATOR, text, cursor);
    if (!separator) break;
    const next = separator.index + separator[0].length;
    // Continue only if a reference follows the separator; otherwise the list ended before it.
    if (!(
      at(ARTICLE, text, next) ||
      at(PARAGRAPH, text, next) ||
      at(ITEMS_PLAIN, text, next) ||
      startsWithItem(text, next)
    ))
      break;
    cursor = next;
  }
  const end = articles.at(-1)?.end ?? position;
  return { articles, end };
}

function startsWithItem(text: string, position: number): boolean {
  const paren = at(ITEMS_PAREN, text, position);
  return paren !== null && (paren[1] !== undefined || paren[3] !== undefined);
}

// Characters that may stand right before an unbracketed law name (依照刑法第…, 违反合同法第…).
const BARE_PRECEDERS = new Set([
  ...'照据依按反及和与或并的合用即是为对见以在经同款项条定、，,；;：:（(“"据于背犯触经',
]);

function bareTitlePattern(names: readonly string[]): RegExp {
  const escaped = [...new Set(names)]
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  return new RegExp(
    `(?:中华人民共和国)?(?:${escaped.join("|")})(?=\\s*(?:[（(][^)）]{0,10}[)）])?\\s*第)`,
    "gu",
  );
}

const DEFAULT_BARE_NAMES = LAW_ALIASES.flatMap((entry) => [shortTitle(entry.title), ...entry.aliases]);
const DEFAULT_BARE_PATTERN = bareTitlePattern(DEFAULT_BARE_NAMES);

/** Options of citation extraction. */
export interface ExtractCitationsOptions {
  /** Law names recognised without 《》 when an article number follows (default: the alias list). */
  bareTitles?: readonly string[] | undefined;
  /** Also return titles cited without an article (default true, law-like titles only). */
  includeTitleOnly?: boolean | undefined;
}

/**
 * Finds every law citation in a text: 《title》 (with nested 〈〉, issuer before 《, version note
 * or year) followed by article lists (第X条之一第Y款第（Z）项、第…, ranges 第十条至第十二条), and the
 * well-known law names cited without 《》 (依照刑法第二百一十四条). A law-like title cited without
 * articles is returned with no articles. Offsets are UTF-16 indices into `text`.
 */
export function extractCitations(text: string, options: ExtractCitationsOptions = {}): ExtractedCitation[] {
  const citations: ExtractedCitation[] = [];
  const bracketSpans = bracketedTitles(text);
  const includeTitleOnly = options.includeTitleOnly ?? true;

  for (const span of bracketSpans) {
    const { title, version: innerVersion } = splitVersionNote(span.title.trim());
    let cursor = span.end;
    cursor = at(SPACES, text, cursor) ? SPACES.lastIndex : cursor;
    let version = innerVersion;
    const note = /^[（(][^)）]{0,12}[)）]/u.exec(text.slice(cursor, cursor + 14));
    if (note) {
      const parsed = parseVersionNote(note[0]);
      if (parsed) {
        version = parsed;
        cursor += note[0].length;
        cursor = at(SPACES, text, cursor) ? SPACES.lastIndex : cursor;
      }
    }
    if (text.startsWith("的", cursor) && at(ARTICLE, text, cursor + 1)) cursor += 1;
    const { articles, end } = parseArticleList(text, cursor);
    if (articles.length === 0 && !(includeTitleOnly && isLawLikeTitle(title))) continue;
    const before = text.slice(Math.max(0, span.start - 24), span.start);
    const issuerMatch = /^关于/u.test(title) ? ISSUER.exec(before) : null;
    const yearMatch = version === null ? YEAR_PREFIX.exec(before) : null;
    const prefixLength = Math.max(issuerMatch?.[0].length ?? 0, yearMatch?.[0].length ?? 0);
    citations.push({
      start: span.start - prefixLength,
      end: articles.length > 0 ? end : span.end,
      title,
      titleStart: span.start,
      titleEnd: span.end,
      isBracketed: true,
      issuer: issuerMatch?.[1]?.replace(/\s+/gu, "") ?? null,
      version: version ?? (yearMatch ? { year: Number(yearMatch[1]), text: `${yearMatch[1]}年` } : null),
      articles,
    });
  }

  const pattern = options.bareTitles
    ? bareTitlePattern([...DEFAULT_BARE_NAMES, ...options.bareTitles])
    : DEFAULT_BARE_PATTERN;
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (bracketSpans.some((span) => start >= span.start && start < span.end)) continue;
    const previous = start > 0 ? text[start - 1] : undefined;
    if (previous !== undefined && /\p{Script=Han}/u.test(previous) && !BARE_PRECEDERS.has(previous)) continue;
    let cursor = start + match[0].length;
    cursor = at(SPACES, text, cursor) ? SPACES.lastIndex : cursor;
    let version: VersionNote | null = null;
    const note = /^[（(][^)）]{0,10}[)）]/u.exec(text.slice(cursor, cursor + 12));
    if (note) {
      version = parseVersionNote(note[0]);
      cursor += note[0].length;
      cursor = at(SPACES, text, cursor) ? SPACES.lastIndex : cursor;
    }
    const { articles, end } = parseArticleList(text, cursor);
    if (articles.length === 0) continue;
    citations.push({
      start,
      end,
      title: match[0],
      titleStart: start,
      titleEnd: start + match[0].length,
      isBracketed: false,
      issuer: null,
      version,
      articles,
    });
  }
  return citations.sort((a, b) => a.start - b.start);
}
