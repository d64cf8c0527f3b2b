import { describe, expect, it } from "vitest";
import { buildCounterclaimDocument, type CounterclaimDocumentInput } from "./counterclaim";

const input: CounterclaimDocumentInput = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民初7号",
  counterclaimant: { name: "某科技有限公司", kind: "legal_person", legalRepresentative: "王五" },
  plaintiffs: ["张三", "赵六"],
  claims: [
    { text: "判令反诉被告支付货款差价", amountFen: 10_000_000 },
    { text: "判令反诉被告承担反诉费用", amountFen: null },
  ],
  factsAndReasons: "反诉被告收货后未支付约定的差价。",
  filedOn: "2026-03-02",
};

const text = (model: { parties: string[]; body: Array<{ text: string }>; signature: string[] }) =>
  [...model.parties, ...model.body.map((p) => p.text), ...model.signature].join("\n");

describe("the 民事反诉状", () => {
  it("names the counterclaimant against the plaintiffs, lists the claims with amounts, and is signed", () => {
    const { zh } = buildCounterclaimDocument(input);
    expect(zh.kind).toBe("counterclaim");
    expect(zh.title).toBe("民事反诉状");
    expect(zh.caseNumber).toBe("（2026）浙0192民初7号");
    expect(zh.parties).toEqual([
      "反诉原告（本诉被告）：某科技有限公司",
      "法定代表人：王五",
      "反诉被告（本诉原告）：张三",
      "反诉被告（本诉原告）：赵六",
    ]);
    expect(text(zh)).toContain("依照《中华人民共和国民事诉讼法》第一百四十三条的规定，提起反诉");
    expect(text(zh)).toContain("1. 判令反诉被告支付货款差价（金额：人民币100,000.00元）");
    expect(text(zh)).toContain("2. 判令反诉被告承担反诉费用\n");
    expect(text(zh)).toContain(input.factsAndReasons);
    expect(zh.signature).toEqual(["反诉原告：某科技有限公司"]);
    expect(zh.date).toBe("二〇二六年三月二日");
  });

  it("has an English courtesy copy that says it is one", () => {
    const { en } = buildCounterclaimDocument(input);
    expect(en.title).toBe("Counterclaim");
    expect(en.translationNote).toMatch(/Chinese original/);
    expect(text(en)).toContain("Counter-defendant (plaintiff in the action): 张三");
    expect(text(en)).toContain(
      "In the action brought by 张三, 赵六 against the counterclaimant, case number （2026）浙0192民初7号, the counterclaimant brings",
    );
    expect(text(en)).toContain("1. 判令反诉被告支付货款差价 (amount: CNY 100,000.00)");
  });
});
