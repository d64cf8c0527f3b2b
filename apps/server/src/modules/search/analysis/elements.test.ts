import { describe, expect, it } from "vitest";
import { extractElements } from "./elements";

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
});
