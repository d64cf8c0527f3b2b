import { loadLegalDictionary } from "./legal-dictionary";
import { normalizeNumerals } from "./numerals";
import { getLegalSegmenter, NO_WORD, type DictionarySegmenter } from "./segmenter";

/** Turns judgment text into index terms. */
export interface TextAnalyzer {
  /** Words of the text in order, after numeral normalisation, without stop words, punctuation or bare numbers. */
  tokenize(text: string): string[];
  /** `tokenize` for text already passed through `normalizeNumerals` (analysis normalises each section once). */
  tokenizeNormalized?(normalized: string): string[];
  /**
   * Term frequencies of text already passed through `normalizeNumerals`, the same terms as
   * `tokenizeNormalized` gives, with dictionary words as word ids of the legal segmenter
   * (`getLegalSegmenter().wordText`) instead of strings: indexing then makes no string per word.
   */
  countNormalized?: (normalized: string) => WordCounts;
  /** Raw segmentation (every word and punctuation mark), for tests and highlighting. */
  segment(text: string): string[];
}

/** Term frequencies of a text: dictionary words by word id, other terms as strings. */
export interface WordCounts {
  /** (word id, frequency) pairs, each word once, in order of first occurrence. */
  words: Int32Array;
  /** Terms the dictionary does not hold (joined Latin letters and digits, rare characters), each once. */
  otherTerms: string[];
  otherFreqs: number[];
  /** Number of tokens (BM25 length). */
  length: number;
}

/**
 * A word is kept only if it has a CJK ideograph or a Latin letter other than x: bare numbers,
 * dates, percentages and dimensions (3x4) carry no meaning across cases; amounts and weights are
 * compared as elements instead. Masked plates (湘A×××××) never reach here: × is not a word character.
 */
function isMeaningful(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (isMeaningfulChar(text.charCodeAt(i))) return true;
  return false;
}

function isMeaningfulChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a && c !== 0x78);
}

/** Longest word kept as a term (longer ones are runs of Latin letters and digits, not words). */
const MAX_TERM_LENGTH = 24;

/**
 * Whether each dictionary word id is kept as a term (the same rule as for strings: not longer
 * than `MAX_TERM_LENGTH`, meaningful, not a stop word), computed once for every id by walking up
 * to its first character (ids that are no word have no character and are not kept).
 */
function keptWordIds(segmenter: DictionarySegmenter, stopWords: ReadonlySet<string>): Uint8Array {
  const count = segmenter.wordCount;
  const kept = new Uint8Array(count);
  for (let word = 0; word < count; word += 1) {
    let depth = 0;
    let meaningful = false;
    for (let node = word; node !== NO_WORD; node = segmenter.parentWord(node)) {
      depth += 1;
      if (isMeaningfulChar(segmenter.lastChar(node))) meaningful = true;
    }
    kept[word] = depth <= MAX_TERM_LENGTH && meaningful ? 1 : 0;
  }
  for (const stopWord of stopWords) {
    const word = segmenter.wordId(stopWord);
    if (word !== NO_WORD) kept[word] = 0;
  }
  return kept;
}

/** Creates the analyzer used both for indexing and for queries (the same rules on both sides). */
export function createTextAnalyzer(): TextAnalyzer {
  const segmenter = getLegalSegmenter();
  const { stopWords } = loadLegalDictionary();
  const prepare = (text: string): string => normalizeNumerals(text).toLowerCase();
  let kept: Uint8Array | undefined;
  // Per-word counts, reset after each text (only the words seen are touched).
  let counts: Int32Array | undefined;
  let seen = new Int32Array(4096);
  return {
    segment: (text: string): string[] => segmenter.cut(prepare(text)),
    tokenize(text: string): string[] {
      return tokenizeLower(prepare(text));
    },
    tokenizeNormalized(normalized: string): string[] {
      return tokenizeLower(normalized.toLowerCase());
    },
    countNormalized: (normalized: string): WordCounts => {
      const text = normalized.toLowerCase();
      kept ??= keptWordIds(segmenter, stopWords);
      counts ??= new Int32Array(segmenter.wordCount);
      const keptWords = kept;
      const wordCounts = counts;
      let seenCount = 0;
      let length = 0;
      const others = new Map<string, number>();
      segmenter.forEachWord(text, (start, end, found) => {
        let word = found;
        let term: string | undefined;
        if (word === NO_WORD) {
          if (end - start > MAX_TERM_LENGTH || !isMeaningful(text, start, end)) return;
          // Joined letters and digits may still spell a word the trie holds (counted with it).
          term = text.slice(start, end);
          word = segmenter.wordId(term);
        }
        if (word !== NO_WORD) {
          if (keptWords[word] === 0) return;
          length += 1;
          if ((wordCounts[word] as number) === 0) {
            if (seenCount === seen.length) {
              const grown = new Int32Array(seen.length * 2);
              grown.set(seen);
              seen = grown;
            }
            seen[seenCount++] = word;
          }
          wordCounts[word] = (wordCounts[word] as number) + 1;
          return;
        }
        if (term === undefined || stopWords.has(term)) return;
        length += 1;
        others.set(term, (others.get(term) ?? 0) + 1);
      });
      const words = new Int32Array(seenCount * 2);
      for (let i = 0; i < seenCount; i += 1) {
        const word = seen[i] as number;
        words[i * 2] = word;
        words[i * 2 + 1] = wordCounts[word] as number;
        wordCounts[word] = 0;
      }
      return { words, otherTerms: [...others.keys()], otherFreqs: [...others.values()], length };
    },
  };
  function tokenizeLower(normalized: string): string[] {
    const out: string[] = [];
    segmenter.forEachWord(normalized, (start, end) => {
      if (end - start > MAX_TERM_LENGTH || !isMeaningful(normalized, start, end)) return;
      const word = normalized.slice(start, end);
      if (!stopWords.has(word)) out.push(word);
    });
    return out;
  }
}
