import { parseChineseNumeral } from "../../../platform/text/chinese-numerals";

/** Facts of a criminal case that sentencing turns on, read from the fact description. */
export interface CaseFeatures {
  /** Money amounts mentioned, in yuan (人民币…元 / …万元, Arabic or Chinese numerals). */
  amounts: number[];
  /** The largest amount (yuan), 0 when none is mentioned. */
  maxAmount: number;
  /** Blood alcohol in mg/100ml (危险驾驶: 80 mg/100ml is the drunk-driving line), 0 when absent. */
  bloodAlcohol: number;
  /** Most severe injury grade mentioned: 0 none, 1 轻微伤, 2 轻伤二级, 3 轻伤一级/轻伤, 4 重伤二级, 5 重伤一级/重伤, 6 死亡. */
  injuryGrade: number;
  /** Total weight of drugs mentioned, in grams, 0 when none. */
  drugGrams: number;
  /** Distinct victims named (被害人X), at least 1 when a victim is mentioned without a name. */
  victims: number;
  /** People who died, when the facts say how many (or 1 when death is mentioned). */
  deaths: number;
  /** 自首: the defendant surrendered (刑法第六十七条第一款). */
  surrender: boolean;
  /** 坦白: truthful confession after arrest (刑法第六十七条第三款). */
  confession: boolean;
  /** 累犯 (刑法第六十五条). */
  recidivist: boolean;
  /** 谅解: the victim forgave the defendant. */
  forgiveness: boolean;
  /** 退赃/退赔/赔偿: the loss was returned or compensated. */
  restitution: boolean;
  /** 未遂 (刑法第二十三条). */
  attempt: boolean;
  /** 从犯 (刑法第二十七条). */
  accessory: boolean;
  /** Number of separate acts, when counted (多次 / 先后N次), else 1. */
  acts: number;
}

/** Parses a number written in Arabic digits or Chinese numerals ("3.5", "1,200", "三千五百", "十二"); NaN if not a number. */
export function parseChineseNumber(text: string): number {
  const cleaned = text.replace(/[,，]/g, "");
  if (/^\d+(?:\.\d+)?$/.test(cleaned)) return Number(cleaned);
  return parseChineseNumeral(cleaned) ?? Number.NaN;
}

const NUMBER =
  "(\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)";
const AMOUNT = new RegExp(`${NUMBER}\\s*(万|千)?\\s*(?:余|多)?\\s*(?:万)?(元|块)`, "gu");

/** Every money amount in the text, in yuan. */
export function extractAmounts(text: string): number[] {
  const amounts: number[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const value = parseChineseNumber(match[1] ?? "");
    if (!Number.isFinite(value)) continue;
    const scale = match[2] === "万" ? 1e4 : match[2] === "千" ? 1e3 : 1;
    // "1.2万余元": the 万 may come after 余.
    const lateWan = /余万|多万/u.test(match[0]) ? 1e4 : 1;
    amounts.push(value * scale * lateWan);
  }
  return amounts;
}

const ALCOHOL = new RegExp(
  `(?:乙醇|酒精)(?:含量|浓度)?[^0-9。；;]{0,12}?(\\d+(?:\\.\\d+)?)\\s*(?:mg|ｍｇ|毫克)\\s*[/／每]\\s*(?:100|１００)\\s*(?:ml|ｍｌ|mL|毫升)`,
  "iu",
);

/** Blood alcohol in mg/100ml (0 when not mentioned). */
export function extractBloodAlcohol(text: string): number {
  const match = ALCOHOL.exec(text);
  return match ? Number(match[1]) : 0;
}

const INJURY_LEVELS: [RegExp, number][] = [
  [/死亡|致死|身亡|尸体/u, 6],
  [/重伤一级/u, 5],
  [/重伤二级/u, 4],
  [/重伤(?![一二]级)/u, 5],
  [/轻伤一级/u, 3],
  [/轻伤二级/u, 2],
  [/轻伤(?![一二]级)/u, 3],
  [/轻微伤/u, 1],
];

