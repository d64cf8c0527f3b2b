// `netcourt ledger policy [--apply]`: shows the log's trust policy (its witnesses and quorum, kept with
// the log in the database) against this environment's LEDGER_WITNESSES / LEDGER_WITNESS_QUORUM, and with
// --apply makes the environment's the log's policy — the deliberate step when a witness is enrolled or
// removed, since a server configured otherwise than the log refuses to start.
import { parseArgs } from "node:util";
import { loadConfig, systemMeta, withConfiguredDatabase, type Database } from "../../../platform";
import { loadLedgerConfig } from "../ledger.config";
import { readPolicy } from "../ledger.repository";
import {
  configuredPolicy,
  policyDifference,
  replaceTrustPolicy,
  type TrustPolicy,
} from "../ledger.trust-policy";

const USAGE = `usage: netcourt ledger policy [--apply]

Prints the log's trust policy (witnesses and quorum, stored with the log) and whether this
environment's LEDGER_WITNESSES / LEDGER_WITNESS_QUORUM agree with it. Every server of the log must be
configured with the log's policy or it refuses to start.

options:
  --apply   make this environment's witnesses and quorum the log's policy (recorded in the audit log);
            then restart every server with the same LEDGER_WITNESSES and LEDGER_WITNESS_QUORUM
exit status: 0 agree (or applied), 1 differ, 2 usage or configuration error
`;

export interface PolicyCliIo {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** An open database (tests); otherwise the configured one. */
  database?: Database;
}

const describePolicy = (policy: TrustPolicy): string =>
  [
    `quorum ${policy.quorum} of ${policy.witnesses.length}`,
    ...policy.witnesses.map((w) => `  ${w.name}  ${w.vkey}`),
  ].join("\n");

export async function runPolicyCommand(argv: string[], io: PolicyCliIo = {}): Promise<number> {
  const out = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const env = io.env ?? process.env;
  let values: { apply?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { apply: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    err(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  let configured: TrustPolicy;
  try {
    configured = configuredPolicy(loadLedgerConfig(env));
  } catch (error) {
    err(`error: ${(error as Error).message}\n`);
    return 2;
  }
  const work = async (database: Database): Promise<number> => {
    const stored = await readPolicy(database.db);
    if (values.apply) {
      const now = io.now?.() ?? new Date();
      await replaceTrustPolicy(database.db, configured, systemMeta("ledger-policy-cli", now));
      out(`the log's trust policy is now: ${describePolicy(configured)}\n`);
      return 0;
    }
    if (!stored) {
      out(
        `the log has no trust policy yet; the first server to start records its own:\n${describePolicy(configured)}\n`,
      );
      return 0;
    }
    out(`the log's trust policy: ${describePolicy(stored)}\n`);
    const difference = policyDifference(stored, configured);
    if (difference) {
      out(`this environment differs: ${difference}\n`);
      return 1;
    }
    out("this environment agrees with it\n");
    return 0;
  };
  return io.database ? work(io.database) : withConfiguredDatabase(loadConfig(env), work);
}
