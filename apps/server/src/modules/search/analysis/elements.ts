import { normalizeNumerals, parseArabicWithMultiplier } from "./numerals";

/** The key facts that decide how a criminal case is judged, extracted from its text. */
export interface LegalElements {
  /** Amounts of money mentioned, in yuan, in order of appearance (deduplicated). */
  amountsYuan: number[];
  /** Highest blood-alcohol reading in mg/100ml (醉驾 threshold: 80 mg/100ml, GB 19522). */
  bloodAlcohol: number | null;
  /** Injury grades found (轻微伤, 轻伤二级, 重伤一级…), deduplicated, most serious first. */
  injuryGrades: string[];
  /** Number of persons reported dead (致…死亡), 0 when none. */
  deaths: number;
  /** Drug weights by drug name, in grams (刑法第三百四十七、三百四十八条 thresholds are by weight). */
  drugs: { drug: string; grams: number }[];
  /**
   * Key circumstances (关键情节) the facts mention, in the order of `CIRCUMSTANCES`: sentencing
   * circumstances (自首, 累犯, 谅解…) and facts that aggravate or qualify an offence (入户,
   * 携带凶器, 多次…). Absent from features stored before they were extracted.
   */
  circumstances?: string[];
}

/**
 * Key circumstances and how judgments write them. Each is a yes/no fact about the case; the
 * re-ranking compares the sets of two cases. Patterns run on text after `normalizeNumerals`.
 */
export const CIRCUMSTANCES: readonly (readonly [string, RegExp])[] = [
  // Sentencing circumstances (刑法总则: 自首, 坦白, 立功, 累犯, 未遂, 中止, 主犯/从犯…).
  ["自首", /自首|主动(?:到[^，。；]{0,15})?投案|主动归案|电话报警[^。；]{0,15}(?:等候|在现场)/u],
  ["坦白", /如实供述|坦白/u],
  ["立功", /立功|检举|揭发[^。；]{0,10}犯罪/u],
  ["累犯", /累犯/u],
  ["前科", /曾因[^。；]{0,30}(?:判处|判决|处罚|拘留|劳动教养)|前科|刑满释放/u],
  ["未遂", /未遂|未得逞|意志以外/u],
  ["中止", /犯罪中止|自动放弃/u],
  ["从犯", /从犯|辅助作用|次要作用/u],
  ["主犯", /主犯|主要作用/u],
  ["共同犯罪", /伙同|结伙|纠集|共谋|预谋|商议|分工|共同/u],
  ["谅解", /谅解|和解/u],
  ["退赃退赔", /退赔|退赃|退还|返还|追回|赔偿/u],
  ["认罪认罚", /认罪认罚|具结书/u],
  // Facts that qualify or aggravate an offence.
  ["多次", /多次|(?<![第0-9])(?:[2-9]|[1-9][0-9]+)次|[二三四五六七八九十两]次/u],
  ["入户", /入户|进入[^，。；]{0,10}(?:家中|住宅|室内)|翻墙|撬门|撬锁|破窗/u],
  ["携带凶器", /持刀|刀具|匕首|砍刀|菜刀|水果刀|凶器|持械|棍棒|钢管|铁棍|木棍/u],
  ["枪支", /枪支|手枪|猎枪|气枪|子弹|枪弹/u],
  ["扒窃", /扒窃/u],
  ["公共场所", /公共场所|广场|车站|商场|超市|医院|学校/u],
  ["酒后", /醉酒|酒后|饮酒|乙醇含量|酒精含量/u],
  ["逃逸", /逃逸|逃离现场/u],
  ["无证驾驶", /无证驾驶|无(?:机动车)?驾驶(?:证|资格)|未取得[^，。；]{0,10}驾驶/u],
  ["超速超载", /超速|超载|超员/u],
  ["死亡", /死亡|身亡|殁/u],
  ["重伤", /重伤/u],
  ["轻伤", /轻伤/u],
  ["轻微伤", /轻微伤/u],
  ["利用职务", /利用[^，。；]{0,15}(?:职务|职权|工作)[^，。；]{0,3}便利|国家工作人员/u],
  ["非法占有目的", /非法占有为目的|据为己有|占为己有/u],
  ["暴力", /殴打|暴力|拳打脚踢|打伤|捅|砍/u],
  ["胁迫", /威胁|恐吓|胁迫|要挟/u],
  ["虚构事实", /虚构|隐瞒真相|冒充|谎称|假冒/u],
  ["网络", /网络|微信|QQ|支付宝|网上|短信|APP|平台|网站/u],
  ["赌博", /赌博|赌场|抽头|赌资/u],
  ["容留吸毒", /容留|同场吸食|提供[^。；]{0,6}场所[^。；]{0,6}吸/u],
  ["贩卖", /贩卖|出售毒品|卖给|售卖/u],
  ["运输毒品", /运输|携带[^。；]{0,10}(?:毒品|甲基苯丙胺|海洛因)/u],
  ["未成年人", /未成年|不满十八周岁|幼女|儿童/u],
  ["妨害执法", /民警|警察|执行公务|执法人员/u],
  ["单位犯罪", /单位犯罪|被告单位/u],
];

