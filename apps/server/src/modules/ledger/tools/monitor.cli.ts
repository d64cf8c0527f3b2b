// `netcourt ledger monitor --checkpoint A --checkpoint B [--log URL]`: checks that checkpoints of the
// log seen by different parties (and the log's current one) are consistent, and reports a split view
// with its evidence: the two signed notes, their sizes and roots, and the proof that fails.
import { parseArgs } from "node:util";
import { toBase64 } from "@netcourt/ledger";
import {
  compareCheckpoints,
  LiveLog,
  type Fetch,
  type ObservedCheckpoint,
  type PairComparison,
} from "@netcourt/shared/ledger/live-log";
import { checkCheckpoint } from "@netcourt/shared/ledger/trust";
import { readTextSource, resolveTrust, trustOptionSpec, UsageError } from "./verify.cli";

const USAGE = `usage: netcourt ledger monitor --checkpoint <file|url> --checkpoint <file|url> [...] [options]

Checks that checkpoints of one log, as different parties saw them, are consistent: equal sizes need
equal roots, different sizes a consistency proof (from the log's tiles) valid for both signed roots.
With --log the log's current checkpoint is compared too. Two checkpoints signed by the log that are
not consistent are a split view; the report prints both notes as evidence.

options:
  --checkpoint <file|url>  a checkpoint note (repeat, at least two, or one with --log)
  --log <url>              the log's tlog-tiles prefix, e.g. https://court.example/ledger
  --policy <file|url>      trust policy (c2sp.org/tlog-policy); else --log-key/--witness/--quorum,
  --log-key <vkey>         else the policy the log publishes (trust on first use)
  --witness <vkey>
  --quorum <n>
  --json                   print the result as JSON
exit status: 0 consistent, 1 split view found, 2 usage error, 3 could not check
`;

export interface MonitorResult {
  outcome: "consistent" | "split_view" | "unverifiable";
  checkpoints: Array<{
    label: string;
    isSigned: boolean;
    origin: string | null;
    size: number | null;
    rootHash: string | null;
    cosigners: string[];
    isQuorumMet: boolean;
    problem: string | null;
  }>;
  comparisons: PairComparison[];
}

/** Compares every pair of observed checkpoints (a handful at most). */
export async function monitorCheckpoints(
  observed: ObservedCheckpoint[],
  log: LiveLog | null,
): Promise<MonitorResult> {
  const comparisons: PairComparison[] = [];
  for (let i = 0; i < observed.length; i++)
    for (let j = i + 1; j < observed.length; j++)
      comparisons.push(await compareCheckpoints(observed[i]!, observed[j]!, log));
  const outcome = comparisons.some((c) => c.outcome === "split_view")
    ? "split_view"
    : comparisons.some((c) => c.outcome === "unverifiable")
      ? "unverifiable"
      : "consistent";
  return {
    outcome,
    checkpoints: observed.map(({ label, check }) => ({
      label,
      isSigned: check.isSigned,
      origin: check.isSigned ? check.checkpoint.origin : null,
      size: check.isSigned ? check.checkpoint.size : null,
      rootHash: check.isSigned ? toBase64(check.checkpoint.rootHash) : null,
      cosigners: check.isSigned ? check.cosigners.map((c) => c.witness) : [],
      isQuorumMet: check.isSigned && check.isQuorumMet,
      problem: check.isSigned ? null : `${check.error}: ${check.message}`,
    })),
    comparisons,
  };
}

