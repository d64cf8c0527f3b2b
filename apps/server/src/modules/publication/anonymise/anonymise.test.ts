import { describe, expect, it } from "vitest";
import { anonymiseJudgment, tokensFor } from "./anonymise";
import { isProtected, namedPersons } from "./names";
import { findPersonalData } from "./personal-data";
import { surnameOf } from "./surnames";

// 最高人民法院关于人民法院在互联网公布裁判文书的规定 (法释〔2016〕19号) 第八条 to 第十一条, vector by vector.

const civil =
  "杭州互联网法院民事判决书（2026）浙0192民初1号原告张三，男，1990年3月7日出生，汉族，住浙江省杭州市西湖区文三路1号，" +
  "身份证号码330106199003071234，联系电话13800001111。委托诉讼代理人李四，浙江某某律师事务所律师。" +
  "被告杭州寅卯电子商务有限公司，住所地浙江省杭州市余杭区五常街道9号。法定代表人周九，总经理。" +
  "原告张三向本院提出诉讼请求：判令被告退还货款5000元。原告通过其中国工商银行账号6222021202001234567付款，" +
  "货物由浙A12345号车辆运送。审判员王五，书记员赵六。";

describe("anonymiseJudgment: a civil case", () => {
  const { text, changes } = anonymiseJudgment(civil);
  it("keeps the parties' names, birth date, sex and county, and the court's and lawyers' names (第十一条)", () => {
    for (const kept of [
      "原告张三",
      "1990年3月7日",
      "住浙江省杭州市西湖区",
      "李四",
      "杭州寅卯电子商务有限公司",
      "周九",
      "审判员王五",
      "书记员赵六",
    ])
      expect(text).toContain(kept);
    expect(text).toContain("住所地浙江省杭州市余杭区五常街道9号");
  });
  it("deletes the home address beyond the county, the ID number, the phone, the account and the plate (第十条)", () => {
    for (const gone of ["文三路1号", "330106199003071234", "13800001111", "6222021202001234567", "浙A12345"])
      expect(text).not.toContain(gone);
    expect(changes.map((c) => c.kind).sort()).toEqual(
      ["address", "bank_account", "id_number", "phone", "plate_number"].sort(),
    );
    expect(text).toContain("身份证号码×××");
  });
  it("reports each change at its place in the original", () => {
    for (const change of changes) expect(civil.slice(change.start, change.end)).toBe(change.original);
  });
});

describe("anonymiseJudgment: a family case (第八条第一项)", () => {
  const divorce =
    "离婚纠纷一审民事判决书原告王丽，女，1988年5月1日出生，住上海市浦东新区张江路88弄3号。被告陈强，男，1986年2月2日出生。" +
    "原告王丽与被告陈强于2012年登记结婚，婚后生育一子陈小明（未成年人）。审判员孙七。";
  const { text } = anonymiseJudgment(divorce);
  it("hides both parties and the child by surname + 某, consistently", () => {
    expect(text).not.toMatch(/王丽|陈强|陈小明/);
    expect(text).toContain("原告王某");
    expect(text.match(/王某/g)).toHaveLength(2);
    // 陈强 and 陈小明 would both be 陈某: numbered apart (第九条第二款).
    expect(text).toContain("被告陈某1");
    expect(text).toContain("一子陈某2");
    expect(text).toContain("审判员孙七");
  });
});

