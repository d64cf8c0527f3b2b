import { describe, expect, it } from "vitest";
import {
  englishTitle,
  isLawLikeTitle,
  resolveAliasKey,
  shortTitle,
  splitVersionNote,
  titleKey,
  titleKeyCandidates,
} from "./law-titles.rules";

describe("titleKey", () => {
  it.each([
    ["中华人民共和国民法典", "民法典"],
    ["《民法典》", "民法典"],
    ["《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》", "最高人民法院关于适用民事诉讼法的解释"],
    ["最高人民法院关于适用《民事诉讼法》的解释", "最高人民法院关于适用民事诉讼法的解释"],
    ["最高人民法院 最高人民检察院关于办理X的解释", "最高人民法院最高人民检察院关于办理X的解释"],
    ["最高人民法院、最高人民检察院关于办理X的解释", "最高人民法院最高人民检察院关于办理X的解释"],
    ["人民检察院刑事诉讼规则（试行）", "人民检察院刑事诉讼规则(试行)"],
  ])("reduces %s to %s", (title, key) => {
    expect(titleKey(title)).toBe(key);
  });
});

describe("short titles, aliases and English names", () => {
  it("drops the state prefix only when something remains", () => {
    expect(shortTitle("中华人民共和国刑法")).toBe("刑法");
    expect(shortTitle("中华人民共和国")).toBe("中华人民共和国");
    expect(shortTitle("诉讼费用交纳办法")).toBe("诉讼费用交纳办法");
  });

  it.each([
    ["民诉法", "民事诉讼法"],
    ["民诉法解释", "最高人民法院关于适用民事诉讼法的解释"],
    ["交费办法", "诉讼费用交纳办法"],
    ["合同法", "合同法"],
    ["不存在的简称", "不存在的简称"],
  ])("resolves the alias %s", (alias, key) => {
    expect(resolveAliasKey(titleKey(alias))).toBe(key);
  });

  it("tries the issuer written outside the brackets before the bare title", () => {
    expect(titleKeyCandidates("关于处理自首和立功具体应用法律若干问题的解释", "最高人民法院")).toEqual([
      "最高人民法院关于处理自首和立功具体应用法律若干问题的解释",
      "关于处理自首和立功具体应用法律若干问题的解释",
    ]);
  });

  it("names well-known laws in English and leaves others unnamed", () => {
    expect(englishTitle("民法典")).toBe("Civil Code of the PRC");
    expect(englishTitle("某某条例")).toBeNull();
  });
});

describe("version notes and law-like titles", () => {
  it.each([
    ["中华人民共和国民事诉讼法（2017年修正）", "中华人民共和国民事诉讼法", 2017],
    ["刑法(2020修正)", "刑法", 2020],
    ["民法典", "民法典", null],
    ["人民检察院刑事诉讼规则（试行）", "人民检察院刑事诉讼规则（试行）", null],
  ])("splits %s", (written, title, year) => {
    const split = splitVersionNote(written);
    expect(split.title).toBe(title);
    expect(split.version?.year ?? null).toBe(year);
  });

  it.each([
    ["中华人民共和国刑法", true],
    ["最高人民法院关于审理民间借贷案件适用法律若干问题的规定", true],
    ["人民法院在线诉讼规则", true],
    ["诉讼费用交纳办法", true],
    ["中华人民共和国", true],
    ["房屋买卖合同", false],
    ["谅解书", false],
    ["借款协议", false],
  ])("tells whether %s reads like a law (%s)", (title, expected) => {
    expect(isLawLikeTitle(title)).toBe(expected);
  });
});
