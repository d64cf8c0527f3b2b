import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

// Keeps CJK ideographs and ASCII letters/digits; everything else (punctuation, spaces, masks such as ×)
// is dropped, as in the CAIL2018 reference baselines.
const NON_TEXT = /[^\u4e00-\u9fffA-Za-z0-9]+/gu;

/** Deletes every character that is not a CJK ideograph or an ASCII letter/digit. */
export function stripToText(text: string): string {
  return text.replace(NON_TEXT, "");
}

/** Character n-grams of `text` for n in [minN, maxN] (in order of appearance, repeats kept). */
export function charNgrams(text: string, minN: number, maxN: number): string[] {
  // Text from stripToText is all in the Basic Multilingual Plane, where UTF-16 units are characters.
  const isBmp = !/[\ud800-\udfff]/.test(text);
  const chars = isBmp ? undefined : Array.from(text);
  const length = chars ? chars.length : text.length;
  const grams: string[] = [];
  for (let n = minN; n <= maxN; n += 1) {
    for (let i = 0; i + n <= length; i += 1)
      grams.push(chars ? chars.slice(i, i + n).join("") : text.slice(i, i + n));
  }
  return grams;
}

let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Masked names ("李×1", "王某甲") and numbers vary per case and carry no legal meaning as words.
const WORD_NOISE = /^(?:[0-9A-Za-z.]+|[^\u4e00-\u9fff]+)$/u;

/** jieba words of `text` (no HMM), without punctuation and bare numbers. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of loadJieba().cut(text, false)) {
    if (token.length === 0 || WORD_NOISE.test(token)) continue;
    out.push(token);
  }
  return out;
}
