// Rule-based extraction (回填) from the text of a civil complaint (民事起诉状), following the items a
// complaint must state (民事诉讼法第一百二十四条): the parties' particulars, the claims, the facts and
// reasons, and the evidence with its sources; plus the court addressed and the dates.
//
// Every field carries a confidence in [0, 1] and the span [start, end) of the characters it was read
// from in the input, so the filing form can highlight its source. Identity numbers are checked with
// the identity rules; a number that fails is still returned, with an issue and a low confidence.
//
// Matching runs on a folded copy of the text in which full-width ASCII (：，；（）０-９ …) and the
// ideographic space are replaced one-for-one by their ASCII forms, so offsets are the input's own.

import { checkResidentIdNumber } from "@netcourt/shared/identity-checks";
import {
  CHINESE_DATE_PATTERN,
  chineseDateValue,
  parseChineseNumeral,
} from "../../platform/text/chinese-numerals";
import { validateCreditCode, validateMobilePhone, type CreditCodeResult } from "../identity/index";

export interface Span {
  start: number;
  end: number;
}

export interface Extracted<T> {
  value: T;
  confidence: number;
  span: Span;
  /** Why the value is doubtful (e.g. the check digit of an ID number does not match). */
  issue?: string;
}

export type PartyRole = "plaintiff" | "defendant" | "third_party";
export type PartyKind = "natural_person" | "legal_person" | "other_organisation";

export interface LegalRepresentative {
  name: string;
  title: string | null;
  /** 法定代表人 of a legal person, 负责人 of another organisation, 经营者 of an individual business. */
  role: "legal_representative" | "person_in_charge" | "operator";
}

export interface ExtractedParty {
  role: PartyRole;
  /** The label as written, e.g. 原告（反诉被告）or 被告二. */
  label: string;
  span: Span;
  kind: Extracted<PartyKind>;
  name: Extracted<string> | null;
  sex: Extracted<"male" | "female"> | null;
  ethnicity: Extracted<string> | null;
  birthDate: Extracted<string> | null;
  idNumber: Extracted<string> | null;
  creditCode: Extracted<string> | null;
  legalRepresentative: Extracted<LegalRepresentative> | null;
  phone: Extracted<string> | null;
  address: Extracted<string> | null;
}

export type AgentKind = "lawyer" | "trainee_lawyer" | "legal_worker" | "statutory" | "other";

export interface ExtractedAgent {
  /** Index in `parties` of the party the agent acts for (the party written above it). */
  partyIndex: number | null;
  span: Span;
  kind: Extracted<AgentKind>;
  name: Extracted<string> | null;
  lawFirm: Extracted<string> | null;
  phone: Extracted<string> | null;
}

export type AmountForm = "arabic" | "arabic_wan" | "chinese_upper" | "chinese_lower";

export interface ExtractedAmount {
  fen: number;
  form: AmountForm;
  raw: string;
  span: Span;
  /** "claimed" counts towards the claim; a restatement repeats the amount before it; a base feeds an interest clause. */
  role: "claimed" | "restatement" | "interest_base";
}

export interface InterestRate {
  kind: "annual" | "monthly" | "daily" | "lpr" | "lpr_multiple";
  /** Percent for annual/monthly/daily rates (3.85 = 3.85 %), the multiple for LPR. */
  value: number;
  raw: string;
}

export interface InterestClause {
  span: Span;
  raw: string;
  baseFen: number | null;
  rate: InterestRate | null;
  from: string | null;
  /** ISO date, or "actual_payment" for 至实际清偿之日止. */
  until: string | null;
}

export interface ExtractedClaim {
  index: number;
  text: string;
  span: Span;
  amounts: ExtractedAmount[];
  /** Sum of the claimed amounts in fen, or null when the claim names none (e.g. costs, apology). */
  amountFen: number | null;
  interest: InterestClause | null;
  confidence: number;
}

export interface ExtractedDate {
  value: string;
  raw: string;
  span: Span;
  form: "chinese" | "iso" | "chinese_numerals";
}

export interface ExtractionIssue {
  code:
    | "no_plaintiff"
    | "no_defendant"
    | "no_claims"
    | "no_facts_and_reasons"
    | "invalid_id_number"
    | "invalid_credit_code"
    | "invalid_phone"
    | "birth_date_mismatch";
  path: string;
  detail?: string;
  span?: Span;
}

export interface ComplaintExtraction {
  parties: ExtractedParty[];
  agents: ExtractedAgent[];
  claims: ExtractedClaim[];
  /** Sum of the claims' amounts (the amount in dispute as written), or null when none has one. */
  claimsTotalFen: number | null;
  factsAndReasons: Extracted<string> | null;
  evidence: Extracted<string>[];
  court: Extracted<string> | null;
  filingDate: Extracted<string> | null;
  dates: ExtractedDate[];
  issues: ExtractionIssue[];
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Full-width ASCII → ASCII and U+3000 → space, one character for one, so offsets stay valid. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      const end = i > start && text[i - 1] === "\r" ? i - 1 : i;
      lines.push({ start, end });
      start = i + 1;
    }
  }
  return lines;
}

