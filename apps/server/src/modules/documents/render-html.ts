import type { CourtDocumentModel } from "./documents.model";

/**
 * Lays a document model out as a self-contained HTML page for Chromium to print (A4, CJK serif). No
 * external resources: the page loads nothing.
 */
export function renderHtml(model: CourtDocumentModel): string {
  const isChinese = model.locale === "zh-CN";
  const title = isChinese && model.title.length <= 6 ? [...model.title].join(" ") : model.title;
  const lines: string[] = [];
  lines.push(`<p class="court">${escapeHtml(model.courtName)}</p>`);
  lines.push(`<h1>${escapeHtml(title)}</h1>`);
  if (model.translationNote) lines.push(`<p class="note">${escapeHtml(model.translationNote)}</p>`);
  if (model.caseNumber) lines.push(`<p class="number">${escapeHtml(model.caseNumber)}</p>`);
  for (const line of model.parties) lines.push(`<p class="body">${escapeHtml(line)}</p>`);
  if (model.fields.length > 0) {
    lines.push("<table>");
    for (const field of model.fields)
      lines.push(
        `<tr><th scope="row">${escapeHtml(field.label)}</th><td>${escapeHtml(field.value)}</td></tr>`,
      );
    lines.push("</table>");
  }
  for (const paragraph of model.body) {
    const style = paragraph.style ?? "body";
    lines.push(
      style === "heading"
        ? `<h2>${escapeHtml(paragraph.text)}</h2>`
        : `<p class="${style}">${escapeHtml(paragraph.text)}</p>`,
    );
  }
  lines.push('<div class="signature">');
  for (const line of model.signature) lines.push(`<p>${escapeHtml(line)}</p>`);
  lines.push(`<p>${escapeHtml(model.date)}</p></div>`);
  return `<!doctype html>
<html lang="${model.locale}"><head><meta charset="utf-8"><title>${escapeHtml([model.title, model.caseNumber].filter(Boolean).join(" "))}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "Noto Serif CJK SC", "Noto Serif", serif; font-size: 16pt; line-height: 1.75; color: #000; }
.court { text-align: center; font-size: 18pt; font-weight: bold; margin: 0; }
h1 { text-align: center; font-size: 22pt; margin: .4em 0; }
h2 { text-align: center; font-size: 16pt; margin: .6em 0 .2em; }
.note { text-align: center; font-size: 10pt; margin: 0 0 .5em; }
.number { text-align: right; margin: 0 0 1em; }
.body { text-indent: 2em; margin: 0 0 .3em; text-align: justify; }
.plain { margin: 0 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { border: 1px solid #000; padding: .2em .5em; text-align: left; vertical-align: top; }
th { width: 32%; font-weight: bold; }
.signature { margin-top: 2em; text-align: right; }
.signature p { margin: 0; }
</style></head>
<body>
${lines.join("\n")}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
