import { surnameOf } from "./surnames";

/**
 * The persons a judgment names by role, and which of them the rules hide (法释〔2016〕19号第八条):
 * (一) the parties and their legal representatives in marriage, family and inheritance cases;
 * (二) in criminal cases the victims, the plaintiffs of an incidental civil action and their legal
 * representatives, witnesses and expert witnesses; (三) minors and their legal representatives.
 * Everyone else keeps the name (第十一条): other parties, agents and defence lawyers, and the court's own
 * people — judges, assessors, clerks — and prosecutors.
 */

export type NameRole =
  | "victim"
  | "civil_plaintiff"
  | "witness"
  | "expert"
  | "legal_representative"
  | "party"
  | "defendant"
  | "agent"
  | "court"
  | "prosecutor";

/** Role words as judgments write them, longest first so 附带民事诉讼原告人 wins over 原告人. */
const ROLE_WORDS: Array<[string, NameRole]> = [
  ["附带民事诉讼原告人", "civil_plaintiff"],
  ["附带民事诉讼被告人", "defendant"],
  ["委托诉讼代理人", "agent"],
  ["委托代理人", "agent"],
  ["诉讼代理人", "agent"],
  ["法定代理人", "legal_representative"],
  ["法定代表人", "agent"],
  ["人民陪审员", "court"],
  ["代理检察员", "prosecutor"],
  ["代检察员", "prosecutor"],
  ["被上诉人", "party"],
  ["被申请人", "party"],
  ["原审被告人", "defendant"],
  ["法官助理", "court"],
  ["审判长", "court"],
  ["审判员", "court"],
  ["书记员", "court"],
  ["检察员", "prosecutor"],
  ["检察官", "prosecutor"],
  ["公诉人", "prosecutor"],
  ["辩护人", "agent"],
  ["被害人", "victim"],
  ["被告人", "defendant"],
  ["鉴定人", "expert"],
  ["上诉人", "party"],
  // A private prosecution is brought by the victim (刑事诉讼法第一百一十四条): the 自诉人 is a victim (第八条第二项).
  ["自诉人", "victim"],
  ["申请人", "party"],
  ["第三人", "party"],
  ["原告人", "civil_plaintiff"],
  ["原告", "party"],
  ["被告", "party"],
  ["证人", "witness"],
  ["律师", "agent"],
];

const ROLE_PATTERN = new RegExp(
  `(${ROLE_WORDS.map(([word]) => word).join("|")})(?:[（(][^）)]{1,12}[）)])?[：:]?`,
  "g",
);
const ROLE_OF = new Map(ROLE_WORDS);
const ROLE_AT = new RegExp(`^(?:原审|${ROLE_WORDS.map(([word]) => word).join("|")})`);

