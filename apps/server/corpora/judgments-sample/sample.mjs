// Draws the demo's judgment sample from LeCaRD's candidate judgments (see README.md):
// `node sample.mjs <folder with LeCaRD candidates.jsonl.gz> [<size>]`.
import { createHash } from "node:crypto";
import { createReadStream, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip, gzipSync } from "node:zlib";

const [from, sizeText = "300"] = process.argv.slice(2);
if (!from) {
  process.stderr.write("usage: node sample.mjs <LeCaRD folder with candidates.jsonl.gz> [<size>]\n");
  process.exit(2);
}
const size = Number(sizeText);
const MASK = /某|×|\*|＊|X|Ｘ/u;
const FIELDS = ["doc_id", "ajName", "writName", "qw", "ajjbqk", "cpfxgc", "pjjg"];

const byCharge = new Map();
const input = createReadStream(path.join(from, "candidates.jsonl.gz")).pipe(createGunzip());
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  if (!doc.qw || !doc.pjjg || !MASK.test(doc.ajName ?? "")) continue;
  // Only judgments in which the court already masked every defendant's name (被告人李某，男…).
  const defendants = [...doc.qw.slice(0, 3000).matchAll(/被告人([^，,。：:\s（(]{1,6})[，,（(]/gu)].map(
    (m) => m[1],
  );
  if (defendants.length === 0 || !defendants.every((name) => MASK.test(name))) continue;
  const charge = /犯([\u4e00-\u9fa5、]{2,20}?罪)/u.exec(doc.pjjg)?.[1] ?? "";
  if (!byCharge.has(charge)) byCharge.set(charge, []);
  byCharge.get(charge).push(doc);
}
const key = (doc) => createHash("sha256").update(`42:netcourt-sample:${doc.doc_id}`).digest("hex");
for (const docs of byCharge.values()) docs.sort((a, b) => (key(a) < key(b) ? -1 : 1));
// Charges with most judgments first (ties by name); one judgment per charge per round.
const charges = [...byCharge.keys()].sort(
  (a, b) => byCharge.get(b).length - byCharge.get(a).length || (a < b ? -1 : 1),
);
const picked = [];
for (let round = 0; picked.length < size && charges.some((c) => byCharge.get(c).length > round); round += 1)
  for (const charge of charges) {
    const doc = byCharge.get(charge)[round];
    if (doc && picked.length < size) picked.push(doc);
  }
picked.sort((a, b) => a.doc_id - b.doc_id);
const rows = picked.map((doc) =>
  JSON.stringify(Object.fromEntries(FIELDS.filter((f) => f in doc).map((f) => [f, doc[f]]))),
);
const bytes = gzipSync(Buffer.from(rows.join("\n") + "\n", "utf8"), { level: 9 });
const out = path.join(path.dirname(new URL(import.meta.url).pathname), "lecard-sample.jsonl.gz");
writeFileSync(out, bytes);
const used = new Set(picked.map((doc) => /犯([\u4e00-\u9fa5、]{2,20}?罪)/u.exec(doc.pjjg)?.[1] ?? ""));
process.stdout.write(`${picked.length} judgments, ${used.size} charges, ${bytes.length} bytes\n`);
