import { describe, expect, it } from "vitest";
import {
  compareArticleNumbers,
  formatArticleLabel,
  formatChineseNumeral,
  parseArticleNumber,
  parseChineseNumeral,
  suffixFromOrdinal,
  suffixOrdinal,
} from "./chinese-numerals.rules";

describe("parseChineseNumeral", () => {
  it.each([
    ["零", 0],
    ["〇", 0],
    ["一", 1],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百零八", 108],
    ["一百一十", 110],
    ["两百", 200],
    ["一百三十三", 133],
    ["五百七十七", 577],
    ["一千零五十", 1050],
    ["一千二百六十", 1260],
    ["一千零七十九", 1079],
    ["三万五千", 35000],
    ["壹佰贰拾", 120],
    ["二〇二一", 2021],
  ])("reads %s as %i", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "一二", "十百", "百", "一十百", "条", "一百五十条"])(
    "refuses the malformed numeral %j",
    (text) => {
      expect(parseChineseNumeral(text)).toBeNull();
    },
  );
});

describe("formatChineseNumeral", () => {
  it.each([
    [0, "零"],
    [10, "十"],
    [12, "十二"],
    [108, "一百零八"],
    [110, "一百一十"],
    [577, "五百七十七"],
    [1050, "一千零五十"],
    [1260, "一千二百六十"],
    [1079, "一千零七十九"],
  ])("writes %i as %s", (value, text) => {
    expect(formatChineseNumeral(value)).toBe(text);
  });

  it("reads back every article number it writes, up to 2,000", () => {
    for (let n = 0; n <= 2000; n += 1) expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
  });

  it("refuses negative and fractional numbers", () => {
    expect(() => formatChineseNumeral(-1)).toThrow(RangeError);
    expect(() => formatChineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe("parseArticleNumber", () => {
  it.each([
    ["第五百七十七条", 577, ""],
    ["577", 577, ""],
    ["第577条", 577, ""],
    ["５７７", 577, ""],
    ["第一百三十三条之一", 133, "之一"],
    ["133之一", 133, "之一"],
    ["133之1", 133, "之一"],
    ["第 133 条之二", 133, "之二"],
    ["二百八十七条之二", 287, "之二"],
  ])("reads %s", (text, number, suffix) => {
    expect(parseArticleNumber(text)).toEqual({ number, suffix });
  });

  it.each(["", "第零条", "0", "第条", "民法典", "第五百七十七款", "133之零"])("refuses %j", (text) => {
    expect(parseArticleNumber(text)).toBeNull();
  });
});

describe("article labels and order", () => {
  it("writes labels the way laws number articles", () => {
    expect(formatArticleLabel({ number: 133, suffix: "之一" })).toBe("第一百三十三条之一");
    expect(formatArticleLabel({ number: 10, suffix: "" })).toBe("第十条");
  });

  it("numbers suffixes from their ordinal and back", () => {
    expect(suffixOrdinal("")).toBe(0);
    expect(suffixOrdinal("之三")).toBe(3);
    expect(suffixOrdinal("之")).toBeNull();
    expect(suffixFromOrdinal(2)).toBe("之二");
  });

  it("orders an inserted article after the plain one and before the next", () => {
    const sorted = [
      { number: 134, suffix: "" },
      { number: 133, suffix: "之二" },
      { number: 133, suffix: "" },
      { number: 133, suffix: "之一" },
    ].sort(compareArticleNumbers);
    expect(sorted.map(formatArticleLabel)).toEqual([
      "第一百三十三条",
      "第一百三十三条之一",
      "第一百三十三条之二",
      "第一百三十四条",
    ]);
  });
});
