import { formatChineseNumeral } from "../../../platform/text/chinese-numerals";
import { suffixOrdinal } from "./chinese-numerals.rules";
import { englishTitle, titleKey } from "./law-titles.rules";
import type { LocalizedText } from "./laws.types";

/** The name of a law in both languages (English falls back to the Chinese title). */
export function lawLabel(title: string): LocalizedText {
  return { "zh-CN": `《${title}》`, en: englishTitle(titleKey(title)) ?? `《${title}》` };
}

/** What an article label points at: article, optional 款 and 项. */
export interface ArticlePointer {
  number: number;
  suffix: string;
  paragraph?: number | null | undefined;
  item?: number | null | undefined;
  through?: { number: number; suffix: string } | null | undefined;
}

function zhArticle(number: number, suffix: string): string {
  return `第${formatChineseNumeral(number)}条${suffix}`;
}

function enArticle(number: number, suffix: string): string {
  const ordinal = suffixOrdinal(suffix) ?? 0;
  return ordinal === 0 ? `${number}` : `${number}-${ordinal}`;
}

/** An article reference in both languages: 第一百三十三条之一第一款第（二）项 / Article 133-1, paragraph 1, item (2). */
export function articlePointerLabel(pointer: ArticlePointer): LocalizedText {
  let zh = zhArticle(pointer.number, pointer.suffix);
  let en = `Article ${enArticle(pointer.number, pointer.suffix)}`;
  if (pointer.through) {
    zh += `至${zhArticle(pointer.through.number, pointer.through.suffix)}`;
    en = `Articles ${enArticle(pointer.number, pointer.suffix)} to ${enArticle(pointer.through.number, pointer.through.suffix)}`;
  }
  if (pointer.paragraph) {
    zh += `第${formatChineseNumeral(pointer.paragraph)}款`;
    en += `, paragraph ${pointer.paragraph}`;
  }
  if (pointer.item) {
    zh += `第（${formatChineseNumeral(pointer.item)}）项`;
    en += `, item (${pointer.item})`;
  }
  return { "zh-CN": zh, en };
}

/** A full citation in both languages: 《中华人民共和国民法典》第五百七十七条 / Civil Code of the PRC, Article 577. */
export function citationLabel(title: string, pointer: ArticlePointer): LocalizedText {
  const law = lawLabel(title);
  const article = articlePointerLabel(pointer);
  return { "zh-CN": `${law["zh-CN"]}${article["zh-CN"]}`, en: `${law.en}, ${article.en}` };
}
