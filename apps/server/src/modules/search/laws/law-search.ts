import { locateParagraphItem } from "./article-structure.rules";
import { parseArticleNumber, parseNumber, type ArticleNumber } from "./chinese-numerals.rules";
import { extractCitations } from "./citations.rules";
import { clampLimit, type LawCatalog } from "./law-catalog";
import { LAW_ALIASES } from "./law-aliases.data";
import { groupLawWorks, versionInForce, type LawVersion, type LawWork } from "./law-history.rules";
import { citationLabel, lawLabel } from "./law-labels";
import { resolveLawTitle, versionLawIds } from "./law-lookup";
import { aliasesOfKey, titleKey } from "./law-titles.rules";
import type { LawArticleRecord, LawDocument, LocalizedText } from "./laws.types";

/** Options of a law search. */
export interface LawSearchOptions {
  /** Resolve versions as in force on this date (YYYY-MM-DD); default: the latest version. */
  at?: string | undefined;
  /** At most this many results (default 20, at most 200). */
  limit?: number | undefined;
  /** Restrict article-number and full-text search to this law (any of its titles). */
  law?: string | undefined;
}

/** A law version as search results list it. */
export interface LawVersionSummary {
  versionDate: string | null;
  effectiveFrom: string | null;
  isLatestVersion: boolean;
  lawIds: string[];
}

/** A law found by its title. */
export interface LawResult {
  kind: "law";
  score: number;
  title: string;
  shortTitle: string;
  titleKey: string;
  category: string;
  aliases: string[];
  label: LocalizedText;
  versions: LawVersionSummary[];
}

/** An article found by number or by its words. */
export interface ArticleResult {
  kind: "article";
  score: number;
  /** True for an article asked for by number; false for a full-text hit. */
  isExact: boolean;
  article: LawArticleRecord;
  law: LawDocument;
  /** The cited 款/项 line, when the query named one. */
  excerpt: string | null;
  label: LocalizedText;
}

export type LawSearchResult = LawResult | ArticleResult;

/** How the query was read, so the UI can say what it searched for. */
export interface LawSearchInterpretation {
  title: string | null;
  article: (ArticleNumber & { paragraph: number | null; item: number | null }) | null;
  text: string | null;
}

export interface LawSearchResponse {
  query: string;
  interpretation: LawSearchInterpretation;
  results: LawSearchResult[];
}

const ARTICLE_TAIL =
  /(第?\s*[0-9０-９零〇一二两三四五六七八九十百千]+\s*条?\s*(?:之\s*[0-9一二三四五六七八九十]+)?)\s*(?:第\s*([0-9零〇一二三四五六七八九十]+)\s*款)?\s*(?:第?\s*[（(]?\s*([0-9零〇一二三四五六七八九十]+)\s*[)）]?\s*项)?\s*$/u;

function summarise(work: LawWork, score: number): LawResult {
  return {
    kind: "law",
    score,
    title: work.title,
    shortTitle: work.shortTitle,
    titleKey: work.titleKey,
    category: work.category,
    aliases: aliasesOfKey(work.titleKey),
    label: lawLabel(work.title),
    versions: work.versions.map((version) => ({
      versionDate: version.versionDate,
      effectiveFrom: version.effectiveFrom,
      isLatestVersion: version.isLatestVersion,
      lawIds: versionLawIds(version),
    })),
  };
}

function chooseVersion(work: LawWork, at: string | undefined): LawVersion | null {
  if (at) return versionInForce(work, at);
  return (
    [...work.versions].reverse().find((version) => version.isLatestVersion) ?? work.versions.at(-1) ?? null
  );
}

async function articleResult(
  catalog: LawCatalog,
  work: LawWork,
  pointer: ArticleNumber & { paragraph: number | null; item: number | null },
  at: string | undefined,
  score: number,
): Promise<ArticleResult | null> {
  const version = chooseVersion(work, at);
  if (!version) return null;
  const [article] = await catalog.findArticles(versionLawIds(version), pointer.number, pointer.suffix);
  const law = article ? version.documents.find((doc) => doc.id === article.lawId) : undefined;
  if (!article || !law) return null;
  const located = locateParagraphItem(article.text, pointer.paragraph, pointer.item);
  const excerpt = located.found ? (located.item ?? located.paragraph?.text ?? null) : null;
  return {
    kind: "article",
    score,
    isExact: true,
    article,
    law,
    excerpt,
    label: citationLabel(version.title, { ...pointer, suffix: article.suffix }),
  };
}

/** Splits 民法典577条 / 民法典 第五百七十七条 / 133之一 into a title part and an article part. */
function splitTitleAndArticle(query: string): {
  title: string;
  article: (ArticleNumber & { paragraph: number | null; item: number | null }) | null;
} {
  const match = ARTICLE_TAIL.exec(query);
  if (!match) return { title: query, article: null };
  const title = query.slice(0, match.index).trim();
  const article = parseArticleNumber(match[1] ?? "");
  // The title part, if any, must be a name (民法典, 《刑法》), not other words with numbers in them.
  if (!article || !/^[\p{Script=Han}《》〈〉\s]*$/u.test(title)) return { title: query, article: null };
  const paragraph = match[2] ? parseNumber(match[2]) : null;
  const item = match[3] ? parseNumber(match[3]) : null;
  return { title: title.replace(/^《|》$/gu, "").trim(), article: { ...article, paragraph, item } };
}

