import { compareArticleNumbers } from "./chinese-numerals.rules";
import {
  clampLimit,
  HEADING_BOOST,
  type ArticleSearchHit,
  type ArticleSearchOptions,
  type LawCatalog,
} from "./law-catalog";
import { categoryWeight } from "./law-history.rules";
import {
  createTermInterner,
  forEachIndexTermCode,
  queryRuns,
  searchableRuns,
  termCode,
} from "./search-terms.rules";
import type { LawArticleRecord, LawCorpus, LawDocument, LawRepealRecord } from "./laws.types";

// BM25 parameters (Robertson & Zaragoza's usual values).
const K1 = 1.2;
const B = 0.75;

/**
 * An inverted index of article bigrams, built once. Terms get dense integer ids; postings are
 * built by a counting sort over all (term, article) occurrences, so the whole corpus indexes in
 * about a second and fits in a few tens of megabytes of typed arrays.
 */
class BigramIndex {
  readonly #termIds = new Map<number, number>();
  readonly #interner = createTermInterner();
  readonly #offsets: Uint32Array; // postings of term t: [offsets[t], offsets[t + 1])
  readonly #docs: Uint32Array;
  readonly #freqs: Uint16Array;
  readonly #lengths: Uint32Array;
  readonly #averageLength: number;
  readonly #scores: Float64Array;
  readonly #matched: Uint16Array;

  constructor(texts: readonly string[]) {
    let termOf = new Uint32Array(1 << 20);
    let docOf = new Uint32Array(1 << 20);
    let count = 0;
    this.#lengths = new Uint32Array(texts.length);
    texts.forEach((text, doc) => {
      let length = 0;
      forEachIndexTermCode(text, this.#interner.intern, (code) => {
        length += 1;
        let id = this.#termIds.get(code);
        if (id === undefined) {
          id = this.#termIds.size;
          this.#termIds.set(code, id);
        }
        if (count === termOf.length) {
          const grownTerms = new Uint32Array(termOf.length * 2);
          grownTerms.set(termOf);
          termOf = grownTerms;
          const grownDocs = new Uint32Array(docOf.length * 2);
          grownDocs.set(docOf);
          docOf = grownDocs;
        }
        termOf[count] = id;
        docOf[count] = doc;
        count += 1;
      });
      this.#lengths[doc] = length;
    });
    const termCount = this.#termIds.size;
    // Counting sort by term; documents stay in ascending order within a term.
    const starts = new Uint32Array(termCount + 1);
    for (let i = 0; i < count; i += 1) {
      const slot = (termOf[i] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let t = 0; t < termCount; t += 1) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
    const fill = starts.slice(0, termCount);
    const sortedDocs = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) {
      const term = termOf[i] ?? 0;
      sortedDocs[fill[term] ?? 0] = docOf[i] ?? 0;
      fill[term] = (fill[term] ?? 0) + 1;
    }
    // Collapse repeated (term, doc) pairs into a term frequency.
    this.#offsets = new Uint32Array(termCount + 1);
    this.#docs = new Uint32Array(count);
    this.#freqs = new Uint16Array(count);
    let out = 0;
    for (let t = 0; t < termCount; t += 1) {
      this.#offsets[t] = out;
      const end = starts[t + 1] ?? 0;
      for (let i = starts[t] ?? 0; i < end; i += 1) {
        const doc = sortedDocs[i] ?? 0;
        if (out > (this.#offsets[t] ?? 0) && this.#docs[out - 1] === doc) {
          this.#freqs[out - 1] = Math.min(65535, (this.#freqs[out - 1] ?? 0) + 1);
        } else {
          this.#docs[out] = doc;
          this.#freqs[out] = 1;
          out += 1;
        }
      }
    }
    this.#offsets[termCount] = out;
    this.#averageLength = texts.length === 0 ? 0 : count / texts.length;
    this.#scores = new Float64Array(texts.length);
    this.#matched = new Uint16Array(texts.length);
  }