/**
 * An amount: digits, an optional 万/亿, 余/多 and the unit. Judgments often write 人民币, 价值,
 * 共计, 合计, 计, 约 or 折合 before it; the pattern leaves them (and spaces) out: none of them
 * can start an amount, so they changed no match's groups or end, and trying each of them at every
 * character cost half the time of the search.
 */
const AMOUNT = /([0-9][0-9,]*(?:\.[0-9]+)?)\s*([万萬亿億]*)\s*(?:余|多)?\s*(?:元|块钱)/gu;

const BLOOD_ALCOHOL =
  /(?:乙醇|酒精)(?:含量|浓度)?(?:检验|检测|鉴定)?(?:结果)?(?:为|是|达|达到|:)?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:mg|毫克|MG|Mg)\s*(?:\/|每|\\)\s*100\s*(?:ml|毫升|mL|ML)/gu;

const INJURY = /(轻微伤|轻伤|重伤)\s*(一级|二级|甲级|乙级)?/gu;

const INJURY_ORDER = ["重伤一级", "重伤二级", "重伤", "轻伤一级", "轻伤二级", "轻伤", "轻微伤"];

/** Drug names as written in judgments, mapped to one name per substance. */
const DRUG_NAMES: Record<string, string> = {
  甲基苯丙胺: "甲基苯丙胺",
  冰毒: "甲基苯丙胺",
  麻古: "甲基苯丙胺片剂",
  甲基苯丙胺片剂: "甲基苯丙胺片剂",
  海洛因: "海洛因",
  氯胺酮: "氯胺酮",
  K粉: "氯胺酮",
  大麻: "大麻",
  可卡因: "可卡因",
  鸦片: "鸦片",
  吗啡: "吗啡",
  摇头丸: "MDMA",
  亚甲二氧基甲基苯丙胺: "MDMA",
  甲卡西酮: "甲卡西酮",
  美沙酮: "美沙酮",
  曲马多: "曲马多",
  咖啡因: "咖啡因",
  γ羟丁酸: "γ羟丁酸",
};
const DRUG_PATTERN = new RegExp(
  Object.keys(DRUG_NAMES)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "gu",
);
const WEIGHT = /([0-9]+(?:\.[0-9]+)?)\s*(千克|公斤|kg|KG|克|g|毫克|mg)(?![/每]|\s*\/)/gu;
const GRAMS_PER_UNIT: Record<string, number> = {
  千克: 1000,
  公斤: 1000,
  kg: 1000,
  KG: 1000,
  克: 1,
  g: 1,
  毫克: 0.001,
  mg: 0.001,
};

const DEATH = /(?:致|造成|导致)(?:被害人)?[^。；，,]{0,12}?(?:([0-9]+)\s*人)?(?:当场)?死亡/gu;

/** Characters with a meaning in a pattern (outside them a pattern character matches itself). */
const PATTERN_SYNTAX = new Set("\\^$.|?*+()[]{}");

/**
 * The top-level alternatives of a pattern, each as the literal text every match of it contains
 * (its longest run of plain characters outside groups and classes, without a character a
 * quantifier makes optional; "" when it has none) and whether the alternative is that text alone.
 */
function requiredLiterals(source: string): { literal: string; whole: boolean }[] {
  const out: { literal: string; whole: boolean }[] = [];
  let best = "";
  let run = "";
  let plain = true;
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i <= source.length; i += 1) {
    const ch = source[i];
    if (ch === undefined || ch === "|") {
      endRun();
      out.push({ literal: best, whole: plain && best.length > 0 });
      best = "";
      plain = true;
      continue;
    }
    if (!PATTERN_SYNTAX.has(ch)) {
      run += ch;
      continue;
    }
    if (ch === "?" || ch === "*" || ch === "{") run = run.slice(0, -1); // the quantified character is optional
    endRun();
    plain = false;
    if (ch === "\\") i += 1;
    else if (ch === "[") {
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
    } else if (ch === "(") {
      let depth = 1;
      while (depth > 0 && i + 1 < source.length) {
        i += 1;
        const inner = source[i];
        if (inner === "\\") i += 1;
        else if (inner === "[") {
          while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
        } else if (inner === "(") depth += 1;
        else if (inner === ")") depth -= 1;
      }
    } else if (ch === "{") {
      while (i < source.length && source[i] !== "}") i += 1;
    }
  }
  return out;
}

/**
 * How `extractCircumstances` decides without running most patterns: one pass over the text finds
 * the required literals of every pattern's alternatives (see `requiredLiterals`). A circumstance
 * one of whose alternatives is a literal found is mentioned; one whose alternatives' literals are
 * all absent is not; otherwise (and for patterns with an alternative without a literal, or with
 * flags other than u) its pattern decides.
 */
