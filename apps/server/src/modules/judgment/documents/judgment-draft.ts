// The judgment, ruling and mediation document of a first-instance civil case, laid out from the case's
// data in the official order: head, parties, procedure, claims, defence, facts found, reasoning, legal
// basis, decision, costs, appeal notice, signatures, date, clerk. The Chinese text is the legal document;
// the English one is a courtesy translation of the same structure.

import { documentDate, formatAmount, translationNote, type DocumentLocale } from "../../documents/index";
import { parseChineseNumeral } from "../../../platform/text/chinese-numerals";
import { LAW_TITLES } from "../judgment.elements";

/** The three instruments that end a first-instance civil case. Stored forever: never rename. */
export const judgmentDocumentKinds = {
  judgment: { zh: "民事判决书", en: "Civil Judgment", file: "civil-judgment" },
  ruling: { zh: "民事裁定书", en: "Civil Ruling", file: "civil-ruling" },
  mediation: { zh: "民事调解书", en: "Civil Mediation Document", file: "civil-mediation" },
} as const satisfies Record<string, { zh: string; en: string; file: string }>;
export type JudgmentDocumentKind = keyof typeof judgmentDocumentKinds;

export type TrialProcedure = "ordinary" | "simplified" | "small_claims";

/** A text the court writes itself, in the original and in the translation. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface JudgmentDocumentParty {
  role: "plaintiff" | "defendant" | "third_party";
  kind: "natural" | "legal_person" | "other_organisation";
  name: string;
  /** As filed, without ID numbers: 男，1990年1月1日出生，汉族，住浙江省杭州市西湖区 / 住所地浙江省杭州市余杭区. */
  description: Bilingual;
  /** 法定代表人 of a legal person, 主要负责人 of another organisation. */
  representative: { name: string; title: Bilingual } | null;
  agents: Array<{ name: string; firm: Bilingual | null }>;
}

export interface JudgmentDocumentJudge {
  name: string;
  role: "presiding_judge" | "judge" | "people_assessor";
}

/** A claim or a decision item: its words and, for a sum of money, the amount in fen written after them. */
export interface AmountItem {
  text: Bilingual;
  amountFen: number | null;
}

export interface JudgmentDraftInput {
  kind: JudgmentDocumentKind;
  court: Bilingual;
  /** The court an appeal goes to (民事诉讼法第一百七十一条: 上一级人民法院); null where none lies. */
  appealCourt: Bilingual | null;
  caseNumber: string;
  cause: Bilingual;
  procedure: TrialProcedure;
  judges: JudgmentDocumentJudge[];
  clerkName: string;
  parties: JudgmentDocumentParty[];
  /** YYYY-MM-DD: the day the complaint came in and the day the court registered it (立案). */
  filedOn: string;
  acceptedOn: string;
  hearing:
    { isHeld: true; on: string; isOnline: boolean; appeared: string[]; absent: string[] } | { isHeld: false };
  claims: AmountItem[];
  /** The plaintiff's facts and reasons as pleaded (事实和理由); null to leave out. */
  claimReasons: Bilingual | null;
  /** One entry per defendant; a null text writes that the defendant did not answer (未答辩). */
  defences: Array<{ name: string; text: Bilingual | null }>;
  facts: Bilingual[];
  /** The settled elements of the element table, as 经审理查明 items. */
  elements: Array<{ label: Bilingual; value: Bilingual }>;
  reasoning: Bilingual[];
  /** Short citations as the element tables write them: 民法典第五百七十七条, 民事诉讼法第一百六十五条. */
  legalBasis: string[];
  decision: AmountItem[];
  /** 案件受理费 in fen, the full fee before a halving if any, and who bears what. */
  caseFee: {
    amountFen: number;
    fullAmountFen: number | null;
    bearers: Array<{ name: string; amountFen: number }>;
  } | null;
  /** A ruling only: whether it may be appealed (民事诉讼法第一百五十七条第二款: 不予受理、管辖异议、驳回起诉). */
  isAppealable: boolean;
  /** YYYY-MM-DD: the day of the judgment. */
  decidedOn: string;
}

