// Throughput of judgment anonymisation (法释〔2016〕19号, `netcourt judgments anonymise`) on one core: the
// 160 real LeCaRDv2 judgments anonymised over and over in this one thread, with the per-type recall of
// the hand-made gold beside it. Usage:
//   npm run bench:anonymise -- [--data ../shared/data/lecardv2] [--rounds 30]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { anonymiseJudgment } from "../apps/server/src/modules/publication/index";
import { REPOSITORY_ROOT, sharedDataPath } from "../scripts/shared-data";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: sharedDataPath("lecardv2") },
    rounds: { type: "string", default: "30" },
  },
});
const file = join(values.data, "judgments.jsonl");
const texts = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { query: string }).query);
const rounds = Number(values.rounds);
const characters = texts.reduce((sum, text) => sum + text.length, 0);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// One warm-up round: the regular expressions are compiled and the code optimised before timing.
for (const text of texts) anonymiseJudgment(text);

const durations: number[] = [];
let changes = 0;
const cpuAtStart = process.cpuUsage();
const started = performance.now();
for (let round = 0; round < rounds; round += 1)
  for (const text of texts) {
    const before = performance.now();
    changes += anonymiseJudgment(text).changes.length;
    durations.push(performance.now() - before);
  }
const wallSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuAtStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
durations.sort((a, b) => a - b);

const judgments = durations.length;
// The recall figures come from the evaluation script, run once beside the timing (not timed).
interface Figures {
  splits: {
    all: {
      recall: Record<string, { spans: number; recalled: number }>;
      overChangeShare: number;
      needlessCharacters: number;
      changedCharacters: number;
    };
  };
}
const evaluation = join(REPOSITORY_ROOT, "apps/server/src/modules/publication/evaluation/evaluate.ts");
const report = JSON.parse(
  execFileSync("npx", ["tsx", evaluation, "--data", values.data, "--json"], { encoding: "utf8" }),
) as Figures;
const lines = [
  `judgments: ${texts.length} × ${rounds} rounds = ${judgments} (${characters.toLocaleString("en")} characters a round), one thread`,
  `throughput: ${(judgments / wallSeconds).toFixed(0)} judgments/s wall, ${(judgments / cpuSeconds).toFixed(0)} judgments/s of CPU ` +
    `(${((characters * rounds) / wallSeconds / 1e6).toFixed(2)} M characters/s)`,
  `per judgment: p50 ${percentile(durations, 50).toFixed(2)} ms, p99 ${percentile(durations, 99).toFixed(2)} ms, ` +
    `max ${durations.at(-1)!.toFixed(2)} ms; ${changes / rounds} changes a round`,
  `recall (gold, all 160): ` +
    Object.entries(report.splits.all.recall)
      .map(([type, entry]) => `${type} ${entry.recalled}/${entry.spans}`)
      .join(", "),
  `over-change share: ${(report.splits.all.overChangeShare * 100).toFixed(2)} % ` +
    `(${report.splits.all.needlessCharacters} of ${report.splits.all.changedCharacters} changed characters)`,
];
process.stdout.write(`${lines.join("\n")}\n`);
