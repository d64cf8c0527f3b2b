import { describe, expect, it } from "vitest";
import {
  extractComplaint,
  findAmounts,
  findDates,
  foldWidth,
  type ComplaintExtraction,
  type Extracted,
} from "./extraction.rules";

const NOW = new Date("2026-03-06T02:00:00Z");

// Four complaints written for these tests; names, companies and numbers are invented (the identity
// numbers carry valid check characters unless a test says otherwise).

const ONLINE_SHOPPING = `民事起诉状

原告：张敏，女，1990年3月7日出生，汉族，住浙江省杭州市西湖区文三路100号，公民身份号码：330106199003070428，联系电话：138-1234-5678。
被告一：杭州某某电子商务有限公司，住所地浙江省杭州市余杭区文一西路969号，统一社会信用代码：91330110MA2H4K7N5A。
法定代表人：王强，执行董事。
被告二：浙江某某网络有限公司，住所地浙江省杭州市滨江区网商路699号，统一社会信用代码：91330100MA2B0QX44P。
法定代表人：赵丽，总经理。

诉讼请求：
1. 判令被告一退还货款人民币5,000元；
2. 判令被告一支付三倍赔偿金15,000元；
3. 判令被告二对上述款项承担连带责任；
4. 本案诉讼费用由两被告承担。

事实与理由：
2025年11月11日，原告通过被告二经营的电子商务平台向被告一购买“某品牌”手机一部，支付货款5,000元。收货后经鉴定为翻新机，与被告一宣传的“全新正品”不符。被告一的行为构成欺诈，依照《中华人民共和国消费者权益保护法》第五十五条，应当退还货款并支付三倍赔偿。被告二未尽平台审核义务，应承担连带责任。

证据和证据来源，证人姓名和住所：
1. 订单详情截图，来源于电子商务平台，证明买卖合同关系；
2. 支付记录，证明原告已支付货款5,000元；
3. 鉴定报告，证明涉案手机系翻新机。

此致
杭州互联网法院

具状人：张敏
2026年3月5日
`;

const PRIVATE_LOAN = `民事起诉状
原告：李建国，男，1975年6月15日出生，汉族，住浙江省杭州市上城区解放路18号，身份证号码：330102197506150011，电话：13905710001。
委托诉讼代理人：陈晓，浙江某某律师事务所律师，联系电话：13700000002。
被告：王小红，女，汉族，1988年12月8日生，住广东省广州市天河区天河路385号，公民身份号码：440106198812080029，手机：18612345678。
诉讼请求：
一、判令被告归还借款本金人民币伍万元整（￥50,000.00元）；
二、判令被告支付利息（以50,000元为基数，按照一年期贷款市场报价利率的四倍，自2025年1月1日起计算至实际清偿之日止）；
三、本案诉讼费用由被告负担。
事实与理由：
被告因资金周转需要，于2024年12月31日向原告借款五万元，约定于2025年6月30日前归还。原告当日通过银行转账交付借款。借款到期后，经原告多次催要，被告至今未还。
证据清单：
证据1：借条一份，证明借款事实；
证据2：银行转账凭证，证明原告已交付借款。
此致
杭州市上城区人民法院
起诉人：李建国
二〇二六年三月五日
`;

const COPYRIGHT = `民事起诉状

原告：北京某某文化传媒有限公司
统一社会信用代码：91110108MA01C8D24U
住所：北京市海淀区中关村大街1号
法定代表人：刘洋，职务：董事长
委托诉讼代理人：孙磊，北京某某律师事务所律师
委托诉讼代理人：周婷，北京某某律师事务所实习律师
被告：广州某某网络科技有限公司，住所地广东省广州市天河区珠江新城华夏路10号，统一社会信用代码：91440101MA59RT3K37，法定代表人：何军。

诉讼请求：
1、判令被告立即停止通过其运营的“某某视频”应用程序传播原告享有信息网络传播权的影视作品《山海之间》；
2、判令被告赔偿原告经济损失五万元；
3、判令被告赔偿原告为制止侵权行为所支付的合理开支3000元；
4、判令被告承担本案全部诉讼费用。

事实和理由：
原告经著作权人授权，独占享有影视作品《山海之间》的信息网络传播权，授权期限自2024-01-01至2028-12-31。2025-08-20，原告发现被告在其运营的“某某视频”应用程序中向公众提供该作品的在线播放服务。被告未经许可提供涉案作品，侵害了原告的信息网络传播权，依照《中华人民共和国著作权法》第十条、第五十四条，应当承担赔偿责任。

证据：
1. 授权书及著作权登记证书；
2. 可信时间戳取证报告（区块链存证编号：abc123）；
3. 合理开支票据。

此致
北京互联网法院
具状人：北京某某文化传媒有限公司
2026-03-05
`;

