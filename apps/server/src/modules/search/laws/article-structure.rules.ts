import { parseNumber } from "./chinese-numerals.rules";

/** One paragraph (款) of an article and the items (项) listed under it. */
export interface ArticleParagraph {
  text: string;
  items: string[];
}

const ITEM_LINE = /^\s*[（(]\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[)）]/u;

/**
 * Splits an article text into paragraphs (款) and items (项), the way articles are cited:
 * a line starting with （一）… is an item of the paragraph above it; every other line is a new
 * paragraph (立法技术规范: 条 → 款 → 项 → 目).
 */
export function parseArticleStructure(text: string): ArticleParagraph[] {
  const paragraphs: ArticleParagraph[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const last = paragraphs.at(-1);
    if (ITEM_LINE.test(line) && last) last.items.push(line);
    else paragraphs.push({ text: line, items: [] });
  }
  return paragraphs;
}

/** The number an item line starts with: （三）… → 3; null when it has none. */
export function itemNumber(line: string): number | null {
  const match = ITEM_LINE.exec(line);
  return match ? parseNumber(match[1] ?? "") : null;
}

/** What a cited 款/项 points at, or why it points at nothing. */
export type StructureLookup =
  | { found: true; paragraph: ArticleParagraph | null; item: string | null }
  | { found: false; missing: "paragraph"; paragraphCount: number }
  | { found: false; missing: "item"; itemCount: number };

/**
 * Finds 第Y款第Z项 in an article. With a 款, items are counted under that paragraph. Without
 * one, 第Z项 is the item marked （Z） anywhere in the article, as courts cite
 * 刑法第二百二十五条第（一）项 — and as interpretations whose items carry explanatory
 * paragraphs between them (自首和立功解释第一条) require.
 */
export function locateParagraphItem(
  text: string,
  paragraph: number | null,
  item: number | null,
): StructureLookup {
  const paragraphs = parseArticleStructure(text);
  let target: ArticleParagraph | null = null;
  if (paragraph !== null) {
    target = paragraphs[paragraph - 1] ?? null;
    if (!target) return { found: false, missing: "paragraph", paragraphCount: paragraphs.length };
  }
  if (item === null) return { found: true, paragraph: target, item: null };
  if (target) {
    const line = target.items[item - 1];
    if (line === undefined) return { found: false, missing: "item", itemCount: target.items.length };
    return { found: true, paragraph: target, item: line };
  }
  let highest = 0;
  for (const candidate of paragraphs) {
    for (const line of candidate.items) {
      const value = itemNumber(line) ?? 0;
      if (value === item) return { found: true, paragraph: candidate, item: line };
      highest = Math.max(highest, value);
    }
  }
  return { found: false, missing: "item", itemCount: highest };
}
