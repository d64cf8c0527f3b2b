import { describe, expect, it } from "vitest";
import {
  bracketedTitles,
  commencementDates,
  deriveEffectiveFrom,
  groupLawWorks,
  isAmendedVersion,
  parseChineseDate,
  parseRepealClauses,
  versionInForce,
  versionsOfYear,
} from "./law-history.rules";
import type { LawDocument } from "./laws.types";

describe("dates", () => {
  it.each([
    ["2021年1月1日 施行", "2021-01-01"],
    ["2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议", "2023-09-01"],
    ["２０２４年７月１日", "2024-07-01"],
    ["2021年2月30日", null],
    ["公布之日", null],
  ])("reads %s", (text, date) => {
    expect(parseChineseDate(text)).toBe(date);
  });

  it("finds commencement clauses in a text", () => {
    expect(commencementDates("本法自2024年7月1日起施行。本法施行前已登记设立的公司……")).toEqual([
      "2024-07-01",
    ]);
    expect(commencementDates("该修正自2021年4月15日施行")).toEqual(["2021-04-15"]);
  });
});

describe("deriveEffectiveFrom", () => {
  const base = { title: "某法", versionDate: null, history: [], body: "" };
  it.each([
    [
      "a known amendment date",
      { ...base, title: "中华人民共和国民事诉讼法", versionDate: "2023-09-01" },
      "2024-01-01",
      "curated",
    ],
    [
      "a history line",
      { ...base, history: ["2020年5月28日 通过", "2021年1月1日 施行"] },
      "2021-01-01",
      "history",
    ],
    [
      "the commencement article",
      { ...base, body: "第一条 …\n第二条 本法自1997年10月1日起施行。" },
      "1997-10-01",
      "text",
    ],
    [
      "the version date when the text only states the original commencement",
      { ...base, versionDate: "2018-10-26", body: "本法自1980年1月1日起施行。" },
      "2018-10-26",
      "version_date",
    ],
    [
      "the version date over an older history line",
      { ...base, versionDate: "2021-04-29", history: ["2015年9月1日 施行"] },
      "2021-04-29",
      "version_date",
    ],
    ["nothing when nothing is stated", base, null, null],
  ])("takes %s", (_label, input, effectiveFrom, source) => {
    expect(deriveEffectiveFrom(input)).toEqual({ effectiveFrom, source });
  });
});

describe("history of amendments", () => {
  it.each([
    [["2020年5月28日 第十三届全国人民代表大会第三次会议通过", "2021年1月1日 施行"], false],
    [["1991年4月9日 通过", "2007年10月28日 …《关于修改〈中华人民共和国民事诉讼法〉的决定》第一次修正"], true],
    [
      [
        "2003年12月4日 最高人民法院审判委员会第1299次会议通过",
        "2020年12月23日 最高人民法院审判委员会第1823次会议通过",
      ],
      true,
    ],
    [["1990年1月1日 国务院批准", "1990年2月1日 国务院发布"], false],
  ])("tells whether %j shows earlier texts (%s)", (history, amended) => {
    expect(isAmendedVersion(history)).toBe(amended);
  });
});

describe("repeal clauses", () => {
  it("reads the nine laws the Civil Code repealed and the date", () => {
    const text =
      "本法自2021年1月1日起施行。《中华人民共和国婚姻法》、《中华人民共和国继承法》、《中华人民共和国民法通则》、《中华人民共和国收养法》、《中华人民共和国担保法》、《中华人民共和国合同法》、《中华人民共和国物权法》、《中华人民共和国侵权责任法》、《中华人民共和国民法总则》同时废止。";
    const [clause, ...rest] = parseRepealClauses(text);
    expect(rest).toHaveLength(0);
    expect(clause?.date).toBe("2021-01-01");
    expect(clause?.titles.map((t) => t.title)).toContain("中华人民共和国合同法");
    expect(clause?.titles).toHaveLength(9);
  });

  it("keeps the issuer written before the brackets and has no date when none is stated", () => {
    const [clause] = parseRepealClauses(
      "本解释发布实施后，最高人民法院《关于审理盗窃案件具体应用法律若干问题的解释》（法释〔1998〕4号）同时废止；之前发布的司法解释与本解释不一致的，以本解释为准。",
    );
    expect(clause).toEqual({
      titles: [{ title: "关于审理盗窃案件具体应用法律若干问题的解释", issuer: "最高人民法院" }],
      date: null,
    });
  });

  it("ignores titles in other sentences", () => {
    expect(
      parseRepealClauses("依照《中华人民共和国刑法》第六十七条处理。本规定自2020年1月1日起施行。"),
    ).toEqual([]);
  });

  it("keeps nested brackets inside one title", () => {
    expect(
      bracketedTitles("依照《最高人民法院关于适用《中华人民共和国民事诉讼法》的解释》第九十条").map(
        (t) => t.title,
      ),
    ).toEqual(["最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"]);
  });
});