// An organisation plaintiff (a bank branch), full-width digits, and a third party whose ID number
// has a wrong check digit.
const BANK_LOAN = `民事起诉状
原告：中国某某银行股份有限公司广州天河支行，住所地广东省广州市天河区体育西路191号，统一社会信用代码：91440101MA59RT3K37。
负责人：黄志明，行长。
被告：赵伟，男，１９９２年２月２０日出生，汉族，住北京市海淀区学院路３０号，公民身份号码：１１０１０８１９９２０２２０００３９，联系电话：０１０－６２３４５６７８。
第三人：钱芳，女，汉族，公民身份号码：110105200101010014，住北京市朝阳区建国路88号。
诉讼请求：
（1）判令被告偿还借款本金壹拾贰万叁仟肆佰伍拾陆元柒角捌分；
（2）判令被告支付自2025年7月1日起至2026年2月28日止的利息，按年利率5.6%计算，暂计至起诉之日为4,321.09元；
（3）判令被告支付违约金1.2万元；
（4）判令第三人在抵押物价值范围内承担担保责任。
事实与理由：
2025年1月1日，原告与被告通过原告手机银行在线签订《个人消费贷款合同》，约定……被告自2025年7月起未按期还款。
证据目录：
1．个人消费贷款合同（电子版）；
2．放款及还款流水。
此致
广州互联网法院
具状人：中国某某银行股份有限公司广州天河支行
2026年3月5日
`;

/** The value of a field and the exact text its span points at. */
function read<T>(
  text: string,
  extracted: Extracted<T> | null | undefined,
): { value: T; source: string } | null {
  if (!extracted) return null;
  return { value: extracted.value, source: text.slice(extracted.span.start, extracted.span.end) };
}

