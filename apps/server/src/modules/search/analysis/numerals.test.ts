import { describe, expect, it } from "vitest";
import { normalizeNumerals } from "./numerals";

describe("normalizeNumerals", () => {
  it.each([
    ["人民币伍万元整", "人民币50000元整"],
    ["盗窃三次", "盗窃3次"],
    ["轿车两辆", "轿车2辆"],
    ["１２３克", "123克"],
    ["第一百三十三条", "第一百三十三条"],
    ["一起事故", "一起事故"],
    ["统一", "统一"],
    ["价值一万五千元", "价值15000元"],
    ["壹亿贰仟万元", "120000000元"],
    ["一二次", "一二次"],
  ])("rewrites %s as %s", (text, expected) => {
    expect(normalizeNumerals(text)).toBe(expected);
  });
});
