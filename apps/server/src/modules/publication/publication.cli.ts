import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { anonymiseJudgment } from "./anonymise/anonymise";

const ANONYMISE_USAGE = `usage: netcourt judgments anonymise --in <judgments.jsonl> --out <anonymised.jsonl> [--changes]
  Reads one judgment per line, {"id", "text"}, and writes {"id", "text"} with the names the rules
  protect replaced (surname + 某) and personal data deleted (法释〔2016〕19号第八条至第十一条) —
  one line out per line in, the same ids, in the same order. --changes adds each line's changes
  (what, where, why) for review. A line that is not {"id", "text"} is reported and the command fails.
`;

/** `netcourt judgments anonymise`: anonymises a JSONL file of judgment texts for publication. */
export async function runAnonymiseCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: "string" },
      out: { type: "string" },
      changes: { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.in || !values.out) {
    process.stderr.write(ANONYMISE_USAGE);
    return values.help ? 0 : 2;
  }
  const input = createInterface({ input: createReadStream(path.resolve(values.in)), crlfDelay: Infinity });
  const output = createWriteStream(path.resolve(values.out));
  let line = 0;
  let written = 0;
  let failed = 0;
  const started = performance.now();
  for await (const raw of input) {
    line += 1;
    if (raw.trim() === "") continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(raw) as typeof record;
    } catch {
      process.stderr.write(`line ${line}: not JSON\n`);
      failed += 1;
      continue;
    }
    if (
      record === null ||
      typeof record !== "object" ||
      (typeof record.id !== "string" && typeof record.id !== "number") ||
      typeof record.text !== "string"
    ) {
      process.stderr.write(`line ${line}: expected {"id": string | number, "text": string}\n`);
      failed += 1;
      continue;
    }
    const { text, changes } = anonymiseJudgment(record.text);
    const out = values.changes ? { id: record.id, text, changes } : { id: record.id, text };
    if (!output.write(`${JSON.stringify(out)}\n`)) await once(output, "drain");
    written += 1;
  }
  output.end();
  await once(output, "finish");
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${written} anonymised in ${seconds.toFixed(1)} s (${(written / Math.max(seconds, 1e-3)).toFixed(0)}/s)` +
      (failed > 0 ? `, ${failed} lines refused\n` : "\n"),
  );
  return failed > 0 ? 1 : 0;
}