describe("anonymiseJudgment: a criminal case (第八条第二项)", () => {
  const criminal =
    "刑事判决书（2016）晋0825刑初17号公诉机关新绛县人民检察院。被告人李会民，男，1970年1月13日出生，住新绛县龙兴镇顺城后街92号。" +
    "辩护人张律，山西某律师事务所律师。被害人刘家宏、陈中元系湖北某公司员工。证人周秋月证实，刘家宏曾付款。" +
    "上述事实，有被害人陈述、证人证言等证据证实。检察员吴敏出庭支持公诉。审判长郑义。";
  const { text } = anonymiseJudgment(criminal);
  it("hides victims and witnesses everywhere, named in a list or later alone", () => {
    expect(text).not.toMatch(/刘家宏|陈中元|周秋月/);
    expect(text).toContain("被害人刘某、陈某系");
    expect(text).toContain("证人周某证实，刘某曾付款");
  });
  it("keeps the defendant, the defence lawyer, the prosecutor and the judge, and words like 被害人陈述", () => {
    for (const kept of ["被告人李会民", "张律", "检察员吴敏", "审判长郑义", "被害人陈述", "证人证言"])
      expect(text).toContain(kept);
    expect(text).toContain("住新绛县");
    expect(text).not.toContain("龙兴镇");
  });
  it("hides a minor identified by birth date (第八条第三项)", () => {
    const minor = anonymiseJudgment(
      "（2020）浙0102刑初5号被告人赵小龙，男，2005年4月1日出生。被告人赵小龙到庭。",
    );
    expect(minor.text).not.toContain("赵小龙");
    expect(minor.text).toContain("被告人赵某，男，2005年4月1日出生");
  });
  it("follows the reviewer: a name undone stays, a name added goes", () => {
    const reviewed = anonymiseJudgment(criminal, { keep: ["周秋月"], alsoHide: ["李会民"] });
    expect(reviewed.text).toContain("周秋月");
    expect(reviewed.text).not.toContain("李会民");
  });
});

describe("personal data", () => {
  it("finds certificates of title and landlines, and leaves amounts, dates and case numbers", () => {
    const text =
      "房屋登记于浙（2020）杭州市不动产权第0123456号证书，另有杭房权证西移字第12345678号；电话0571-87654321。" +
      "借款200000元，2020年1月1日，（2020）浙0192民初123号，订单号202001011234567890。";
    const kinds = findPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
    expect(kinds).toEqual([
      ["certificate_number", "浙（2020）杭州市不动产权第0123456号"],
      ["certificate_number", "杭房权证西移字第12345678号"],
      ["phone", "0571-87654321"],
    ]);
  });
  it("does not take 住院 or 住在一楼 for an address", () => {
    expect(findPersonalData("被害人经住院治疗，其住在一楼的房间。")).toEqual([]);
  });
});

describe("names", () => {
  it("keeps compound surnames", () => {
    expect(surnameOf("欧阳娜娜")).toBe("欧阳");
    expect(surnameOf("王五")).toBe("王");
    expect(surnameOf("述言")).toBeNull();
  });
  it("numbers tokens the text already uses for someone else", () => {
    expect(tokensFor(["刘芳"], "被告人刘某，证人刘芳")).toEqual(new Map([["刘芳", "刘某1"]]));
    expect(tokensFor(["刘芳"], "被告人刘某某，证人刘芳")).toEqual(new Map([["刘芳", "刘某"]]));
  });
});

