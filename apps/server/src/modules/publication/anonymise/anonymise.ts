import { isFamilyCase, isProtected, minorsIn, namedPersons, type NameRole } from "./names";
import { findPersonalData, resolveOverlaps, type PersonalDataKind } from "./personal-data";
import { surnameOf } from "./surnames";

/**
 * Anonymisation of a judgment for publication on the Internet (最高人民法院关于人民法院在互联网公布裁判文书
 * 的规定, 法释〔2016〕19号): the names the rules protect are replaced by surname + 某 (第八条、第九条), the
 * personal data they list are deleted (第十条), and everything else is kept (第十一条). Every change is
 * returned with its place and reason, so a reviewer can see and undo it before publishing.
 */

export type ChangeKind = "name" | PersonalDataKind;

export interface Change {
  /** Offsets in the original text. */
  start: number;
  end: number;
  kind: ChangeKind;
  original: string;
  replacement: string;
  /** For names: the role the person was named in. */
  role?: NameRole;
  basis: string;
}

export interface AnonymiseOptions {
  /** Forces the family-case rule (第八条第一项) when the cause is known; otherwise read from the title. */
  familyCase?: boolean;
  /** More names to hide (a reviewer's additions), and names never to hide (a reviewer's undo). */
  alsoHide?: readonly string[];
  keep?: readonly string[];
}

export interface AnonymisedJudgment {
  text: string;
  changes: Change[];
}

const NAME_BASIS = "法释〔2016〕19号第八条、第九条";
const DATA_BASIS = "法释〔2016〕19号第十条";

/**
 * The token for each hidden name: surname + 某 (第九条第一项); a name without a known surname keeps its
 * first character (第九条第二项、第三项). Two names that would share a token, or a token the text already
 * uses for someone else, are told apart by Arabic numerals after it (第九条第二款).
 */
export function tokensFor(names: readonly string[], text: string): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const base = `${surnameOf(name) ?? [...name][0]}某`;
    groups.set(base, [...(groups.get(base) ?? []), name]);
  }
  const tokens = new Map<string, string>();
  for (const [base, group] of groups) {
    const alreadyUsed = new RegExp(`${base}(?![某\\d])`).test(text);
    if (group.length === 1 && !alreadyUsed) tokens.set(group[0]!, base);
    else group.forEach((name, i) => tokens.set(name, `${base}${i + 1}`));
  }
  return tokens;
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function anonymiseJudgment(text: string, options: AnonymiseOptions = {}): AnonymisedJudgment {
  const persons = namedPersons(text);
  const familyCase = options.familyCase ?? isFamilyCase(text);
  const minors = minorsIn(text, persons);
  const keep = new Set(options.keep ?? []);
  const hidden = persons.filter((p) => !keep.has(p.name) && isProtected(p, { familyCase, minors }));
  for (const name of options.alsoHide ?? [])
    if (!keep.has(name) && !hidden.some((p) => p.name === name)) hidden.push({ name, role: "party" });
  // A kept person's longer name is not cut by a hidden shorter one (王强 hidden, 王强军 kept).
  const kept = persons.filter((p) => !hidden.some((h) => h.name === p.name)).map((p) => p.name);

  const changes: Change[] = [];
  const tokens = tokensFor(
    hidden.map((p) => p.name),
    text,
  );
  if (hidden.length > 0) {
    const all = [...hidden.map((p) => p.name), ...kept].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(all.map(escape).join("|"), "g");
    const roleOf = new Map(hidden.map((p) => [p.name, p.role]));
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const token = tokens.get(m[0]);
      if (token === undefined) continue;
      changes.push({
        start: m.index,
        end: m.index + m[0].length,
        kind: "name",
        original: m[0],
        replacement: token,
        role: roleOf.get(m[0]),
        basis: NAME_BASIS,
      });
    }
  }
  for (const span of findPersonalData(text))
    changes.push({ ...span, original: text.slice(span.start, span.end), basis: DATA_BASIS });

  const applied = resolveOverlaps(changes);
  let out = "";
  let at = 0;
  for (const change of applied) {
    out += text.slice(at, change.start) + change.replacement;
    at = change.end;
  }
  out += text.slice(at);
  return { text: out, changes: applied };
}
