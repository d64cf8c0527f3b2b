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

/** Characters that end a name when they follow it. */
const AFTER_NAME =
  /^(?:[，,。、；;：:（(）)\s“”"]|$|的|等|及|和|与|系|在|于|到|向|称|报|被|将|对|因|是|也|亦|均|已|即|又|曾|现|自|经|从|由|为|所|家|处|签|陈|供|辩|证)/;

/** Given-name characters that are words, not names: 被害人陈述, 证人证言, 被告人供述, 原告诉称. */
const NOT_GIVEN = new Set([
  ..."述言供称诉辩证人方当晚屋付款谎财物产钱额辆房均等的及和与对在于系将被已经因也亦是为到向其本该上下一二三四五六七八九十某×*＊",
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
  return given.length > 0 && !given.some((c) => NOT_GIVEN.has(c));
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

/** Every person named right after a role word, with the first role they are named in. */
export function namedPersons(text: string): NamedPerson[] {
  const persons = new Map<string, NameRole>();
  ROLE_PATTERN.lastIndex = 0;
  for (let m = ROLE_PATTERN.exec(text); m !== null; m = ROLE_PATTERN.exec(text)) {
    const role = ROLE_OF.get(m[1]!)!;
    // 某某律师事务所律师张三: the lawyer's name follows 律师; 律师事务所 is not a role.
    if (m[1] === "律师" && text.startsWith("事务所", m.index + 2)) continue;
    // 证人王军伟、隋建林、刘芳: the role covers every name of the list.
    let at = m.index + m[0].length;
    for (let name = nameAt(text, at); name !== null; name = nameAt(text, at)) {
      if (!persons.has(name)) persons.set(name, role);
      at += name.length;
      // Only 、 joins a list: 被告人李会民与刘家宏核对 names 刘家宏 in another capacity.
      if (text[at] !== "、") break;
      at += 1;
    }
  }
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
