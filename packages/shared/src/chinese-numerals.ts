/**
 * Chinese numerals, read and written in one place: article numbers of laws (第一千二百六十条, 之一),
 * amounts in judgments and complaints (一万五千, 伍万元整 — the financial capitals that
 * 会计基础工作规范 requires on amounts, 壹亿贰仟万), counts (两辆), and dates on court documents,
 * whose years are written digit by digit (二〇二六年三月五日).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  "○": 0,
  Ｏ: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
/** Units inside a group of four digits. */
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const WAN = 10_000;
const YI = 100_000_000;
const GROUPS: Readonly<Record<string, number>> = { 万: WAN, 萬: WAN, 亿: YI, 億: YI };

/** Every character a Chinese numeral may contain (for building patterns). */
export const CHINESE_NUMERAL_CHARS = [DIGITS, UNITS, GROUPS]
  .map((table) => Object.keys(table).join(""))
  .join("");

/**
 * Reads a Chinese numeral as a non-negative integer, or null when the text is not a well-formed
 * numeral. Two forms are read:
 * - counting form: 零, 十一, 一百零五, 两千, 一千二百六十, 三万五千, 一亿二千万, 壹拾贰万叁仟肆佰伍拾陆;
 *   十 at the start stands for 一十 (十二 = 12); units fall within a group (一百三十, never 一十百);
 *   万 and 亿 each close a group once, in that order (一万亿 = 10^12);
 * - positional form, digit by digit as years are written: 二〇二六, 一九九七; a single digit, or at least
 *   three, or two with a zero (二〇) — so that 一二 (one or two of something) is not taken for twelve.
 */
export function parseChineseNumeral(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0) return null;
  if (chars.every((ch) => DIGITS[ch] !== undefined)) {
    if (chars.length === 2 && chars.every((ch) => DIGITS[ch] !== 0)) return null;
    return chars.reduce((value, ch) => value * 10 + DIGITS[ch]!, 0);
  }
  let closed = 0; // groups closed by 亿
  let wanGroup = 0; // the group closed by 万 since the last 亿
  let section = 0; // value below 万
  let digit: number | null = null;
  let lastUnit = Infinity; // units must decrease inside a group
  let lastGroup = Infinity; // 万 and 亿 each once, 亿 before 万
  let sawDigitOrUnit = false;
  for (const ch of chars) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // two digits in a row: 一二
      digit = d;
      sawDigitOrUnit = true;
      continue;
    }
    const unit = UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      const isLeadingTen = unit === 10 && !sawDigitOrUnit;
      const multiplier = digit ?? (isLeadingTen ? 1 : null);
      if (multiplier === null || multiplier === 0) return null;
      section += multiplier * unit;
      digit = null;
      lastUnit = unit;
      sawDigitOrUnit = true;
      continue;
    }
    const group = GROUPS[ch];
    if (group !== undefined) {
      if (group >= lastGroup && !(group === YI && lastGroup === WAN)) return null;
      const value = (group === YI ? wanGroup : 0) + section + (digit ?? 0);
      if (value === 0) return null; // 万 alone, 零万
      if (group === YI) {
        if (closed !== 0) return null;
        closed = value * YI;
        wanGroup = 0;
      } else {
        wanGroup = value * WAN;
      }
      section = 0;
      digit = null;
      lastUnit = Infinity;
      lastGroup = group;
      continue;
    }
    return null;
  }
  const value = closed + wanGroup + section + (digit ?? 0);
  return Number.isSafeInteger(value) ? value : null;
}

const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** Writes one group below 10^4; `isInside` keeps the 一 of 一十 after a higher group (一百一十, 十万零一十). */
function writeGroup(n: number, isInside: boolean): string {
  let out = "";
  let pendingZero = false;
  for (const [place, unit] of [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ] as const) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    // 第十条, not 第一十条; but 一百一十 keeps the 一.
    out += place === 10 && d === 1 && out.length === 0 && !isInside ? unit : `${DIGIT_CHARS[d]}${unit}`;
  }
  return out;
}

/**
 * Writes a non-negative integer in Chinese numerals. The counting form is the way laws number
 * articles and documents write months and days: 10 → 十, 110 → 一百一十, 1260 → 一千二百六十,
 * 100010 → 十万零一十. The positional form writes each digit, as years are written: 2026 → 二〇二六.
 * Throws a RangeError for a negative, fractional or unsafe number.
 */
export function formatChineseNumeral(value: number, form: "counting" | "positional" = "counting"): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot write ${value}`);
  if (form === "positional") {
    return [...String(value)].map((d) => (d === "0" ? "〇" : DIGIT_CHARS[Number(d)])).join("");
  }
  if (value === 0) return "零";
  let out = "";
  let pendingZero = false;
  const groups: Array<[number, string]> = [
    [Math.floor(value / YI), "亿"],
    [Math.floor(value / WAN) % WAN, "万"],
    [value % WAN, ""],
  ];
  for (const [group, unit] of groups) {
    if (group === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    // 一亿零一万, 十万零一十: a zero where a higher group is followed by a group with a leading gap.
    if (out.length > 0 && (pendingZero || group < 1000)) out += "零";
    pendingZero = false;
    // 亿 may hold more than four digits (一万亿): write them as a number of their own.
    out += (group >= WAN ? formatChineseNumeral(group) : writeGroup(group, out.length > 0)) + unit;
  }
  return out;
}

/**
 * A date written in Chinese numerals: 二〇二六年三月五日 (year digit by digit, month and day counted).
 * Global: use it with matchAll, which works on a copy.
 */
export const CHINESE_DATE_PATTERN =
  /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/gu;

/**
 * The calendar date (YYYY-MM-DD) of a date written in Chinese numerals — the year, month and day as
 * matched by CHINESE_DATE_PATTERN — or null when it is not a real date (二〇二六年二月三十日).
 */
export function chineseDateValue(year: string, month: string, day: string): string | null {
  const y = [...year].length === 4 ? parseChineseNumeral(year) : null;
  const m = parseChineseNumeral(month);
  const d = parseChineseNumeral(day);
  if (y === null || m === null || d === null || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date as written on Chinese judicial documents: 2026-03-02 → 二〇二六年三月二日. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(isoDate);
  if (!match) throw new RangeError(`not a date: ${isoDate}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const yearText = [...year].map((d) => formatChineseNumeral(Number(d), "positional")).join("");
  return `${yearText}年${formatChineseNumeral(Number(month))}月${formatChineseNumeral(Number(day))}日`;
}
