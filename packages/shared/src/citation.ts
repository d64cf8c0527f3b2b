import { parseChineseNumeral } from "./chinese-numerals";

/**
 * English names of the laws and interpretations the platform cites by their Chinese short names. A name
 * not listed is kept in Chinese: a reader then sees the source rather than a guess.
 */
const LAW_NAMES_EN: Readonly<Record<string, string>> = {
  民法典: "Civil Code",
  民事诉讼法: "Civil Procedure Law",
  民诉法: "Civil Procedure Law",
  民诉法解释: "Interpretation of the Civil Procedure Law",
  消费者权益保护法: "Consumer Rights Protection Law",
  消法: "Consumer Rights Protection Law",
  食品安全法: "Food Safety Law",
  电子商务法: "E-Commerce Law",
  电子签名法: "Electronic Signature Law",
  著作权法: "Copyright Law",
  个人信息保护法: "Personal Information Protection Law",
  信息网络传播权保护条例:
    "Regulations on the Protection of the Right of Dissemination via Information Networks",
  信息网络传播权规定: "Provisions on Disputes over the Right of Dissemination via Information Networks",
  "网络消费规定（一）": "Provisions on Online Consumption Disputes (I)",
  民间借贷规定: "Provisions on Private Lending Cases",
  合同编通则解释: "Interpretation of the General Part of the Civil Code's Contract Book",
  诉讼费用交纳办法: "Measures on the Payment of Litigation Costs",
  交费办法: "Measures on the Payment of Litigation Costs",
  在线诉讼规则: "Online Litigation Rules of the People's Courts",
  互联网法院规定: "Provisions on Cases Heard by Internet Courts",
};

const NUMERAL = "[零〇一二三四五六七八九十百千两]+";
const ARTICLE = `第(${NUMERAL})条(?:第(${NUMERAL})款)?(?:第(${NUMERAL})项|第?（(${NUMERAL})）项?)?`;
const CITATION = new RegExp(`^(.*?)((?:${ARTICLE})(?:、(?:${ARTICLE}))*)$`);
const ONE_ARTICLE = new RegExp(ARTICLE, "g");

function part(numeral: string | undefined): string {
  if (!numeral) return "";
  const value = parseChineseNumeral(numeral);
  return value === null ? "" : `(${value})`;
}

/** One citation, 民法典第五百六十三条、第六百一十条 → "Civil Code, Arts. 563, 610"; null if not understood. */
function oneCitationEn(text: string): string | null {
  const match = CITATION.exec(text.trim());
  if (!match) return null;
  const law = LAW_NAMES_EN[match[1]!.trim()];
  if (!law) return null;
  const articles: string[] = [];
  for (const article of match[2]!.matchAll(ONE_ARTICLE)) {
    const number = parseChineseNumeral(article[1]!);
    if (number === null) return null;
    articles.push(`${number}${part(article[2])}${part(article[3] ?? article[4])}`);
  }
  return `${law}, ${articles.length > 1 ? "Arts." : "Art."} ${articles.join(", ")}`;
}

/**
 * A legal basis as Chinese law cites it (several citations joined by "；" or "; ") in English, each citation
 * it understands rewritten — 民法典第四百九十一条第二款 → "Civil Code, Art. 491(2)" — and any other kept as written.
 */
export function citationEn(basis: string): string {
  return basis
    .split(/[；;]\s*/)
    .filter((text) => text.trim() !== "")
    .map((text) => oneCitationEn(text) ?? text.trim())
    .join("; ");
}