  /** BM25 scores of the accepted documents holding at least one term, with how many distinct terms each matched. */
  score(
    terms: readonly string[],
    accept: (doc: number) => boolean,
  ): Array<{ doc: number; score: number; matched: number }> {
    const n = this.#lengths.length;
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const code = termCode(term, this.#interner.lookup);
      const id = code === undefined ? undefined : this.#termIds.get(code);
      if (id === undefined) continue;
      const from = this.#offsets[id] ?? 0;
      const to = this.#offsets[id + 1] ?? 0;
      const df = to - from;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = from; i < to; i += 1) {
        const doc = this.#docs[i] ?? 0;
        if ((this.#matched[doc] ?? 0) === 0) {
          if (!accept(doc)) continue;
          touched.push(doc);
        }
        const tf = this.#freqs[i] ?? 0;
        const norm = tf + K1 * (1 - B + (B * (this.#lengths[doc] ?? 0)) / (this.#averageLength || 1));
        this.#scores[doc] = (this.#scores[doc] ?? 0) + (idf * tf * (K1 + 1)) / norm;
        this.#matched[doc] = (this.#matched[doc] ?? 0) + 1;
      }
    }
    const out = touched.map((doc) => ({
      doc,
      score: this.#scores[doc] ?? 0,
      matched: this.#matched[doc] ?? 0,
    }));
    for (const doc of touched) {
      this.#scores[doc] = 0;
      this.#matched[doc] = 0;
    }
    return out;
  }
}

function byPath(a: LawDocument, b: LawDocument): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * A law catalogue held in memory: lookups by title key and article number through maps, full text
 * through a bigram index ranked by BM25, weighted towards national laws, exact phrases and matching
 * headings. The index takes a few seconds to build for the whole corpus, on the first full-text
 * search or at once with `buildIndexNow`; every query after that is in memory.
 */
export function createMemoryLawCatalog(
  corpus: LawCorpus,
  options: { buildIndexNow?: boolean } = {},
): LawCatalog {
  const laws = corpus.laws.map((law): LawDocument => {
    const { body: _body, ...document } = law;
    return document;
  });
  const lawsById = new Map(laws.map((law) => [law.id, law]));
  const lawsByKey = new Map<string, LawDocument[]>();
  for (const law of laws) {
    const list = lawsByKey.get(law.titleKey);
    if (list) list.push(law);
    else lawsByKey.set(law.titleKey, [law]);
  }
  const articles = corpus.articles;
  const articlesByLaw = new Map<string, LawArticleRecord[]>();
  for (const article of articles) {
    const list = articlesByLaw.get(article.lawId);
    if (list) list.push(article);
    else articlesByLaw.set(article.lawId, [article]);
  }
  const articleIndex = new Map<string, LawArticleRecord>();
  for (const article of articles)
    articleIndex.set(`${article.lawId}\u0000${article.number}\u0000${article.suffix}`, article);
  const repealsByKey = new Map<string, LawRepealRecord[]>();
  for (const repeal of corpus.repeals) {
    const list = repealsByKey.get(repeal.repealedTitleKey);
    if (list) list.push(repeal);
    else repealsByKey.set(repeal.repealedTitleKey, [repeal]);
  }
  let index: BigramIndex | null = null;
  const bigrams = () => (index ??= new BigramIndex(articles.map((article) => article.text)));
  // The index is built on the first full-text search unless asked for now (a server warms it at start).
  if (options.buildIndexNow) bigrams();
  let folded: string[] | null = null;
  const foldedText = (doc: number) =>
    (folded ??= articles.map((a) => a.text.normalize("NFKC").toLowerCase()))[doc] ?? "";
  let foldedHeadings: string[] | null = null;
  const headingText = (doc: number) =>
    (foldedHeadings ??= articles.map((a) => a.headings.join(" ").normalize("NFKC").toLowerCase()))[doc] ?? "";

  return {
    async findLawsByTitleKeys(keys) {
      return [...new Set(keys)].flatMap((key) => lawsByKey.get(key) ?? []).sort(byPath);
    },
    async findLawsByTitleKeySuffix(suffix, limit) {
      if (suffix.length === 0) return [];
      return laws
        .filter((law) => law.titleKey.endsWith(suffix))
        .sort((a, b) => a.titleKey.length - b.titleKey.length || byPath(a, b))
        .slice(0, limit);
    },
    async findLawsByTitleFragment(fragment, limit) {
      if (fragment.length === 0) return [];
      return laws
        .filter((law) => law.titleKey.includes(fragment))
        .sort((a, b) => a.titleKey.length - b.titleKey.length || byPath(a, b))
        .slice(0, limit);
    },
    async getLaw(id) {
      return lawsById.get(id) ?? null;
    },
    async findRepeals(keys) {
      return [...new Set(keys)].flatMap((key) => repealsByKey.get(key) ?? []);
    },
    async findArticles(lawIds, number, suffix) {
      return lawIds
        .map((lawId) => articleIndex.get(`${lawId}\u0000${number}\u0000${suffix}`))
        .filter((article): article is LawArticleRecord => article !== undefined);
    },
    async findArticlesInRange(lawIds, from, to) {
      return lawIds
        .flatMap((lawId) =>
          (articlesByLaw.get(lawId) ?? []).filter((a) => a.number >= from && a.number <= to),
        )
        .sort(compareArticleNumbers);
    },
    async maxArticleNumber(lawIds) {
      let max: number | null = null;
      for (const lawId of lawIds)
        for (const article of articlesByLaw.get(lawId) ?? []) max = Math.max(max ?? 0, article.number);
      return max;
    },
    async searchArticles(query, options: ArticleSearchOptions = {}) {
      const limit = clampLimit(options.limit);
      const runs = queryRuns(query);
      const terms = runs.flat();
      if (terms.length === 0) return [];
      const latestOnly = options.latestOnly ?? true;
      const allowed = options.lawIds ? new Set(options.lawIds) : null;
      const accept = (doc: number) => {
        const article = articles[doc];
        if (!article) return false;
        if (allowed && !allowed.has(article.lawId)) return false;
        return !latestOnly || (lawsById.get(article.lawId)?.isLatestVersion ?? false);
      };
      const distinct = new Set(terms).size;
      const phrases = searchableRuns(query);
      const hits: ArticleSearchHit[] = [];
      for (const { doc, score, matched } of bigrams().score(terms, accept)) {
        const article = articles[doc];
        const law = article ? lawsById.get(article.lawId) : undefined;
        if (!article || !law) continue;
        // Every bigram of the query must occur (as the database's `&` query requires).
        if (matched < distinct) continue;
        const text = foldedText(doc);
        const isPhraseMatch = phrases.every((phrase) => text.includes(phrase));
        // An article under a heading that names the words (第八章 违约责任) is about them.
        const headings = headingText(doc);
        const isHeadingMatch = phrases.every((phrase) => headings.includes(phrase));
        const weighted =
          score *
          (isPhraseMatch ? 1.5 : 1) *
          (isHeadingMatch ? HEADING_BOOST : 1) *
          categoryWeight(law.category);
        hits.push({ article, law, score: weighted, isPhraseMatch });
      }
      return hits
        .sort(
          (a, b) =>
            Number(b.isPhraseMatch) - Number(a.isPhraseMatch) ||
            b.score - a.score ||
            (a.law.path < b.law.path ? -1 : a.law.path > b.law.path ? 1 : 0) ||
            a.article.position - b.article.position,
        )
        .slice(0, limit);
    },
  };
}
