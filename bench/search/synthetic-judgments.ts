import type { LecardCandidate } from "@netcourt/evaluation/lecard";
import { extractCharges, type JudgmentInput } from "../../apps/server/src/modules/search/index";

/** A real judgment used as material for synthetic ones. */
export interface BaseJudgment {
  title: string;
  facts: string;
  reasoning: string;
  outcome: string;
  /** First charge convicted of (groups judgments whose sections can be recombined). */
  charge: string;
}

/** A LeCaRD candidate as material: its sections and the first charge of its outcome. */
export function baseJudgment(c: LecardCandidate): BaseJudgment {
  return {
    title: c.ajName ?? "",
    facts: c.ajjbqk ?? "",
    reasoning: c.cpfxgc ?? "",
    outcome: c.pjjg ?? "",
    charge: extractCharges(c.pjjg ?? "")[0] ?? "",
  };
}

/** Positions of the bases by charge: the peers `synthesizeJudgment` recombines a judgment with. */
export function basesByCharge(bases: readonly BaseJudgment[]): Map<string, number[]> {
  const byCharge = new Map<string, number[]>();
  bases.forEach((b, i) => {
    const peers = byCharge.get(b.charge);
    if (peers) peers.push(i);
    else byCharge.set(b.charge, [i]);
  });
  return byCharge;
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨阳建国志文海波东红";
const PLACES = [
  "长沙市",
  "南昌市",
  "杭州市",
  "成都市",
  "武汉市",
  "郑州市",
  "合肥市",
  "福州市",
  "昆明市",
  "贵阳市",
  "南宁市",
  "济南市",
  "石家庄市",
  "太原市",
  "西安市",
  "兰州市",
  "沈阳市",
  "长春市",
  "哈尔滨市",
  "南京市",
];
const PLACE_SET = new Set(PLACES);

/** Small deterministic PRNG (mulberry32) so a run is reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomName(random: () => number): string {
  const length = random() < 0.6 ? 2 : 1;
  let name = SURNAMES[Math.floor(random() * SURNAMES.length)] ?? "王";
  for (let i = 0; i < length; i += 1) name += GIVEN[Math.floor(random() * GIVEN.length)] ?? "";
  return name;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Length of the unit of an amount or weight at `at` (万元, 元, 克, 千克, 毫克), 0 for none. */
function unitLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x5143 /* 元 */ || c === 0x514b /* 克 */) return 1;
  const next = text.charCodeAt(at + 1);
  if (c === 0x4e07 /* 万 */) return next === 0x5143 ? 2 : 0;
  if (c === 0x5343 /* 千 */ || c === 0x6beb /* 毫 */) return next === 0x514b ? 2 : 0;
  return 0;
}

/**
 * `text` with every amount and weight (digits, an optional .digits, then 万元, 元, 克, 千克 or
 * 毫克) replaced by `replace(number, unit)`, as `text.replace(/([0-9]+(?:\.[0-9]+)?)(万?元|克|千克|毫克)/gu, …)`
 * does, in one pass over the digits.
 */
function replaceAmounts(text: string, replace: (n: string, unit: string) => string): string {
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (isDigit(text.charCodeAt(end))) end += 1;
    let numberEnd = -1;
    let unit = 0;
    if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
      let fractionEnd = end + 2;
      while (isDigit(text.charCodeAt(fractionEnd))) fractionEnd += 1;
      unit = unitLength(text, fractionEnd);
      if (unit > 0) numberEnd = fractionEnd;
    }
    if (numberEnd < 0) {
      unit = unitLength(text, end);
      if (unit > 0) numberEnd = end;
    }
    if (numberEnd < 0) {
      i = end;
      continue;
    }
    out += text.slice(copied, i) + replace(text.slice(i, numberEnd), text.slice(numberEnd, numberEnd + unit));
    copied = numberEnd + unit;
    i = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `text` with every year 19xx年/20xx年 moved by `shift`, as `/(19|20)([0-9]{2})年/gu` finds them. */
