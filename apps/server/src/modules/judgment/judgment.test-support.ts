import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { sharedDataPath } from "../../../../../scripts/shared-data";
import { parseChineseNumeral } from "../../platform/text/chinese-numerals";
import { LAW_TITLES } from "./judgment.elements";

/** The article index of the laws corpus; tests that read it skip without it (`needsSharedData`). */
export const ARTICLES_FILE = "laws/articles.jsonl.gz";

/** law title → article ("第五百八十五条") → its text. */
export type ArticleIndex = Map<string, Map<string, string>>;

export function loadArticleIndex(): ArticleIndex {
  const index: ArticleIndex = new Map();
  const text = gunzipSync(readFileSync(sharedDataPath(ARTICLES_FILE))).toString("utf8");
  const wanted = new Set(Object.values(LAW_TITLES));
  for (const line of text.split("\n")) {
    if (!line) continue;
    const row = JSON.parse(line) as { law_title: string; article: string; text: string };
    if (!wanted.has(row.law_title)) continue;
    let articles = index.get(row.law_title);
    if (!articles) index.set(row.law_title, (articles = new Map<string, string>()));
    if (!articles.has(row.article)) articles.set(row.article, row.text);
  }
  return index;
}

const NUMERAL = "[〇零一二两三四五六七八九十百千]+";
const REFERENCE = new RegExp(
  `^(?:第(${NUMERAL})条)?(?:第(${NUMERAL})款)?(?:第[（(](${NUMERAL})[）)]项)?$`,
  "u",
);

/**
 * Why a citation such as "民法典第五百八十五条第二款；合同编通则解释第六十五条第二款、第三款" does
 * not match the corpus (empty when every article, paragraph and item exists). A piece without an
 * article ("、第三款") refers to the article before it.
 */
export function citationProblems(citations: string, index: ArticleIndex): string[] {
  const problems: string[] = [];
  for (const citation of citations.split("；")) {
    const match = new RegExp(`^(.+?)(第${NUMERAL}条.*)$`, "u").exec(citation);
    if (!match) {
      problems.push(`${citation}: not a citation`);
      continue;
    }
    const [, shortName, references] = match as unknown as [string, string, string];
    const title = LAW_TITLES[shortName];
    const articles = title ? index.get(title) : undefined;
    if (!title || !articles) {
      problems.push(`${citation}: unknown law ${shortName}`);
      continue;
    }
    let article: string | null = null;
    for (const piece of references.split("、")) {
      const parts = REFERENCE.exec(piece);
      if (!parts || (!parts[1] && !article)) {
        problems.push(`${citation}: cannot read ${piece}`);
        break;
      }
      if (parts[1]) article = `第${parts[1]}条`;
      const body = articles.get(article!);
      if (body === undefined) {
        problems.push(`${citation}: ${title}${article} not found`);
        continue;
      }
      const paragraphs = body.split("\n").filter((line) => line.trim() !== "");
      if (parts[2]) {
        const number = parseChineseNumeral(parts[2]);
        if (number === null || number > paragraphs.length) {
          problems.push(`${citation}: ${article} has no paragraph ${parts[2]}`);
          continue;
        }
      }
      if (parts[3] && !body.includes(`（${parts[3]}）`) && !body.includes(`(${parts[3]})`)) {
        problems.push(`${citation}: ${article} has no item ${parts[3]}`);
      }
    }
  }
  return problems;
}
