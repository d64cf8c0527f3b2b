import { describe, expect, it } from "vitest";
import {
  baseJudgment,
  basesByCharge,
  synthesizeJudgment,
  type BaseJudgment,
} from "../../../../../../bench/search/synthetic-judgments";
import { readCandidates } from "@netcourt/evaluation/lecard";
import { needsSharedData, sharedDataPath } from "../../../../../../scripts/shared-data";
import { CIRCUMSTANCES, extractCircumstances, extractElements } from "./elements";
import { normalizeNumerals } from "./numerals";

const CANDIDATES = sharedDataPath("lecard", "candidates.jsonl.gz");

/** The circumstances as the patterns alone decide them (what the literal scan must agree with). */
const circumstancesByPatterns = (text: string): string[] =>
  CIRCUMSTANCES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);

/** The amount pattern as first written, with the words that precede amounts. */
const AMOUNT_WITH_PREFIXES =
  /(?:人民币|价值|共计|合计|计|约|折合)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([万萬亿億]*)\s*(?:余|多)?\s*(?:元|块钱)/gu;
const AMOUNT_WITHOUT_PREFIXES = /([0-9][0-9,]*(?:\.[0-9]+)?)\s*([万萬亿億]*)\s*(?:余|多)?\s*(?:元|块钱)/gu;
const amountMatches = (text: string, pattern: RegExp): string[] =>
  [...text.matchAll(pattern)].map((m) => `${m[1]}|${m[2]}|${(m.index ?? 0) + m[0].length}`);

/** Normalised LeCaRD sections and synthetic judgments' facts as the search benchmark makes them. */
async function sampleTexts(): Promise<string[]> {
  const texts: string[] = [];
  const bases: BaseJudgment[] = [];
  for await (const c of readCandidates(CANDIDATES)) {
    bases.push(baseJudgment(c));
    for (const section of [c.ajjbqk, c.cpfxgc, c.pjjg]) texts.push(normalizeNumerals(section ?? ""));
  }
  const byCharge = basesByCharge(bases);
  for (let n = 0; n < 2_000; n += 1)
    texts.push(normalizeNumerals(synthesizeJudgment(n * 7_919, bases, byCharge).facts ?? ""));
  return texts;
}

describe("extractElements", () => {
  it.each([
    ["被告人赔偿人民币伍万元整。", [50000]],
    ["骗取被害人1.5万元。", [15000]],
    ["盗窃现金3万余元及手机一部（价值2,000元）。", [30000, 2000]],
  ])("reads the amounts in %s", (text, amounts) => {
    expect(extractElements(text).amountsYuan).toEqual(amounts);
  });

  it("reads the blood alcohol in mg/100ml, half- and full-width, keeping the highest", () => {
    expect(extractElements("经鉴定，其血液中乙醇含量为156.3mg/100ml。").bloodAlcohol).toBe(156.3);
    expect(
      extractElements("呼气检测乙醇含量为195毫克／100毫升，血样检验乙醇含量为201.1毫克／100毫升")
        .bloodAlcohol,
    ).toBe(201.1);
  });

  it("orders injury grades most serious first", () => {
    expect(extractElements("致张某轻伤二级，李某重伤二级，王某轻微伤。").injuryGrades).toEqual([
      "重伤二级",
      "轻伤二级",
      "轻微伤",
    ]);
  });

  it("assigns drug weights to the drug named in the same clause", () => {
    const { drugs } = extractElements("查获甲基苯丙胺2包，净重5.2克；另查获海洛因0.3克。");
    expect(drugs).toEqual([
      { drug: "甲基苯丙胺", grams: 5.2 },
      { drug: "海洛因", grams: 0.3 },
    ]);
  });

  it("counts deaths", () => {
    expect(extractElements("造成1人当场死亡。").deaths).toBe(1);
    expect(extractElements("致被害人受伤。").deaths).toBe(0);
  });

  it("lists the key circumstances of a burglary in a fixed order", () => {
    const facts =
      "2018年3月5日凌晨，被告人王某伙同李某翻墙进入被害人张某家中，窃得现金人民币3000元。" +
      "王某曾因盗窃罪被判处有期徒刑一年，系累犯。案发后王某主动到派出所投案，如实供述了犯罪事实，" +
      "并退赔了被害人全部损失，取得谅解。";
    expect(extractElements(facts).circumstances).toEqual([
      "自首",
      "坦白",
      "累犯",
      "前科",
      "共同犯罪",
      "谅解",
      "退赃退赔",
      "入户",
    ]);
  });

  it("tells an armed robbery with injuries from a drink-driving case", () => {
    expect(
      extractElements("被告人持水果刀威胁被害人，抢走手机一部，并将被害人打伤，经鉴定为轻伤二级。")
        .circumstances,
    ).toEqual(["携带凶器", "轻伤", "暴力", "胁迫"]);
    expect(
      extractElements("被告人酒后无证驾驶小型轿车，经检验其血液中乙醇含量为156毫克/100毫升。").circumstances,
    ).toEqual(["酒后", "无证驾驶"]);
  });

  it("counts repeated acts written in words or digits, but not an ordinal", () => {
    expect(extractCircumstances("先后三次贩卖甲基苯丙胺")).toContain("多次");
    expect(extractCircumstances("先后3次进入超市")).toContain("多次");
    expect(extractCircumstances("第2次到达现场时被抓获")).not.toContain("多次");
  });
  it("finds circumstances by their literals exactly as the patterns do", () => {
    const texts = [
      "被告人主动到公安机关投案",
      "主动投案",
      "主动",
      "其电话报警后在现场等候",
      "揭发他人犯罪",
      "曾因盗窃被判处有期徒刑",
      "共作案2次",
      "第2次",
      "12次",
      "两次",
      "进入被害人家中",
      "无驾驶资格",
      "无机动车驾驶证",
      "未取得机动车驾驶证",
      "利用其担任会计的职务之便利",
      "提供住所供他人吸食毒品",
      "携带甲基苯丙胺",
      "殁",
      "",
    ];
    for (const text of texts) expect(extractCircumstances(text)).toEqual(circumstancesByPatterns(text));
  });

  it(
    "reads LeCaRD judgments and synthetic ones as the patterns alone do",
    { ...needsSharedData("lecard/candidates.jsonl.gz"), timeout: 120_000 },
    async () => {
      for (const text of await sampleTexts()) {
        expect(extractCircumstances(text)).toEqual(circumstancesByPatterns(text));
        expect(amountMatches(text, AMOUNT_WITHOUT_PREFIXES)).toEqual(
          amountMatches(text, AMOUNT_WITH_PREFIXES),
        );
      }
    },
  );
});