function shiftYears(text: string, shift: number): string {
  let out = "";
  let copied = 0;
  for (let at = text.indexOf("年", 4); at >= 0; at = text.indexOf("年", at + 1)) {
    const start = at - 4;
    const century = text.slice(start, start + 2);
    if (
      (century === "19" || century === "20") &&
      isDigit(text.charCodeAt(at - 2)) &&
      isDigit(text.charCodeAt(at - 1))
    ) {
      out += `${text.slice(copied, start)}${Number(text.slice(start, at)) + shift}`;
      copied = at;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `text` with every city of `PLACES` replaced by `replace()`, left to right (each ends in its only 市). */
function replaceCities(text: string, replace: () => string): string {
  let out = "";
  let copied = 0;
  for (let at = text.indexOf("市"); at >= 0; at = text.indexOf("市", at + 1)) {
    for (const length of [3, 4]) {
      const start = at + 1 - length;
      if (start >= copied && PLACE_SET.has(text.slice(start, at + 1))) {
        out += text.slice(copied, start) + replace();
        copied = at + 1;
        break;
      }
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Rewrites a text as another case would read: the defendants' names, amounts and weights
 * (scaled by 0.5–2×), years (±3) and cities change; the legal vocabulary stays.
 */
export function varyText(text: string, names: ReadonlyMap<string, string>, random: () => number): string {
  let out = text;
  // Names are Chinese characters (no $ patterns in the replacement).
  for (const [from, to] of names) out = out.replaceAll(from, to);
  const scale = 0.5 + random() * 1.5;
  const yearShift = Math.floor(random() * 7) - 3;
  out = replaceAmounts(out, (n, unit) => {
    const value = Number(n) * scale;
    return `${n.includes(".") ? value.toFixed(2) : Math.max(1, Math.round(value))}${unit}`;
  });
  out = shiftYears(out, yearShift);
  return replaceCities(out, () => pick(PLACES, random));
}

/** The text cut after each 。 and ；, blank pieces dropped. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if ((ch === 0x3002 || ch === 0xff1b) && i + 1 < text.length) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((s) => s.trim().length > 0);
}

/** What synthesis reads from a base judgment, worked out once per base. */
interface BaseParts {
  sentences: string[];
  /** Defendants' names in order of first mention. */
  names: string[];
}

const partsOfBase = new WeakMap<BaseJudgment, BaseParts>();

function baseParts(base: BaseJudgment): BaseParts {
  let parts = partsOfBase.get(base);
  if (!parts) {
    const names: string[] = [];
    for (const match of `${base.facts}${base.outcome}`.matchAll(
      /被告人([\u4e00-\u9fff]{2,3}?)(?=[，,。、犯因于在驾持将])/gu,
    )) {
      const name = match[1] ?? "";
      if (name.length >= 2 && !names.includes(name)) names.push(name);
    }
    parts = { sentences: sentences(base.facts), names };
    partsOfBase.set(base, parts);
  }
  return parts;
}

/**
 * Builds synthetic judgment number `n`: facts from one real judgment with some sentences replaced
 * by sentences of another judgment of the same charge, reasoning from a third, outcome from the
 * first; names, amounts, dates and places varied. Postings stay realistic without being copies.
 */
export function synthesizeJudgment(
  n: number,
  bases: readonly BaseJudgment[],
  byCharge: ReadonlyMap<string, number[]>,
  seed = 42,
): JudgmentInput {
  const random = createRandom(seed * 1_000_003 + n);
  const base = bases[n % bases.length] as BaseJudgment;
  const peers = byCharge.get(base.charge) ?? [n % bases.length];
  const other = bases[pick(peers, random)] as BaseJudgment;
  const third = bases[pick(peers, random)] as BaseJudgment;
  const names = new Map<string, string>();
  for (const name of baseParts(base).names) names.set(name, randomName(random));
  const facts = [...baseParts(base).sentences];
  const donor = baseParts(other).sentences;
  for (let i = 0; i < facts.length; i += 1)
    if (donor.length > 0 && random() < 0.25) facts[i] = pick(donor, random);
  return {
    id: `syn-${n}`,
    title: varyText(base.title, names, random),
    facts: varyText(facts.join(""), names, random),
    reasoning: varyText(random() < 0.5 ? base.reasoning : third.reasoning, names, random),
    outcome: varyText(base.outcome, names, random),
  };
}
