import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { buildJiebaUserDictionary, loadLegalDictionary } from "./legal-dictionary";
import { normalizeNumerals } from "./numerals";
import { getLegalSegmenter } from "./segmenter";

/** Turns judgment text into index terms. */
export interface TextAnalyzer {
  /** Words of the text in order, after numeral normalisation, without stop words, punctuation or bare numbers. */
  tokenize(text: string): string[];
  /** `tokenize` for text already passed through `normalizeNumerals` (analysis normalises each section once). */
  tokenizeNormalized?(normalized: string): string[];
  /** Raw segmentation (every word and punctuation mark), for tests and highlighting. */
  segment(text: string): string[];
}

let sharedJieba: Jieba | undefined;

/** The native jieba segmenter with the legal user dictionary (kept for comparison; indexing uses `getLegalSegmenter`). */
export function getLegalJieba(): Jieba {
  if (!sharedJieba) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(buildJiebaUserDictionary(), "utf8"));
    sharedJieba = jieba;
  }
  return sharedJieba;
}

/**
 * A word is kept only if it has a CJK ideograph or a Latin letter other than x: bare numbers,
 * dates, percentages and dimensions (3x4) carry no meaning across cases; amounts and weights are
 * compared as elements instead. Masked plates (湘A×××××) never reach here: × is not a word character.
 */
function isMeaningful(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a && c !== 0x78)) return true;
  }
  return false;
}

/** Creates the analyzer used both for indexing and for queries (the same rules on both sides). */
export function createTextAnalyzer(): TextAnalyzer {
  const segmenter = getLegalSegmenter();
  const { stopWords } = loadLegalDictionary();
  const prepare = (text: string): string => normalizeNumerals(text).toLowerCase();
  return {
    segment: (text: string): string[] => segmenter.cut(prepare(text)),
    tokenize(text: string): string[] {
      return tokenizeLower(prepare(text));
    },
    tokenizeNormalized(normalized: string): string[] {
      return tokenizeLower(normalized.toLowerCase());
    },
  };
  function tokenizeLower(normalized: string): string[] {
    const out: string[] = [];
    segmenter.forEachWord(normalized, (start, end) => {
      if (end - start > 24 || !isMeaningful(normalized, start, end)) return;
      const word = normalized.slice(start, end);
      if (!stopWords.has(word)) out.push(word);
    });
    return out;
  }
}