/** Narrows a span to exclude surrounding whitespace and trailing list punctuation. */
function trimSpan(folded: string, start: number, end: number, trailing: RegExp = /[\s;。,、]/): Span {
  while (start < end && /\s/.test(folded[start]!)) start++;
  while (end > start && trailing.test(folded[end - 1]!)) end--;
  return { start, end };
}

const field = <T>(value: T, confidence: number, span: Span, issue?: string): Extracted<T> =>
  issue === undefined ? { value, confidence, span } : { value, confidence, span, issue };

// ---------------------------------------------------------------------------------------------
// Numbers, amounts and dates
// ---------------------------------------------------------------------------------------------

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const DATE_PATTERNS: readonly { form: ExtractedDate["form"]; pattern: RegExp }[] = [
  { form: "chinese", pattern: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g },
  { form: "iso", pattern: /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g },
  { form: "chinese_numerals", pattern: CHINESE_DATE_PATTERN },
];

/** Every real calendar date written in the text (2026年3月5日, 2026-03-05, 二〇二六年三月五日). */
export function findDates(text: string, offset = 0): ExtractedDate[] {
  const folded = foldWidth(text);
  const dates: ExtractedDate[] = [];
  for (const { form, pattern } of DATE_PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      const [raw, y, m, d] = match as unknown as [string, string, string, string];
      const value =
        form === "chinese_numerals" ? chineseDateValue(y, m, d) : isoDate(Number(y), Number(m), Number(d));
      if (!value) continue;
      const start = offset + match.index;
      dates.push({
        value,
        raw: text.slice(match.index, match.index + raw.length),
        span: { start, end: start + raw.length },
        form,
      });
    }
  }
  return dates.sort((a, b) => a.span.start - b.span.start);
}

const AMOUNT_PATTERNS: readonly { form: AmountForm; pattern: RegExp }[] = [
  {
    form: "arabic",
    pattern: /(?:人民币|RMB|¥|￥)?\s*(?<!\d)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|万|元)/g,
  },
  {
    form: "chinese_upper",
    pattern:
      /(?:人民币)?([零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億]+[元圆](?:零?[壹贰叁肆伍陆柒捌玖]角)?(?:零?[壹贰叁肆伍陆柒捌玖]分)?整?)/g,
  },
  { form: "chinese_lower", pattern: /(?:人民币)?([零〇一二两三四五六七八九十百千万亿]+)元/g },
];

function upperAmountToFen(text: string): number | null {
  const match = /^(.*?)[元圆](?:零?(.)角)?(?:零?(.)分)?整?$/.exec(text);
  if (!match) return null;
  const yuanPart = match[1]!;
  const yuan = yuanPart === "" ? 0 : parseChineseNumeral(yuanPart);
  if (yuan === null) return null;
  const jiao = match[2] ? (parseChineseNumeral(match[2]) ?? 0) : 0;
  const fen = match[3] ? (parseChineseNumeral(match[3]) ?? 0) : 0;
  return yuan * 100 + jiao * 10 + fen;
}

