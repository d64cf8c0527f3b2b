import { SignatureType, isValidKeyName, parseVerifierKey } from "@netcourt/ledger";
import { z } from "zod";

/** A witness the log asks for cosignatures (c2sp.org/tlog-witness). */
export interface WitnessConfig {
  /** The witness's key name. */
  name: string;
  /** Its cosignature verifier key (type 0x04). */
  vkey: string;
  /** Base URL; the log POSTs to `<url>/add-checkpoint`. */
  url: string;
}

/** How the ledger runs (environment variables in parentheses). */
export interface LedgerConfig {
  /** The log's origin, used when the log is created; afterwards the stored one wins (LEDGER_ORIGIN). */
  origin: string;
  /** How often a new checkpoint is signed when the log grew (LEDGER_CHECKPOINT_MS, default 500). */
  checkpointIntervalMs: number;
  /** Witnesses (LEDGER_WITNESSES, JSON `[{ name, vkey, url }]`). */
  witnesses: WitnessConfig[];
  /** Cosignatures needed before a checkpoint is published (LEDGER_WITNESS_QUORUM, default a majority). */
  quorum: number;
  /** How long a deposit request waits for a cosigned checkpoint (LEDGER_PUBLISH_TIMEOUT_MS, default 30 s). */
  publishTimeoutMs: number;
  /** Timeout of one add-checkpoint call (LEDGER_WITNESS_TIMEOUT_MS, default 5 s). */
  witnessTimeoutMs: number;
  /** Re-submit an unchanged checkpoint this often so cosignature times stay fresh (LEDGER_COSIGN_REFRESH_MS). */
  cosignatureRefreshMs: number;
  /** The log's private key itself, the same on every server (LEDGER_LOG_KEY); wins over the file. */
  logKey?: string | undefined;
  /** A key file every server reads, e.g. on shared storage (LEDGER_LOG_KEY_FILE; default DATA_DIR/ledger/log.key). */
  logKeyFile?: string | undefined;
  /** How often a server checks the database for a checkpoint another server published (LEDGER_FOLLOW_MS, default 1 s). */
  followMs: number;
  /**
   * Fixed ports of the demo's three witnesses, so their addresses survive a restart
   * (LEDGER_DEMO_WITNESS_PORTS, e.g. `7381,7382,7383`); unset: free ports.
   */
  demoWitnessPorts?: number[] | undefined;
}

const ZWitness = z.strictObject({
  name: z.string().refine(isValidKeyName, "invalid key name"),
  vkey: z.string().refine((vkey) => {
    try {
      return parseVerifierKey(vkey).type === SignatureType.cosignatureV1;
    } catch {
      return false;
    }
  }, "must be a tlog-cosignature (type 0x04) verifier key"),
  url: z.url(),
});

const ZLedgerEnvironment = z.object({
  LEDGER_ORIGIN: z
    .string()
    .refine(isValidKeyName, "a key name: no spaces, no +")
    .default("netcourt.local/ledger"),
  LEDGER_CHECKPOINT_MS: z.coerce.number().int().min(10).max(3_600_000).default(500),
  LEDGER_WITNESSES: z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(ZWitness)),
  LEDGER_WITNESS_QUORUM: z.coerce.number().int().min(0).optional(),
  LEDGER_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  LEDGER_WITNESS_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  LEDGER_COSIGN_REFRESH_MS: z.coerce.number().int().min(1_000).default(60_000),
  LEDGER_LOG_KEY: z.string().trim().min(1).optional(),
  LEDGER_LOG_KEY_FILE: z.string().trim().min(1).optional(),
  LEDGER_FOLLOW_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  LEDGER_DEMO_WITNESS_PORTS: z
    .string()
    .trim()
    .regex(/^\d{1,5}(,\d{1,5})*$/, "comma-separated port numbers")
    .transform((text) => text.split(",").map(Number))
    .pipe(z.array(z.number().int().min(1).max(65535)).length(3, "one port for each of the 3 demo witnesses"))
    .optional(),
});

/** The default quorum: a majority of the configured witnesses (0 when there are none). */
export function majority(count: number): number {
  return count === 0 ? 0 : Math.floor(count / 2) + 1;
}

/** Reads the ledger's settings from the environment; throws with every problem listed. */
export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const parsed = ZLedgerEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid ledger configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const quorum = e.LEDGER_WITNESS_QUORUM ?? majority(e.LEDGER_WITNESSES.length);
  if (quorum > e.LEDGER_WITNESSES.length)
    throw new Error("invalid ledger configuration: LEDGER_WITNESS_QUORUM exceeds the number of witnesses");
  return {
    origin: e.LEDGER_ORIGIN,
    checkpointIntervalMs: e.LEDGER_CHECKPOINT_MS,
    witnesses: e.LEDGER_WITNESSES,
    quorum,
    publishTimeoutMs: e.LEDGER_PUBLISH_TIMEOUT_MS,
    witnessTimeoutMs: e.LEDGER_WITNESS_TIMEOUT_MS,
    cosignatureRefreshMs: e.LEDGER_COSIGN_REFRESH_MS,
    logKey: e.LEDGER_LOG_KEY,
    logKeyFile: e.LEDGER_LOG_KEY_FILE,
    followMs: e.LEDGER_FOLLOW_MS,
    demoWitnessPorts: e.LEDGER_DEMO_WITNESS_PORTS,
  };
}

/** The configuration from the environment with `overrides` applied (quorum: a majority of the witnesses unless given). */
export function resolveLedgerConfig(
  overrides: Partial<LedgerConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): LedgerConfig {
  const base = loadLedgerConfig(env);
  const witnesses = overrides.witnesses ?? base.witnesses;
  const quorum =
    overrides.quorum ?? (overrides.witnesses ? majority(overrides.witnesses.length) : base.quorum);
  if (quorum > witnesses.length) throw new Error("ledger quorum exceeds the number of witnesses");
  return { ...base, ...overrides, witnesses, quorum };
}
