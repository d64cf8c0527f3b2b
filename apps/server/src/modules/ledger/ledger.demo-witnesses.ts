import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { loadLedgerConfig, type LedgerConfig, type WitnessConfig } from "./ledger.config";
import { configuredLogKeyStore } from "./ledger.keys";
import {
  DEMO_WITNESSES,
  loadOrCreateWitnessKey,
  startLocalWitnesses,
  type LocalWitness,
} from "./witness/index";

/** The demo's witnesses, running, and the ledger settings that make the log use them. */
export interface DemoWitnesses {
  witnesses: LocalWitness[];
  /** Ledger settings for createApp: the three witnesses, quorum 2 of 3. */
  ledger: Pick<LedgerConfig, "witnesses" | "quorum">;
  /** Console text listing the witnesses (printed with the demo accounts). */
  describe(): string;
  stop(): Promise<void>;
}

/** Cosignatures the demo log needs before it publishes a checkpoint: 2 of its 3 witnesses. */
export const DEMO_WITNESS_QUORUM = 2;

/**
 * The demo start's witness network: unless LEDGER_WITNESSES is set, runs the notary office (公证处),
 * the arbitration commission (仲裁委员会) and the CA as separate processes on their own loopback
 * ports (LEDGER_DEMO_WITNESS_PORTS, or free ones), each with its own key and state under
 * `DATA_DIR/witnesses/<id>/`, trusting this log's key.
 * Returns null when LEDGER_WITNESSES is set (a real deployment names its witnesses itself).
 */
export async function startDemoWitnesses(options: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  onOutput?: (line: string, stream: "stdout" | "stderr", witness: string) => void;
}): Promise<DemoWitnesses | null> {
  const env = options.env ?? process.env;
  if (env.LEDGER_WITNESSES !== undefined) return null;
  // The witnesses must know the log's key before the log asks them to cosign: it is made here on
  // first start (createLedger later loads the same file).
  const config = loadLedgerConfig(env);
  const key = await configuredLogKeyStore(config, options.dataDir).open(config.origin);
  const running = await startLocalWitnesses({
    dataDir: options.dataDir,
    logVerifierKey: key.verifierKey,
    origin: key.origin,
    ...(config.demoWitnessPorts ? { ports: config.demoWitnessPorts } : {}),
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
  const witnesses = running.witnesses;
  return {
    witnesses,
    ledger: {
      witnesses: witnesses.map((w) => ({ name: w.name, vkey: w.vkey, url: w.url })),
      quorum: DEMO_WITNESS_QUORUM,
    },
    describe() {
      const lines = witnesses.map((w) => {
        const demo = DEMO_WITNESSES.find((d) => d.id === w.id);
        const title = demo ? `${demo.title["zh-CN"]} ${demo.title.en}` : w.name;
        return `  ${title}\n      ${w.url}  ${w.vkey}`;
      });
      return [
        "",
        `Evidence ledger ${key.origin}: checkpoints are published once ${DEMO_WITNESS_QUORUM} of ${witnesses.length} witnesses cosign.`,
        `  log key  ${key.verifierKey}`,
        ...lines,
        "",
      ].join("\n");
    },
    stop: () => running.stop(),
  };
}

/** A configured witness that runs beside this log, and why we think so. */
export interface CoHostedWitness {
  name: string;
  reason: "key_readable" | "loopback_url";
}

/**
 * The configured witnesses that are no check on this log: those whose private key this process can
 * read (the demo witnesses keep theirs under DATA_DIR/witnesses/<id>/witness.key) and those reached
 * at a loopback address, i.e. on this very machine. A cosignature is worth something only when the
 * witness's key is out of the court's reach (c2sp.org/tlog-witness: witnesses are independent parties).
 */
export async function findCoHostedWitnesses(
  witnesses: readonly WitnessConfig[],
  dataDir: string,
): Promise<CoHostedWitness[]> {
  const readableKeys = new Set<string>();
  const folder = path.join(dataDir, "witnesses");
  let entries: string[] = [];
  try {
    entries = await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  for (const entry of entries) {
    try {
      readableKeys.add((await loadOrCreateWitnessKey(path.join(folder, entry, "witness.key"))).key.vkey);
    } catch {
      // not a witness folder, or a key this process cannot read: nothing co-hosted here
    }
  }
  const found: CoHostedWitness[] = [];
  for (const witness of witnesses) {
    if (readableKeys.has(witness.vkey)) found.push({ name: witness.name, reason: "key_readable" });
    else if (isLoopback(new URL(witness.url).hostname))
      found.push({ name: witness.name, reason: "loopback_url" });
  }
  return found;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (net.isIPv4(host)) return host.startsWith("127.");
  return host === "::1";
}
