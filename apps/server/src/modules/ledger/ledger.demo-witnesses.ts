import { loadLedgerConfig, type LedgerConfig } from "./ledger.config";
import { loadOrCreateLogKey } from "./ledger.keys";
import { DEMO_WITNESSES, startLocalWitnesses, type LocalWitness } from "./witness/index";

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
 * ports, each with its own key and state under `DATA_DIR/witnesses/<id>/`, trusting this log's key.
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
  const key = await loadOrCreateLogKey(options.dataDir, loadLedgerConfig(env).origin);
  const running = await startLocalWitnesses({
    dataDir: options.dataDir,
    logVerifierKey: key.verifierKey,
    origin: key.origin,
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
