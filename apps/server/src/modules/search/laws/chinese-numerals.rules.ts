/**
 * Article numbers as laws cite them (第一千二百六十条), and the `之一/之二` suffix of articles inserted
 * by later amendments (刑法第一百三十三条之一). The numerals themselves are read and written by
 * platform/text/chinese-numerals.ts.
 */
import {
  CHINESE_NUMERAL_CHARS,
  formatChineseNumeral,
  parseChineseNumeral,
} from "../../../platform/text/chinese-numerals";

/** Parses Arabic (half- or full-width) or Chinese numerals; null when neither. */
export function parseNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/u.test(ascii)) return Number(ascii);
  return parseChineseNumeral(text);
}

/** The ordinal of an article suffix: "" → 0, 之一 → 1, 之二 → 2; null when malformed. */
export function suffixOrdinal(suffix: string): number | null {
  if (suffix === "") return 0;
  const match = /^之(.+)$/u.exec(suffix);
  if (!match) return null;
  const value = parseNumber(match[1] ?? "");
  return value !== null && value > 0 ? value : null;
}

/** The suffix written for an ordinal: 0 → "", 1 → 之一. */
export function suffixFromOrdinal(ordinal: number): string {
  return ordinal === 0 ? "" : `之${formatChineseNumeral(ordinal)}`;
}

/** An article number as cited: 133 and suffix 之一 for 第一百三十三条之一. */
export interface ArticleNumber {
  number: number;
  suffix: string;
}

const NUMBER_TOKEN = `[0-9０-９]+|[${CHINESE_NUMERAL_CHARS}]+`;
const ARTICLE_NUMBER = new RegExp(
  `^\\s*第?\\s*(${NUMBER_TOKEN})\\s*条?\\s*(?:之\\s*(${NUMBER_TOKEN}))?\\s*条?\\s*$`,
  "u",
);

/**
 * Parses an article number in any form people type: 第五百七十七条, 577, 第577条, 第一百三十三条之一,
 * 133之一, 133之1. Returns null for anything else (including 0).
 */
export function parseArticleNumber(text: string): ArticleNumber | null {
  const match = ARTICLE_NUMBER.exec(text);
  if (!match) return null;
  const number = parseNumber(match[1] ?? "");
  if (number === null || number <= 0) return null;
  if (match[2] === undefined) return { number, suffix: "" };
  const ordinal = parseNumber(match[2]);
  if (ordinal === null || ordinal <= 0) return null;
  return { number, suffix: suffixFromOrdinal(ordinal) };
}

/** The label of an article as laws write it: {133, 之一} → 第一百三十三条之一. */
export function formatArticleLabel(article: ArticleNumber): string {
  return `第${formatChineseNumeral(article.number)}条${article.suffix}`;
}

/** Orders articles as a law does: by number, then 之一, 之二 after the plain article. */
export function compareArticleNumbers(a: ArticleNumber, b: ArticleNumber): number {
  return a.number - b.number || (suffixOrdinal(a.suffix) ?? 0) - (suffixOrdinal(b.suffix) ?? 0);
}
