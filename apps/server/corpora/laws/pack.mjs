// Packs the laws corpus (github.com/LawRefBook/Laws as laid out in laws.jsonl.gz / articles.jsonl.gz)
// into the smaller copy shipped here: `node pack.mjs <corpus folder> [<output folder>]`.
// What `netcourt laws import` reads is kept; what it does not read is dropped (see README.md).
import { createReadStream, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip, gzipSync } from "node:zlib";

const [from, to = path.dirname(new URL(import.meta.url).pathname)] = process.argv.slice(2);
if (!from) {
  process.stderr.write(
    "usage: node pack.mjs <folder with laws.jsonl.gz and articles.jsonl.gz> [<output folder>]\n",
  );
  process.exit(2);
}

async function* lines(file) {
  const input = createReadStream(file).pipe(createGunzip());
  for await (const line of createInterface({ input, crlfDelay: Infinity }))
    if (line.trim()) yield JSON.parse(line);
}

// The same pattern as commencementDates in apps/server/src/modules/search/laws/law-history.rules.ts:
// the only use the importer makes of a law's body when its articles are in articles.jsonl.gz.
const COMMENCEMENT =
  /自\s*([12][0-9]{3}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*起?\s*(?:施行|实施|生效|执行)/gu;
const commencements = (text) => [...text.normalize("NFKC").matchAll(COMMENCEMENT)].map((m) => m[1]).join("|");

const laws = [];
for await (const law of lines(path.join(from, "laws.jsonl.gz"))) {
  let body = law.body;
  if (law.articles > 0) {
    const kept = body
      .split("\n")
      .filter((line) => commencements(line) !== "")
      .join("\n");
    // Kept whole when the lines alone would state other dates than the full text (a match across lines).
    if (commencements(kept) === commencements(body)) body = kept;
  }
  laws.push(JSON.stringify({ ...law, body }));
}
const ARTICLE_FIELDS = ["law_id", "article", "number", "suffix", "part", "headings", "text"];
const articles = [];
for await (const article of lines(path.join(from, "articles.jsonl.gz")))
  articles.push(JSON.stringify(Object.fromEntries(ARTICLE_FIELDS.map((field) => [field, article[field]]))));

const write = (name, rows) => {
  const bytes = gzipSync(Buffer.from(rows.join("\n") + "\n", "utf8"), { level: 9 });
  writeFileSync(path.join(to, name), bytes);
  process.stdout.write(`${name}: ${rows.length} lines, ${bytes.length} bytes\n`);
};
write("laws.jsonl.gz", laws);
write("articles.jsonl.gz", articles);
