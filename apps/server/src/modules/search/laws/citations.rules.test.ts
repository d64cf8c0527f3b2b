import { describe, expect, it } from "vitest";
import { extractCitations, type ExtractedCitation } from "./citations.rules";

/** A citation as a compact string: title | 133之一/1(2) 52 10-12 … */
function compact(citation: ExtractedCitation): string {
  const articles = citation.articles.map(
    (a) =>
      `${a.number}${a.suffix}${a.through ? `-${a.through.number}${a.through.suffix}` : ""}` +
      `${a.paragraph !== null ? `/${a.paragraph}` : ""}${a.item !== null ? `(${a.item})` : ""}`,
  );
  const version = citation.version ? ` @${citation.version.year}` : "";
  const issuer = citation.issuer ? `${citation.issuer}+` : "";
  return `${issuer}${citation.title}${version} | ${articles.join(" ")}`.trim();
}

describe("extractCitations", () => {
  it.each([
    ["《中华人民共和国民法典》第五百七十七条", ["中华人民共和国民法典 | 577"]],
    ["《民事诉讼法》第一百二十二条第一款", ["民事诉讼法 | 122/1"]],
    [
      "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条",
      ["最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释 | 90"],
    ],
    [
      "依照《中华人民共和国刑法》第二百三十四条第一款、第六十七条第三款之规定，判决如下：",
      ["中华人民共和国刑法 | 234/1 67/3"],
    ],
    ["《刑法》第十条至第十二条", ["刑法 | 10-12"]],
    ["《刑法》第一百三十三条之一第一款第（二）项、第五十二条", ["刑法 | 133之一/1(2) 52"]],
    ["《刑法》第七十二条第一款第（一）（二）（三）项", ["刑法 | 72/1(1) 72/1(2) 72/1(3)"]],
    ["《刑法》第七十三条第二款、第三款", ["刑法 | 73/2 73/3"]],
    ["《刑法》第二百二十五条第一项、第二百二十四条第（一）项", ["刑法 | 225(1) 224(1)"]],
    ["《刑法》第三条第一款（一）项", ["刑法 | 3/1(1)"]],
    ["《刑法》第八十一条第一、二项", ["刑法 | 81(1) 81(2)"]],
    ["《民法典》第577条、第１０７９条", ["民法典 | 577 1079"]],
    ["《中华人民共和国民事诉讼法》（2017年修正）第六十四条", ["中华人民共和国民事诉讼法 @2017 | 64"]],
    ["以及1979年《中华人民共和国刑法》第一百五十条", ["中华人民共和国刑法 @1979 | 150"]],
    [
      "及最高人民法院《关于审理交通肇事刑事案件具体应用法律若干问题的解释》第二条第二款第（五）项",
      ["最高人民法院+关于审理交通肇事刑事案件具体应用法律若干问题的解释 | 2/2(5)"],
    ],
    [
      "《中华人民共和国刑法》第二百六十六条及《最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释》第一条之规定",
      [
        "中华人民共和国刑法 | 266",
        "最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释 | 1",
      ],
    ],
    ["依照刑法第二百一十四条的规定", ["刑法 | 214"]],
    ["违反合同法第一百零七条", ["合同法 | 107"]],
    ["依照中华人民共和国民法典第一千零七十九条", ["中华人民共和国民法典 | 1079"]],
    // 技术合同法 is not a known name, and 合同法 inside it is not a citation of the Contract Law.
    ["技术合同法第三条", []],
    ["根据《中华人民共和国合同法》的规定", ["中华人民共和国合同法 |"]],
    ["双方签订《房屋买卖合同》并出具《谅解书》", []],
    ["《房屋买卖合同》第三条约定", ["房屋买卖合同 | 3"]],
    ["本法第十条、本解释第二条", []],
    ["《刑法》第一百三十三条违反交通运输管理法规，因而发生重大事故", ["刑法 | 133"]],
  ])("reads %s", (text, expected) => {
    expect(extractCitations(text).map(compact)).toEqual(expected);
  });

  it("gives each article its own span and the citation the whole span", () => {
    const text = "依照《刑法》第二百三十四条第一款、第六十七条第三款之规定";
    const [citation] = extractCitations(text);
    expect(citation && text.slice(citation.start, citation.end)).toBe(
      "《刑法》第二百三十四条第一款、第六十七条第三款",
    );
    expect(citation?.articles.map((a) => text.slice(a.start, a.end))).toEqual([
      "第二百三十四条第一款",
      "第六十七条第三款",
    ]);
    expect(citation && text.slice(citation.titleStart, citation.titleEnd)).toBe("《刑法》");
  });

  it("accepts names added by the caller without brackets", () => {
    expect(extractCitations("依照电子签名法第十四条", { bareTitles: ["电子签名法"] }).map(compact)).toEqual([
      "电子签名法 | 14",
    ]);
  });

  it("leaves out bare mentions when asked to", () => {
    expect(extractCitations("根据《中华人民共和国合同法》的规定", { includeTitleOnly: false })).toEqual([]);
  });
});