/** Most severe injury grade mentioned (0 none … 6 death); "轻微伤" does not count as 轻伤. */
export function extractInjuryGrade(text: string): number {
  const withoutMinor = text.replace(/轻微伤/gu, "");
  let grade = /轻微伤/u.test(text) ? 1 : 0;
  for (const [pattern, level] of INJURY_LEVELS) {
    if (level === 1) continue;
    if (pattern.test(withoutMinor)) grade = Math.max(grade, level);
  }
  return grade;
}

const DRUG_WORDS =
  /毒品|海洛因|甲基苯丙胺|冰毒|麻古|氯胺酮|K粉|摇头丸|大麻|鸦片|可卡因|吗啡|美沙酮|曲马多|MDMA/iu;
const WEIGHT = new RegExp(`${NUMBER}\\s*(千克|公斤|kg|克|g)(?![a-z])`, "giu");

/** Total weight (grams) of drugs mentioned; 0 when the text names no drug. */
export function extractDrugGrams(text: string): number {
  if (!DRUG_WORDS.test(text)) return 0;
  let grams = 0;
  for (const match of text.matchAll(WEIGHT)) {
    const value = parseChineseNumber(match[1] ?? "");
    if (!Number.isFinite(value)) continue;
    const unit = (match[2] ?? "").toLowerCase();
    grams += unit === "千克" || unit === "公斤" || unit === "kg" ? value * 1000 : value;
  }
  return grams;
}

const VICTIM = /被害人([\u4e00-\u9fff]{1,2}(?:某[甲乙丙丁戊]?|×\d*|[A-Z]\d*)?)/gu;

/** Number of distinct victims named (被害人X); 1 when victims are mentioned without names. */
export function countVictims(text: string): number {
  const names = new Set<string>();
  for (const match of text.matchAll(VICTIM)) names.add(match[1] ?? "");
  if (names.size > 0) return names.size;
  return /被害人|被害单位/u.test(text) ? 1 : 0;
}

function countDeaths(text: string): number {
  const counted = /(?:致|造成)\s*([一二两三四五六七八九十\d]+)\s*人(?:当场)?死亡/u.exec(text);
  if (counted) {
    const value = parseChineseNumber(counted[1] ?? "");
    if (Number.isFinite(value)) return value;
  }
  return /死亡|致死|身亡/u.test(text) ? 1 : 0;
}

function countActs(text: string): number {
  const counted = /(?:先后|共计|共|分别)\s*([一二两三四五六七八九十\d]+)\s*次/u.exec(text);
  if (counted) {
    const value = parseChineseNumber(counted[1] ?? "");
    if (Number.isFinite(value) && value > 0) return value;
  }
  return /多次/u.test(text) ? 3 : 1;
}

/** Reads all sentencing features from a fact description. */
export function extractFeatures(fact: string): CaseFeatures {
  const amounts = extractAmounts(fact);
  return {
    amounts,
    maxAmount: amounts.reduce((max, value) => Math.max(max, value), 0),
    bloodAlcohol: extractBloodAlcohol(fact),
    injuryGrade: extractInjuryGrade(fact),
    drugGrams: extractDrugGrams(fact),
    victims: countVictims(fact),
    deaths: countDeaths(fact),
    surrender: /自首|自动投案|主动投案|投案自首/u.test(fact),
    confession: /如实供述|坦白|供认不讳/u.test(fact),
    recidivist: /累犯|刑满释放/u.test(fact),
    forgiveness: /谅解/u.test(fact),
    restitution: /退赃|退赔|退还|赔偿|返还/u.test(fact),
    attempt: /未遂|未得逞/u.test(fact),
    accessory: /从犯|帮助/u.test(fact),
    acts: countActs(fact),
  };
}
