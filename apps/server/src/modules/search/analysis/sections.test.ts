import { describe, expect, it } from "vitest";
import { splitJudgmentSections } from "./sections";

const JUDGMENT =
  "某某市某区人民法院 刑事判决书 公诉机关某区人民检察院。被告人甲。公诉机关指控，被告人甲醉酒驾驶。" +
  "经审理查明，2018年1月15日，被告人甲酒后驾驶小型轿车被查获。" +
  "本院认为，被告人甲在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。依照《中华人民共和国刑法》第一百三十三条之一之规定，判决如下：" +
  "被告人甲犯危险驾驶罪，判处拘役二个月。";

describe("splitJudgmentSections", () => {
  it("separates facts found, reasoning and outcome", () => {
    const s = splitJudgmentSections(JUDGMENT);
    expect(s.header).toContain("刑事判决书");
    expect(s.facts.startsWith("经审理查明")).toBe(true);
    expect(s.facts).not.toContain("本院认为");
    expect(s.reasoning.startsWith("本院认为")).toBe(true);
    expect(s.reasoning).not.toContain("判处拘役");
    expect(s.outcome).toBe("被告人甲犯危险驾驶罪，判处拘役二个月。");
  });

  it("treats text without markers as facts", () => {
    expect(splitJudgmentSections("被告人乙盗窃手机一部。")).toEqual({
      header: "",
      facts: "被告人乙盗窃手机一部。",
      reasoning: "",
      outcome: "",
    });
  });
});
