import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseChineseNumeral } from "./chinese-numerals.rules";

/** The shared data folder (NETCOURT_DATA_DIR overrides it); tests that read the corpus skip without it. */
export const DATA_DIR =
  process.env.NETCOURT_DATA_DIR ??
  fileURLToPath(new URL("../../../../../../../shared/data", import.meta.url));
export const LAWS_DIR = path.join(DATA_DIR, "laws");
export const hasLawCorpus =
  existsSync(path.join(LAWS_DIR, "laws.jsonl.gz")) && existsSync(path.join(LAWS_DIR, "articles.jsonl.gz"));

const CN_DIGITS = "〇一二三四五六七八九";

/** The date a judgment was signed (the last 二〇一七年九月二十六日 in it), as YYYY-MM-DD, or null. */
export function judgmentDate(text: string): string | null {
  const dates = [
    ...text.matchAll(
      /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu,
    ),
  ];
  const last = dates.at(-1);
  if (!last) return null;
  const year = [...(last[1] ?? "")]
    .map((ch) => CN_DIGITS.indexOf(ch === "○" || ch === "零" ? "〇" : ch))
    .join("");
  const month = parseChineseNumeral(last[2] ?? "");
  const day = parseChineseNumeral(last[3] ?? "");
  if (month === null || day === null || month > 12 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
