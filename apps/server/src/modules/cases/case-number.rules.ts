// Case numbers (案号) under 最高人民法院关于人民法院案件案号的若干规定 (法〔2015〕137号, in force
// 2016-01-01) and its 2018 supplement: （收案年度）+ 法院代字 + 类型代字 + 案件编号 + 号,
// e.g. （2026）浙0192民初1号. The year is in full-width parentheses; the sequence restarts each year.
//
// 法院代字: 最高法 for the Supreme People's Court; a province's one-character abbreviation for its
// high court; + 2 digits for an intermediate-level court (01, 02 … by city; 71 railway, 72
// maritime, 73 intellectual property, 74 financial courts); + 2 more digits for a basic-level court.

import { formatChineseNumeral, parseChineseNumeral } from "../../platform/text/chinese-numerals";

export interface Label {
  zh: string;
  en: string;
}

export type CaseCategory =
  | "civil"
  | "administrative"
  | "criminal"
  | "enforcement"
  | "preservation"
  | "bankruptcy"
  | "state_compensation";

export type CaseStage =
  | "pre_litigation_mediation"
  | "first_instance"
  | "second_instance"
  | "retrial"
  | "retrial_review"
  | "jurisdiction"
  | "jurisdiction_appeal"
  | "special_procedure"
  | "payment_order"
  | "public_summons"
  | "commutation_parole"
  | "non_litigation_enforcement_review"
  | "preservation_review"
  | "enforcement"
  | "enforcement_resumption"
  | "enforcement_preservation"
  | "enforcement_objection"
  | "enforcement_review"
  | "enforcement_supervision"
  | "bankruptcy"
  | "bankruptcy_application"
  | "compensation"
  | "other";

export interface CaseType {
  /** 类型代字 as it appears in the case number. */
  code: string;
  name: Label;
  category: CaseCategory;
  stage: CaseStage;
}

const type = (code: string, zh: string, en: string, category: CaseCategory, stage: CaseStage): CaseType => ({
  code,
  name: { zh, en },
  category,
  stage,
});

/** The case-type codes this platform issues and reads (a subset of the 2015 standard's table). */
export const CASE_TYPES: readonly CaseType[] = [
  type("民诉前调", "民事诉前调解", "Civil pre-litigation mediation", "civil", "pre_litigation_mediation"),
  type("民初", "民事一审", "Civil first instance", "civil", "first_instance"),
  type("民终", "民事二审", "Civil second instance (appeal)", "civil", "second_instance"),
  type("民再", "民事再审", "Civil retrial", "civil", "retrial"),
  type("民申", "民事申请再审审查", "Civil retrial application review", "civil", "retrial_review"),
  type("民辖", "民事管辖", "Civil jurisdiction", "civil", "jurisdiction"),
  type("民辖终", "民事管辖上诉", "Civil jurisdiction appeal", "civil", "jurisdiction_appeal"),
  type("民特", "民事特别程序", "Civil special procedure", "civil", "special_procedure"),
  type("民督", "申请支付令审查", "Payment order application", "civil", "payment_order"),
  type("民催", "公示催告", "Public summons for exhortation", "civil", "public_summons"),
  type("民他", "民事其他", "Other civil matter", "civil", "other"),
  type("行初", "行政一审", "Administrative first instance", "administrative", "first_instance"),
  type("行终", "行政二审", "Administrative second instance (appeal)", "administrative", "second_instance"),
  type("行再", "行政再审", "Administrative retrial", "administrative", "retrial"),
  type(
    "行申",
    "行政申请再审审查",
    "Administrative retrial application review",
    "administrative",
    "retrial_review",
  ),
  type(
    "行审",
    "非诉行政行为申请执行审查",
    "Review of an application to enforce an administrative act",
    "administrative",
    "non_litigation_enforcement_review",
  ),
  type(
    "行赔初",
    "行政赔偿一审",
    "Administrative compensation first instance",
    "administrative",
    "first_instance",
  ),
  type(
    "行赔终",
    "行政赔偿二审",
    "Administrative compensation second instance",
    "administrative",
    "second_instance",
  ),
  type("刑初", "刑事一审", "Criminal first instance", "criminal", "first_instance"),
  type("刑终", "刑事二审", "Criminal second instance (appeal)", "criminal", "second_instance"),
  type("刑再", "刑事再审", "Criminal retrial", "criminal", "retrial"),
  type("刑申", "刑事申诉审查", "Criminal petition review", "criminal", "retrial_review"),
  type("刑更", "减刑、假释", "Commutation and parole", "criminal", "commutation_parole"),
  type(
    "财保",
    "非诉财产保全审查",
    "Pre-action property preservation review",
    "preservation",
    "preservation_review",
  ),
  type("执", "首次执行", "Enforcement", "enforcement", "enforcement"),
  type("执恢", "恢复执行", "Resumed enforcement", "enforcement", "enforcement_resumption"),
  type(
    "执保",
    "财产保全执行",
    "Execution of a preservation order",
    "enforcement",
    "enforcement_preservation",
  ),
  type("执异", "执行异议", "Enforcement objection", "enforcement", "enforcement_objection"),
  type("执复", "执行复议", "Enforcement reconsideration", "enforcement", "enforcement_review"),
  type("执监", "执行监督", "Enforcement supervision", "enforcement", "enforcement_supervision"),
  type("破申", "破产申请审查", "Bankruptcy application review", "bankruptcy", "bankruptcy_application"),
  type("破", "破产", "Bankruptcy", "bankruptcy", "bankruptcy"),
  type(
    "法赔",
    "法院作为赔偿义务机关审查",
    "State compensation: court as liable body",
    "state_compensation",
    "compensation",
  ),
  type("委赔", "赔偿委员会审理赔偿", "State compensation committee", "state_compensation", "compensation"),
];