/** Every money amount in the text: 5,000元, 1.2万元, 人民币伍万元整, 壹拾贰万…柒角捌分, 五万元. */
export function findAmounts(text: string, offset = 0): Omit<ExtractedAmount, "role">[] {
  const folded = foldWidth(text);
  const found: Omit<ExtractedAmount, "role">[] = [];
  for (const { form, pattern } of AMOUNT_PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      let fen: number | null = null;
      let resolvedForm: AmountForm = form;
      if (form === "arabic") {
        const whole = match[1]!.replace(/,/g, "");
        const fraction = match[2] ?? "";
        const unit = match[3]!;
        if (unit.startsWith("万")) {
          // 1.2万元 = 12,000 yuan: scale the decimal text by 10^4 without floating point.
          fen = Number(BigInt(`${whole}${fraction.padEnd(6, "0").slice(0, 6)}`));
          resolvedForm = "arabic_wan";
        } else {
          fen = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
        }
      } else if (form === "chinese_upper") {
        fen = upperAmountToFen(match[1]!);
      } else {
        // Lower-case numerals need a digit or 十/百/千 (so 万元 alone is not an amount).
        if (!/[〇零一二两三四五六七八九十百千]/.test(match[1]!)) continue;
        const yuan = parseChineseNumeral(match[1]!);
        fen = yuan === null ? null : yuan * 100;
      }
      if (fen === null || fen <= 0) continue;
      // The span starts at the first character of the amount itself (a 人民币 prefix included).
      const leading = match[0].length - match[0].trimStart().length;
      const start = match.index + leading;
      const end = match.index + match[0].length;
      found.push({
        fen,
        form: resolvedForm,
        raw: text.slice(start, end),
        span: { start: offset + start, end: offset + end },
      });
    }
  }
  // Keep the earliest, longest match where forms overlap.
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: Omit<ExtractedAmount, "role">[] = [];
  for (const amount of found) {
    const last = kept[kept.length - 1];
    if (last && amount.span.start < last.span.end) continue;
    kept.push(amount);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Document structure
// ---------------------------------------------------------------------------------------------

type SectionKind = "claims" | "facts" | "evidence" | "closing" | "signature" | "attachments";

const SECTION_HEADERS: readonly { kind: SectionKind; pattern: RegExp }[] = [
  { kind: "claims", pattern: /^\s*诉\s*讼\s*请\s*求\s*(?:如下)?\s*[:]?/ },
  { kind: "facts", pattern: /^\s*事\s*实\s*(?:与|和|及)\s*理\s*由\s*[:]?/ },
  {
    kind: "evidence",
    // A bare 证据 opens the section only as a heading ("证据：" or alone on its line).
    pattern:
      /^\s*(?:(?:证据(?:和|与|及)证据来源(?:[,、]\s*证人姓名(?:和|及)住所)?|证据清单|证据目录|证据材料)\s*:?|证据\s*(?::|$))/,
  },
  { kind: "closing", pattern: /^\s*此\s*致/ },
  { kind: "signature", pattern: /^\s*(?:具状人|起诉人)\s*[:]?/ },
  { kind: "attachments", pattern: /^\s*附\s*[:]/ },
];

interface Section {
  kind: SectionKind | "parties";
  /** Content span: after the header on its line to the next header. */
  start: number;
  end: number;
}

function findSections(folded: string, lines: Line[]): Section[] {
  const sections: Section[] = [{ kind: "parties", start: 0, end: folded.length }];
  for (const line of lines) {
    const lineText = folded.slice(line.start, line.end);
    for (const { kind, pattern } of SECTION_HEADERS) {
      // A heading such as 证据 opens a section only where a complaint puts one.
      if (kind === "evidence" && !sections.some((s) => s.kind === "facts" || s.kind === "claims")) continue;
      if (sections.some((s) => s.kind === kind)) continue;
      const match = pattern.exec(lineText);
      if (!match) continue;
      sections[sections.length - 1]!.end = line.start;
      sections.push({ kind, start: line.start + match[0].length, end: folded.length });
      break;
    }
  }
  return sections;
}

/** Splits a list into numbered items (1. 1、 (1) 一、 证据1：), or lines when nothing is numbered. */
function splitNumberedItems(folded: string, start: number, end: number): Span[] {
  const marker =
    /(^|\n|[;。])[ \t]*(?:(\d{1,2})[ \t]*[.、](?!\d)|\((\d{1,2})\)|([一二三四五六七八九十]{1,3})[ \t]*、|证据[ \t]*(\d{1,2})[ \t]*[:、.])/g;
  const text = folded.slice(start, end);
  const starts: { markerStart: number; contentStart: number }[] = [];
  let expected = 1;
  for (const match of text.matchAll(marker)) {
    const numberText = match[2] ?? match[3] ?? match[5];
    const number = numberText ? Number(numberText) : parseChineseNumeral(match[4] ?? "");
    if (number !== expected) continue;
    expected++;
    starts.push({ markerStart: match.index + match[1]!.length, contentStart: match.index + match[0].length });
  }
  if (starts.length > 0) {
    return starts.map((s, i) =>
      trimSpan(folded, start + s.contentStart, start + (starts[i + 1]?.markerStart ?? text.length)),
    );
  }
  return splitLines(text)
    .map((line) => trimSpan(folded, start + line.start, start + line.end))
    .filter((span) => span.end > span.start);
}

// ---------------------------------------------------------------------------------------------
// Parties and agents
// ---------------------------------------------------------------------------------------------

const PARTY_LINE = /^\s*(原\s*告|被\s*告|第\s*三\s*人)([一二三四五六七八九十\d]*)\s*(\([^)]*\))?\s*[:]\s*/;
const AGENT_LINE = /^\s*(委托诉讼代理人|委托代理人|诉讼代理人|法定代理人)\s*[:]\s*/;

const ETHNIC_GROUPS = new Set(
  (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 " +
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 " +
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
  )
    .split(" ")
    .map((name) => `${name}族`),
);

const BRANCH_SUFFIX = /(分公司|分行|支行|分理处|营业部|分店|分部|办事处|分社|分所)$/;
const OTHER_ORGANISATION_SUFFIX =
  /(合伙企业|\(普通合伙\)|\(有限合伙\)|个人独资企业|律师事务所|会计师事务所|个体工商户|经营部|商行|门市部|工作室|店)$/;
