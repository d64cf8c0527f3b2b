import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { CourtDocumentModel, DocumentParagraph } from "./documents.model";

const FONT = "Noto Serif CJK SC";

/**
 * Lays a document model out as DOCX (the editable copy). Same model, same bytes: the core-property
 * dates and the zip entry times come from the model's day of issue, never from the clock.
 */
export async function renderDocx(model: CourtDocumentModel): Promise<Buffer> {
  const isChinese = model.locale === "zh-CN";
  const children: Paragraph[] = [
    centered(model.courtName, isChinese ? 32 : 28, true),
    centered(isChinese ? spacedTitle(model.title) : model.title, isChinese ? 40 : 32, true),
  ];
  if (model.translationNote) children.push(centered(model.translationNote, 18, false));
  if (model.caseNumber) children.push(right(model.caseNumber));
  children.push(blank());
  for (const line of model.parties) children.push(body(line));
  for (const field of model.fields)
    children.push(
      new Paragraph({
        spacing: { after: 80 },
        children: [
          new TextRun({ text: `${field.label}${isChinese ? "：" : ": "}`, bold: true }),
          new TextRun({ text: field.value }),
        ],
      }),
    );
  for (const paragraph of model.body) children.push(paragraphOf(paragraph));
  children.push(blank());
  for (const line of model.signature) children.push(right(line));
  children.push(right(model.date));

  const document = new Document({
    creator: model.courtName,
    lastModifiedBy: model.courtName,
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children,
      },
    ],
  });
  return fixTimestamps(await Packer.toBuffer(document), model.issuedOn);
}

/** 民事裁定书 → 民 事 裁 定 书, as titles are set on Chinese court documents (short titles only). */
function spacedTitle(title: string): string {
  return title.length <= 6 ? [...title].join(" ") : title;
}

function paragraphOf(paragraph: DocumentParagraph): Paragraph {
  switch (paragraph.style ?? "body") {
    case "heading":
      return centered(paragraph.text, 28, true);
    case "plain":
      return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: paragraph.text })] });
    case "body":
      return body(paragraph.text);
  }
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

/** Rewrites the package with the day of issue as every date in it (core properties and zip entries). */
function fixTimestamps(docx: Buffer, issuedOn: string): Buffer {
  const instant = `${issuedOn}T00:00:00Z`;
  const mtime = new Date(`${issuedOn}T12:00:00Z`);
  const entries = unzipSync(new Uint8Array(docx));
  const out: Zippable = {};
  for (const name of Object.keys(entries).sort()) {
    let data = entries[name]!;
    if (name === "docProps/core.xml") {
      data = strToU8(
        strFromU8(data).replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${instant}$2`,
        ),
      );
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return Buffer.from(zipSync(out));
}
