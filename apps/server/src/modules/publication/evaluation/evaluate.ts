// Scores the judgment anonymiser against the hand-made LeCaRDv2 gold (docs/publication.md). Usage:
//   npx tsx apps/server/src/modules/publication/evaluation/evaluate.ts [--data DIR] [--json]
// DIR holds judgments.jsonl (default ../shared/data/lecardv2 beside the repository).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sharedDataPath } from "../../../../../../scripts/shared-data";
import { evaluateAnonymisation, formatReport } from "./evaluate-anonymisation";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("lecardv2") },
    json: { type: "boolean", default: false },
  },
});
const dataFile = path.join(path.resolve(values.data), "judgments.jsonl");
if (!existsSync(dataFile)) {
  process.stderr.write(`not found: ${dataFile} (give the folder of judgments.jsonl with --data)\n`);
  process.exit(2);
}
const report = evaluateAnonymisation(dataFile);
process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