export type JudgmentSection =
  | "procedure"
  | "claims"
  | "defence"
  | "facts"
  | "reasoning"
  | "basis"
  | "decision"
  | "costs"
  | "delay_interest"
  | "effect";

/** A judgment document as the court writes it, before any layout. */
export interface JudgmentDocumentModel {
  kind: JudgmentDocumentKind;
  locale: DocumentLocale;
  courtName: string;
  title: string;
  caseNumber: string;
  translationNote: string | null;
  parties: string[];
  paragraphs: Array<{ section: JudgmentSection; text: string }>;
  /** The judicial officers, right-aligned above the date: 审判长 张三 (a full-width space between). */
  signature: string[];
  /** 二〇二六年十二月七日 / 7 December 2026. */
  date: string;
  /** Below the date: 书记员 李四. */
  clerk: string;
  /** YYYY-MM-DD: fixes the file timestamps, so the same model gives the same bytes. */
  issuedOn: string;
}

/** The law a short citation names, with the full title (最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定). */
const LAWS: Readonly<Record<string, string>> = {
  ...LAW_TITLES,
  民事诉讼法: "中华人民共和国民事诉讼法",
  民诉法解释: "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
};

const LAW_TITLES_EN: Readonly<Record<string, string>> = {
  民法典: "Civil Code of the People's Republic of China",
  消费者权益保护法:
    "Law of the People's Republic of China on the Protection of Consumer Rights and Interests",
  食品安全法: "Food Safety Law of the People's Republic of China",
  电子商务法: "E-Commerce Law of the People's Republic of China",
  电子签名法: "Electronic Signature Law of the People's Republic of China",
  著作权法: "Copyright Law of the People's Republic of China",
  信息网络传播权保护条例:
    "Regulations on the Protection of the Right of Dissemination via Information Network",
  信息网络传播权规定:
    "Provisions of the Supreme People's Court on Several Issues concerning the Application of Law in the Trial of Civil Dispute Cases involving Infringement of the Right of Dissemination via Information Networks",
  "网络消费规定（一）":
    "Provisions of the Supreme People's Court on Several Issues concerning the Application of Law in the Trial of Online Consumption Dispute Cases (I)",
  民间借贷规定:
    "Provisions of the Supreme People's Court on Several Issues concerning the Application of Law in the Trial of Private Lending Cases",
  合同编通则解释:
    "Interpretation of the Supreme People's Court on Several Issues concerning the Application of the General Provisions of the Contracts Book of the Civil Code",
  诉讼费用交纳办法: "Measures on the Payment of Litigation Costs",
  民事诉讼法: "Civil Procedure Law of the People's Republic of China",
  民诉法解释: "Interpretation of the Supreme People's Court on the Application of the Civil Procedure Law",
};

const ARTICLE =
  /^第([零〇一二三四五六七八九十百千]+)条(?:第([一二三四五六七八九十]+)款)?(?:第([一二三四五六七八九十]+)项)?$/u;

/** "民法典第五百七十七条第二款" → the law's key and the article in both languages; throws on a law it cannot name. */
export function parseCitation(short: string): { law: string; articleZh: string; articleEn: string } {
  const law = Object.keys(LAWS)
    .sort((a, b) => b.length - a.length)
    .find((key) => short.startsWith(key));
  const articleZh = law === undefined ? "" : short.slice(law.length);
  const match = ARTICLE.exec(articleZh);
  if (law === undefined || !match) throw new RangeError(`cannot cite "${short}" by its full title`);
  const [, article, paragraph, item] = match;
  const number = (n: string | undefined) => (n === undefined ? "" : `(${parseChineseNumeral(n)})`);
  return {
    law,
    articleZh,
    articleEn: `${parseChineseNumeral(article!)}${number(paragraph)}${number(item)}`,
  };
}

/** A title inside 《》: a title quoted within it takes 〈〉 (《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》). */
function quotedTitle(title: string): string {
  return `《${title.replace(/《/g, "〈").replace(/》/g, "〉")}》`;
}