const TYPES_BY_CODE: ReadonlyMap<string, CaseType> = new Map(CASE_TYPES.map((t) => [t.code, t]));

/** The case type for a 类型代字, or undefined. */
export function findCaseType(code: string): CaseType | undefined {
  return TYPES_BY_CODE.get(code);
}

// ---------------------------------------------------------------------------------------------
// Court codes (法院代字)
// ---------------------------------------------------------------------------------------------

/** Province-level abbreviations used as the first character of a court code. */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, Label>> = {
  京: { zh: "北京", en: "Beijing" },
  津: { zh: "天津", en: "Tianjin" },
  冀: { zh: "河北", en: "Hebei" },
  晋: { zh: "山西", en: "Shanxi" },
  内: { zh: "内蒙古", en: "Inner Mongolia" },
  辽: { zh: "辽宁", en: "Liaoning" },
  吉: { zh: "吉林", en: "Jilin" },
  黑: { zh: "黑龙江", en: "Heilongjiang" },
  沪: { zh: "上海", en: "Shanghai" },
  苏: { zh: "江苏", en: "Jiangsu" },
  浙: { zh: "浙江", en: "Zhejiang" },
  皖: { zh: "安徽", en: "Anhui" },
  闽: { zh: "福建", en: "Fujian" },
  赣: { zh: "江西", en: "Jiangxi" },
  鲁: { zh: "山东", en: "Shandong" },
  豫: { zh: "河南", en: "Henan" },
  鄂: { zh: "湖北", en: "Hubei" },
  湘: { zh: "湖南", en: "Hunan" },
  粤: { zh: "广东", en: "Guangdong" },
  桂: { zh: "广西", en: "Guangxi" },
  琼: { zh: "海南", en: "Hainan" },
  渝: { zh: "重庆", en: "Chongqing" },
  川: { zh: "四川", en: "Sichuan" },
  黔: { zh: "贵州", en: "Guizhou" },
  云: { zh: "云南", en: "Yunnan" },
  藏: { zh: "西藏", en: "Tibet" },
  陕: { zh: "陕西", en: "Shaanxi" },
  甘: { zh: "甘肃", en: "Gansu" },
  青: { zh: "青海", en: "Qinghai" },
  宁: { zh: "宁夏", en: "Ningxia" },
  新: { zh: "新疆", en: "Xinjiang" },
  兵: { zh: "新疆生产建设兵团", en: "Xinjiang Production and Construction Corps" },
};

export const SUPREME_COURT_CODE = "最高法";