const LEGAL_PERSON_SUFFIX =
  /(公司|集团|银行|大学|学院|学校|医院|研究院|研究所|协会|学会|基金会|委员会|合作社|中心|人民政府|局|厅)$/;
const DATE_SOURCE =
  "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}-\\d{1,2}-\\d{1,2}|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日";
/** A birth date with its label: 出生日期：…, 出生于…, 生于…, or …出生 / …生. */
const BIRTH_DATE = new RegExp(
  `(?:出生日期\\s*:?\\s*|出生于\\s*|生于\\s*)(${DATE_SOURCE})|(${DATE_SOURCE})\\s*(?:出生|生)`,
);
const TITLE =
  /^(董事长|执行董事|董事|总经理|副总经理|经理|行长|副行长|主任|厂长|校长|院长|会长|理事长|总裁|执行事务合伙人|合伙人|负责人|所长|站长|社长|局长|主席|首席执行官)$/;

interface Segment {
  type: "party" | "agent";
  start: number;
  end: number;
  /** Where the content after the label's colon begins. */
  contentStart: number;
  label: string;
}

function segmentParties(original: string, folded: string, lines: Line[], section: Section): Segment[] {
  const segments: Segment[] = [];
  for (const line of lines) {
    if (line.start < section.start || line.start >= section.end) continue;
    const text = folded.slice(line.start, line.end);
    const party = PARTY_LINE.exec(text);
    const agent = party ? null : AGENT_LINE.exec(text);
    const match = party ?? agent;
    if (match) {
      const last = segments[segments.length - 1];
      if (last) last.end = line.start;
      segments.push({
        type: party ? "party" : "agent",
        start: line.start,
        end: Math.min(section.end, line.end),
        contentStart: line.start + match[0].length,
        label: original
          .slice(line.start, line.start + match[0].length)
          .replace(/\s+/g, "")
          .replace(/[:：]$/, ""),
      });
    } else if (segments.length > 0) {
      // A continuation line (法定代表人, 住所, wrapped text) belongs to the entry above it.
      segments[segments.length - 1]!.end = Math.min(section.end, line.end);
    }
  }
  return segments;
}

/** The first value after any of the labels, ending at a list separator. */
function labelled(
  folded: string,
  seg: { start: number; end: number },
  labels: string,
  valuePattern = "[^,;。\\n]+",
): { value: string; span: Span } | null {
  const pattern = new RegExp(`(?<=^|[,;。、\\s])(?:${labels})\\s*:?\\s*(${valuePattern})`, "u");
  const text = folded.slice(seg.start, seg.end);
  const match = pattern.exec(text);
  if (!match) return null;
  const valueStart = seg.start + match.index + match[0].length - match[1]!.length;
  const span = trimSpan(folded, valueStart, valueStart + match[1]!.length);
  return span.end > span.start ? { value: folded.slice(span.start, span.end), span } : null;
}

function readName(original: string, folded: string, seg: Segment): Extracted<string> | null {
  const text = folded.slice(seg.contentStart, seg.end);
  const match = /^\s*([^,;。\s]+)/.exec(text);
  if (!match) return null;
  const start = seg.contentStart + match.index + match[0].length - match[1]!.length;
  const end = start + match[1]!.length;
  return field(original.slice(start, end), 0.95, { start, end });
}

function readPhone(folded: string, seg: { start: number; end: number }): Extracted<string> | null {
  const found =
    labelled(
      folded,
      seg,
      "联系电话|联系方式|电话号码|手机号码|手机号|手机|电话",
      "[+\\d][\\d\\s-]{5,18}\\d",
    ) ??
    (() => {
      const match = /(?<!\d)(1[3-9]\d{9})(?!\d)/.exec(folded.slice(seg.start, seg.end));
      if (!match) return null;
      const start = seg.start + match.index;
      return { value: match[1]!, span: { start, end: start + 11 } };
    })();
  if (!found) return null;
  const mobile = validateMobilePhone(found.value);
  if (mobile.ok) return field(mobile.value, 0.95, found.span);
  const landline = found.value.replace(/[\s-]/g, "");
  if (/^0\d{9,11}$/.test(landline)) return field(landline, 0.8, found.span);
  return field(landline, 0.3, found.span, mobile.reason);
}

interface IdentityNumbers {
  idNumber: Extracted<string> | null;
  creditCode: Extracted<string> | null;
  creditCodeResult: CreditCodeResult | null;
  birthDate: string | null;
  sex: "male" | "female" | null;
}