function expectConfident(extraction: ComplaintExtraction): void {
  for (const party of extraction.parties) {
    for (const value of Object.values(party)) {
      if (value && typeof value === "object" && "confidence" in value) {
        const { confidence } = value as Extracted<unknown>;
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    }
  }
}

describe("extractComplaint — online shopping complaint", () => {
  const result = extractComplaint(ONLINE_SHOPPING, NOW);
  const text = ONLINE_SHOPPING;

  it("reads the natural-person plaintiff", () => {
    const p = result.parties[0]!;
    expect(p.role).toBe("plaintiff");
    expect(p.label).toBe("原告");
    expect(read(text, p.kind)?.value).toBe("natural_person");
    expect(read(text, p.name)).toEqual({ value: "张敏", source: "张敏" });
    expect(read(text, p.sex)).toEqual({ value: "female", source: "女" });
    expect(read(text, p.ethnicity)).toEqual({ value: "汉族", source: "汉族" });
    expect(read(text, p.birthDate)).toEqual({ value: "1990-03-07", source: "1990年3月7日" });
    expect(read(text, p.idNumber)).toEqual({ value: "330106199003070428", source: "330106199003070428" });
    expect(read(text, p.phone)).toEqual({ value: "13812345678", source: "138-1234-5678" });
    expect(read(text, p.address)).toEqual({
      value: "浙江省杭州市西湖区文三路100号",
      source: "浙江省杭州市西湖区文三路100号",
    });
    expect(p.creditCode).toBeNull();
    expect(p.legalRepresentative).toBeNull();
  });

  it("reads both company defendants with their legal representatives", () => {
    const [, first, second] = result.parties;
    expect(result.parties.map((p) => [p.role, p.label])).toEqual([
      ["plaintiff", "原告"],
      ["defendant", "被告一"],
      ["defendant", "被告二"],
    ]);
    expect(read(text, first!.name)?.value).toBe("杭州某某电子商务有限公司");
    expect(first!.kind.value).toBe("legal_person");
    expect(read(text, first!.creditCode)).toEqual({
      value: "91330110MA2H4K7N5A",
      source: "91330110MA2H4K7N5A",
    });
    expect(read(text, first!.address)?.value).toBe("浙江省杭州市余杭区文一西路969号");
    expect(first!.legalRepresentative?.value).toEqual({
      name: "王强",
      title: "执行董事",
      role: "legal_representative",
    });
    expect(second!.legalRepresentative?.value).toEqual({
      name: "赵丽",
      title: "总经理",
      role: "legal_representative",
    });
    expect(first!.sex).toBeNull();
    expect(first!.idNumber).toBeNull();
    expect(result.agents).toEqual([]);
  });

  it("reads the numbered claims with their amounts", () => {
    expect(result.claims.map((c) => [c.index, c.text, c.amountFen])).toEqual([
      [1, "判令被告一退还货款人民币5,000元", 500_000],
      [2, "判令被告一支付三倍赔偿金15,000元", 1_500_000],
      [3, "判令被告二对上述款项承担连带责任", null],
      [4, "本案诉讼费用由两被告承担", null],
    ]);
    expect(result.claims[0]!.amounts).toEqual([
      expect.objectContaining({ fen: 500_000, form: "arabic", raw: "人民币5,000元", role: "claimed" }),
    ]);
    expect(result.claimsTotalFen).toBe(2_000_000);
    for (const claim of result.claims) expect(text.slice(claim.span.start, claim.span.end)).toBe(claim.text);
  });

  it("reads the facts, evidence, court and dates", () => {
    expect(result.factsAndReasons?.value).toMatch(/^2025年11月11日，原告通过被告二经营的电子商务平台/);
    expect(result.factsAndReasons?.value).toMatch(/应承担连带责任。$/);
    expect(result.evidence.map((e) => e.value)).toEqual([
      "订单详情截图，来源于电子商务平台，证明买卖合同关系",
      "支付记录，证明原告已支付货款5,000元",
      "鉴定报告，证明涉案手机系翻新机",
    ]);
    expect(read(text, result.court)).toEqual({ value: "杭州互联网法院", source: "杭州互联网法院" });
    expect(read(text, result.filingDate)).toEqual({ value: "2026-03-05", source: "2026年3月5日" });
    expect(result.dates.map((d) => d.value)).toEqual(["1990-03-07", "2025-11-11", "2026-03-05"]);
    expect(result.issues).toEqual([]);
    expectConfident(result);
  });
});

describe("extractComplaint — private loan complaint", () => {
  const result = extractComplaint(PRIVATE_LOAN, NOW);
  const text = PRIVATE_LOAN;

  it("reads both natural persons", () => {
    const [plaintiff, defendant] = result.parties;
    expect(plaintiff).toMatchObject({ role: "plaintiff", kind: { value: "natural_person" } });
    expect(read(text, plaintiff!.name)?.value).toBe("李建国");
    expect(plaintiff!.sex?.value).toBe("male");
    expect(read(text, plaintiff!.birthDate)?.value).toBe("1975-06-15");
    expect(plaintiff!.idNumber?.value).toBe("330102197506150011");
    expect(plaintiff!.phone?.value).toBe("13905710001");
    expect(plaintiff!.address?.value).toBe("浙江省杭州市上城区解放路18号");
    expect(defendant).toMatchObject({ role: "defendant", kind: { value: "natural_person" } });
    expect(read(text, defendant!.name)?.value).toBe("王小红");
    expect(defendant!.sex?.value).toBe("female");
    expect(read(text, defendant!.birthDate)).toEqual({ value: "1988-12-08", source: "1988年12月8日" });
    expect(defendant!.ethnicity?.value).toBe("汉族");
    expect(defendant!.idNumber?.value).toBe("440106198812080029");
    expect(read(text, defendant!.phone)).toEqual({ value: "18612345678", source: "18612345678" });
    expect(defendant!.address?.value).toBe("广东省广州市天河区天河路385号");
  });

  it("attaches the lawyer to the plaintiff", () => {
    expect(result.agents).toHaveLength(1);
    const agent = result.agents[0]!;
    expect(agent.partyIndex).toBe(0);
    expect(agent.kind.value).toBe("lawyer");
    expect(read(text, agent.name)?.value).toBe("陈晓");
    expect(read(text, agent.lawFirm)).toEqual({ value: "浙江某某律师事务所", source: "浙江某某律师事务所" });
    expect(agent.phone?.value).toBe("13700000002");
  });

  it("reads an upper-case amount once although it is restated in figures", () => {
    const claim = result.claims[0]!;
    expect(claim.amounts.map((a) => [a.raw, a.fen, a.form, a.role])).toEqual([
      ["人民币伍万元整", 5_000_000, "chinese_upper", "claimed"],
      ["￥50,000.00元", 5_000_000, "arabic", "restatement"],
    ]);
    expect(claim.amountFen).toBe(5_000_000);
  });

  it("reads the interest clause without counting its base", () => {
    const claim = result.claims[1]!;
    expect(claim.amountFen).toBeNull();
    expect(claim.amounts.map((a) => a.role)).toEqual(["interest_base"]);
    expect(claim.interest).toMatchObject({
      baseFen: 5_000_000,
      rate: { kind: "lpr_multiple", value: 4 },
      from: "2025-01-01",
      until: "actual_payment",
    });
    expect(result.claims.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(result.claimsTotalFen).toBe(5_000_000);
  });

  it("reads the evidence list, the court and a date in Chinese numerals", () => {
    expect(result.evidence.map((e) => e.value)).toEqual([
      "借条一份，证明借款事实",
      "银行转账凭证，证明原告已交付借款",
    ]);
    expect(result.court?.value).toBe("杭州市上城区人民法院");
    expect(read(text, result.filingDate)).toEqual({ value: "2026-03-05", source: "二〇二六年三月五日" });
    expect(result.dates.map((d) => [d.value, d.form])).toContainEqual(["2026-03-05", "chinese_numerals"]);
    expect(result.factsAndReasons?.value).toContain("借款五万元");
    expect(result.issues).toEqual([]);
  });
});

describe("extractComplaint — copyright complaint by a company", () => {
  const result = extractComplaint(COPYRIGHT, NOW);
  const text = COPYRIGHT;

  it("reads the company plaintiff from separate lines", () => {
    const p = result.parties[0]!;
    expect(p.kind).toMatchObject({ value: "legal_person" });
    expect(p.kind.confidence).toBeGreaterThanOrEqual(0.9);
    expect(read(text, p.name)?.value).toBe("北京某某文化传媒有限公司");
    expect(read(text, p.creditCode)?.value).toBe("91110108MA01C8D24U");
    expect(read(text, p.address)?.value).toBe("北京市海淀区中关村大街1号");
    expect(p.legalRepresentative?.value).toEqual({
      name: "刘洋",
      title: "董事长",
      role: "legal_representative",
    });
    expect(p.phone).toBeNull();
  });

  it("reads the defendant's details written on one line", () => {
    const d = result.parties[1]!;
    expect(d.role).toBe("defendant");
    expect(read(text, d.name)?.value).toBe("广州某某网络科技有限公司");
    expect(d.creditCode?.value).toBe("91440101MA59RT3K37");
    expect(d.address?.value).toBe("广东省广州市天河区珠江新城华夏路10号");
    expect(d.legalRepresentative?.value).toEqual({ name: "何军", title: null, role: "legal_representative" });
  });

  it("reads a lawyer and a trainee lawyer for the plaintiff", () => {
    expect(result.agents.map((a) => [a.partyIndex, a.name?.value, a.kind.value, a.lawFirm?.value])).toEqual([
      [0, "孙磊", "lawyer", "北京某某律师事务所"],
      [0, "周婷", "trainee_lawyer", "北京某某律师事务所"],
    ]);
  });

  it("reads lower-case and plain amounts and a claim without one", () => {
    expect(result.claims.map((c) => c.amountFen)).toEqual([null, 5_000_000, 300_000, null]);
    expect(result.claims[1]!.amounts[0]).toMatchObject({ raw: "五万元", form: "chinese_lower" });
    expect(result.claimsTotalFen).toBe(5_300_000);
    expect(result.claims[0]!.interest).toBeNull();
  });

  it("reads ISO dates, the evidence, the facts and the court", () => {
    expect(result.dates.map((d) => d.value)).toEqual([
      "2024-01-01",
      "2028-12-31",
      "2025-08-20",
      "2026-03-05",
    ]);
    expect(result.filingDate?.value).toBe("2026-03-05");
    expect(result.evidence).toHaveLength(3);
    expect(result.evidence[1]!.value).toBe("可信时间戳取证报告（区块链存证编号：abc123）");
    expect(result.factsAndReasons?.value).toMatch(/^原告经著作权人授权/);
    expect(result.court?.value).toBe("北京互联网法院");
    expect(result.issues).toEqual([]);
  });
});

describe("extractComplaint — bank branch plaintiff", () => {
  const result = extractComplaint(BANK_LOAN, NOW);
  const text = BANK_LOAN;

  it("classifies a branch as an other organisation with a person in charge", () => {
    const p = result.parties[0]!;
    expect(p.kind.value).toBe("other_organisation");
    expect(p.name?.value).toBe("中国某某银行股份有限公司广州天河支行");
    expect(p.creditCode?.value).toBe("91440101MA59RT3K37");
    expect(p.legalRepresentative?.value).toEqual({ name: "黄志明", title: "行长", role: "person_in_charge" });
    expect(p.address?.value).toBe("广东省广州市天河区体育西路191号");
  });

  it("reads full-width digits and a landline", () => {
    const d = result.parties[1]!;
    expect(read(text, d.birthDate)).toEqual({ value: "1992-02-20", source: "１９９２年２月２０日" });
    expect(read(text, d.idNumber)).toEqual({
      value: "110108199202200039",
      source: "１１０１０８１９９２０２２０００３９",
    });
    expect(d.sex?.value).toBe("male");
    expect(d.phone).toMatchObject({ value: "01062345678", confidence: 0.8 });
    expect(d.address?.value).toBe("北京市海淀区学院路３０号");
  });

  it("keeps an ID number that fails its check and reports it", () => {
    const third = result.parties[2]!;
    expect(third.role).toBe("third_party");
    expect(third.kind.value).toBe("natural_person");
    expect(third.idNumber).toMatchObject({ value: "110105200101010014", issue: "check_digit_mismatch" });
    expect(third.idNumber!.confidence).toBeLessThan(0.5);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "invalid_id_number",
        path: "parties[2].idNumber",
        detail: "check_digit_mismatch",
      }),
    ]);
  });

  it("reads jiao and fen, a fixed-rate interest claim and 万元", () => {
    expect(result.claims.map((c) => c.amountFen)).toEqual([12_345_678, 432_109, 1_200_000, null]);
    expect(result.claims[1]!.interest).toMatchObject({
      rate: { kind: "annual", value: 5.6 },
      from: "2025-07-01",
      until: "2026-02-28",
      baseFen: null,
    });
    expect(result.claims[2]!.amounts[0]).toMatchObject({ raw: "1.2万元", form: "arabic_wan" });
    expect(result.claimsTotalFen).toBe(13_977_787);
  });

  it("reads the court and the evidence list numbered with full-width points", () => {
    expect(result.court?.value).toBe("广州互联网法院");
    expect(result.evidence.map((e) => e.value)).toEqual(["个人消费贷款合同（电子版）", "放款及还款流水"]);
    expect(result.filingDate?.value).toBe("2026-03-05");
  });
});