function doc(overrides: Partial<LawDocument> & Pick<LawDocument, "id" | "path">): LawDocument {
  return {
    category: "诉讼与非诉讼程序法",
    title: "中华人民共和国民事诉讼法",
    titleKey: "民事诉讼法",
    shortTitle: "民事诉讼法",
    subtitle: null,
    versionDate: null,
    isLatestVersion: true,
    effectiveFrom: null,
    effectiveFromSource: null,
    history: [],
    articleCount: 1,
    ...overrides,
  };
}

describe("versions", () => {
  const documents = [
    doc({
      id: "law-000000000023",
      path: "a/民事诉讼法(2023-09-01).md",
      versionDate: "2023-09-01",
      effectiveFrom: "2024-01-01",
    }),
    doc({
      id: "law-000000000021",
      path: "a/民事诉讼法(2021-12-24).md",
      versionDate: "2021-12-24",
      effectiveFrom: "2022-01-01",
      isLatestVersion: false,
    }),
    doc({
      id: "law-0000000000c1",
      path: "民法典/总则.md",
      title: "中华人民共和国民法典",
      titleKey: "民法典",
      subtitle: "总则",
      effectiveFrom: "2021-01-01",
    }),
    // A part whose own history omits the commencement line still belongs to the same version.
    doc({
      id: "law-0000000000c5",
      path: "民法典/婚姻家庭编.md",
      title: "中华人民共和国民法典",
      titleKey: "民法典",
      subtitle: "婚姻家庭编",
    }),
    doc({
      id: "law-0000000000d1",
      path: "经济法/广告法(2021-04-29).md",
      title: "中华人民共和国广告法",
      titleKey: "广告法",
      versionDate: "2021-04-29",
      effectiveFrom: "2021-04-29",
    }),
    doc({
      id: "law-0000000000d2",
      path: "行政法/广告法(2021-04-29).md",
      title: "中华人民共和国广告法",
      titleKey: "广告法",
      versionDate: "2021-04-29",
      effectiveFrom: "2021-04-29",
    }),
  ];
  const works = groupLawWorks(documents);
  const work = (key: string) => works.find((w) => w.titleKey === key);

  it("orders versions oldest first and picks the one in force on a date", () => {
    const civilProcedure = work("民事诉讼法");
    expect(civilProcedure?.versions.map((v) => v.versionDate)).toEqual(["2021-12-24", "2023-09-01"]);
    expect(civilProcedure && versionInForce(civilProcedure, "2023-12-31")?.versionDate).toBe("2021-12-24");
    expect(civilProcedure && versionInForce(civilProcedure, "2024-01-01")?.versionDate).toBe("2023-09-01");
    expect(civilProcedure && versionInForce(civilProcedure, "2021-06-01")).toBeNull();
    expect(civilProcedure && versionsOfYear(civilProcedure, 2021).map((v) => v.versionDate)).toEqual([
      "2021-12-24",
    ]);
  });

  it("keeps the parts of a split law in one version dated by any part", () => {
    const civilCode = work("民法典");
    expect(civilCode?.versions).toHaveLength(1);
    expect(civilCode?.versions[0]?.documents.map((d) => d.subtitle)).toEqual(["婚姻家庭编", "总则"]);
    expect(civilCode?.versions[0]?.effectiveFrom).toBe("2021-01-01");
  });

  it("drops the copy of a text filed under a second category", () => {
    expect(work("广告法")?.versions[0]?.documents.map((d) => d.id)).toEqual(["law-0000000000d1"]);
  });
});
