import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { buildJiebaUserDictionary, loadLegalDictionary } from "./legal-dictionary";
import { normalizeNumerals } from "./numerals";

/** Turns judgment text into index terms. */
export interface TextAnalyzer {
  /** Words of the text in order, after numeral normalisation, without stop words, punctuation or bare numbers. */
  tokenize(text: string): string[];
  /** Raw segmentation (every piece jieba returns), for tests and highlighting. */
  segment(text: string): string[];
}

let sharedJieba: Jieba | undefined;

/** One segmenter per thread: the default jieba dictionary plus the legal user dictionary. */
export function getLegalJieba(): Jieba {
  if (!sharedJieba) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(buildJiebaUserDictionary(), "utf8"));
    sharedJieba = jieba;
  }
  return sharedJieba;
}

// A term must contain a CJK ideograph or a Latin letter; bare numbers, dates and masked plates
// (湘A×××××) carry no meaning across cases. Amounts and weights are compared as elements instead.
const MEANINGFUL = /[\u4e00-\u9fffa-z]/u;
const NOISE = /^[0-9.%×*xX]+$|[×*]/u;

/** Creates the analyzer used both for indexing and for queries (the same rules on both sides). */
export function createTextAnalyzer(): TextAnalyzer {
  const jieba = getLegalJieba();
  const { stopWords } = loadLegalDictionary();
  const segment = (text: string): string[] => jieba.cut(normalizeNumerals(text).toLowerCase(), false);
  return {
    segment,
    tokenize(text: string): string[] {
      const out: string[] = [];
      for (const word of segment(text)) {
        if (word.length === 0 || word.length > 24) continue;
        if (!MEANINGFUL.test(word) || NOISE.test(word) || stopWords.has(word)) continue;
        out.push(word);
      }
      return out;
    },
  };
}
