/**
 * Full-text terms for law articles: overlapping character bigrams of each run of Chinese
 * characters (违约责任 → 违约 约责 责任) and whole ASCII words and numbers. Bigrams need no
 * dictionary, never miss a legal term that a word segmenter would split differently, and map onto
 * PostgreSQL's built-in tsvector with the `simple` configuration (no extension needed).
 */

const HAN = /\p{Script=Han}/u;
const RUNS = /\p{Script=Han}+|[a-z0-9]+/gu;
const MAX_WORD = 32;

/** Runs of Chinese characters and of ASCII letters/digits, after width and case folding. */
export function textRuns(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(RUNS) ?? [];
}

/** The terms of one run: bigrams of a Chinese run (a lone character is its own term), else the word. */
export function runTerms(run: string): string[] {
  if (!HAN.test(run)) return [run.slice(0, MAX_WORD)];
  const chars = [...run];
  if (chars.length === 1) return [run];
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i]}${chars[i + 1]}`);
  return terms;
}

/** Every term of a text in order (repeats kept), as the index stores it. */
export function indexTerms(text: string): string[] {
  return textRuns(text).flatMap(runTerms);
}

// Script=Han membership of every BMP code point, computed once with the same property as RUNS.
const HAN_BMP = (() => {
  const table = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp += 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (HAN.test(String.fromCharCode(cp))) table[cp] = 1;
  }
  return table;
})();
const TWO_POW_32 = 2 ** 32;

function isHan(cp: number): boolean {
  return cp < 0x10000 ? HAN_BMP[cp] === 1 : HAN.test(String.fromCodePoint(cp));
}

/**
 * The number a term is indexed under: a bigram of two BMP characters → c1 × 65536 + c2, a lone
 * BMP character → its code point, anything else (ASCII words, rare characters) → `intern(term)`,
 * which must return numbers of 2^32 or more (or undefined when the term is unknown).
 */
export function termCode(term: string, intern: (term: string) => number | undefined): number | undefined {
  if (term.length === 2 && isHan(term.charCodeAt(0)) && isHan(term.charCodeAt(1))) {
    return term.charCodeAt(0) * 0x10000 + term.charCodeAt(1);
  }
  if (term.length === 1 && isHan(term.charCodeAt(0))) return term.charCodeAt(0);
  return intern(term);
}

/**
 * Emits the code (see `termCode`) of every index term of a text, in order — the same terms as
 * `indexTerms`, without building a string per bigram, for indexing a whole corpus quickly.
 */
export function forEachIndexTermCode(
  text: string,
  intern: (term: string) => number,
  emit: (code: number) => void,
): void {
  const folded = text.normalize("NFKC").toLowerCase();
  let previous = -1; // previous Han code point in the current run
  let runLength = 0;
  let wordStart = -1;
  const endHanRun = () => {
    if (runLength === 1) emit(previous < 0x10000 ? previous : intern(String.fromCodePoint(previous)));
    runLength = 0;
    previous = -1;
  };
  const endWord = (end: number) => {
    if (wordStart >= 0) emit(intern(folded.slice(wordStart, end).slice(0, MAX_WORD)));
    wordStart = -1;
  };
  for (let i = 0; i < folded.length;) {
    const cp = folded.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isHan(cp)) {
      endWord(i);
      if (runLength > 0) {
        emit(
          previous < 0x10000 && cp < 0x10000
            ? previous * 0x10000 + cp
            : intern(String.fromCodePoint(previous, cp)),
        );
      }
      previous = cp;
      runLength += 1;
    } else if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) {
      endHanRun();
      if (wordStart < 0) wordStart = i;
    } else {
      endHanRun();
      endWord(i);
    }
    i += width;
  }
  endHanRun();
  endWord(folded.length);
}

/** A fresh interning table for `forEachIndexTermCode`: codes from 2^32 upwards. */
export function createTermInterner(): {
  intern: (term: string) => number;
  lookup: (term: string) => number | undefined;
} {
  const codes = new Map<string, number>();
  return {
    intern(term) {
      let code = codes.get(term);
      if (code === undefined) {
        code = TWO_POW_32 + codes.size;
        codes.set(term, code);
      }
      return code;
    },
    lookup: (term) => codes.get(term),
  };
}

/**
 * The runs of a query that can be searched: a lone Chinese character is dropped, since the index
 * holds bigrams (it keeps a lone character only where the text has one between punctuation).
 */
export function searchableRuns(query: string): string[] {
  return textRuns(query).filter((run) => !(HAN.test(run) && [...run].length === 1));
}

/** The terms of a query, grouped by run (a phrase is one run). */
export function queryRuns(query: string): string[][] {
  return searchableRuns(query).map(runTerms);
}

/**
 * A term as an ASCII token (`t` + five hex digits per code point), so the PostgreSQL text-search
 * parser reads it as one word under any database locale. 约责 → t07ea608d23.
 */
export function encodeTerm(term: string): string {
  let out = "t";
  for (const ch of term) out += (ch.codePointAt(0) ?? 0).toString(16).padStart(5, "0");
  return out;
}

/** The document the `search_vector` column is built from: `to_tsvector('simple', <this>)`. */
export function tsvectorSource(text: string): string {
  return indexTerms(text).map(encodeTerm).join(" ");
}

/**
 * The tsquery of a query: the terms of one run must follow each other (`<->`, an exact phrase),
 * runs are joined with `&`. Null when the query has no searchable term (e.g. one Chinese character).
 */
export function tsqueryFor(query: string, mode: "phrase" | "all" = "phrase"): string | null {
  const runs = queryRuns(query);
  if (runs.length === 0) return null;
  const joiner = mode === "phrase" ? " <-> " : " & ";
  return runs.map((terms) => `(${terms.map(encodeTerm).join(joiner)})`).join(" & ");
}
