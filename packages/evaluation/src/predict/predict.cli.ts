import { writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { predictConstant, predictNearestNeighbour } from "./predict.baseline";
import {
  DEFAULT_CAIL_DIR,
  hasOutcome,
  labelDirFor,
  readCases,
  readLabelLists,
  readPredictionLines,
} from "./predict.dataset";
import { crossValidateTestPart } from "./predict.evaluate";
import {
  buildPredictionModel,
  checkDeviation,
  predictCaseload,
  predictOutcome,
  scoreCail,
  termToMonths,
  toPredictionLine,
  type CailScore,
  type OutcomePrediction,
  type PredictionLine,
  type ReferenceCase,
  type ScoredPrediction,
} from "@netcourt/server/search-engine";

const USAGE = `usage:
  netcourt predict run  --cases C.jsonl --out P.jsonl [--reference R.jsonl]
  netcourt predict eval [--cases ${DEFAULT_CAIL_DIR}/cases.jsonl] [--predictions P.jsonl]
                        [--folds 5] [--baseline constant|1nn-loo|1nn-train-valid] [--out P.jsonl] [--json]
                        [--labels DIR with accu.txt/law.txt (default: beside --cases, else the share)]
  netcourt predict bench [--reference R.jsonl] [--queries 200]

run   predicts charges, articles and prison term of every case (CAIL2018 format) from the reference
      cases (default: the CAIL2018 development share); cases whose id is also in the reference set are
      left out of it, so no case is predicted from its own labels. The file is predicted as one
      caseload: with 50 cases or more, its charge frequencies are estimated from the model's scores
      and replace the reference set's.
eval  scores the "test" part of --cases (all of it when no case has an origin) with the official
      CAIL2018 judger. Without --predictions it
      predicts each test case with a model built from every other case except its own fold
      (k-fold over the test part; train and valid cases are always in the reference set), each fold
      predicted as one caseload.
bench builds the model from all reference cases and times predictOutcome / checkDeviation.
`;

function formatScore(score: CailScore): string {
  const row = (name: string, t: CailScore["accusation"]) =>
    `${name.padEnd(10)} micro-F1 ${t.microF1.toFixed(4)}  macro-F1 ${t.macroF1.toFixed(4)}  score ${t.score.toFixed(2)}`;
  return [
    `cases      ${score.cases}`,
    row("charges", score.accusation),
    row("articles", score.articles),
    `term       score ${score.term.toFixed(2)}`,
    `total      ${score.total.toFixed(2)} / 300`,
  ].join("\n");
}

function toScored(line: PredictionLine | undefined): ScoredPrediction {
  if (!line) return { accusation: [], relevant_articles: [], imprisonment: 0 };
  return {
    accusation: line.accusation,
    relevant_articles: line.relevant_articles,
    imprisonment: termToMonths(line.term_of_imprisonment),
  };
}

async function writeLines(path: string, lines: readonly PredictionLine[]): Promise<void> {
  await writeFile(path, lines.map((line) => JSON.stringify(line)).join("\n") + (lines.length ? "\n" : ""));
}

async function runPredict(values: Record<string, string | boolean | undefined>): Promise<number> {
  const casesPath = values.cases;
  const outPath = values.out;
  if (typeof casesPath !== "string" || typeof outPath !== "string") {
    process.stderr.write(USAGE);
    return 2;
  }
  const referencePath =
    typeof values.reference === "string" ? values.reference : `${DEFAULT_CAIL_DIR}/cases.jsonl`;
  const cases = await readCases(casesPath);
  const ids = new Set(cases.map((item) => item.id));
  const reference = (await readCases(referencePath)).filter(hasOutcome).filter((item) => !ids.has(item.id));
  if (reference.length === 0) {
    process.stderr.write(`predict: no reference cases with outcomes in ${referencePath}\n`);
    return 1;
  }
  const started = performance.now();
  const model = buildPredictionModel(reference);
  const built = performance.now();
  const outcomes = predictCaseload(
    model,
    cases.map((item) => item.fact),
  );
  const lines = cases.map((item, i) => toPredictionLine(item.id, outcomes[i] as OutcomePrediction));
  const done = performance.now();
  await writeLines(outPath, lines);
  process.stderr.write(
    `predict: ${lines.length} cases → ${outPath} (model from ${reference.length} reference cases in ` +
      `${((built - started) / 1000).toFixed(1)} s; ${((done - built) / Math.max(1, lines.length)).toFixed(1)} ms/case)\n`,
  );
  return 0;
}

async function runEval(values: Record<string, string | boolean | undefined>): Promise<number> {
  const casesPath = typeof values.cases === "string" ? values.cases : `${DEFAULT_CAIL_DIR}/cases.jsonl`;
  const all = (await readCases(casesPath)).filter(hasOutcome);
  const labelDir =
    typeof values.labels === "string"
      ? values.labels
      : existsSync(join(labelDirFor(resolve(casesPath)), "accu.txt"))
        ? labelDirFor(resolve(casesPath))
        : DEFAULT_CAIL_DIR;
  const labels = await readLabelLists(labelDir);
  // A file without origins (e.g. a held-out slice) is scored whole.
  const hasOrigins = all.some((item) => item.origin === "test");
  const test = hasOrigins ? all.filter((item) => item.origin === "test") : all;
  let score: CailScore;
  let lines: PredictionLine[] | undefined;
  let note: string;
  if (typeof values.predictions === "string") {
    const predicted = new Map<string, PredictionLine>();
    for (const line of await readPredictionLines(values.predictions)) predicted.set(line.id, line);
    const missing = test.filter((item) => !predicted.has(item.id)).length;
    score = scoreCail(
      labels,
      test.map((item) => ({ truth: item.meta, prediction: toScored(predicted.get(item.id)) })),
    );
    note = `predictions from ${values.predictions}${missing ? ` (${missing} test cases missing, scored as empty)` : ""}`;
  } else if (typeof values.baseline === "string") {
    const pairs = baselinePredictions(values.baseline, all);
    if (!pairs) {
      process.stderr.write(USAGE);
      return 2;
    }
    score = scoreCail(labels, pairs);
    note = `baseline ${values.baseline}`;
  } else {
    const folds = Number(values.folds ?? 5);
    if (!Number.isInteger(folds) || folds < 2) {
      process.stderr.write("predict eval: --folds must be an integer ≥ 2\n");
      return 2;
    }
    const result = crossValidateTestPart(all, labels, folds, {}, (fold, ms) =>
      process.stderr.write(`fold ${fold + 1}/${folds}: model built in ${(ms / 1000).toFixed(1)} s\n`),
    );
    score = result.score;
    lines = result.predictions;
    const meanBuild = result.buildMs.reduce((a, b) => a + b, 0) / result.buildMs.length;
    note =
      `${folds}-fold over the ${test.length} test cases (reference = train + valid + other folds); ` +
      `model build ${(meanBuild / 1000).toFixed(1)} s/fold, ${result.predictMsPerCase.toFixed(1)} ms/case`;
  }
  if (lines && typeof values.out === "string") await writeLines(values.out, lines);
  if (values.json === true) process.stdout.write(JSON.stringify({ note, score }, null, 2) + "\n");
  else process.stdout.write(`${note}\n${formatScore(score)}\n`);
  return 0;
}

function baselinePredictions(
  name: string,
  all: readonly ReferenceCase[],
): { truth: ReferenceCase["meta"]; prediction: ScoredPrediction }[] | undefined {
  const test = all.filter((item) => item.origin === "test");
  if (name === "constant") return test.map((item) => ({ truth: item.meta, prediction: predictConstant() }));
  if (name === "1nn-loo") {
    const queries = all.map((item, i) => ({ fact: item.fact, excludeIndex: i }));
    const testQueries = queries.filter((_, i) => all[i]?.origin === "test");
    const predicted = predictNearestNeighbour(all, testQueries);
    return test.map((item, i) => ({ truth: item.meta, prediction: predicted[i] ?? predictConstant() }));
  }
  if (name === "1nn-train-valid") {
    const reference = all.filter((item) => item.origin !== "test");
    const predicted = predictNearestNeighbour(
      reference,
      test.map((item) => ({ fact: item.fact })),
    );
    return test.map((item, i) => ({ truth: item.meta, prediction: predicted[i] ?? predictConstant() }));
  }
  return undefined;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function runBench(values: Record<string, string | boolean | undefined>): Promise<number> {
  const referencePath =
    typeof values.reference === "string" ? values.reference : `${DEFAULT_CAIL_DIR}/cases.jsonl`;
  const reference = (await readCases(referencePath)).filter(hasOutcome);
  const queries = Math.max(1, Number(values.queries ?? 200));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = buildPredictionModel(reference);
  const buildMs = performance.now() - started;
  const buildCpu = process.cpuUsage(cpu);
  const step = Math.max(1, Math.floor(reference.length / queries));
  const sample = reference.filter((_, i) => i % step === 0).slice(0, queries);
  const predictTimes: number[] = [];
  const deviationTimes: number[] = [];
  for (const item of sample) {
    let t0 = performance.now();
    const prediction = predictOutcome(model, item.fact);
    predictTimes.push(performance.now() - t0);
    t0 = performance.now();
    checkDeviation(model, item.fact, {
      charges: prediction.charges.map((c) => c.label),
      articles: prediction.articles.map((a) => a.label),
      termMonths: prediction.termMonths,
    });
    deviationTimes.push(performance.now() - t0);
  }
  const stats = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    return `mean ${mean.toFixed(1)} ms, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms`;
  };
  const stages = Object.entries(model.buildTimings)
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
    .join(", ");
  process.stdout.write(
    [
      `reference cases  ${reference.length}`,
      `model build      ${(buildMs / 1000).toFixed(1)} s wall, ${((buildCpu.user + buildCpu.system) / 1e6).toFixed(1)} s CPU (${stages})`,
      `predictOutcome   ${stats(predictTimes)} (${sample.length} cases)`,
      `checkDeviation   ${stats(deviationTimes)}`,
      `heap used        ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    ].join("\n") + "\n",
  );
  return 0;
}

/** `netcourt predict …`: outcome prediction and CAIL2018 scoring; returns the exit code. */
export async function runPredictCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: rest,
      options: {
        cases: { type: "string" },
        out: { type: "string" },
        reference: { type: "string" },
        predictions: { type: "string" },
        folds: { type: "string" },
        baseline: { type: "string" },
        json: { type: "boolean" },
        queries: { type: "string" },
        labels: { type: "string" },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (sub === "run") return runPredict(values);
  if (sub === "eval") return runEval(values);
  if (sub === "bench") return runBench(values);
  process.stderr.write(USAGE);
  return sub === undefined || sub === "help" || sub === "--help" ? 0 : 2;
}
