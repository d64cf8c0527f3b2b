import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig, withConfiguredDatabase } from "../../platform";
import { importJudgments } from "./commands/import-judgments";
import { importLaws } from "./commands/import-laws";
import { JUDGMENT_FORMATS, type JudgmentFormat } from "./search.formats";
import { JudgmentIndexSync } from "./search.index-sync";
import { judgmentIndexDir } from "./search.service";

const LAWS_USAGE = `usage: netcourt laws import [--dir <folder with laws.jsonl.gz and articles.jsonl.gz>]
  default folder: $LAWS_DIR, else the copy shipped with netcourt (apps/server/corpora/laws).
  Idempotent: importing again replaces each law's articles and the repeals it states.
`;

/** `netcourt laws import`: loads the laws corpus into the catalogue. */
export async function runLawsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { dir: { type: "string" }, help: { type: "boolean" } },
  });
  if (sub !== "import" || values.help) {
    process.stderr.write(LAWS_USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const dir = values.dir ?? config.lawsDir;
  if (!dir) {
    process.stderr.write(`no corpus folder: LAWS_DIR is empty; pass --dir\n${LAWS_USAGE}`);
    return 2;
  }
  const started = performance.now();
  const result = await withConfiguredDatabase(config, (database) =>
    importLaws(database.db, { dir: path.resolve(dir) }),
  );
  process.stdout.write(
    `imported ${result.laws} laws, ${result.articles} articles, ${result.repeals} repeals in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

const JUDGMENTS_USAGE = `usage: netcourt judgments import --file <corpus.jsonl[.gz]> [--format netcourt|lecard|cail]
                                [--court <court code, e.g. 浙0192>] [--unpublished] [--limit <n>]
  Loads a judgment corpus into the archive (idempotent by source and id) and indexes it. A running
  server indexes new rows within seconds; otherwise the command updates the index under DATA_DIR.
  --unpublished: judgments without their own flag are visible only to staff of --court.
       netcourt judgments anonymise --in <judgments.jsonl> --out <anonymised.jsonl> [--changes]
  Anonymises judgment texts for publication (judgments anonymise --help).
`;

/** `netcourt judgments import`: loads a court's archive or a public corpus into the judgments table and index. */
export async function runJudgmentsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "anonymise") return (await import("../publication/index")).runAnonymiseCommand(rest);
  const { values } = parseArgs({
    args: rest,
    options: {
      file: { type: "string" },
      format: { type: "string", default: "netcourt" },
      court: { type: "string" },
      unpublished: { type: "boolean", default: false },
      limit: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (sub !== "import" || values.help || !values.file) {
    process.stderr.write(JUDGMENTS_USAGE);
    return values.help ? 0 : 2;
  }
  const format = values.format as JudgmentFormat;
  if (!JUDGMENT_FORMATS.includes(format)) {
    process.stderr.write(`unknown format ${values.format}\n${JUDGMENTS_USAGE}`);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
    process.stderr.write(`--limit must be a positive integer\n`);
    return 2;
  }
  const config = loadConfig();
  const started = performance.now();
  return withConfiguredDatabase(config, async (database) => {
    const result = await importJudgments(database.db, {
      file: path.resolve(values.file ?? ""),
      format,
      courtCode: values.court,
      published: !values.unpublished,
      limit,
      now: new Date(),
      onProgress: (p) => process.stderr.write(`\r${p.read} read, ${p.inserted} new, ${p.updated} replaced`),
    });
    process.stderr.write("\n");
    for (const problem of result.problems) process.stderr.write(`line ${problem.line}: ${problem.message}\n`);
    process.stdout.write(
      `${result.read} lines: ${result.inserted} new, ${result.updated} replaced, ${result.rejected} rejected (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    const sync = await JudgmentIndexSync.open({
      db: database.db,
      dir: judgmentIndexDir(config.dataDir),
      log: pino({ level: "warn" }),
      index: { refreshMs: 0 },
    });
    if (!sync) {
      process.stdout.write(
        "the running server holds the index and indexes the new judgments within seconds\n",
      );
    } else {
      try {
        const indexed = await sync.sync();
        process.stdout.write(
          `indexed ${indexed} judgments (${sync.index.stats().documents} in the index) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      } finally {
        await sync.close();
      }
    }
    return result.rejected > 0 && result.inserted + result.updated === 0 ? 1 : 0;
  });
}
