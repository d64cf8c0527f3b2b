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
}

const AMOUNT =
  /(?:人民币|价值|共计|合计|计|约|折合)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([万萬亿億]*)\s*(?:余|多)?\s*(?:元|块钱)/gu;

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

/** Extracts amounts, blood alcohol, injury grades, deaths and drug weights from judgment text. */
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
  for (const match of normal.matchAll(BLOOD_ALCOHOL)) {
    const value = Number(match[1]);
    if (Number.isFinite(value) && (bloodAlcohol === null || value > bloodAlcohol)) bloodAlcohol = value;
  }

  const grades = new Set<string>();
  for (const match of normal.matchAll(INJURY)) {
    const level = match[2] === "甲级" ? "一级" : match[2] === "乙级" ? "二级" : (match[2] ?? "");
    grades.add(`${match[1] ?? ""}${level}`);
  }
  const injuryGrades = [...grades].sort((a, b) => INJURY_ORDER.indexOf(a) - INJURY_ORDER.indexOf(b));

  let deaths = 0;
  for (const match of normal.matchAll(DEATH)) deaths = Math.max(deaths, match[1] ? Number(match[1]) : 1);

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
  };
}