const CIRCUMSTANCE_SCAN = (() => {
  /** Per UTF-16 code unit: 1 + index in `byFirstChar` of the literals starting with it, or 0. */
  const firstChars = new Uint16Array(65536);
  const byFirstChar: { literal: string; circumstance: number; whole: boolean }[][] = [];
  const alwaysTest = new Uint8Array(CIRCUMSTANCES.length);
  CIRCUMSTANCES.forEach(([, pattern], circumstance) => {
    const alternatives = pattern.flags === "u" ? requiredLiterals(pattern.source) : [];
    if (alternatives.length === 0 || alternatives.some((a) => a.literal.length === 0)) {
      alwaysTest[circumstance] = 1;
      return;
    }
    for (const { literal, whole } of alternatives) {
      const first = literal.charCodeAt(0);
      if (firstChars[first] === 0) firstChars[first] = byFirstChar.push([]);
      byFirstChar[(firstChars[first] as number) - 1]?.push({ literal, circumstance, whole });
    }
  });
  return { firstChars, byFirstChar, alwaysTest };
})();

/** Key circumstances the text mentions, in the order of `CIRCUMSTANCES`. */
export function extractCircumstances(normal: string): string[] {
  const { firstChars, byFirstChar, alwaysTest } = CIRCUMSTANCE_SCAN;
  // 2: mentioned, 1: its pattern decides, 0: not mentioned.
  const state = alwaysTest.slice();
  for (let i = 0; i < normal.length; i += 1) {
    const list = firstChars[normal.charCodeAt(i)] as number;
    if (list === 0) continue;
    for (const { literal, circumstance, whole } of byFirstChar[list - 1] ?? []) {
      if (state[circumstance] !== 2 && normal.startsWith(literal, i)) state[circumstance] = whole ? 2 : 1;
    }
  }
  const out: string[] = [];
  for (let circumstance = 0; circumstance < CIRCUMSTANCES.length; circumstance += 1) {
    const found = state[circumstance];
    const [name, pattern] = CIRCUMSTANCES[circumstance] as readonly [string, RegExp];
    if (found === 2 || (found === 1 && pattern.test(normal))) out.push(name);
  }
  return out;
}

/** Extracts amounts, blood alcohol, injury grades, deaths, drug weights and key circumstances from judgment text. */
export function extractElements(text: string): LegalElements {
  return extractElementsNormalized(normalizeNumerals(text));
}

/** `extractElements` for text already passed through `normalizeNumerals` (analysis normalises once). */
export function extractElementsNormalized(normal: string): LegalElements {
  const amounts: number[] = [];
  const seenAmounts = new Set<number>();
  for (const match of normal.matchAll(AMOUNT)) {
    const value = parseArabicWithMultiplier(match[1] ?? "", match[2]);
    if (!Number.isFinite(value) || value <= 0 || seenAmounts.has(value)) continue;
    seenAmounts.add(value);
    amounts.push(value);
  }

  let bloodAlcohol: number | null = null;
  // Cheap tests first: a reading starts with 乙醇 or 酒精, an injury grade has 伤, a death 死亡.
  const mentionsAlcohol = normal.includes("乙醇") || normal.includes("酒精");
  for (const match of mentionsAlcohol ? normal.matchAll(BLOOD_ALCOHOL) : []) {
    const value = Number(match[1]);
    if (Number.isFinite(value) && (bloodAlcohol === null || value > bloodAlcohol)) bloodAlcohol = value;
  }

  const grades = new Set<string>();
  for (const match of normal.includes("伤") ? normal.matchAll(INJURY) : []) {
    const level = match[2] === "甲级" ? "一级" : match[2] === "乙级" ? "二级" : (match[2] ?? "");
    grades.add(`${match[1] ?? ""}${level}`);
  }
  const injuryGrades = [...grades].sort((a, b) => INJURY_ORDER.indexOf(a) - INJURY_ORDER.indexOf(b));

  let deaths = 0;
  for (const match of normal.includes("死亡") ? normal.matchAll(DEATH) : [])
    deaths = Math.max(deaths, match[1] ? Number(match[1]) : 1);

  const drugs = new Map<string, number>();
  // A weight belongs to the drug named in the same clause (up to the next 。；).
  DRUG_PATTERN.lastIndex = 0;
  const anyDrug = DRUG_PATTERN.test(normal);
  DRUG_PATTERN.lastIndex = 0;
  for (const clause of anyDrug ? normal.split(/[。；;]/u) : []) {
    const names = [...clause.matchAll(DRUG_PATTERN)].map((m) => DRUG_NAMES[m[0]] ?? m[0]);
    if (names.length === 0) continue;
    let grams = 0;
    for (const match of clause.matchAll(WEIGHT)) {
      const value = Number(match[1]) * (GRAMS_PER_UNIT[match[2] ?? "克"] ?? 1);
      if (Number.isFinite(value)) grams = Math.max(grams, value);
    }
    const drug = names[0] ?? "";
    drugs.set(drug, Math.max(drugs.get(drug) ?? 0, grams));
  }

  return {
    amountsYuan: amounts,
    bloodAlcohol,
    injuryGrades,
    deaths,
    drugs: [...drugs].map(([drug, grams]) => ({ drug, grams })),
    circumstances: extractCircumstances(normal),
  };
}
