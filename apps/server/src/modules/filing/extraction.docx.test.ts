import { Document, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { ComplaintDocumentError, readDocxText } from "./extraction.docx";
import { extractComplaint } from "./extraction.rules";

const PARAGRAPHS = [
  "民事起诉状",
  "原告：张敏，女，1990年3月7日出生，汉族，住浙江省杭州市西湖区文三路100号，公民身份号码：330106199003070428，联系电话：13812345678。",
  "被告：杭州某某电子商务有限公司，住所地浙江省杭州市余杭区文一西路969号，统一社会信用代码：91330110MA2H4K7N5A。",
  "法定代表人：王强，执行董事。",
  "诉讼请求：",
  "1. 判令被告退还货款人民币5,000元；",
  "2. 本案诉讼费用由被告承担。",
  "事实与理由：",
  "原告在被告经营的网店购买手机一部，收货后发现系翻新机。",
  "此致",
  "杭州互联网法院",
  "具状人：张敏",
  "二〇二六年三月五日",
];

async function buildDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        // The title is bold and split into runs, as word processors write it.
        children: paragraphs.map((text, i) =>
          i === 0
            ? new Paragraph({
                children: [
                  new TextRun({ text: "民事", bold: true }),
                  new TextRun({ text: "起诉状", bold: true }),
                ],
              })
            : new Paragraph({ children: [new TextRun(text)] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe("readDocxText", () => {
  it("returns one line per paragraph", async () => {
    const text = await readDocxText(await buildDocx(PARAGRAPHS));
    expect(text.split("\n")).toEqual(PARAGRAPHS);
  });

  it("feeds the extraction rules", async () => {
    const text = await readDocxText(await buildDocx(PARAGRAPHS));
    const result = extractComplaint(text, new Date("2026-03-06T00:00:00Z"));
    expect(result.parties.map((p) => [p.role, p.name?.value, p.kind.value])).toEqual([
      ["plaintiff", "张敏", "natural_person"],
      ["defendant", "杭州某某电子商务有限公司", "legal_person"],
    ]);
    expect(result.parties[0]!.idNumber?.value).toBe("330106199003070428");
    expect(result.parties[1]!.creditCode?.value).toBe("91330110MA2H4K7N5A");
    expect(result.claims.map((c) => c.amountFen)).toEqual([500_000, null]);
    expect(result.court?.value).toBe("杭州互联网法院");
    expect(result.filingDate?.value).toBe("2026-03-05");
    expect(result.issues).toEqual([]);
  });

  it.each([
    ["plain text", Buffer.from("原告：张敏", "utf8")],
    ["an empty file", Buffer.alloc(0)],
    ["a ZIP that is not a document", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
  ])("refuses %s", async (_name, buffer) => {
    await expect(readDocxText(buffer)).rejects.toBeInstanceOf(ComplaintDocumentError);
    await expect(readDocxText(buffer)).rejects.toMatchObject({ code: "extraction_input_invalid" });
  });
});
