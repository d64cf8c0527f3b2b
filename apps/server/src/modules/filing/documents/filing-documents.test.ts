import { describe, expect, it } from "vitest";
import { buildAcceptanceNotices, evidencePeriod } from "./acceptance-notices";
import { buildComplaintModels, complaintSha256 } from "./complaint";
import { buildFeeReceiptModels } from "./fee-receipt";
import { buildRefusalModels, refusalInstrument, type RefusalDocumentInput } from "./refusal-ruling";

const refusal: RefusalDocumentInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  appealCourtNameZh: "浙江省杭州市中级人民法院",
  appealCourtNameEn: "Hangzhou Intermediate People's Court",
  caseNumber: "（2026）浙0192民初7号",
  plaintiffs: [{ name: "张三", descriptionZh: "住杭州市", descriptionEn: "of Hangzhou" }],
  defendants: ["某公司"],
  causeNameZh: "网络购物合同纠纷",
  causeNameEn: "Online shopping contract dispute",
  receivedOn: "2026-03-02",
  decidedOn: "2026-03-05",
  reason: "起诉没有明确的被告。",
  basis: ["122"],
  judge: { name: "法官甲" },
  clerkName: "书记员甲",
};

const text = (model: { parties: string[]; body: Array<{ text: string }>; signature: string[] }) =>
  [...model.parties, ...model.body.map((p) => p.text), ...model.signature].join("\n");

describe("the refusal of a suit", () => {
  it.each([
    [["122"], "ruling"],
    [["127-6"], "ruling"],
    [["127-7"], "ruling"],
    [["127-4", "122"], "ruling"],
    [["127-1"], "notice"],
    [["127-2", "127-4"], "notice"],
    [["127-5"], "notice"],
  ] as const)("answers %j with a %s", (basis, instrument) => {
    expect(refusalInstrument(basis)).toBe(instrument);
  });

  it("is a ruling with the case number, in the court's name, signed by the judge and the clerk", () => {
    const { zh, en } = buildRefusalModels(refusal);
    expect(zh.kind).toBe("refusal_ruling");
    expect(zh.title).toBe("民事裁定书");
    expect(zh.caseNumber).toBe("（2026）浙0192民初7号");
    expect(zh.courtName).toBe("杭州互联网法院");
    expect(zh.signature).toEqual(["审判员　法官甲", "", "书记员　书记员甲"]);
    expect(zh.date).toBe("二〇二六年三月五日");
    expect(text(zh)).toContain("对张三的起诉，本院不予受理。");
    expect(text(zh)).toContain("上诉于浙江省杭州市中级人民法院");
    expect(text(zh)).toContain("第一百二十二条、第一百二十六条、第一百五十七条第一款第一项");
    expect(text(zh)).not.toContain("立案庭");
    expect(en.translationNote).toMatch(/courtesy translation/i);
    expect(en.signature).toEqual(["Judge  法官甲", "", "Clerk  书记员甲"]);
    expect(text(en)).toContain("Article 122, Article 126, Article 157(1)(1)");
  });

  it("tells the plaintiff where to go under 第一百二十七条第一项至第五项 instead of ruling", () => {
    for (const [ground, direction] of [
      ["127-1", "提起行政诉讼"],
      ["127-2", "申请仲裁"],
      ["127-3", "向依法有权处理该争议的机关申请解决"],
      ["127-4", "向有管辖权的人民法院起诉"],
      ["127-5", "申请再审"],
    ] as const) {
      const { zh, en } = buildRefusalModels({ ...refusal, basis: [ground], caseNumber: null, judge: null });
      expect(zh.kind).toBe("referral_notice");
      expect(zh.title).toBe("告知书");
      expect(text(zh)).toContain(direction);
      expect(text(zh)).not.toContain("裁定如下");
      expect(text(zh)).not.toContain("上诉");
      expect(zh.signature).toEqual(["杭州互联网法院"]);
      expect(en.title).toBe("Notice of Where to Seek Relief");
    }
  });
});