describe("extractComplaint — what is missing", () => {
  it("reports a complaint with no parties, claims or facts", () => {
    const result = extractComplaint("请法院帮帮我。", NOW);
    expect(result.issues.map((i) => i.code)).toEqual([
      "no_plaintiff",
      "no_defendant",
      "no_claims",
      "no_facts_and_reasons",
    ]);
    expect(result.parties).toEqual([]);
    expect(result.court).toBeNull();
    expect(result.filingDate).toBeNull();
  });

  it("reports a birth date that contradicts the ID number", () => {
    const result = extractComplaint(
      "原告：张敏，女，1991年3月7日出生，汉族，公民身份号码：330106199003070428。\n被告：李四，男。\n诉讼请求：\n1. 判令被告还款100元。",
      NOW,
    );
    expect(result.parties[0]!.birthDate).toMatchObject({ value: "1991-03-07", issue: "birth_date_mismatch" });
    expect(result.issues.map((i) => i.code)).toContain("birth_date_mismatch");
  });
});

describe("amount, number and date readers", () => {
  it.each([
    ["人民币5,000元", 500_000, "arabic"],
    ["5000.5元", 500_050, "arabic"],
    ["1.2万元", 1_200_000, "arabic_wan"],
    ["12万元", 12_000_000, "arabic_wan"],
    ["1,200万元", 1_200_000_000, "arabic_wan"],
    ["人民币伍万元整", 5_000_000, "chinese_upper"],
    ["壹拾贰万叁仟肆佰伍拾陆元柒角捌分", 12_345_678, "chinese_upper"],
    ["叁元零伍分", 305, "chinese_upper"],
    ["五万元", 5_000_000, "chinese_lower"],
    ["十二万三千元", 12_300_000, "chinese_lower"],
    ["两千零五元", 200_500, "chinese_lower"],
    ["１２，３４５．６７元", 1_234_567, "arabic"],
  ])("reads %s as %i fen", (text, fen, form) => {
    expect(findAmounts(text)).toEqual([{ fen, form, raw: text, span: { start: 0, end: text.length } }]);
  });

  it("ignores numbers that are not money", () => {
    expect(findAmounts("三倍赔偿，15日内，第5条，万元")).toEqual([]);
  });

  it("reads dates in three forms and skips impossible ones", () => {
    expect(
      findDates("2026年3月5日、2026-03-06、2026/3/7、二〇二六年十二月三十一日、2026年2月30日").map((d) => [
        d.value,
        d.form,
      ]),
    ).toEqual([
      ["2026-03-05", "chinese"],
      ["2026-03-06", "iso"],
      ["2026-03-07", "iso"],
      ["2026-12-31", "chinese_numerals"],
    ]);
  });

  it("folds full-width characters one for one", () => {
    const text = "原告：张三（男），１２３";
    expect(foldWidth(text)).toBe("原告:张三(男),123");
    expect(foldWidth(text)).toHaveLength(text.length);
  });
});
