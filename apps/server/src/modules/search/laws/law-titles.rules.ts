import { LAW_ALIASES } from "./law-aliases.data";

const STATE_PREFIX = "中华人民共和国";

/**
 * Reduces a law title to the key titles are matched on: without 中华人民共和国, brackets, quotes,
 * spaces and list commas, with ASCII parentheses. 《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》
 * and 最高人民法院关于适用《民事诉讼法》的解释 get the same key; so do 刑法 and 中华人民共和国刑法.
 */
export function titleKey(title: string): string {
  return title
    .normalize("NFKC")
    .replaceAll(STATE_PREFIX, "")
    .replace(/[《》〈〉<>＜＞“”‘’"'「」『』\s\u2002\u3000、，,·・]/gu, "")
    .replace(/（/gu, "(")
    .replace(/）/gu, ")");
}

/** The title without the 中华人民共和国 prefix: 中华人民共和国民法典 → 民法典. */
export function shortTitle(title: string): string {
  return title.startsWith(STATE_PREFIX) && title.length > STATE_PREFIX.length
    ? title.slice(STATE_PREFIX.length)
    : title;
}

/** A version written after a title: （2017年修正）, (2018修订). */
export interface VersionNote {
  year: number;
  text: string;
}

const VERSION_NOTE = /[（(]\s*([12][0-9]{3})\s*年?\s*(?:修正|修订|修改|版|修正版|修订版)?\s*[)）]\s*$/u;

/** Splits a trailing version note off a cited title: 民事诉讼法（2017年修正） → 民事诉讼法 + 2017. */
export function splitVersionNote(title: string): { title: string; version: VersionNote | null } {
  const match = VERSION_NOTE.exec(title);
  if (!match) return { title, version: null };
  return {
    title: title.slice(0, match.index).trim(),
    version: { year: Number(match[1]), text: match[0].trim() },
  };
}

/** Parses a version note on its own, as it follows 》: （2017年修正）. */
export function parseVersionNote(text: string): VersionNote | null {
  const match = VERSION_NOTE.exec(text);
  return match && match.index === 0 ? { year: Number(match[1]), text: match[0].trim() } : null;
}

const aliasToKey = new Map<string, string>();
const englishByKey = new Map<string, string>();
for (const entry of LAW_ALIASES) {
  const key = titleKey(entry.title);
  englishByKey.set(key, entry.en);
  for (const alias of entry.aliases) aliasToKey.set(titleKey(alias), key);
}

/** The title key an alias stands for (民诉法 → 民事诉讼法), or the key itself. */
export function resolveAliasKey(key: string): string {
  return aliasToKey.get(key) ?? key;
}

/** Every alias written for the law with this key (民事诉讼法 → [民诉法]). */
export function aliasesOfKey(key: string): string[] {
  const out: string[] = [];
  for (const [alias, target] of aliasToKey) if (target === key && alias !== key) out.push(alias);
  return out;
}

/** The English name of a law, when the platform knows it. */
export function englishTitle(key: string): string | null {
  return englishByKey.get(key) ?? null;
}

/**
 * The keys a cited title may stand for, most specific first: the issuer written outside the
 * brackets (最高人民法院《关于…》) joined to the title, the title itself, and its alias target.
 */
export function titleKeyCandidates(title: string, issuer: string | null = null): string[] {
  const keys: string[] = [];
  const add = (key: string) => {
    if (key.length > 0 && !keys.includes(key)) keys.push(key);
  };
  const bare = titleKey(title);
  if (issuer) add(resolveAliasKey(titleKey(issuer + title)));
  add(resolveAliasKey(bare));
  add(bare);
  return keys;
}

const LAW_LIKE =
  /(?:法|法典|条例|规定|解释|办法|规则|决定|细则|意见|批复|通知|纪要|答复|规程|准则|章程|公约|安排|修正案|标准)(?:[(（][^)）]{1,8}[)）])?$/u;

/** Whether a bracketed name reads like a legal instrument rather than a contract or exhibit. */
export function isLawLikeTitle(title: string): boolean {
  const bare = splitVersionNote(title).title.trim();
  return LAW_LIKE.test(bare) || bare.startsWith(STATE_PREFIX);
}
