import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CHARGE_RELATEDNESS_MODULE, DEFAULT_LEGAL_WEIGHTS } from "@netcourt/server/search-engine";
import {
  crossValidateRelatedness,
  poolCaseCharges,
  relatednessExamples,
  writeRelatednessModule,
  type CrossValidation,
} from "./charge-relatedness-cv";
import {
  formatTrecRun,
  LecardInputError,
  readPools,
  readQrels,
  readQueries,
  readTrecRun,
} from "./lecard-data";
import { evaluateRun, type LecardScores } from "./metrics";
import { rankPools, withPoolIndex } from "./rank-pools";

const USAGE = `usage:
  netcourt similar rank --queries Q.jsonl --pools P.jsonl --candidates C.jsonl.gz --out run.trec
                        [--charges given|predicted] [--no-relatedness] [--index DIR] [--tag NAME] [--threads N]
  netcourt similar eval --qrels qrels.tsv --pools P.jsonl run.trec
  netcourt similar relatedness --queries Q.jsonl --pools P.jsonl --candidates C.jsonl.gz --qrels qrels.tsv
                        [--out charge-relatedness.data.ts] [--index DIR] [--threads N]
  netcourt similar cv --queries Q.jsonl --pools P.jsonl --candidates C.jsonl.gz --qrels qrels.tsv
                        [--charges given|predicted] [--index DIR] [--threads N]

rank         ranks each query's whole pool (LeCaRD files, see docs/similar-cases.md) and writes a TREC run.
             --charges given: the query's own charges; predicted: inferred from similar cases.
             --no-relatedness: charge agreement without the shipped charge-relatedness table (a case
             counts only for the query charges it holds); default tag netcourt-<charges>-no-relatedness.
eval         scores a TREC run: P@5, P@10, MAP, NDCG@10/20/30 under the pool and labelled-only protocols.
relatedness  learns the charge-relatedness table from the expert grades of --queries and writes it as a
             data module (default: the server's engine/charge-relatedness.data.ts).
cv           cross-validates that table over the queries (2-fold and leave-one-query-out).
--index DIR  keeps the candidates' index in DIR and reuses it on the next run (default: a temporary folder).
`;

function formatScores(label: string, s: LecardScores): string {
  const f = (x: number): string => x.toFixed(4);
  return `${label.padEnd(30)} ${f(s.p5)}  ${f(s.p10)}  ${f(s.map)}  ${f(s.ndcg10)}   ${f(s.ndcg20)}   ${f(s.ndcg30)}`;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  EACCES: "permission denied",
};

/** What is wrong with the input files, or undefined when the error is not about them (a bug). */
function describeInputError(error: unknown): string | undefined {
  if (error instanceof LecardInputError) return error.message;
  if (error instanceof Error && "syscall" in error && "path" in error) {
    const { code, path } = error as NodeJS.ErrnoException;
    return `${path}: ${FILE_ERRORS[code ?? ""] ?? code}`;
  }
  return undefined;
}

/**
 * `netcourt similar rank|eval|relatedness|cv`: LeCaRD ranking (TREC run), official evaluation,
 * the charge-relatedness table and its cross-validation. Unreadable or malformed input files
 * are reported in one line naming the file (and line) with exit status 2.
 */
export async function runSimilarCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    return await runSimilarSubcommand(sub, rest);
  } catch (error) {
    const problem = describeInputError(error);
    if (problem === undefined) throw error;
    process.stderr.write(`similar ${sub ?? ""}: ${problem}\n`);
    return 2;
  }
}

