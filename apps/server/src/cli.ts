/**
 * The `netcourt` command. Each subcommand lives in the module that owns it and is loaded lazily,
 * so `npx netcourt similar …` does not start the server or open a database it does not need.
 */
type CommandRunner = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  serve: {
    summary: "start the server and web UI (same as npm start)",
    load: async () => (await import("./main")).runServeCommand,
  },
  admin: {
    summary: "provision a court: courts, divisions, staff invitations, TOTP key rotation (admin --help)",
    load: async () => (await import("./modules/admin/admin.cli")).runAdminCommand,
  },
  totp: {
    summary: "print the current TOTP code of a secret (default: the demo staff secret)",
    load: async () => (await import("./seed/totp.cli")).runTotpCommand,
  },
  similar: {
    summary: "similar-case retrieval on LeCaRD: rank pools (TREC run) and evaluate",
    // Evaluation tools live in @netcourt/evaluation (packages/evaluation), which the server does not ship.
    load: async () => (await import("@netcourt/evaluation/similar")).runSimilarCommand,
  },
  predict: {
    summary: "criminal outcome prediction (CAIL2018): predict charges, articles, terms; evaluate",
    load: async () => (await import("@netcourt/evaluation/predict")).runPredictCommand,
  },
  laws: {
    summary: "import the laws corpus into the law catalogue (laws import --dir …)",
    load: async () => (await import("./modules/search/search.cli")).runLawsCommand,
  },
  judgments: {
    summary: "import a judgment corpus into the archive and index; anonymise judgment texts (JSONL)",
    load: async () => (await import("./modules/search/search.cli")).runJudgmentsCommand,
  },
  witness: {
    summary: "run an independent ledger witness (c2sp.org/tlog-witness) with its own key and state",
    load: async () => (await import("./modules/ledger/witness/witness.cli")).runWitnessCommand,
  },
  verify: {
    summary: "verify a deposit receipt (存证凭证) offline and, with --log, against the live log",
    load: async () => (await import("./modules/ledger/tools/verify.cli")).runVerifyCommand,
  },
  ledger: {
    summary: "ledger tools: `ledger monitor` checks checkpoints seen by different parties for a split view",
    load: async () => (await import("./modules/ledger/tools/monitor.cli")).runLedgerCommand,
  },
};

/** Registers a subcommand; modules call this from the table above only. */
export function listCommands(): string[] {
  return Object.keys(commands);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    const lines = Object.entries(commands).map(([key, value]) => `  ${key.padEnd(10)} ${value.summary}`);
    process.stderr.write(`usage: netcourt <command> [options]\n\ncommands:\n${lines.join("\n")}\n`);
    return name === undefined || name === "--help" || name === "help" ? 0 : 2;
  }
  let run: CommandRunner;
  try {
    run = await command.load();
  } catch (error) {
    // The evaluation commands live in a workspace package a production install may leave out.
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    process.stderr.write(
      `netcourt ${name}: this installation does not include it (${(error as Error).message.split("\n")[0]}); ` +
        "install the repository's workspaces with `npm ci` to use it\n",
    );
    return 2;
  }
  return run(rest);
}

process.exitCode = await main(process.argv.slice(2));