function readIdentityNumbers(folded: string, seg: Segment, now: Date): IdentityNumbers {
  const result: IdentityNumbers = {
    idNumber: null,
    creditCode: null,
    creditCodeResult: null,
    birthDate: null,
    sex: null,
  };
  const idLabelled = labelled(
    folded,
    seg,
    "公民身份号码|居民身份证号码|身份证号码|身份证号|身份证",
    "\\d{17}[\\dXx]",
  );
  const codeLabelled = labelled(folded, seg, "统一社会信用代码|社会信用代码|信用代码", "[0-9A-Za-z]{18}");
  const text = folded.slice(seg.start, seg.end);
  const tokens = [...text.matchAll(/(?<![0-9A-Za-z])([0-9A-Za-z]{18})(?![0-9A-Za-z])/g)].map((m) => ({
    value: m[1]!,
    span: { start: seg.start + m.index, end: seg.start + m.index + 18 },
  }));
  const idCandidate =
    idLabelled ??
    tokens.find((t) => t.span.start !== codeLabelled?.span.start && checkResidentIdNumber(t.value, now).ok) ??
    null;
  if (idCandidate) {
    const check = checkResidentIdNumber(idCandidate.value, now);
    if (check.ok) {
      result.idNumber = field(check.value, idLabelled ? 0.98 : 0.85, idCandidate.span);
      result.birthDate = check.birthDate;
      result.sex = check.sex;
    } else {
      result.idNumber = field(idCandidate.value.toUpperCase(), 0.3, idCandidate.span, check.reason);
    }
  }
  const codeCandidate =
    codeLabelled ??
    tokens.find((t) => t.span.start !== idCandidate?.span.start && validateCreditCode(t.value).ok) ??
    null;
  if (codeCandidate) {
    const check = validateCreditCode(codeCandidate.value);
    result.creditCodeResult = check;
    result.creditCode = check.ok
      ? field(check.value, codeLabelled ? 0.98 : 0.85, codeCandidate.span)
      : field(codeCandidate.value.toUpperCase(), 0.3, codeCandidate.span, check.reason);
  }
  return result;
}

function classifyParty(
  name: string | null,
  numbers: IdentityNumbers,
  personMarkers: boolean,
  span: Span,
): Extracted<PartyKind> {
  const trimmed = name ?? "";
  if (BRANCH_SUFFIX.test(trimmed) || OTHER_ORGANISATION_SUFFIX.test(trimmed)) {
    return field("other_organisation", numbers.creditCode ? 0.95 : 0.85, span);
  }
  if (LEGAL_PERSON_SUFFIX.test(trimmed)) return field("legal_person", numbers.creditCode ? 0.95 : 0.85, span);
  if (numbers.idNumber?.issue === undefined && numbers.idNumber) return field("natural_person", 0.95, span);
  if (personMarkers) return field("natural_person", 0.9, span);
  const code = numbers.creditCodeResult;
  if (code?.ok) {
    // GB 32100: 9-2 is an individual business, 3 (司法行政) covers law firms; others are legal persons.
    const other =
      (code.registrationAuthority.code === "9" && code.entityType.code === "2") ||
      code.registrationAuthority.code === "3";
    return field(other ? "other_organisation" : "legal_person", 0.8, span);
  }
  if (/^[\u4e00-\u9fa5·]{2,4}$/.test(trimmed)) return field("natural_person", 0.6, span);
  return field("other_organisation", 0.4, span);
}