describe("the fee receipt", () => {
  it("names payer, amount as 1,050.00 元, case, date, reference and the legal basis", () => {
    const { zh, en } = buildFeeReceiptModels({
      courtNameZh: "杭州互联网法院",
      courtNameEn: "Hangzhou Internet Court",
      caseNumber: null,
      caseTitle: "张三诉某公司网络购物合同纠纷",
      payer: "张三",
      amountFen: 105000,
      paidOn: "2026-03-03",
      orderId: "order-1",
      reference: "PAY-42",
      gateway: "simulator",
    });
    const field = (label: string) => zh.fields.find((f) => f.label === label)?.value;
    expect(field("交款人")).toBe("张三");
    expect(field("金额")).toBe("1,050.00 元");
    expect(field("案件")).toBe("张三诉某公司网络购物合同纠纷");
    expect(field("支付流水号")).toBe("PAY-42");
    expect(field("法律依据")).toContain("诉讼费用交纳办法");
    expect(zh.date).toBe("二〇二六年三月三日");
    expect(en.fields.find((f) => f.label === "Amount")?.value).toBe("CNY 1,050.00");
  });
});

describe("the notices of acceptance", () => {
  const input = {
    courtNameZh: "杭州互联网法院",
    courtNameEn: "Hangzhou Internet Court",
    caseNumber: "（2026）浙0192民初8号",
    causeNameZh: "网络购物合同纠纷",
    causeNameEn: null,
    plaintiffs: ["张三"],
    defendants: ["某公司"],
    procedure: "small_claims" as const,
    judgeName: "法官甲",
    acceptedOn: "2026-03-05",
    courtAddress: null,
    courtPhone: null,
  };

  it.each([
    ["ordinary", 15],
    ["simplified", 15],
    ["small_claims", 7],
  ] as const)("sets the evidence period of the %s procedure at %i days", (procedure, days) => {
    expect(evidencePeriod(procedure).days).toBe(days);
  });

  it("issues acceptance, evidence and response notices with the case number", () => {
    const notices = buildAcceptanceNotices(input);
    expect(notices.acceptance.zh.caseNumber).toBe("（2026）浙0192民初8号");
    expect(text(notices.acceptance.zh)).toContain("由审判员法官甲承办");
    expect(text(notices.evidence.zh)).toContain("自收到本通知书之次日起7日");
    expect(text(notices.response!.zh)).toContain("收到起诉状副本之日起15日内");
    expect(notices.response!.zh.body[0]).toEqual({ text: "某公司：", style: "plain" });
    expect(buildAcceptanceNotices({ ...input, defendants: [] }).response).toBeNull();
  });
});

describe("the complaint", () => {
  const complaint = {
    courtNameZh: "杭州互联网法院",
    courtNameEn: "Hangzhou Internet Court",
    causeNameZh: "网络购物合同纠纷",
    causeNameEn: "Online shopping contract dispute",
    parties: [
      {
        role: "plaintiff" as const,
        kind: "natural_person" as const,
        name: "张三",
        sex: "male" as const,
        birthDate: "1990-03-07",
        ethnicity: "汉族",
        address: "杭州市",
        creditCode: null,
        legalRepresentative: null,
      },
    ],
    agents: [],
    claims: [{ text: "判令被告退还货款", amountFen: 500000 }],
    factsAndReasons: "第一段。\n第二段。",
    evidence: [{ name: "订单截图", source: "购物平台", purpose: "证明合同关系" }],
    dateOn: "2026-03-02",
  };

  it("keeps the confirmed hash across days but not across edits", () => {
    const today = buildComplaintModels(complaint).zh;
    const tomorrow = buildComplaintModels({ ...complaint, dateOn: "2026-03-03" }).zh;
    const edited = buildComplaintModels({ ...complaint, factsAndReasons: "第一段。" }).zh;
    expect(complaintSha256(today)).toBe(complaintSha256(tomorrow));
    expect(complaintSha256(today)).not.toBe(complaintSha256(edited));
    expect(text(today)).toContain("1. 判令被告退还货款（5,000.00元）");
    expect(text(today)).toContain("原告：张三，男，1990-03-07出生，汉族，住所地杭州市。");
  });
});
