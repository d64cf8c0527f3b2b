import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { chineseDocumentDate } from "./chinese-date";

/** The grounds a clerk can cite, with the words of the ruling. */
export const refusalGrounds: Record<string, { zh: string; en: string; article: string }> = {
  "122": {
    zh: "起诉不符合《中华人民共和国民事诉讼法》第一百二十二条规定的起诉条件",
    en: "the suit does not meet the conditions of Article 122 of the Civil Procedure Law",
    article: "第一百二十二条",
  },
  "127-1": {
    zh: "依照行政诉讼法的规定属于行政诉讼受案范围",
    en: "the dispute belongs to administrative litigation",
    article: "第一百二十七条第一项",
  },
  "127-2": {
    zh: "当事人达成书面仲裁协议申请仲裁",
    en: "the parties agreed in writing to arbitrate",
    article: "第一百二十七条第二项",
  },
  "127-3": {
    zh: "依法应当由其他机关处理",
    en: "another authority must handle the dispute by law",
    article: "第一百二十七条第三项",
  },
  "127-4": { zh: "不属于本院管辖", en: "the court has no jurisdiction", article: "第一百二十七条第四项" },
  "127-5": {
    zh: "对判决、裁定、调解书已经发生法律效力的案件重复起诉",
    en: "the case was decided by an effective judgment, ruling or mediation",
    article: "第一百二十七条第五项",
  },
  "127-6": {
    zh: "依法在一定期限内不得起诉的案件在不得起诉的期限内起诉",
    en: "the law bars the suit during this period",
    article: "第一百二十七条第六项",
  },
  "127-7": {
    zh: "判决不准离婚、调解和好的离婚案件，没有新情况、新理由，六个月内又起诉",
    en: "a divorce suit refiled within six months without new facts",
    article: "第一百二十七条第七项",
  },
};

export interface RefusalRulingInput {
  courtNameZh: string;
  courtNameEn: string;
  appealCourtNameZh: string | null;
  appealCourtNameEn: string | null;
  plaintiffs: Array<{ name: string; description: string }>;
  defendants: string[];
  causeNameZh: string | null;
  causeNameEn: string | null;
  receivedOn: string;
  decidedOn: string;
  reason: string;
  basis: string[];
  decidedBy: string;
}

/**
 * The ruling not to accept a suit (不予受理裁定, 民事诉讼法第一百二十六条 and 第一百五十七条第一款第一项),
 * with the right of appeal within ten days (第一百七十一条第二款). Returns the Chinese original and an
 * English translation as DOCX.
 */
export async function renderRefusalRuling(input: RefusalRulingInput): Promise<{ zh: Buffer; en: Buffer }> {
  const grounds = input.basis.map((key) => refusalGrounds[key]!).filter(Boolean);
  const articles = [
    "第一百二十二条",
    "第一百二十六条",
    "第一百五十七条第一款第一项",
    ...grounds.map((g) => g.article),
  ];
  const uniqueArticles = [...new Set(articles)].filter(
    (a) => a !== "第一百二十二条" || input.basis.includes("122"),
  );
  const plaintiffNames = input.plaintiffs.map((p) => p.name).join("、");

  const zh = document([
    centered(input.courtNameZh, 32, true),
    centered("民 事 裁 定 书", 36, true),
    blank(),
    ...input.plaintiffs.map((p) => body(`起诉人：${p.name}，${p.description}`)),
    body(
      `${chineseDocumentDate(input.receivedOn)}，本院收到${plaintiffNames}对${input.defendants.join("、")}${input.causeNameZh ? `提起的${input.causeNameZh}` : "的"}起诉状。`,
    ),
    body(
      `本院经审查认为：${input.reason}${grounds.length > 0 ? `本案${grounds.map((g) => g.zh).join("；")}。` : ""}`,
    ),
    body(`依照《中华人民共和国民事诉讼法》${uniqueArticles.join("、")}规定，裁定如下：`),
    body(`对${plaintiffNames}的起诉，本院不予受理。`),
    body(
      `如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状${input.appealCourtNameZh ? `，上诉于${input.appealCourtNameZh}` : ""}。`,
    ),
    blank(),
    right(`立案庭  ${input.decidedBy}`),
    right(chineseDocumentDate(input.decidedOn)),
  ]);
  const en = document([
    centered(input.courtNameEn, 28, true),
    centered("Civil Ruling (not accepting a suit)", 30, true),
    centered("English translation for reference; the Chinese original prevails.", 20, false),
    blank(),
    ...input.plaintiffs.map((p) => body(`Plaintiff: ${p.name}`)),
    body(
      `On ${input.receivedOn} this court received the complaint of ${plaintiffNames} against ${input.defendants.join(", ")}${input.causeNameEn ? ` (${input.causeNameEn})` : ""}.`,
    ),
    body(
      `Having reviewed it, the court holds: ${input.reason}${grounds.length > 0 ? ` In this case ${grounds.map((g) => g.en).join("; ")}.` : ""}`,
    ),
    body(
      `Under the Civil Procedure Law of the People's Republic of China (${uniqueArticles.join(", ")}), the court rules:`,
    ),
    body(`The suit of ${plaintiffNames} is not accepted.`),
    body(
      `A party who disagrees may lodge an appeal with this court within ten days from service of this ruling${input.appealCourtNameEn ? `, to ${input.appealCourtNameEn}` : ""}.`,
    ),
    blank(),
    right(`Case Filing Division  ${input.decidedBy}`),
    right(input.decidedOn),
  ]);
  return { zh: await Packer.toBuffer(zh), en: await Packer.toBuffer(en) };
}

function document(children: Paragraph[]): Document {
  return new Document({
    styles: { default: { document: { run: { font: "Noto Serif CJK SC", size: 28 } } } },
    sections: [{ children }],
  });
}

function centered(text: string, size: number, bold: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, size, bold })],
  });
}

function body(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 560 },
    spacing: { after: 120, line: 360 },
    children: [new TextRun({ text })],
  });
}

function right(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text })] });
}

function blank(): Paragraph {
  return new Paragraph({ children: [] });
}