function readParty(
  original: string,
  folded: string,
  seg: Segment,
  now: Date,
  issues: ExtractionIssue[],
  index: number,
): ExtractedParty {
  const span = trimSpan(folded, seg.start, seg.end);
  const role = seg.label.startsWith("原告")
    ? "plaintiff"
    : seg.label.startsWith("被告")
      ? "defendant"
      : "third_party";
  const name = readName(original, folded, seg);
  const numbers = readIdentityNumbers(folded, seg, now);
  const path = `parties[${index}]`;

  // Details of the legal representative follow its label; personal markers are read before it.
  const repMatch = /(?<=^|[,;。\s])(法定代表人|主要负责人|负责人|经营者)\s*:/.exec(
    folded.slice(seg.start, seg.end),
  );
  const ownEnd = repMatch ? seg.start + repMatch.index : seg.end;
  const own = { start: seg.contentStart, end: ownEnd };
  const ownText = folded.slice(own.start, own.end);

  const sexMatch = /(?<=^|[,;。、\s])(?:性别\s*:\s*)?(男|女)(?=$|[,;。、\s])/.exec(ownText);
  const ethnicityMatch = [
    ...ownText.matchAll(/(?<=^|[,;。、\s])(?:民族\s*:\s*)?([\u4e00-\u9fa5]{1,4}族)(?=$|[,;。、\s])/g),
  ].find((m) => ETHNIC_GROUPS.has(m[1]!));
  const birthMatch = BIRTH_DATE.exec(ownText);
  const birthText = birthMatch ? (birthMatch[1] ?? birthMatch[2]!) : null;

  const personMarkers = sexMatch !== null || ethnicityMatch !== undefined || birthMatch !== null;
  const kind = classifyParty(name?.value ?? null, numbers, personMarkers, span);
  const isPerson = kind.value === "natural_person";

  let sex: ExtractedParty["sex"] = null;
  if (isPerson && sexMatch) {
    const start = own.start + sexMatch.index + sexMatch[0].length - 1;
    sex = field(sexMatch[1] === "男" ? "male" : "female", 0.95, { start, end: start + 1 });
  } else if (isPerson && numbers.sex && numbers.idNumber) {
    sex = field(numbers.sex, 0.9, numbers.idNumber.span);
  }

  let ethnicity: ExtractedParty["ethnicity"] = null;
  if (isPerson && ethnicityMatch) {
    const start = own.start + ethnicityMatch.index + ethnicityMatch[0].length - ethnicityMatch[1]!.length;
    ethnicity = field(ethnicityMatch[1]!, 0.95, { start, end: start + ethnicityMatch[1]!.length });
  }

  let birthDate: ExtractedParty["birthDate"] = null;
  if (isPerson && birthMatch && birthText) {
    const start = own.start + birthMatch.index + birthMatch[0].indexOf(birthText);
    const parsed = findDates(folded.slice(start, start + birthText.length), start)[0];
    if (parsed) {
      birthDate = field(parsed.value, 0.95, parsed.span);
      if (numbers.birthDate && numbers.birthDate !== parsed.value) {
        birthDate.issue = "birth_date_mismatch";
        birthDate.confidence = 0.5;
        issues.push({
          code: "birth_date_mismatch",
          path: `${path}.birthDate`,
          detail: numbers.birthDate,
          span: birthDate.span,
        });
      }
    }
  }
  if (isPerson && !birthDate && numbers.birthDate && numbers.idNumber) {
    birthDate = field(numbers.birthDate, 0.9, numbers.idNumber.span);
  }

  let legalRepresentative: ExtractedParty["legalRepresentative"] = null;
  if (repMatch) {
    const repStart = seg.start + repMatch.index + repMatch[0].length;
    const repText = folded.slice(repStart, seg.end);
    const m = /^\s*([^,;。\s]+)(?:\s*[,]\s*(?:职务\s*:\s*)?([^,;。\s]{1,10}))?/.exec(repText);
    if (m) {
      const title = m[2] && TITLE.test(m[2]) ? m[2] : null;
      const role: LegalRepresentative["role"] =
        repMatch[1] === "法定代表人"
          ? "legal_representative"
          : repMatch[1] === "经营者"
            ? "operator"
            : "person_in_charge";
      const nameStart = repStart + m.index + m[0].indexOf(m[1]!);
      const end = title ? repStart + m.index + m[0].length : nameStart + m[1]!.length;
      legalRepresentative = field(
        { name: original.slice(nameStart, nameStart + m[1]!.length), title, role },
        0.9,
        { start: seg.start + repMatch.index, end },
      );
    }
  }

  const addressFound = labelled(
    folded,
    own,
    "住所地|住所|住址|现住址|现住|户籍地址|户籍所在地|经常居住地|地址|住",
  );
  const address = addressFound
    ? field(original.slice(addressFound.span.start, addressFound.span.end), 0.9, addressFound.span)
    : null;

  const phone = readPhone(folded, own);

  if (numbers.idNumber?.issue) {
    issues.push({
      code: "invalid_id_number",
      path: `${path}.idNumber`,
      detail: numbers.idNumber.issue,
      span: numbers.idNumber.span,
    });
  }
  if (numbers.creditCode?.issue) {
    issues.push({
      code: "invalid_credit_code",
      path: `${path}.creditCode`,
      detail: numbers.creditCode.issue,
      span: numbers.creditCode.span,
    });
  }
  if (phone?.issue)
    issues.push({ code: "invalid_phone", path: `${path}.phone`, detail: phone.issue, span: phone.span });

  return {
    role,
    label: seg.label,
    span,
    kind,
    name,
    sex,
    ethnicity,
    birthDate,
    idNumber: isPerson ? numbers.idNumber : null,
    creditCode: isPerson ? null : numbers.creditCode,
    legalRepresentative: isPerson ? null : legalRepresentative,
    phone,
    address,
  };
}