/** Characters that end a name when they follow it. */
const AFTER_NAME =
  /^(?:[，,。、；;：:（(）)\s“”"\d]|$|的|等|及|和|与|系|在|于|到|向|称|报|被|将|对|因|是|也|亦|均|已|即|又|曾|现|自|经|从|由|为|所|家|处|签|陈|供|辩|证|出)/;

/** Words that begin with a name's would-be last character: 被害人王斌存在过错 names 王斌, not 王斌存. */
const WORD_AFTER_SHORT_NAME = new Set([
  "存在",
  "在场",
  "报警",
  "报案",
  "陈述",
  "供述",
  "证实",
  "证言",
  "出具",
  "系其",
]);

/** Given-name characters that are words, not names: 被害人陈述, 证人证言, 被告人供述, 原告诉称. */
const NOT_GIVEN = new Set([
  ..."述言供称诉辩证人方当晚屋付款谎财物产钱额辆房均等的及和与对在于系将被已经因也亦是为到其本该上下二三四五六七八九十某×*＊",
  // 郭甲, 王乙: a pseudonym the court already gave.
  ..."甲乙丙",
]);

const HAN = /^[\u4e00-\u9fa5]+$/;

export interface NamedPerson {
  name: string;
  role: NameRole;
}

function looksLikeName(candidate: string): boolean {
  if (!HAN.test(candidate)) return false;
  const surname = surnameOf(candidate);
  if (!surname) return false;
  const given = [...candidate.slice(surname.length)];
  // Four characters make a name only with a compound surname (欧阳娜娜); 王华清谎 is 王华清 and a verb.
  if (given.length > 2) return false;
  // The first of two given characters may be a numeral or 向 (律九州, 张六生, 徐向东): only a name's last
  // character can be the verb or word that follows it.
  return (
    given.length > 0 &&
    !given.some((c, i) => NOT_GIVEN.has(c) && !(given.length === 2 && i === 0 && FIRST_GIVEN.has(c)))
  );
}

const FIRST_GIVEN = new Set([..."一二三四五六七八九十向方和"]);

/**
 * A name whose ends the text marks (an evidence item: "赵和平的询问笔录"): a known surname and one or two
 * given characters, none of them a mark the court left (某, ×).
 */
function isMarkedName(candidate: string): boolean {
  const surname = surnameOf(candidate);
  if (!HAN.test(candidate) || !surname) return false;
  const given = [...candidate.slice(surname.length)];
  return given.length > 0 && given.length <= 2 && !given.some((c) => "某×*＊".includes(c));
}

/** Whether `candidate` stands alone somewhere in the text: followed by punctuation or a joining word. */
function standsAlone(text: string, candidate: string): boolean {
  for (let at = text.indexOf(candidate); at >= 0; at = text.indexOf(candidate, at + 1))
    if (AFTER_NAME.test(text.slice(at + candidate.length, at + candidate.length + 1))) return true;
  return false;
}

/**
 * A name right after a role word: two to four Han characters, a known surname, not a word like 陈述,
 * ending where a name ends (被害人陈淋赔偿: 陈淋 is taken because the text elsewhere has 陈淋，).
 */
function nameAt(text: string, index: number): string | null {
  const short = text.slice(index, index + 2);
  if (WORD_AFTER_SHORT_NAME.has(text.slice(index + 2, index + 4)) && looksLikeName(short)) return short;
  const candidates = [3, 2, 4]
    .map((length) => text.slice(index, index + length))
    .filter((candidate) => candidate.length >= 2 && looksLikeName(candidate));
  for (const candidate of candidates)
    if (AFTER_NAME.test(text.slice(index + candidate.length, index + candidate.length + 1))) return candidate;
  for (const candidate of candidates) if (standsAlone(text, candidate)) return candidate;
  return null;
}

/** 陈小明（未成年人）: a name right before a note that the person is a minor. */
const MINOR_NOTE = /[（(](?:系)?(?:未成年|(?:未满|不满)1[0-8]周岁)/g;

function nameBefore(text: string, end: number): string | null {
  for (const length of [3, 2, 4]) {
    const start = end - length;
    if (start < 0) continue;
    const candidate = text.slice(start, end);
    if (nameAt(text, start) === candidate) return candidate;
  }
  return null;
}

/** A name the court already replaced: 王某某, 陈某1, 郭某甲, 仵ｘｘ. */
const MASKED_NAME = /^[\u4e00-\u9fa5]{1,2}(?:某[某甲乙丙丁\d]*|[×*＊ｘx]+)/;

const NAME_LIST = "[\\u4e00-\\u9fa5]{2,3}?(?:、[\\u4e00-\\u9fa5]{2,3}?)*";
/**
 * The evidence list names the witnesses whose statements it cites, often without the word 证人: an item
 * after a number or a colon, "2.郭建岗（陕西韩城人）2014年12月23日的询问笔录", "（2）张应光证言", or after
 * 询问, "询问梁相如笔录证实", "询问教儿埝村村民郭润海、陈林、笔录".
 */
const EVIDENCE_ITEMS = [
  new RegExp(
    "(?:(?:^|[^\\d])\\d{1,3}[、.．]|[（(][\\d一二三四五六七八九十]{1,3}[）)]|证人证言[：:]?)" +
      `(${NAME_LIST})(?:[（(][^（）()]{0,40}[）)])?(?:\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\d{1,2}时(?:\\d{1,2}分)?)?)?的?(?:证言|询问笔录)`,
    "g",
  ),
  new RegExp(`询问(?:[^，。；\\d]{0,12}?(?:村民|居民|职工|员工|工作人员))?(${NAME_LIST})、?的?笔录`, "g"),
];

/**
 * An evidence item about witnesses names each at the start of a clause: "20、证人吴应南、朱云庆是法院工作人员，
 * 詹洁涛是检察院民行科科长，…三人的证言证实" — every clause subject of the item is one of its witnesses.
 */
const WITNESS_ITEM = /(?:^|[^\d])\d{1,3}[、.．]证人([^。；]{4,200})/g;
const CLAUSE_SUBJECT = /(?:^|[，,、])([\u4e00-\u9fa5]{2,3}?)(?=是|系|均|作证|证实|证明)/g;

/** Witnesses named as the source of a statement in the evidence list (第八条第二项). */
function witnessesInEvidence(text: string): Array<[string, NameRole]> {
  const found: Array<[string, NameRole]> = [];
  for (const item of text.matchAll(WITNESS_ITEM)) {
    // Only the item's head, before the statement it cites: what the witnesses said names other people.
    const head = /^([^：:“"]*?)证言/.exec(item[1]!)?.[1];
    if (head === undefined) continue;
    for (const clause of head.matchAll(CLAUSE_SUBJECT))
      if (looksLikeName(clause[1]!)) found.push([clause[1]!, "witness"]);
  }
  for (const pattern of EVIDENCE_ITEMS)
    for (const m of text.matchAll(pattern))
      for (const name of m[1]!.split("、")) if (isMarkedName(name)) found.push([name, "witness"]);
  return found;
}

const PROTECTED_ROLES: ReadonlySet<NameRole> = new Set(["victim", "civil_plaintiff", "witness", "expert"]);
const OFFICE_ROLES: ReadonlySet<NameRole> = new Set(["court", "prosecutor", "agent"]);

/**
 * Records the role a person is named in: the first one counts, except that a victim or a witness stays
 * one though named elsewhere by office (执行庭书记员朱云庆 … 证人吴应南、朱云庆: a clerk of the enforcement who
 * testifies is a witness, 第八条第二项). A defendant named as a victim of another act stays a defendant.
 */
function note(persons: Map<string, NameRole>, name: string, role: NameRole): void {
  const known = persons.get(name);
  if (known === undefined || (OFFICE_ROLES.has(known) && PROTECTED_ROLES.has(role))) persons.set(name, role);
}

/** Every person named right after a role word, with the first role they are named in. */
export function namedPersons(text: string): NamedPerson[] {
  const persons = new Map<string, NameRole>();
  ROLE_PATTERN.lastIndex = 0;
  for (let m = ROLE_PATTERN.exec(text); m !== null; m = ROLE_PATTERN.exec(text)) {
    const role = ROLE_OF.get(m[1]!)!;
    // 某某律师事务所律师张三: the lawyer's name follows 律师; 律师事务所 is not a role.
    if (m[1] === "律师" && text.startsWith("事务所", m.index + 2)) continue;
    // 证人王军伟、隋建林、刘芳: the role covers every name of the list, past names the court already masked
    // (证人王某某、齐世伶、李某某).
    let at = m.index + m[0].length;
    for (;;) {
      // 附带民事诉讼原告人刘某1、原审被告人林文兵: the list ends where another role begins.
      if (ROLE_AT.test(text.slice(at, at + 12))) break;
      const name = nameAt(text, at);
      const masked = name === null ? MASKED_NAME.exec(text.slice(at, at + 8))?.[0] : undefined;
      if (name !== null) note(persons, name, role);
      const length = name?.length ?? masked?.length;
      if (length === undefined) break;
      at += length;
      // Only 、 joins a list: 被告人李会民与刘家宏核对 names 刘家宏 in another capacity.
      if (text[at] !== "、") break;
      at += 1;
    }
  }
  for (const [name, role] of witnessesInEvidence(text)) note(persons, name, role);
  MINOR_NOTE.lastIndex = 0;
  for (let m = MINOR_NOTE.exec(text); m !== null; m = MINOR_NOTE.exec(text)) {
    const name = nameBefore(text, m.index);
    if (name && !persons.has(name)) persons.set(name, "party");
  }
  return [...persons].map(([name, role]) => ({ name, role }));
}

/** Causes of the marriage, family and inheritance cases whose parties are hidden (第八条第一项). */
const FAMILY_CASE =
  /离婚|婚姻|婚约|夫妻|同居关系|抚养|扶养|赡养|收养|监护|探望|继承|遗嘱|遗赠|分家析产|亲子关系/;

export function isFamilyCase(text: string): boolean {
  // The title (the first line, or the first 80 characters) names the cause.
  const head = text.slice(0, 120);
  return FAMILY_CASE.test(head);
}

/** Whether the rules hide this person's name (第八条). */
export function isProtected(
  person: NamedPerson,
  context: { familyCase: boolean; minors: Set<string> },
): boolean {
  if (context.minors.has(person.name)) return true;
  switch (person.role) {
    case "victim":
    case "civil_plaintiff":
    case "witness":
    case "expert":
      return true;
    case "party":
    case "legal_representative":
      return context.familyCase || person.role === "legal_representative";
    default:
      return false;
  }
}

/**
 * Persons the text shows as minors: "（未成年人）" or "未成年" right after the name, or born less than
 * eighteen years before the judgment's year (from its case number or its last date).
 */
export function minorsIn(text: string, persons: NamedPerson[]): Set<string> {
  const year = judgmentYear(text);
  const minors = new Set<string>();
  for (const { name } of persons) {
    let from = text.indexOf(name);
    while (from >= 0) {
      const after = text.slice(from + name.length, from + name.length + 40);
      if (/^[（(]?(?:系)?(?:未成年|(?:未满|不满)1[0-8]周岁)/.test(after)) minors.add(name);
      const born = /^[^。；]{0,20}?(\d{4})年\d{1,2}月(?:\d{1,2}日)?(?:出)?生/.exec(after);
      if (born && year !== null && year - Number(born[1]) < 18) minors.add(name);
      from = text.indexOf(name, from + name.length);
    }
  }
  return minors;
}

function judgmentYear(text: string): number | null {
  const caseNumber = /[（(]((?:19|20)\d{2})[）)][\u4e00-\u9fa5]{1,6}\d*[\u4e00-\u9fa5]{1,4}第?\d+号/.exec(
    text,
  );
  if (caseNumber) return Number(caseNumber[1]);
  const dates = [...text.matchAll(/((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/g)];
  return dates.length > 0 ? Number(dates.at(-1)![1]) : null;
}
