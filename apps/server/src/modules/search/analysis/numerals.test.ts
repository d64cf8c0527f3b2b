import { describe, expect, it } from "vitest";
import { normalizeNumerals, parseChineseNumeral } from "./numerals";

describe("parseChineseNumeral", () => {
  it.each([
    ["伍万", 50000],
    ["一万五千", 15000],
    ["十二", 12],
    ["一百零五", 105],
    ["三千万", 30000000],
    ["二〇一八", 2018],
    ["一亿二千万", 120000000],
    ["两", 2],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects text that is not a numeral", () => {
    expect(parseChineseNumeral("盗窃")).toBeNull();
  });
});

describe("normalizeNumerals", () => {
  it.each([
    ["人民币伍万元整", "人民币50000元整"],
    ["盗窃三次", "盗窃3次"],
    ["轿车两辆", "轿车2辆"],
    ["１２３克", "123克"],
    ["第一百三十三条", "第一百三十三条"],
    ["一起事故", "一起事故"],
    ["统一", "统一"],
  ])("rewrites %s as %s", (text, expected) => {
    expect(normalizeNumerals(text)).toBe(expected);
  });
});