function readAgent(
  original: string,
  folded: string,
  seg: Segment,
  partyIndex: number | null,
): ExtractedAgent {
  const span = trimSpan(folded, seg.start, seg.end);
  const text = folded.slice(seg.start, seg.end);
  const name = readName(original, folded, seg);
  const firmMatch =
    /(?<=^|[,;。、\s:])(?:系|为|是)?([\u4e00-\u9fa5()]{2,40}?(?:律师事务所|法律服务所)(?:[\u4e00-\u9fa5]{1,10}分所)?)/.exec(
      text,
    );
  let lawFirm: ExtractedAgent["lawFirm"] = null;
  if (firmMatch) {
    const start = seg.start + firmMatch.index + firmMatch[0].length - firmMatch[1]!.length;
    lawFirm = field(original.slice(start, start + firmMatch[1]!.length), 0.9, {
      start,
      end: start + firmMatch[1]!.length,
    });
  }
  let kind: AgentKind;
  let confidence = 0.9;
  if (seg.label === "法定代理人") kind = "statutory";
  else if (/实习律师/.test(text)) kind = "trainee_lawyer";
  else if (/律师/.test(text.replace(/律师事务所/g, ""))) kind = "lawyer";
  else if (/法律工作者|法律服务所/.test(text)) kind = "legal_worker";
  else {
    kind = "other";
    confidence = 0.6;
  }
  return {
    partyIndex,
    span,
    kind: field(kind, confidence, span),
    name,
    lawFirm,
    phone: readPhone(folded, seg),
  };
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

const INTEREST_WORDS = /利息|罚息|复利|逾期付款损失|资金占用|违约金/;

function readInterest(
  folded: string,
  original: string,
  span: Span,
  amounts: ExtractedAmount[],
): InterestClause | null {
  const text = folded.slice(span.start, span.end);
  const keyword = INTEREST_WORDS.exec(text);
  if (!keyword) return null;
  const baseIndex = text.search(/以\s*(?:人民币)?[\d零壹贰叁肆伍陆柒捌玖一二两三四五六七八九十]/);
  const hasTerms = baseIndex >= 0 || /利率|LPR|%|‰|自.{4,20}?(?:起|开始)/.test(text);
  if (!hasTerms) return null;
  // The terms (base, rate, from, until) may stand before or after the word 利息, so the clause is
  // read from the whole claim.
  const clauseStart = span.start;
  const clause = folded.slice(clauseStart, span.end);

  let rate: InterestRate | null = null;
  const fixed = /(年利率|年化利率|月利率|日利率)\s*(?:为|按)?\s*(\d+(?:\.\d+)?)\s*(%|‰)/.exec(clause);
  const lpr =
    /(?:一年期)?(?:贷款市场报价利率|LPR)(?:\s*\(LPR\))?(?:的)?\s*(\d+(?:\.\d+)?|[一二两三四五])?\s*(倍)?/.exec(
      clause,
    );
  if (fixed) {
    const kind = fixed[1]!.startsWith("月") ? "monthly" : fixed[1]!.startsWith("日") ? "daily" : "annual";
    const value = Number(fixed[2]) / (fixed[3] === "‰" ? 10 : 1);
    rate = { kind, value, raw: fixed[0] };
  } else if (lpr) {
    const multiple =
      lpr[1] && lpr[2] ? (Number.isNaN(Number(lpr[1])) ? parseChineseNumeral(lpr[1]) : Number(lpr[1])) : null;
    rate = multiple
      ? { kind: "lpr_multiple", value: multiple, raw: lpr[0].trim() }
      : { kind: "lpr", value: 1, raw: lpr[0].trim() };
  }

  let from: string | null = null;
  let until: string | null = null;
  for (const date of findDates(original.slice(clauseStart, span.end), clauseStart)) {
    const before = folded.slice(Math.max(clauseStart, date.span.start - 3), date.span.start);
    const after = folded.slice(date.span.end, date.span.end + 3);
    if (!from && /自\s*$|从\s*$/.test(before)) from = date.value;
    else if (!until && /至\s*$|到\s*$/.test(before) && !/起/.test(after)) until = date.value;
  }
  if (
    !until &&
    /至\s*(?:实际|全部|款项)?\s*(?:清偿|付清|偿还|给付|履行|支付)(?:完毕)?(?:之日|时)?/.test(clause)
  )
    until = "actual_payment";

  const base = amounts.find((a) => a.role === "interest_base" && a.span.start >= clauseStart) ?? null;
  return {
    span: { start: clauseStart, end: span.end },
    raw: original.slice(clauseStart, span.end),
    baseFen: base?.fen ?? null,
    rate,
    from,
    until,
  };
}

function readClaim(original: string, folded: string, span: Span, index: number): ExtractedClaim {
  const raw = findAmounts(original.slice(span.start, span.end), span.start);
  const amounts: ExtractedAmount[] = [];
  for (const amount of raw) {
    const after = folded.slice(amount.span.end, amount.span.end + 6);
    const before = folded.slice(Math.max(span.start, amount.span.start - 2), amount.span.start);
    const previous = amounts[amounts.length - 1];
    let role: ExtractedAmount["role"] = "claimed";
    if (/^\s*(?:为基数|为本金|作为基数)/.test(after)) role = "interest_base";
    else if (
      previous &&
      previous.fen === amount.fen &&
      /\($|\(\s*$/.test(before) &&
      amount.span.start - previous.span.end <= 3
    ) {
      role = "restatement";
    }
    amounts.push({ ...amount, role });
  }
  const claimed = amounts.filter((a) => a.role === "claimed");
  const interest = readInterest(folded, original, span, amounts);
  return {
    index,
    text: original.slice(span.start, span.end),
    span,
    amounts,
    amountFen: claimed.length > 0 ? claimed.reduce((sum, a) => sum + a.fen, 0) : null,
    interest,
    confidence: claimed.length > 1 ? 0.8 : 0.9,
  };
}

/**
 * Reads one claim on its own (its amounts and interest clause), as a filed case keeps its claims: the
 * element table pre-fills the interest terms from it.
 */
export function extractClaim(text: string): ExtractedClaim {
  return readClaim(text, foldWidth(text), { start: 0, end: text.length }, 1);
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Reads the parties, agents, claims, facts and reasons, evidence, court and dates from the text of a
 * civil complaint. `now` is used to check identity numbers (a birth date cannot be in the future).
 */
export function extractComplaint(text: string, now: Date): ComplaintExtraction {
  const folded = foldWidth(text);
  const lines = splitLines(folded);
  const sections = findSections(folded, lines);
  const section = (kind: Section["kind"]) => sections.find((s) => s.kind === kind) ?? null;
  const issues: ExtractionIssue[] = [];

  const parties: ExtractedParty[] = [];
  const agents: ExtractedAgent[] = [];
  for (const seg of segmentParties(text, folded, lines, section("parties")!)) {
    if (seg.type === "party") parties.push(readParty(text, folded, seg, now, issues, parties.length));
    else agents.push(readAgent(text, folded, seg, parties.length > 0 ? parties.length - 1 : null));
  }
  if (!parties.some((p) => p.role === "plaintiff")) issues.push({ code: "no_plaintiff", path: "parties" });
  if (!parties.some((p) => p.role === "defendant")) issues.push({ code: "no_defendant", path: "parties" });

  const claimsSection = section("claims");
  const claims = claimsSection
    ? splitNumberedItems(folded, claimsSection.start, claimsSection.end).map((span, i) =>
        readClaim(text, folded, span, i + 1),
      )
    : [];
  if (claims.length === 0) issues.push({ code: "no_claims", path: "claims" });
  const withAmounts = claims.filter((c) => c.amountFen !== null);
  const claimsTotalFen =
    withAmounts.length > 0 ? withAmounts.reduce((sum, c) => sum + c.amountFen!, 0) : null;

  const factsSection = section("facts");
  let factsAndReasons: ComplaintExtraction["factsAndReasons"] = null;
  if (factsSection) {
    // Prose keeps its closing full stop; only list items lose their separators.
    const span = trimSpan(folded, factsSection.start, factsSection.end, /\s/);
    if (span.end > span.start) factsAndReasons = field(text.slice(span.start, span.end), 0.9, span);
  }
  if (!factsAndReasons) issues.push({ code: "no_facts_and_reasons", path: "factsAndReasons" });

  const evidenceSection = section("evidence");
  const evidence = evidenceSection
    ? splitNumberedItems(folded, evidenceSection.start, evidenceSection.end).map((span) =>
        field(text.slice(span.start, span.end), 0.85, span),
      )
    : [];

  let court: ComplaintExtraction["court"] = null;
  const closing = section("closing");
  if (closing) {
    const match = /^[\s:]*([^\n]*?(?:法院|法庭))/.exec(folded.slice(closing.start, closing.end));
    if (match) {
      const start = closing.start + match[0].length - match[1]!.length;
      const span = trimSpan(folded, start, start + match[1]!.length);
      court = field(text.slice(span.start, span.end), 0.95, span);
    }
  }
  if (!court) {
    const all = [...folded.matchAll(/([\u4e00-\u9fa5]{2,30}?(?:互联网法院|人民法院))/g)];
    const last = all[all.length - 1];
    if (last)
      court = field(text.slice(last.index, last.index + last[1]!.length), 0.5, {
        start: last.index,
        end: last.index + last[1]!.length,
      });
  }

  const dates = findDates(text);
  const tailStart = section("closing")?.start ?? section("signature")?.start ?? null;
  const tailDates = tailStart === null ? [] : dates.filter((d) => d.span.start >= tailStart);
  const filingSource = tailDates[tailDates.length - 1] ?? null;
  const filingDate = filingSource ? field(filingSource.value, 0.9, filingSource.span) : null;

  return {
    parties,
    agents,
    claims,
    claimsTotalFen,
    factsAndReasons,
    evidence,
    court,
    filingDate,
    dates,
    issues,
  };
}
