/**
 * Numbers as judgments write them: Arabic (half- and full-width), ordinary Chinese numerals
 * (一万五千), financial capitals (伍万元整, required on amounts by 会计基础工作规范 to prevent
 * alteration), and mixed forms (1.5万元, 3万余元). Everything is turned into plain numbers so
 * amounts, weights and blood-alcohol readings can be compared between cases.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
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

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const CHINESE_NUMERAL_CHARS = Object.keys(DIGITS).join("") + Object.keys(SMALL_UNITS).join("") + "万萬亿億";
/** A run of Chinese numeral characters (at least one). */
export const CHINESE_NUMERAL_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, "gu");

/**
 * Parses a Chinese numeral (一万五千, 伍万, 二〇一八, 十二, 一百零五) into a number;
 * returns null when the string is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  // Digit-by-digit form used for years and codes: 二〇一八.
  if ([...text].every((ch) => DIGITS[ch] !== undefined) && text.length > 1) {
    let value = 0;
    for (const ch of text) value = value * 10 + (DIGITS[ch] ?? 0);
    return value;
  }
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group below the current 亿
  let group = 0; // value below 万
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // 十 alone means 10 (十二 = 12).
      group += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const large = LARGE_UNITS[ch];
    if (large !== undefined) {
      const below = group + (digit ?? 0);
      if (large === 1e8) {
        total = (total + section + below) * 1e8;
        section = 0;
      } else {
        section = (section + (below === 0 ? 1 : below)) * 1e4;
      }
      group = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return total + section + group + (digit ?? 0);
}

/** Replaces full-width digits, letters and symbols that matter for numbers with ASCII ones. */
export function toHalfWidth(text: string): string {
  let i = 0;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === text.length) return text; // the common case: nothing to replace, no copy
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, " ");
}

/** Units after which a Chinese numeral is a quantity worth normalising (not 一起, 统一, 第一). */
const QUANTITY_AFTER =
  /^(?:余|多)?(?:元|块|角|分钱|克|千克|公斤|斤|吨|毫克|毫升|升|人|名|次|处|个|辆|部|台|张|份|条|支|发|枚|包|袋|岁|年|个月|月|日|天|小时|分钟|米|公里|平方米|立方米|株|棵|头|只|笔|户|间)/u;

/**
 * Rewrites Chinese numerals that measure something (伍万元, 三次, 两辆) as Arabic numbers and
 * full-width characters as ASCII, leaving words such as 一起 or 统一 untouched.
 */
export function normalizeNumerals(text: string): string {
  const half = toHalfWidth(text);
  // One scan over the text; pieces are joined only where a numeral is rewritten.
  let out = "";
  let copied = 0;
  let i = 0;
  const n = half.length;
  while (i < n) {
    if (IS_NUMERAL_CHAR[half.charCodeAt(i)] !== 1) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n && IS_NUMERAL_CHAR[half.charCodeAt(j)] === 1) j += 1;
    const replacement = rewriteRun(half, i, j);
    if (replacement !== null) {
      out += half.slice(copied, i) + replacement;
      copied = j;
    }
    i = j;
  }
  return copied === 0 ? half : out + half.slice(copied);
}

const IS_NUMERAL_CHAR = new Uint8Array(65536);
for (const ch of CHINESE_NUMERAL_CHARS) IS_NUMERAL_CHAR[ch.charCodeAt(0)] = 1;
const LARGE_UNIT_CHARS = "万萬亿億";

/** The Arabic form of the numeral run text[start, end), or null to leave it as written. */
function rewriteRun(whole: string, start: number, end: number): string | null {
  const before = whole[start - 1] ?? "";
  // 第一, 之一, 一审 and the like are ordinals or words, not quantities.
  if (before === "第" || before === "之") return null;
  const run = whole.slice(start, end);
  // A bare 万/亿 after an Arabic number (1.5万元) is handled by the amount parser.
  if ([...run].every((ch) => LARGE_UNIT_CHARS.includes(ch)) && /[0-9.]/u.test(before)) return null;
  if (!QUANTITY_AFTER.test(whole.slice(end, end + 4))) return null;
  const value = parseChineseNumeral(run);
  return value === null ? null : String(value);
}

/** Parses "1.5", "15,000", "3" followed by an optional 万/亿 multiplier into a number. */
export function parseArabicWithMultiplier(digits: string, multiplier: string | undefined): number {
  const base = Number(digits.replace(/,/gu, ""));
  if (!Number.isFinite(base)) return Number.NaN;
  let factor = 1;
  for (const ch of multiplier ?? "") factor *= LARGE_UNITS[ch] ?? 1;
  return base * factor;
}