async function runSimilarSubcommand(sub: string | undefined, rest: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        queries: { type: "string" },
        pools: { type: "string" },
        candidates: { type: "string" },
        out: { type: "string" },
        qrels: { type: "string" },
        charges: { type: "string", default: "given" },
        index: { type: "string" },
        tag: { type: "string" },
        threads: { type: "string" },
        "no-relatedness": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (sub === "relatedness" || sub === "cv") {
    if (!values.queries || !values.pools || !values.candidates || !values.qrels) {
      process.stderr.write(USAGE);
      return 2;
    }
    if (values.charges !== "given" && values.charges !== "predicted") {
      process.stderr.write("--charges must be given or predicted\n");
      return 2;
    }
    const queries = readQueries(values.queries);
    const pools = readPools(values.pools);
    const qrels = readQrels(values.qrels);
    const charges = values.charges;
    const index = {
      candidates: values.candidates,
      indexDir: values.index,
      threads: values.threads ? Number(values.threads) : undefined,
      log: (line: string) => process.stderr.write(`${line}\n`),
    };
    if (sub === "relatedness") {
      const out = values.out ?? CHARGE_RELATEDNESS_MODULE;
      const pairs = await withPoolIndex(index, async (dir) =>
        writeRelatednessModule(
          out,
          relatednessExamples(queries, pools, qrels, await poolCaseCharges(dir, pools)),
        ),
      );
      process.stderr.write(`${pairs} related charge pairs from ${queries.length} queries → ${out}\n`);
      return 0;
    }
    const results = await withPoolIndex(index, async (dir) => {
      const out: CrossValidation[] = [];
      for (const folds of ["2-fold", "leave-one-query-out"] as const)
        out.push(await crossValidateRelatedness(dir, queries, pools, qrels, folds, charges));
      return out;
    });
    const lines = [
      `charge relatedness, cross-validated over ${queries.length} queries (charges ${charges}), pool protocol`,
      `${"".padEnd(30)} P@5     P@10    MAP     NDCG@10  NDCG@20  NDCG@30`,
    ];
    for (const r of results) {
      lines.push(
        formatScores(`${r.folds}, learned`, r.learned),
        formatScores(`${r.folds}, without`, r.without),
      );
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  }
  if (sub === "rank") {
    if (!values.queries || !values.pools || !values.candidates || !values.out) {
      process.stderr.write(USAGE);
      return 2;
    }
    if (values.charges !== "given" && values.charges !== "predicted") {
      process.stderr.write("--charges must be given or predicted\n");
      return 2;
    }
    const withoutRelatedness = values["no-relatedness"];
    const started = Date.now();
    const rankings = await rankPools({
      queries: values.queries,
      pools: values.pools,
      candidates: values.candidates,
      indexDir: values.index,
      charges: values.charges,
      threads: values.threads ? Number(values.threads) : undefined,
      log: (line) => process.stderr.write(`${line}\n`),
      // Without the table a case counts only for the query charges it holds (as `cv` "without").
      ranking: withoutRelatedness
        ? { legal: { ...DEFAULT_LEGAL_WEIGHTS, relatedCharges: undefined } }
        : undefined,
    });
    const tag = values.tag ?? `netcourt-${values.charges}${withoutRelatedness ? "-no-relatedness" : ""}`;
    writeFileSync(values.out, formatTrecRun(rankings, tag));
    process.stderr.write(
      `ranked ${rankings.length} queries in ${((Date.now() - started) / 1000).toFixed(1)} s → ${values.out}\n`,
    );
    return 0;
  }
  if (sub === "eval") {
    const runPath = positionals[0];
    if (!values.qrels || !values.pools || !runPath) {
      process.stderr.write(USAGE);
      return 2;
    }
    const qrels = readQrels(values.qrels);
    const qids = [...readPools(values.pools).keys()];
    const run = readTrecRun(runPath);
    const pool = evaluateRun(run, qrels, "pool", qids);
    const labelled = evaluateRun(run, qrels, "labelled", qids);
    const lines = [
      `queries: ${qids.length}`,
      `${"protocol".padEnd(30)} P@5     P@10    MAP     NDCG@10  NDCG@20  NDCG@30`,
      formatScores("pool (CAIL2021 official)", pool),
      formatScores("labelled-only (README tables)", labelled),
      "P@K and MAP drop unlabelled documents under both protocols; NDCG@30 pool protocol is the headline.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  }
  if (sub === undefined || sub === "help" || sub === "--help") {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}