/**
 * The citations grouped by law in the order given, each law by its full title
 * (最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定第一条: 引用法律、法规… 应当写明规范性法律文件的名称、条款序号):
 * 《中华人民共和国民法典》第五百七十七条、第五百八十四条，《中华人民共和国民事诉讼法》第一百六十五条.
 */
export function citeLaws(shortCitations: readonly string[], locale: DocumentLocale): string {
  const groups = new Map<string, Array<{ zh: string; en: string }>>();
  for (const short of new Set(shortCitations)) {
    const c = parseCitation(short);
    const articles = groups.get(c.law) ?? [];
    articles.push({ zh: c.articleZh, en: c.articleEn });
    groups.set(c.law, articles);
  }
  return [...groups.entries()]
    .map(([law, articles]) =>
      locale === "zh-CN"
        ? `${quotedTitle(LAWS[law]!)}${articles.map((a) => a.zh).join("、")}`
        : `${articles.length > 1 ? "Articles" : "Article"} ${listEn(articles.map((a) => a.en))} of the ${LAW_TITLES_EN[law]}`,
    )
    .join(locale === "zh-CN" ? "，" : "; ");
}

function listEn(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** An amount in figures: 2,599.00元 / CNY 2,599.00. */
function money(fen: number, locale: DocumentLocale): string {
  return locale === "zh-CN" ? `${formatAmount(fen)}元` : `CNY ${formatAmount(fen)}`;
}

function isoZh(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const ROLE = {
  plaintiff: { zh: "原告", en: "Plaintiff" },
  defendant: { zh: "被告", en: "Defendant" },
  third_party: { zh: "第三人", en: "Third party" },
} as const;

const JUDGE_ROLE = {
  presiding_judge: { zh: "审判长", en: "Presiding Judge" },
  judge: { zh: "审判员", en: "Judge" },
  people_assessor: { zh: "人民陪审员", en: "People's Assessor" },
} as const;

const PROCEDURE = {
  ordinary: { zh: "普通程序", en: "the ordinary procedure" },
  simplified: { zh: "简易程序", en: "the simplified procedure" },
  small_claims: { zh: "小额诉讼程序", en: "the small claims procedure" },
} as const;

const ZH_ITEM_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function itemText(item: AmountItem, locale: DocumentLocale): string {
  const text = locale === "zh-CN" ? item.text.zh : item.text.en;
  if (item.amountFen === null) return text;
  return locale === "zh-CN"
    ? `${text}${money(item.amountFen, locale)}`
    : `${text} ${money(item.amountFen, locale)}`;
}

/** Decision items as courts number them: 一、…；二、…。 (one item stands alone). */
function numberedZh(items: string[]): string[] {
  if (items.length === 1) return [`${items[0]!.replace(/[。；]$/u, "")}。`];
  return items.map(
    (text, i) =>
      `${ZH_ITEM_NUMBERS[i] ?? String(i + 1)}、${text.replace(/[。；]$/u, "")}${i === items.length - 1 ? "。" : "；"}`,
  );
}

function numberedEn(items: string[]): string[] {
  if (items.length === 1) return [`${items[0]!.replace(/[.;]$/u, "")}.`];
  return items.map(
    (text, i) => `${i + 1}. ${text.replace(/[.;]$/u, "")}${i === items.length - 1 ? "." : ";"}`,
  );
}

function partyLines(party: JudgmentDocumentParty, locale: DocumentLocale): string[] {
  const zh = locale === "zh-CN";
  const lines = [
    zh
      ? `${ROLE[party.role].zh}：${party.name}，${party.description.zh.replace(/。$/u, "")}。`
      : `${ROLE[party.role].en}: ${party.name}, ${party.description.en.replace(/\.$/u, "")}.`,
  ];
  if (party.representative)
    lines.push(
      zh
        ? `${party.kind === "legal_person" ? "法定代表人" : "主要负责人"}：${party.representative.name}，${party.representative.title.zh}。`
        : `${party.kind === "legal_person" ? "Legal representative" : "Person in charge"}: ${party.representative.name}, ${party.representative.title.en}.`,
    );
  for (const agent of party.agents)
    lines.push(
      zh
        ? `委托诉讼代理人：${agent.name}${agent.firm ? `，${agent.firm.zh}律师` : ""}。`
        : `Authorised agent: ${agent.name}${agent.firm ? `, lawyer, ${agent.firm.en}` : ""}.`,
    );
  return lines;
}

/** 被告某网店公司 / the defendant 某网店公司; an agent or representative with the party they act for. */
function named(input: JudgmentDraftInput, name: string, locale: DocumentLocale): string {
  const zh = locale === "zh-CN";
  const party = input.parties.find((p) => p.name === name);
  if (party) return zh ? `${ROLE[party.role].zh}${name}` : `the ${ROLE[party.role].en.toLowerCase()} ${name}`;
  for (const p of input.parties) {
    const of = zh ? `${ROLE[p.role].zh}${p.name}` : `the ${ROLE[p.role].en.toLowerCase()} ${p.name}`;
    if (p.agents.some((a) => a.name === name))
      return zh ? `${of}的委托诉讼代理人${name}` : `${name} (authorised agent of ${of})`;
    if (p.representative?.name === name) {
      const title = zh
        ? p.kind === "legal_person"
          ? "法定代表人"
          : "主要负责人"
        : p.kind === "legal_person"
          ? "legal representative"
          : "person in charge";
      return zh ? `${of}的${title}${name}` : `${name} (${title} of ${of})`;
    }
  }
  return name;
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function namesOf(input: JudgmentDraftInput, role: JudgmentDocumentParty["role"]): string[] {
  return input.parties.filter((p) => p.role === role).map((p) => p.name);
}

/** 原告张三与被告某网店公司网络购物合同纠纷一案 / the case of the plaintiff 张三 v. the defendant 某网店公司 (…). */
function caseTitle(input: JudgmentDraftInput, locale: DocumentLocale): string {
  const plaintiffs = namesOf(input, "plaintiff");
  const defendants = namesOf(input, "defendant");
  const third = namesOf(input, "third_party");
  return locale === "zh-CN"
    ? `原告${plaintiffs.join("、")}与被告${defendants.join("、")}${third.length > 0 ? `、第三人${third.join("、")}` : ""}${input.cause.zh}一案`
    : `This ${input.cause.en.charAt(0).toLowerCase()}${input.cause.en.slice(1)} between the plaintiff ${plaintiffs.join(", ")} and the defendant ${defendants.join(", ")}${third.length > 0 ? `, with the third party ${third.join(", ")},` : ""}`;
}

function procedureParagraph(input: JudgmentDraftInput, locale: DocumentLocale): string {
  const hearing = input.hearing;
  // A judgment closes the trial; a ruling or a mediation document may come before it ends.
  const concluded = input.kind === "judgment";
  if (locale === "zh-CN") {
    const filed = input.filedOn === input.acceptedOn ? "" : `，原告于${isoZh(input.filedOn)}向本院提起诉讼`;
    // 民事诉讼法第四十条: a collegial panel at first instance; one judge alone in the simplified procedure.
    const bench = input.judges.length > 1 ? "，依法组成合议庭" : "";
    const trial = hearing.isHeld
      ? `，于${isoZh(hearing.on)}${hearing.isOnline ? "通过互联网在线" : ""}公开开庭进行了审理`
      : "，不开庭进行了审理";
    const appeared =
      hearing.isHeld && hearing.appeared.length > 0
        ? `${hearing.appeared.map((n) => named(input, n, locale)).join("、")}到庭参加诉讼。`
        : "";
    // 民事诉讼法第一百四十七条: a defendant who stays away after lawful summons may be judged by default.
    const absent =
      hearing.isHeld && hearing.absent.length > 0
        ? `${hearing.absent.map((n) => named(input, n, locale)).join("、")}经本院合法传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。`
        : "";
    return `${caseTitle(input, locale)}${filed}，本院于${isoZh(input.acceptedOn)}立案后，依法适用${PROCEDURE[input.procedure].zh}${bench}${trial}。${appeared}${absent}${concluded ? "本案现已审理终结。" : ""}`;
  }
  const filed =
    input.filedOn === input.acceptedOn ? " was" : ` was brought on ${englishDate(input.filedOn)} and`;
  const bench = input.judges.length > 1 ? ", formed a collegial panel" : "";
  const trial = hearing.isHeld
    ? ` and held a public hearing${hearing.isOnline ? " online" : ""} on ${englishDate(hearing.on)}`
    : " and tried the case without a hearing";
  const appeared =
    hearing.isHeld && hearing.appeared.length > 0
      ? ` ${capitalised(listEn(hearing.appeared.map((n) => named(input, n, locale))))} appeared.`
      : "";
  const absent =
    hearing.isHeld && hearing.absent.length > 0
      ? ` ${capitalised(listEn(hearing.absent.map((n) => named(input, n, locale))))}, lawfully summoned, failed to appear without good reason, and the case was tried by default.`
      : "";
  return `${caseTitle(input, locale)}${filed} registered by this court on ${englishDate(input.acceptedOn)}. The court applied ${PROCEDURE[input.procedure].en}${bench}${trial}.${appeared}${absent}${concluded ? " The trial is now concluded." : ""}`;
}

function englishDate(iso: string): string {
  return documentDate(iso, "en");
}

function claimParagraphs(input: JudgmentDraftInput, locale: DocumentLocale): string[] {
  const zh = locale === "zh-CN";
  const plaintiffs = namesOf(input, "plaintiff");
  const claims = input.claims.map((c, i) =>
    zh ? `${i + 1}.${itemText(c, locale)}` : `(${i + 1}) ${itemText(c, locale)}`,
  );
  const out = [
    zh
      ? `原告${plaintiffs.join("、")}向本院提出诉讼请求：${claims.join("；")}。`
      : `The plaintiff ${plaintiffs.join(", ")} made the following claims: ${claims.join("; ")}.`,
  ];
  if (input.claimReasons)
    out.push(zh ? `事实和理由：${input.claimReasons.zh}` : `Facts and reasons: ${input.claimReasons.en}`);
  return out;
}

function defenceParagraphs(input: JudgmentDraftInput, locale: DocumentLocale): string[] {
  return input.defences.map(({ name, text }) => {
    if (locale === "zh-CN")
      return text
        ? `${named(input, name, locale)}辩称，${text.zh}`
        : `${named(input, name, locale)}未作答辩。`;
    const subject = capitalised(named(input, name, locale));
    return text ? `${subject} argued in defence: ${text.en}` : `${subject} did not file a defence.`;
  });
}

function factParagraphs(input: JudgmentDraftInput, locale: DocumentLocale): string[] {
  const zh = locale === "zh-CN";
  if (input.facts.length === 0 && input.elements.length === 0) return [];
  return [
    zh ? "本院经审理认定事实如下：" : "Having tried the case, the court finds the following facts:",
    ...input.facts.map((f) => (zh ? f.zh : f.en)),
    ...input.elements.map((e, i) =>
      zh
        ? `${i + 1}.${e.label.zh}：${e.value.zh.replace(/。$/u, "")}。`
        : `${i + 1}. ${e.label.en}: ${e.value.en.replace(/\.$/u, "")}.`,
    ),
  ];
}

function reasoningParagraphs(input: JudgmentDraftInput, locale: DocumentLocale): string[] {
  return input.reasoning.map((r, i) => {
    const text = locale === "zh-CN" ? r.zh : r.en;
    if (i > 0) return text;
    return locale === "zh-CN"
      ? `本院认为，${text}`
      : `The court holds that ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  });
}

/** 案件受理费50.00元，由被告某网店公司负担。 (诉讼费用交纳办法第二十九条: the losing party bears the costs). */
function costsParagraph(input: JudgmentDraftInput, locale: DocumentLocale): string | null {
  const fee = input.caseFee;
  if (!fee) return null;
  const zh = locale === "zh-CN";
  // 诉讼费用交纳办法第十五条、第十六条: halved on mediation, withdrawal or the simplified procedure.
  const charged =
    fee.fullAmountFen !== null && fee.fullAmountFen !== fee.amountFen
      ? zh
        ? `${money(fee.fullAmountFen, locale)}，减半收取计${money(fee.amountFen, locale)}`
        : `${money(fee.fullAmountFen, locale)}, halved to ${money(fee.amountFen, locale)},`
      : money(fee.amountFen, locale);
  if (zh) {
    const bearers =
      fee.bearers.length === 1
        ? `由${named(input, fee.bearers[0]!.name, locale)}负担`
        : `由${fee.bearers.map((b) => `${named(input, b.name, locale)}负担${money(b.amountFen, locale)}`).join("，")}`;
    return `案件受理费${charged}，${bearers}。`;
  }
  const bearers =
    fee.bearers.length === 1
      ? `borne by ${named(input, fee.bearers[0]!.name, locale)}`
      : `borne as follows: ${fee.bearers.map((b) => `${named(input, b.name, locale)}, ${money(b.amountFen, locale)}`).join("; ")}`;
  return `The case acceptance fee of ${charged} shall be ${bearers}.`;
}

function appealParagraph(input: JudgmentDraftInput, locale: DocumentLocale): string {
  const zh = locale === "zh-CN";
  const court = input.appealCourt ? (zh ? input.appealCourt.zh : input.appealCourt.en) : null;
  switch (input.kind) {
    case "mediation":
      // 民事诉讼法第一百条第三款: 调解书经双方当事人签收后，即具有法律效力.
      return zh
        ? "本调解书经双方当事人签收后，即具有法律效力。"
        : "This mediation document takes legal effect once both parties have signed for it.";
    case "judgment":
      // 民事诉讼法第一百六十五条, 民诉法解释第二百七十一条: a small claims judgment is final at first instance.
      if (input.procedure === "small_claims") return zh ? "本判决为终审判决。" : "This judgment is final.";
      // 民事诉讼法第一百五十五条第一款第四项 and 第一百七十一条第一款: fifteen days to appeal a judgment.
      return zh
        ? `如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，上诉于${court ?? "上一级人民法院"}。`
        : `A party who disagrees with this judgment may, within fifteen days from service of the judgment, lodge a statement of appeal with this court, with copies for the number of opposing parties or their representatives, to appeal to ${court ?? "the people's court at the next higher level"}.`;
    case "ruling":
      // 民事诉讼法第一百五十七条第二款: only rulings on 不予受理、管辖异议、驳回起诉 may be appealed; 民诉法解释第二百七十六条、
      // 第二百七十七条: in a small claims case even those take effect when made.
      if (!input.isAppealable || input.procedure === "small_claims")
        return zh ? "本裁定一经作出即发生法律效力。" : "This ruling takes legal effect when made.";
      // 民事诉讼法第一百七十一条第二款: ten days to appeal a ruling.
      return zh
        ? `如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，上诉于${court ?? "上一级人民法院"}。`
        : `A party who disagrees with this ruling may, within ten days from service of the ruling, lodge a statement of appeal with this court, with copies for the number of opposing parties or their representatives, to appeal to ${court ?? "the people's court at the next higher level"}.`;
  }
}

function build(input: JudgmentDraftInput, locale: DocumentLocale): JudgmentDocumentModel {
  const zh = locale === "zh-CN";
  const kind = judgmentDocumentKinds[input.kind];
  const paragraphs: JudgmentDocumentModel["paragraphs"] = [];
  const add = (section: JudgmentSection, ...texts: string[]) => {
    for (const text of texts) paragraphs.push({ section, text });
  };
  add("procedure", procedureParagraph(input, locale));
  add("claims", ...claimParagraphs(input, locale));
  const decisionItems = input.decision.map((d) => itemText(d, locale));
  if (input.kind === "mediation") {
    // 民事诉讼法第一百条第一款: 调解书应当写明诉讼请求、案件的事实和调解结果.
    add("facts", ...input.facts.map((f) => (zh ? f.zh : f.en)));
    add(
      "decision",
      zh
        ? "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议："
        : "In the course of the trial, through mediation conducted by this court, the parties voluntarily reached the following agreement:",
      ...(zh ? numberedZh(decisionItems) : numberedEn(decisionItems)),
    );
    const costs = costsParagraph(input, locale);
    if (costs) add("costs", costs);
    add(
      "decision",
      zh
        ? "上述协议，不违反法律规定，本院予以确认。"
        : "The above agreement does not violate the law, and this court confirms it.",
    );
  } else {
    // 民事诉讼法第一百五十五条第一款 (judgment) and 第一百五十七条第三款 (ruling): the claims, the dispute, the facts
    // found and the reasons, the law applied, the result and the costs.
    add("defence", ...defenceParagraphs(input, locale));
    add("facts", ...factParagraphs(input, locale));
    add("reasoning", ...reasoningParagraphs(input, locale));
    const verb = zh
      ? input.kind === "judgment"
        ? "判决如下："
        : "裁定如下："
      : "the court rules as follows:";
    if (input.legalBasis.length > 0)
      add(
        "basis",
        zh
          ? `依照${citeLaws(input.legalBasis, locale)}之规定，${verb}`
          : `Pursuant to ${citeLaws(input.legalBasis, locale)}, ${verb}`,
      );
    else add("basis", zh ? verb : `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`);
    add("decision", ...(zh ? numberedZh(decisionItems) : numberedEn(decisionItems)));
    // 民事诉讼法第二百六十四条: double interest on a money debt paid late.
    if (input.kind === "judgment" && input.decision.some((d) => d.amountFen !== null))
      add(
        "delay_interest",
        zh
          ? "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。"
          : "If the obligation to pay money is not performed within the period specified in this judgment, interest on the debt for the period of delay shall be paid at double the rate pursuant to Article 264 of the Civil Procedure Law of the People's Republic of China.",
      );
    const costs = costsParagraph(input, locale);
    if (costs) add("costs", costs);
  }
  add("effect", appealParagraph(input, locale));

  return {
    kind: input.kind,
    locale,
    courtName: zh ? input.court.zh : input.court.en,
    title: zh ? kind.zh : kind.en,
    caseNumber: input.caseNumber,
    translationNote: zh ? null : translationNote,
    parties: input.parties.flatMap((p) => partyLines(p, locale)),
    paragraphs,
    // 民事诉讼法第一百五十五条第二款、第一百五十七条第三款、第一百条第二款: signed by the judicial officers and the clerk.
    signature: input.judges.map((j) =>
      zh ? `${JUDGE_ROLE[j.role].zh}\u3000${j.name}` : `${JUDGE_ROLE[j.role].en}  ${j.name}`,
    ),
    date: documentDate(input.decidedOn, locale),
    clerk: zh ? `书记员\u3000${input.clerkName}` : `Clerk  ${input.clerkName}`,
    issuedOn: input.decidedOn,
  };
}

/**
 * Lays out a first-instance 民事判决书, 民事裁定书 or 民事调解书 from the case's data in the official order and
 * wording, as the Chinese original and its English courtesy translation. Throws a RangeError for a legal basis
 * that names a law it cannot cite by its full title.
 */
export function buildJudgmentDocumentModels(input: JudgmentDraftInput): {
  zh: JudgmentDocumentModel;
  en: JudgmentDocumentModel;
} {
  return { zh: build(input, "zh-CN"), en: build(input, "en") };
}

/** The download name: 民事判决书.docx, civil-judgment-en.docx. */
export function judgmentDocumentFileName(model: JudgmentDocumentModel, format: "docx" | "pdf"): string {
  const kind = judgmentDocumentKinds[model.kind];
  return model.locale === "zh-CN" ? `${kind.zh}.${format}` : `${kind.file}-en.${format}`;
}