function formatReport(result: MonitorResult, observed: ObservedCheckpoint[]): string {
  const lines: string[] = [];
  for (const c of result.checkpoints) {
    lines.push(
      c.isSigned
        ? `  ${c.label}: ${c.origin} size ${c.size} root ${c.rootHash}; cosigned by ${c.cosigners.join(", ") || "no trusted witness"}${c.isQuorumMet ? "" : " (quorum NOT met)"}`
        : `  ${c.label}: NOT signed by the trusted log key — ${c.problem}`,
    );
  }
  for (const c of result.comparisons) {
    const mark = c.outcome === "consistent" ? "✓" : c.outcome === "split_view" ? "✗" : "?";
    lines.push(`${mark} ${c.smaller} ↔ ${c.larger}: ${c.outcome.replace("_", " ")} — ${c.evidence}`);
    if (c.proof.length > 0) lines.push(`    consistency proof: ${c.proof.join(" ")}`);
  }
  if (result.outcome === "split_view") {
    lines.push(
      "",
      "SPLIT VIEW: the log signed checkpoints that cannot both be true. Evidence (signed notes, verbatim):",
    );
    const involved = new Set(
      result.comparisons.filter((c) => c.outcome === "split_view").flatMap((c) => [c.smaller, c.larger]),
    );
    for (const o of observed.filter((o) => involved.has(o.label))) {
      lines.push(`----- ${o.label}`, o.note.trimEnd());
    }
    lines.push("-----", "分叉（split view）：日志对不同方签署了互不一致的检查点。以上签名检查点即为证据。");
  }
  const summary = {
    consistent: "consistent: no split view (一致，未发现分叉)",
    split_view: "SPLIT VIEW DETECTED (发现分叉)",
    unverifiable: "could not check every pair (无法完成检查)",
  }[result.outcome];
  return `netcourt ledger monitor\n${lines.join("\n")}\n${summary}\n`;
}

/** `netcourt ledger <subcommand>`: only `monitor` for now. */
export async function runLedgerCommand(
  argv: string[],
  io: { stdout?: (s: string) => void; stderr?: (s: string) => void; fetch?: Fetch } = {},
): Promise<number> {
  const [sub, ...rest] = argv;
  const err = io.stderr ?? ((s: string) => void process.stderr.write(s));
  if (sub === "monitor") return runMonitorCommand(rest, io);
  if (sub === "policy") return (await import("./policy.cli")).runPolicyCommand(rest, io);
  err(
    `usage: netcourt ledger monitor [options]   (netcourt ledger monitor --help)\n` +
      `       netcourt ledger policy [--apply]     (netcourt ledger policy --help)\n`,
  );
  return sub === undefined || sub === "--help" || sub === "help" ? 0 : 2;
}

export async function runMonitorCommand(
  argv: string[],
  io: { stdout?: (s: string) => void; stderr?: (s: string) => void; fetch?: Fetch } = {},
): Promise<number> {
  const out = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const fetchImpl: Fetch = io.fetch ?? ((url) => fetch(url));
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        checkpoint: { type: "string", multiple: true },
        log: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...trustOptionSpec,
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const sources = values.checkpoint ?? [];
  if (sources.length + (values.log ? 1 : 0) < 2) {
    err(`give at least two checkpoints, or one and --log\n\n${USAGE}`);
    return 2;
  }
  const log = values.log ? new LiveLog(values.log, fetchImpl) : null;
  let trust;
  try {
    trust = await resolveTrust(values, null, log, fetchImpl);
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 3;
  }
  if (!trust) {
    err("no trusted log key: give --policy or --log-key, or --log to use the policy the log publishes\n");
    return 2;
  }
  const observed: ObservedCheckpoint[] = [];
  try {
    for (const source of sources) {
      const note = await readTextSource(source, fetchImpl);
      observed.push({ label: source, note, check: checkCheckpoint(note, trust) });
    }
    if (log) {
      const note = await log.checkpoint();
      observed.push({ label: `${log.prefix}/checkpoint (now)`, note, check: checkCheckpoint(note, trust) });
    }
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return 3;
  }
  const result = await monitorCheckpoints(observed, log);
  if (values.json)
    out(
      `${JSON.stringify({ ...result, evidence: observed.map((o) => ({ label: o.label, note: o.note })) }, null, 2)}\n`,
    );
  else out(formatReport(result, observed));
  if (trust.source === "log")
    err(
      "note: the trusted keys were taken from the log itself (trust on first use); pin them with --policy\n",
    );
  return result.outcome === "consistent" ? 0 : result.outcome === "split_view" ? 1 : 3;
}
