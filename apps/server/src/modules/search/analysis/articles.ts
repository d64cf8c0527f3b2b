import { parseChineseNumeral } from "../../../platform/text/chinese-numerals";

/** Law titles as cited, reduced to the short title (《中华人民共和国刑法》 → 刑法). */
export function shortLawTitle(title: string): string {
  return title
    .replace(/^《|》$/gu, "")
    .replace(/^中华人民共和国/u, "")
    .replace(/[（(][^)）]*[)）]$/u, "")
    .trim();
}

/** Parses an article label (第一百三十三条之一 or 第133条) into "133" / "133之一"; null if malformed. */
export function parseArticleNumber(label: string): string | null {
  const match = /^第?([0-9]+|[零〇一二两三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)?/u.exec(label);
  if (!match) return null;
  const digits = match[1] ?? "";
  const value = /^[0-9]+$/u.test(digits) ? Number(digits) : parseChineseNumeral(digits);
  if (value === null || value <= 0) return null;
  return `${value}${match[2] ?? ""}`;
}

const CITATION =
  /《([^《》]{2,60})》((?:[^《。；]{0,8}?第[0-9零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?:第[0-9零〇一二三四五六七八九十]+[款项])*(?:[（(][一二三四五六七八九十0-9]+[)）]项?)*[、，,和及以]*)+)/gu;

/**
 * Extracts the law articles a judgment cites, as `短标题:条号` keys (刑法:133, 刑法:133之一),
 * each once in order of first citation. Only 《…》 citations count: that is how judgments cite
 * (最高人民法院《关于裁判文书引用法律、法规等规范性法律文件的规定》第一条).
 */
export function extractLawArticles(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CITATION)) {
    const title = shortLawTitle(match[1] ?? "");
    for (const article of (match[2] ?? "").matchAll(
      /第([0-9零〇一二两三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)?/gu,
    )) {
      const number = parseArticleNumber(article[0]);
      if (number === null) continue;
      const key = `${title}:${number}`;
      if (!found.includes(key)) found.push(key);
    }
  }
  return found;
}