/** The works the alias list names (民法典, 民诉法, 刑法 …), for article numbers asked without a title. */
async function prominentWorks(catalog: LawCatalog): Promise<LawWork[]> {
  const keys = LAW_ALIASES.map((entry) => titleKey(entry.title));
  const works = groupLawWorks(await catalog.findLawsByTitleKeys(keys));
  return works.sort((a, b) => keys.indexOf(a.titleKey) - keys.indexOf(b.titleKey));
}

/**
 * Searches laws the way people ask: by title (民法典, 民诉法, 《民事诉讼法》), by article in any
 * form (民法典第五百七十七条, 刑法133之一, 577 alone searches the best-known laws), and by words
 * in article text (违约责任; 民法典 违约责任 searches inside one law). Exact articles come first,
 * then laws by title, then full-text hits.
 */
export async function searchLaws(
  catalog: LawCatalog,
  query: string,
  options: LawSearchOptions = {},
): Promise<LawSearchResponse> {
  const limit = clampLimit(options.limit);
  const trimmed = query.trim();
  const results: LawSearchResult[] = [];
  const interpretation: LawSearchInterpretation = { title: null, article: null, text: null };
  if (trimmed.length === 0) return { query, interpretation, results };

  const scope = options.law ? await resolveLawTitle(catalog, options.law) : null;
  const scopeWork = scope?.kind === "law" ? scope.work : null;

  // 1. A citation: 《民法典》第五百七十七条, 民诉法第一百二十二条, or title + bare number.
  const cited = extractCitations(trimmed, { includeTitleOnly: false })[0];
  const split = cited ? null : splitTitleAndArticle(trimmed);
  const citedTitle = cited?.title ?? (split && split.article ? split.title : null);
  const citedArticle = cited?.articles[0]
    ? {
        number: cited.articles[0].number,
        suffix: cited.articles[0].suffix,
        paragraph: cited.articles[0].paragraph,
        item: cited.articles[0].item,
      }
    : (split?.article ?? null);

  if (citedArticle) {
    interpretation.article = citedArticle;
    let works: LawWork[] = [];
    if (citedTitle && citedTitle.length > 0) {
      interpretation.title = citedTitle;
      const resolution = await resolveLawTitle(catalog, citedTitle, cited?.issuer ?? null);
      if (resolution.kind === "law") works = [resolution.work];
    } else {
      works = scopeWork ? [scopeWork] : await prominentWorks(catalog);
    }
    let rank = 0;
    for (const work of works) {
      const hit = await articleResult(catalog, work, citedArticle, options.at, 3 - rank / 100);
      if (hit) {
        results.push(hit);
        rank += 1;
      }
    }
    if (results.length > 0 || works.length > 0)
      return { query, interpretation, results: results.slice(0, limit) };
  }

  // 2. A title (exact, short, alias), optionally followed by words to search inside it.
  const [head, ...rest] = trimmed.split(/\s+/u);
  const headTitle = (head ?? "").replace(/^《|》$/gu, "");
  const exact = await resolveLawTitle(catalog, headTitle);
  if (exact.kind === "law") {
    interpretation.title = headTitle;
    if (rest.length === 0) {
      results.push(summarise(exact.work, 2));
    } else {
      const text = rest.join(" ");
      interpretation.text = text;
      const version = chooseVersion(exact.work, options.at);
      if (version) {
        const hits = await catalog.searchArticles(text, {
          lawIds: versionLawIds(version),
          latestOnly: false,
          limit,
        });
        results.push(...textResults(hits));
      }
      return { query, interpretation, results: results.slice(0, limit) };
    }
  } else {
    const key = titleKey(trimmed);
    if (key.length >= 2) {
      const works = groupLawWorks(await catalog.findLawsByTitleFragment(key, limit));
      works
        .sort((a, b) => a.titleKey.length - b.titleKey.length)
        .forEach((work, index) => results.push(summarise(work, 1.5 - index / 1000)));
    }
  }

  // 3. Words in article text.
  interpretation.text = trimmed;
  const version = scopeWork ? chooseVersion(scopeWork, options.at) : null;
  const hits = await catalog.searchArticles(trimmed, {
    lawIds: version ? versionLawIds(version) : undefined,
    latestOnly: !version,
    limit,
  });
  results.push(...textResults(hits));
  return { query, interpretation, results: results.slice(0, limit) };
}

function textResults(hits: Awaited<ReturnType<LawCatalog["searchArticles"]>>): ArticleResult[] {
  const top = hits[0]?.score ?? 1;
  return hits.map((hit) => ({
    kind: "article",
    // Below every exact answer, in the order the catalogue ranked them.
    score: top > 0 ? hit.score / top : 0,
    isExact: false,
    article: hit.article,
    law: hit.law,
    excerpt: null,
    label: citationLabel(hit.law.title, { number: hit.article.number, suffix: hit.article.suffix }),
  }));
}
