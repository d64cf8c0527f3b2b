import { describe, expect, it } from "vitest";
import {
  countVictims,
  extractAmounts,
  extractBloodAlcohol,
  extractDrugGrams,
  extractFeatures,
  extractInjuryGrade,
  parseChineseNumber,
} from "./predict.features";

describe("parseChineseNumber", () => {
  it.each([
    ["3500", 3500],
    ["1,200", 1200],
    ["3.5", 3.5],
    ["十二", 12],
    ["三千五百", 3500],
    ["两万", 20000],
    ["一千零五", 1005],
    ["壹佰贰拾", 120],
    ["八", 8],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it("refuses text that is not a number", () => {
    expect(parseChineseNumber("价值")).toBeNaN();
  });
});

describe("extractAmounts", () => {
  it.each([
    ["盗窃现金人民币3500元", [3500]],
    ["价值人民币1.2万元", [12000]],
    ["共计人民币三千元", [3000]],
    ["骗取5000余元", [5000]],
    ["收受感谢费共计人民币53,900元", [53900]],
    ["涉案金额2万余元", [20000]],
    ["获利100余元，另有现金二百元", [100, 200]],
    ["无金额", []],
  ])("reads the amounts of %s", (text, amounts) => {
    expect(extractAmounts(text)).toEqual(amounts);
  });
});

describe("extractBloodAlcohol", () => {
  it.each([
    ["经鉴定，其血液中乙醇含量为185.6mg/100ml", 185.6],
    ["血液酒精含量为 96.3毫克/100毫升", 96.3],
    ["乙醇含量：120mg/100mL，属醉酒驾驶", 120],
    ["未检出", 0],
  ])("reads %s", (text, value) => {
    expect(extractBloodAlcohol(text)).toBe(value);
  });
});

describe("extractInjuryGrade", () => {
  it.each([
    ["经鉴定，被害人损伤程度为轻微伤", 1],
    ["构成轻伤二级", 2],
    ["构成轻伤一级，另一人轻微伤", 3],
    ["经鉴定为重伤二级", 4],
    ["致被害人重伤一级", 5],
    ["致被害人当场死亡", 6],
    ["双方发生口角", 0],
  ])("grades %s as %d", (text, grade) => {
    expect(extractInjuryGrade(text)).toBe(grade);
  });
});

describe("extractDrugGrams", () => {
  it.each([
    ["查获甲基苯丙胺0.5克", 0.5],
    ["贩卖海洛因2.1克、甲基苯丙胺1克", 3.1],
    ["缴获毒品冰毒1.2千克", 1200],
    ["盗窃黄金首饰30克", 0],
  ])("weighs %s", (text, grams) => {
    expect(extractDrugGrams(text)).toBeCloseTo(grams, 6);
  });
});

describe("countVictims and circumstances", () => {
  it("counts distinct named victims", () => {
    expect(countVictims("被告人殴打被害人张某，又推倒被害人李某甲，被害人张某受伤")).toBe(2);
  });

  it("reads surrender, forgiveness and recidivism", () => {
    const features = extractFeatures("被告人到派出所投案自首，如实供述，取得被害人谅解。被告人系累犯。");
    expect(features).toMatchObject({
      surrender: true,
      confession: true,
      forgiveness: true,
      recidivist: true,
    });
  });

  it("finds no circumstance in a bare description", () => {
    const features = extractFeatures("被告人在超市内窃取商品。");
    expect(features).toMatchObject({
      surrender: false,
      forgiveness: false,
      recidivist: false,
      attempt: false,
    });
  });
});