/** Courts this platform names by code (the Internet courts and the courts hearing their appeals). */
export const KNOWN_COURTS: Readonly<Record<string, Label>> = {
  最高法: { zh: "最高人民法院", en: "Supreme People's Court" },
  京: { zh: "北京市高级人民法院", en: "Beijing High People's Court" },
  浙: { zh: "浙江省高级人民法院", en: "Zhejiang High People's Court" },
  粤: { zh: "广东省高级人民法院", en: "Guangdong High People's Court" },
  京04: { zh: "北京市第四中级人民法院", en: "Beijing No. 4 Intermediate People's Court" },
  京73: { zh: "北京知识产权法院", en: "Beijing Intellectual Property Court" },
  浙01: { zh: "浙江省杭州市中级人民法院", en: "Hangzhou Intermediate People's Court" },
  粤01: { zh: "广东省广州市中级人民法院", en: "Guangzhou Intermediate People's Court" },
  粤73: { zh: "广州知识产权法院", en: "Guangzhou Intellectual Property Court" },
  京0491: { zh: "北京互联网法院", en: "Beijing Internet Court" },
  浙0192: { zh: "杭州互联网法院", en: "Hangzhou Internet Court" },
  粤0192: { zh: "广州互联网法院", en: "Guangzhou Internet Court" },
};

export type CourtLevel = "supreme" | "high" | "intermediate" | "basic";
export type SpecialisedCourt = "railway" | "maritime" | "intellectual_property" | "financial";

const SPECIALISED: Readonly<Record<string, SpecialisedCourt>> = {
  "71": "railway",
  "72": "maritime",
  "73": "intellectual_property",
  "74": "financial",
};

export interface CourtCodeInfo {
  code: string;
  level: CourtLevel;
  province: Label | null;
  /** Specialised intermediate-level court (or a basic court under the railway court system). */
  specialised: SpecialisedCourt | null;
  /** The court's name where the platform knows it. */
  name: Label | null;
}

export type CourtCodeFailure = "empty" | "unknown_province" | "invalid_shape";

export type CourtCodeResult = ({ ok: true } & CourtCodeInfo) | { ok: false; reason: CourtCodeFailure };

