import { describe, expect, it } from "vitest";
import {
  chineseDocumentDate,
  contentSha256,
  documentFileName,
  emptyModel,
  englishDocumentDate,
  formatAmount,
} from "./documents.model";
import { renderDocx } from "./render-docx";
import { renderHtml } from "./render-html";

describe("document model", () => {
  it.each([
    ["2026-12-07", "二〇二六年十二月七日"],
    ["2026-03-02", "二〇二六年三月二日"],
    ["2030-10-20", "二〇三〇年十月二十日"],
    ["2031-01-31", "二〇三一年一月三十一日"],
  ])("writes %s as %s", (iso, text) => {
    expect(chineseDocumentDate(iso)).toBe(text);
  });

  it("writes English dates day first", () => {
    expect(englishDocumentDate("2026-12-07")).toBe("7 December 2026");
  });

  it.each([
    [105000, "1,050.00"],
    [5000, "50.00"],
    [1, "0.01"],
    [123456789, "1,234,567.89"],
    [0, "0.00"],
  ])("formats %i fen as %s", (fen, text) => {
    expect(formatAmount(fen)).toBe(text);
  });

  it("marks an English version as a courtesy translation and a Chinese one not", () => {
    const fields = { courtName: "杭州互联网法院", caseNumber: null, issuedOn: "2026-12-07" };
    expect(emptyModel("fee_receipt", "en", fields).translationNote).toMatch(/Chinese original/);
    expect(emptyModel("fee_receipt", "zh-CN", fields).translationNote).toBeNull();
    expect(documentFileName("evidence_notice", "zh-CN", "pdf")).toBe("举证通知书.pdf");
    expect(documentFileName("evidence_notice", "en", "docx")).toBe("evidence-notice-en.docx");
  });
});

describe("renderings", () => {
  const model = {
    ...emptyModel("acceptance_notice", "zh-CN", {
      courtName: "杭州互联网法院",
      caseNumber: "（2026）浙0192民初1号",
      issuedOn: "2026-12-07",
    }),
    parties: ["张三："],
    body: [{ text: "本院决定立案审理。<script>" }],
    signature: ["杭州互联网法院"],
  };

  it("gives the same DOCX bytes for the same model, whenever it is rendered", async () => {
    const first = await renderDocx(model);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderDocx(model);
    expect(Buffer.compare(first, second)).toBe(0);
    expect(first.toString("latin1")).not.toContain(new Date().toISOString().slice(0, 10) + "T");
    const other = await renderDocx({ ...model, body: [{ text: "另一段。" }] });
    expect(Buffer.compare(first, other)).not.toBe(0);
  });

  it("prints the title, number and date in HTML and escapes the text", () => {
    const html = renderHtml(model);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("（2026）浙0192民初1号");
    expect(html).toContain("二〇二六年十二月七日");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("hashes the content independently of the format", () => {
    expect(contentSha256(model)).toBe(contentSha256({ ...model }));
    expect(contentSha256(model)).not.toBe(contentSha256({ ...model, caseNumber: "（2026）浙0192民初2号" }));
  });
});
