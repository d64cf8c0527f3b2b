/**
 * Numbers as judgments write them: Arabic (half- and full-width), ordinary Chinese numerals
 * (一万五千), financial capitals (伍万元整, required on amounts by 会计基础工作规范 to prevent
 * alteration), and mixed forms (1.5万元, 3万余元). Everything is turned into plain numbers so
 * amounts, weights and blood-alcohol readings can be compared between cases.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "../../../platform/text/chinese-numerals";

/** Multipliers written after an Arabic number (1.5万元, 3亿元). */
const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

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
const LARGE_UNIT_CHARS = Object.keys(MULTIPLIERS).join("");

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
  for (const ch of multiplier ?? "") factor *= MULTIPLIERS[ch] ?? 1;
  return base * factor;
}