describe("names the evidence list and the parties' roles give (第八条第二项)", () => {
  const hidden = (text: string) =>
    namedPersons(text).filter((p) => isProtected(p, { familyCase: false, minors: new Set() }));
  it.each([
    [
      "a numbered statement with a note and a date",
      "证人证言1.肖胜奎（重庆市人）2014年12月25日10时30分的询问笔录，主要内容",
      ["肖胜奎"],
    ],
    [
      "a bracketed list item",
      "2、证人证言：（1）许某某证言；（2）张应光证言；（3）刘艳证言。",
      ["张应光", "刘艳"],
    ],
    [
      "询问 with a description before the names",
      "25、询问教儿埝村村民郭润海、陈林、笔录证实：",
      ["郭润海", "陈林"],
    ],
    ["询问 with 的", "16、询问赵和平的笔录证实：我是会计。", ["赵和平"]],
    ["a list past names the court masked", "有证人王某某、朱某某、齐世伶、李某某等人的证言", ["齐世伶"]],
    [
      "clause subjects of a witnesses' item",
      "20、证人吴应南、朱云庆是法院工作人员，詹洁涛是检察院科长，三人的证言证实",
      ["吴应南", "朱云庆", "詹洁涛"],
    ],
    [
      "a private prosecutor, who is the victim",
      "自诉人张艳霞以被告人张超犯拒不执行判决罪提起自诉。张艳霞，女",
      ["张艳霞"],
    ],
    [
      "a numeral or 向 inside a name",
      "证人高一峰的证言；证人徐向东等人的证言；被害人律九州商议，律九州，男",
      ["高一峰", "徐向东", "律九州"],
    ],
  ])("%s", (_, text, names) => {
    expect(hidden(text).map((p) => p.name)).toEqual(names);
  });
  it("takes 王斌 in 被害人王斌存在过错, not 王斌存", () => {
    expect(hidden("本案被害人王斌存在过错。").map((p) => p.name)).toEqual(["王斌"]);
  });
  it("hides a clerk of another proceeding who testifies, and keeps a defendant named as a past victim", () => {
    const text =
      "执行庭书记员朱云庆在场。20、证人吴应南、朱云庆是法院工作人员，二人的证言证实。被告人赵德明到庭。被害人赵德明曾报警。";
    const roles = new Map(namedPersons(text).map((p) => [p.name, p.role]));
    expect(roles.get("朱云庆")).toBe("witness");
    expect(roles.get("赵德明")).toBe("defendant");
  });
  it("does not read 原审被告人 after a list as a name", () => {
    expect(hidden("附带民事诉讼原告人刘某1、原审被告人林文兵对附带民事部分").map((p) => p.name)).toEqual([]);
  });
});

describe("personal data in the facts (第十条)", () => {
  const found = (text: string) => findPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
  it.each([
    [
      "a home after 居住的",
      "被告人付应成在其居住的三台县西平镇中新街97号家中提供冰毒",
      [["address", "西平镇中新街97号"]],
    ],
    [
      "a home with its owner between",
      "在廊坊市广阳区白家务乡北王力村金某家门口发生口角",
      [["address", "白家务乡北王力村"]],
    ],
    [
      "a rented flat",
      "被告人李晓青在吉州区桃源盛景小区1栋902室其租住房内",
      [["address", "桃源盛景小区1栋902室"]],
    ],
    [
      "a home by the verb before it",
      "在其租住的本市城区北岭坡气象局小区房间内被抓获",
      [["address", "北岭坡气象局小区"]],
    ],
    ["a flat by building and room", "到达市府南一巷7栋103室附近", [["address", "市府南一巷7栋103室"]]],
    [
      "an address in brackets after 住",
      "证人陈某某（住合阳县西新街华凡小区，在交管站工作）",
      [["address", "西新街华凡小区"]],
    ],
    [
      "an account named by its bank and the word after it",
      "汇入中国银行侯马支行147959266055账户",
      [["bank_account", "147959266055"]],
    ],
    [
      "an identity number with a full-width check character",
      "居民身份证号码14272619581213001Ｘ，汉族",
      [["id_number", "14272619581213001Ｘ"]],
    ],
    [
      "a certificate number before its name",
      "镇政林证字（2009）第2801001282号林权证",
      [["certificate_number", "镇政林证字（2009）第2801001282号"]],
    ],
  ])("%s", (_, text, spans) => {
    expect(found(text)).toEqual(spans);
  });
  it("deletes a home address wherever it recurs", () => {
    const text =
      "在新安县磁涧镇礼河村十三组，发现罂粟。其位于新安县磁涧镇礼河村十三组老宅旁的土地上种植罂粟。";
    expect(found(text)).toEqual([
      ["address", "磁涧镇礼河村十三组"],
      ["address", "磁涧镇礼河村十三组"],
    ]);
  });
  it.each([
    ["a street that is not a home", "在文化中路二街对面路边，看见被害人"],
    ["a number that is not a room", "在被告人居住的房间内查获编号为201605-79-1的毒品"],
    ["an old house that is nobody's home", "来到遂川县巾石乡圩镇一老房子处"],
    ["a village and a dealer's cut", "之后我们来到那村。抽水规则是当庄家抽100元"],
  ])("leaves %s", (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
