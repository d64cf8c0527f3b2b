import { describe, expect, it } from "vitest";
import {
  compareArticleNumbers,
  formatArticleLabel,
  parseArticleNumber,
  suffixFromOrdinal,
  suffixOrdinal,
} from "./chinese-numerals.rules";

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
    ["第一千二百六十条", 1260, ""],
    ["第一千零七十九条", 1079, ""],
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
