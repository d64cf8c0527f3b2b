import { describe, expect, it } from "vitest";
import { canonicalModelJson, renderDocx } from "../../documents/index";
import { buildEvidenceCatalogue } from "./evidence-catalogue";

const input = {
  courtNameZh: "杭州互联网法院",
  courtNameEn: "Hangzhou Internet Court",
  caseNumber: "（2026）浙0192民初1号",
  party: { name: "李四", role: "defendant" as const },
  items: [
    {
      number: 1,
      title: "进货发票",
      source: "供货商",
      purpose: "证明所售手机为全新正品",
      files: [{ fileName: "发票.png", sha256: "a".repeat(64) }],
    },
  ],
  isLate: true,
  submittedOn: "2026-03-10",
};

describe("the evidence catalogue (证据规定第十九条)", () => {
  it("numbers each item with its source, purpose and files, in Chinese and English", () => {
    const { zh, en } = buildEvidenceCatalogue(input);
    const zhText = zh.body.map((p) => p.text).join("\n");
    expect(zh.title).toBe("证据目录");
    expect(zhText).toContain("证据1：进货发票。来源：供货商。证明目的：证明所售手机为全新正品。");
    expect(zhText).toContain(`文件：发票.png（SHA-256：${"a".repeat(64)}）`);
    expect(zhText).toContain("经人民法院准许逾期提交");
    expect(zh.signature).toEqual(["提交人：李四"]);
    expect(en.title).toBe("List of Evidence");
    expect(en.body.map((p) => p.text).join("\n")).toContain("Item 1: 进货发票. Source: 供货商.");
    expect(en.translationNote).not.toBeNull();
  });

  it("renders the same bytes from the same model", async () => {
    const { zh } = buildEvidenceCatalogue(input);
    const first = await renderDocx(zh);
    const second = await renderDocx(JSON.parse(canonicalModelJson(zh)) as typeof zh);
    expect(Buffer.compare(first, second)).toBe(0);
  });
});
