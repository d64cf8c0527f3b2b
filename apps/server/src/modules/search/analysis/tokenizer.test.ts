import { describe, expect, it } from "vitest";
import { analyzeJudgment } from "./analyze-judgment";
import { createTextAnalyzer } from "./tokenizer";

describe("createTextAnalyzer", () => {
  const analyzer = createTextAnalyzer();

  it("keeps charge names and terms of art whole", () => {
    const words = analyzer.segment("被告人构成掩饰、隐瞒犯罪所得罪，系累犯，具有自首情节，认罪认罚");
    expect(words).toContain("累犯");
    expect(words).toContain("认罪认罚");
    expect(analyzer.segment("其行为已构成危险驾驶罪")).toContain("危险驾驶罪");
    expect(analyzer.segment("被告人犯信用卡诈骗罪")).toContain("信用卡诈骗罪");
  });

  it("drops stop words, punctuation, bare numbers and masked plates", () => {
    const tokens = analyzer.tokenize("2018年1月15日，被告人驾驶湘A×××××号小型轿车。");
    expect(tokens).not.toContain("被告人");
    expect(tokens).not.toContain("2018");
    expect(tokens).not.toContain("，");
    expect(tokens.some((t) => t.includes("×"))).toBe(false);
    expect(tokens).toContain("驾驶");
  });
});

describe("analyzeJudgment", () => {
  it("extracts charges from the outcome and articles from the reasoning", () => {
    const analyzed = analyzeJudgment({
      id: "1",
      facts: "经审理查明，被告人甲醉酒驾驶，血液中乙醇含量为156.3mg/100ml。",
      reasoning: "本院认为，被告人甲构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条之一之规定",
      outcome: "被告人甲犯危险驾驶罪，判处拘役二个月，并处罚金人民币二千元。",
    });
    expect(analyzed.features.charges).toEqual(["危险驾驶罪"]);
    expect(analyzed.features.articles).toEqual(["刑法:133之一"]);
    expect(analyzed.features.elements.bloodAlcohol).toBe(156.3);
    expect(analyzed.fields.facts.terms).toContain("醉酒驾驶");
  });
});