/** Checks a court code (法院代字) such as 最高法, 浙, 浙01 or 浙0192 and reads its level. */
export function validateCourtCode(input: string): CourtCodeResult {
  const code = input.normalize("NFKC").trim();
  if (code === "") return { ok: false, reason: "empty" };
  if (code === SUPREME_COURT_CODE) {
    return { ok: true, code, level: "supreme", province: null, specialised: null, name: KNOWN_COURTS[code]! };
  }
  const province = PROVINCE_ABBREVIATIONS[code.charAt(0)];
  if (!province) return { ok: false, reason: "unknown_province" };
  const digits = code.slice(1);
  if (!/^(?:\d{2}|\d{4})?$/.test(digits)) return { ok: false, reason: "invalid_shape" };
  // No court is numbered 00 at either level.
  if (digits.slice(0, 2) === "00" || digits.slice(2, 4) === "00")
    return { ok: false, reason: "invalid_shape" };
  const level: CourtLevel = digits.length === 0 ? "high" : digits.length === 2 ? "intermediate" : "basic";
  return {
    ok: true,
    code,
    level,
    province,
    specialised: SPECIALISED[digits.slice(0, 2)] ?? null,
    name: KNOWN_COURTS[code] ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting and parsing
// ---------------------------------------------------------------------------------------------

export interface CaseNumberParts {
  year: number;
  courtCode: string;
  typeCode: string;
  sequence: number;
  /** The 之一, 之二 … suffix of a follow-up document in the same case, if any. */
  subNumber?: number;
}

export type CaseNumberErrorCode =
  "invalid_year" | "invalid_court_code" | "unknown_type_code" | "invalid_sequence" | "invalid_sub_number";

/** Thrown by formatCaseNumber for parts that do not make a valid case number. */
export class CaseNumberError extends Error {
  constructor(
    readonly code: CaseNumberErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CaseNumberError";
  }
}

/**
 * The 之一 … 之九十九 of a sub-number, read only in the form the court writes it (之十一, not 之一十
 * or 之11), so that a case number has one spelling.
 */
function parseSubNumber(text: string): number | null {
  const value = parseChineseNumeral(text);
  return value !== null && value >= 1 && value <= 99 && formatChineseNumeral(value) === text ? value : null;
}

function checkParts(parts: CaseNumberParts): void {
  if (!Number.isInteger(parts.year) || parts.year < 1949 || parts.year > 9999) {
    throw new CaseNumberError("invalid_year", `Invalid year ${parts.year}`);
  }
  if (!validateCourtCode(parts.courtCode).ok) {
    throw new CaseNumberError("invalid_court_code", `Invalid court code ${JSON.stringify(parts.courtCode)}`);
  }
  if (!TYPES_BY_CODE.has(parts.typeCode)) {
    throw new CaseNumberError(
      "unknown_type_code",
      `Unknown case type code ${JSON.stringify(parts.typeCode)}`,
    );
  }
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) {
    throw new CaseNumberError("invalid_sequence", `Invalid sequence ${parts.sequence}`);
  }
  if (
    parts.subNumber !== undefined &&
    (!Number.isInteger(parts.subNumber) || parts.subNumber < 1 || parts.subNumber > 99)
  ) {
    throw new CaseNumberError("invalid_sub_number", `Invalid sub-number ${parts.subNumber}`);
  }
}

/**
 * Writes a case number, e.g. （2026）浙0192民初1号. Throws CaseNumberError (`invalid_year`,
 * `invalid_court_code`, `unknown_type_code`, `invalid_sequence`, `invalid_sub_number`).
 */
export function formatCaseNumber(parts: CaseNumberParts): string {
  checkParts(parts);
  const suffix = parts.subNumber === undefined ? "" : `之${formatChineseNumeral(parts.subNumber)}`;
  return `（${parts.year}）${parts.courtCode}${parts.typeCode}${parts.sequence}号${suffix}`;
}

export type CaseNumberParseFailure =
  "empty" | "malformed" | "invalid_year" | "invalid_court_code" | "unknown_type_code" | "invalid_sequence";

export type CaseNumberParseResult =
  | {
      ok: true;
      parts: CaseNumberParts;
      /** The number rewritten in canonical form (full-width parentheses). */
      canonical: string;
      court: CourtCodeInfo;
      /** Null only when `allowUnknownType` was set and the code is not in CASE_TYPES. */
      type: CaseType | null;
    }
  | { ok: false; reason: CaseNumberParseFailure };

const CASE_NUMBER =
  /^[（(〔[]\s*(\d{4})\s*[）)〕\]](最高法|[^\d\s]\d*)(\p{Script=Han}+?)(\d+)号(?:之(\p{Script=Han}+))?$/u;

/**
 * Reads a case number, accepting half-width or full-width parentheses and stray spaces.
 * With `allowUnknownType`, a well-formed number whose type code is not listed still parses.
 */
export function parseCaseNumber(
  input: string,
  options: { allowUnknownType?: boolean } = {},
): CaseNumberParseResult {
  const text = input.replace(/\s+/g, "");
  if (text === "") return { ok: false, reason: "empty" };
  const match = CASE_NUMBER.exec(text);
  if (!match) return { ok: false, reason: "malformed" };
  const [, yearText, courtCode, typeCode, sequenceText, subText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const year = Number(yearText);
  if (year < 1949) return { ok: false, reason: "invalid_year" };
  const court = validateCourtCode(courtCode);
  if (!court.ok) return { ok: false, reason: "invalid_court_code" };
  const caseType = TYPES_BY_CODE.get(typeCode) ?? null;
  if (!caseType && !options.allowUnknownType) return { ok: false, reason: "unknown_type_code" };
  if (sequenceText.startsWith("0")) return { ok: false, reason: "invalid_sequence" };
  const sequence = Number(sequenceText);
  if (!Number.isSafeInteger(sequence)) return { ok: false, reason: "invalid_sequence" };
  let subNumber: number | undefined;
  if (subText !== undefined) {
    const parsed = parseSubNumber(subText);
    if (parsed === null || parsed < 1) return { ok: false, reason: "malformed" };
    subNumber = parsed;
  }
  const parts: CaseNumberParts = { year, courtCode, typeCode, sequence, ...(subNumber ? { subNumber } : {}) };
  const suffix = subNumber === undefined ? "" : `之${formatChineseNumeral(subNumber)}`;
  const { ok: _ok, ...courtInfo } = court;
  return {
    ok: true,
    parts,
    canonical: `（${year}）${courtCode}${typeCode}${sequence}号${suffix}`,
    court: courtInfo,
    type: caseType,
  };
}
