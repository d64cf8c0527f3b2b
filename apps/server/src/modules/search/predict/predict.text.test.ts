import { describe, expect, it } from "vitest";
import { charNgrams, stripToText, words } from "./predict.text";

describe("text tokens", () => {
  it("keeps only CJK ideographs and ASCII letters and digits", () => {
    expect(stripToText("被告人李×1，于2016年（某日）盗窃！")).toBe("被告人李1于2016年某日盗窃");
  });

  it.each([
    ["盗窃罪", 1, 2, ["盗", "窃", "罪", "盗窃", "窃罪"]],
    ["a𠀀b", 2, 2, ["a𠀀", "𠀀b"]],
  ])("cuts %s into n-grams", (text, min, max, grams) => {
    expect(charNgrams(text, min, max)).toEqual(grams);
  });

  it("cuts words with jieba and drops numbers and punctuation", () => {
    const tokens = words("被告人于2016年盗窃现金。");
    expect(tokens).toContain("盗窃");
    expect(tokens).not.toContain("2016");
    expect(tokens).not.toContain("。");
  });
});
