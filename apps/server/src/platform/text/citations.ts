import { parseChineseNumeral } from "./chinese-numerals";

/**
 * English names of the laws and interpretations the platform cites in deadlines, fees and rulings.
 * The Chinese citation stays the legal one; the English is a courtesy for readers of the English UI.
 */
const LAW_NAMES_EN: Readonly<Record<string, string>> = {
  民事诉讼法: "Civil Procedure Law",
  中华人民共和国民事诉讼法: "Civil Procedure Law",
  民诉法解释: "SPC Interpretation of the Civil Procedure Law",
  诉讼费用交纳办法: "Measures on the Payment of Litigation Costs",
  登记立案规定: "SPC Provisions on Case Registration",
  互联网法院规定: "SPC Provisions on Internet Courts",
  人民法院在线诉讼规则: "Online Litigation Rules of the People's Courts",
  在线诉讼规则: "Online Litigation Rules of the People's Courts",
  民事诉讼证据规定: "SPC Provisions on Evidence in Civil Proceedings",
  证据规定: "SPC Provisions on Evidence in Civil Proceedings",
  行政诉讼法: "Administrative Litigation Law",
};

const NUMERAL = "[零〇一二两三四五六七八九十百千]+";
const CITATION = new RegExp(
  `^(.+?)第(${NUMERAL})(条|章)` +
    `(?:第(${NUMERAL})款)?` +
    `((?:、?第[（(](${NUMERAL})[）)]项)*)` +
    `(?:第(${NUMERAL})项)?` +
    `(?:第(\\d+)目)?` +
    `(?:[（(](.+)[）)])?$`,
  "u",
);
const ITEM = new RegExp(`第[（(](${NUMERAL})[）)]项`, "gu");

/** Notes in brackets after a citation that the platform writes, in English. */
const NOTES_EN: Readonly<Record<string, string>> = { 一审终审: "final at first instance" };

/**
 * One citation in English: "民事诉讼法第一百二十八条第一款" → "Civil Procedure Law, art. 128(1)";
 * "诉讼费用交纳办法第十三条第（二）项第1目" → "Measures on the Payment of Litigation Costs, art. 13,
 * item (2), sub-item 1"; "民事诉讼法第十二章" → "Civil Procedure Law, chapter 12". A citation it cannot
 * read is returned as given (null from `tryCitationInEnglish`).
 */
export function tryCitationInEnglish(citation: string): string | null {
  const match = CITATION.exec(citation.trim());
  if (!match) return null;
  const [, law, number, unit, paragraph, items, , loneItem, subitem, note] = match;
  const lawEn = LAW_NAMES_EN[law!];
  const articleNumber = parseChineseNumeral(number!);
  if (!lawEn || articleNumber === null) return null;
  if (unit === "章")
    return paragraph || items || loneItem || subitem ? null : `${lawEn}, chapter ${articleNumber}`;
  let text = `${lawEn}, art. ${articleNumber}`;
  if (paragraph) {
    const value = parseChineseNumeral(paragraph);
    if (value === null) return null;
    text += `(${value})`;
  }
  const itemNumbers = [...(items ?? "").matchAll(ITEM)].map((item) => parseChineseNumeral(item[1]!));
  if (loneItem) itemNumbers.push(parseChineseNumeral(loneItem));
  if (itemNumbers.some((value) => value === null)) return null;
  if (itemNumbers.length > 0) {
    text += `, item${itemNumbers.length > 1 ? "s" : ""} ${itemNumbers.map((value) => `(${value})`).join(" and ")}`;
  }
  if (subitem) text += `, sub-item ${subitem}`;
  if (note) {
    const noteEn = NOTES_EN[note];
    if (!noteEn) return null;
    text += ` (${noteEn})`;
  }
  return text;
}

/** Citations separated by "；" or "、" between laws, each in English; unreadable ones stay as given. */
export function citationInEnglish(citations: string): string {
  return citations
    .split("；")
    .map((citation) => tryCitationInEnglish(citation) ?? citation.trim())
    .join("; ");
}
