/**
 * Chinese numerals as laws number their articles (第一千二百六十条), paragraphs (第二款) and items
 * (第（三）项), and the `之一/之二` suffix of articles inserted by later amendments (刑法第一百三十三条之一).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const WAN = 10_000;

/** Characters a Chinese numeral below 10^8 may contain (for building patterns). */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(DIGITS).join("")}${Object.keys(UNITS).join("")}万`;

/**
 * Parses a Chinese numeral (一百三十三, 一千二百六十, 两百, 一百零八, 十二, 零, 二〇二一) into a
 * non-negative integer below 10^8; null when the text is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  // Positional form (years: 二〇二一, 一九九七): every character a digit, and a zero or at least
  // three of them, so that a stray 一二 is not taken for twelve.
  const positional = chars.every((ch) => DIGITS[ch] !== undefined);
  if (positional && (chars.length >= 3 || (chars.length === 2 && chars.some((ch) => DIGITS[ch] === 0)))) {
    return chars.reduce((value, ch) => value * 10 + (DIGITS[ch] ?? 0), 0);
  }
  let total = 0;
  let section = 0; // value below 万
  let digit: number | null = null;
  let lastUnit = Infinity; // units must decrease inside a section (一百三十, not 一十百)
  let sawAnything = false;
  for (const ch of chars) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // two digits in a row: 一二
      digit = d;
      sawAnything = true;
      continue;
    }
    const unit = UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      // 十 alone at the start means 一十 (十二 = 12); elsewhere a unit needs its digit.
      const multiplier = digit ?? (section === 0 && total === 0 && unit === 10 ? 1 : null);
      if (multiplier === null || multiplier === 0) return null;
      section += multiplier * unit;
      digit = null;
      lastUnit = unit;
      sawAnything = true;
      continue;
    }
    if (ch === "万") {
      if (total !== 0) return null;
      const value = section + (digit ?? 0);
      if (value === 0) return null;
      total = value * WAN;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    return null;
  }
  if (!sawAnything) return null;
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** Writes a non-negative integer below 10^8 the way laws number articles: 577 → 五百七十七, 10 → 十, 110 → 一百一十. */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e8) throw new RangeError(`cannot write ${value}`);
  if (value === 0) return "零";
  const writeBelowWan = (n: number, leadingOneTen: boolean): string => {
    let out = "";
    let pendingZero = false;
    const places: Array<[number, string]> = [
      [1000, "千"],
      [100, "百"],
      [10, "十"],
      [1, ""],
    ];
    for (const [place, unit] of places) {
      const d = Math.floor(n / place) % 10;
      if (d === 0) {
        if (out.length > 0) pendingZero = true;
        continue;
      }
      if (pendingZero) out += "零";
      pendingZero = false;
      // 第十条, not 第一十条; but 一百一十 keeps the 一.
      out +=
        place === 10 && d === 1 && out.length === 0 && !leadingOneTen ? unit : `${DIGIT_CHARS[d]}${unit}`;
    }
    return out;
  };
  const high = Math.floor(value / WAN);
  const low = value % WAN;
  if (high === 0) return writeBelowWan(low, false);
  const lowText = low === 0 ? "" : `${low < 1000 ? "零" : ""}${writeBelowWan(low, true)}`;
  return `${writeBelowWan(high, false)}万${lowText}`;
}

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
