import { sharedDataPath } from "../../../../../../scripts/shared-data";
import { CHINESE_DATE_PATTERN, chineseDateValue } from "../../../platform/text/chinese-numerals";

/** The laws corpus in the shared data folder; tests that read it skip without it (`needsSharedData`). */
export const LAW_CORPUS_FILES = ["laws/laws.jsonl.gz", "laws/articles.jsonl.gz"];
export const LAWS_DIR = sharedDataPath("laws");

/** The date a judgment was signed (the last 二〇一七年九月二十六日 in it), as YYYY-MM-DD, or null. */
export function judgmentDate(text: string): string | null {
  const last = [...text.matchAll(CHINESE_DATE_PATTERN)].at(-1);
  return last ? chineseDateValue(last[1] ?? "", last[2] ?? "", last[3] ?? "") : null;
}
