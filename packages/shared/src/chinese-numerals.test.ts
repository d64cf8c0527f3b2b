import { describe, expect, it } from "vitest";
import {
  CHINESE_DATE_PATTERN,
  CHINESE_NUMERAL_CHARS,
  chineseDateValue,
  formatChineseDate,
  formatChineseNumeral,
  parseChineseNumeral,
} from "./chinese-numerals";

describe("parseChineseNumeral", () => {
  it.each([
    // digits and zeros
    ["零", 0],
    ["〇", 0],
    ["一", 1],
    ["两", 2],
    ["八", 8],
    // the counting form, as laws number articles
    ["十", 10],
    ["十一", 11],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["三十一", 31],
    ["一百零五", 105],
    ["一百零八", 108],
    ["一百一十", 110],
    ["一百三十三", 133],
    ["两百", 200],
    ["五百七十七", 577],
    ["两千", 2000],
    ["一千零五", 1005],
    ["一千零五十", 1050],
    ["一千零七十九", 1079],
    ["一千二百六十", 1260],
    ["三千五百", 3500],
    // 万 and 亿
    ["一万五千", 15_000],
    ["三万五千", 35_000],
    ["两万", 20_000],
    ["十万", 100_000],
    ["十万零一十", 100_010],
    ["三千万", 30_000_000],
    ["一亿", 100_000_000],
    ["一亿二千万", 120_000_000],
    ["一亿零一万", 100_010_000],
    ["一万亿", 1_000_000_000_000],
    // financial capitals and traditional forms
    ["伍万", 50_000],
    ["壹佰贰拾", 120],
    ["壹亿贰仟万", 120_000_000],
    ["壹拾贰万叁仟肆佰伍拾陆", 123_456],
    ["貳萬", 20_000],
    ["兩億", 200_000_000],
    // the positional form of years
    ["二〇一八", 2018],
    ["二〇二一", 2021],
    ["二零二六", 2026],
    ["一九九七", 1997],
    ["二○二六", 2026],
    ["二〇", 20],
  ])("reads %s as %i", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each([
    "",
    "一二",
    "十百",
    "百",
    "一十百",
    "万",
    "零万",
    "一万二万",
    "一亿二亿",
    "条",
    "一百五十条",
    "盗窃",
    "十二a",
  ])("refuses the malformed numeral %j", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it("reads the article number of a citation (第一千二百六十条)", () => {
    const match = new RegExp(`^第([${CHINESE_NUMERAL_CHARS}]+)条$`, "u").exec("第一千二百六十条");
    expect(parseChineseNumeral(match?.[1] ?? "")).toBe(1260);
  });
});

describe("formatChineseNumeral", () => {
  it.each([
    [0, "零"],
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [12, "十二"],
    [20, "二十"],
    [99, "九十九"],
    [105, "一百零五"],
    [108, "一百零八"],
    [110, "一百一十"],
    [577, "五百七十七"],
    [1050, "一千零五十"],
    [1079, "一千零七十九"],
    [1260, "一千二百六十"],
    [2000, "二千"],
    [10_000, "一万"],
    [100_000, "十万"],
    [100_010, "十万零一十"],
    [12_345_678, "一千二百三十四万五千六百七十八"],
    [100_000_000, "一亿"],
    [100_001_000, "一亿零一千"],
    [100_010_000, "一亿零一万"],
    [1_000_000_000_000, "一万亿"],
  ])("writes %i as %s", (value, text) => {
    expect(formatChineseNumeral(value)).toBe(text);
  });

  it("writes years digit by digit in the positional form", () => {
    expect(formatChineseNumeral(2026, "positional")).toBe("二〇二六");
    expect(formatChineseNumeral(0, "positional")).toBe("〇");
  });

  it("reads back every number it writes, in both forms", () => {
    const samples = [...Array.from({ length: 2_001 }, (_, n) => n), 10_001, 99_999, 100_100, 123_456_789];
    for (const n of samples) {
      expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
      if (n >= 100) expect(parseChineseNumeral(formatChineseNumeral(n, "positional"))).toBe(n);
    }
  });

  it("refuses negative, fractional and unsafe numbers", () => {
    expect(() => formatChineseNumeral(-1)).toThrow(RangeError);
    expect(() => formatChineseNumeral(1.5)).toThrow(RangeError);
    expect(() => formatChineseNumeral(2 ** 60)).toThrow(RangeError);
  });
});

describe("Chinese dates", () => {
  it("writes a court date as judicial documents do", () => {
    expect(formatChineseDate("2026-03-02")).toBe("二〇二六年三月二日");
    expect(formatChineseDate("2026-12-31")).toBe("二〇二六年十二月三十一日");
    expect(formatChineseDate("2030-10-10T00:00:00Z")).toBe("二〇三〇年十月十日");
    expect(() => formatChineseDate("2 March")).toThrow(RangeError);
  });

  it("reads every date written in Chinese numerals, with 〇, ○ or 零 in the year", () => {
    const text = "二〇二六年十二月三十一日签订，二○一七年九月二十六日，二零二六年二月三十日";
    const values = [...text.matchAll(CHINESE_DATE_PATTERN)].map(([, y, m, d]) =>
      chineseDateValue(y ?? "", m ?? "", d ?? ""),
    );
    expect(values).toEqual(["2026-12-31", "2017-09-26", null]);
  });

  it("reads back every date it writes", () => {
    for (const iso of ["2026-01-01", "2026-02-28", "2024-02-29", "1997-07-01", "2030-11-20"]) {
      const match = [...formatChineseDate(iso).matchAll(CHINESE_DATE_PATTERN)][0]!;
      expect(chineseDateValue(match[1]!, match[2]!, match[3]!)).toBe(iso);
    }
  });
});
