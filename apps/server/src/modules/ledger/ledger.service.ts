import path from "node:path";
import { createSignerFromPrivateKey, emptyTreeHash } from "@netcourt/ledger";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock, DB } from "../../platform";
import type { Ledger } from "../../platform/ports/index";
import { Checkpointer, type PublishedCheckpoint } from "./ledger.checkpointer";
import type { LedgerConfig, WitnessConfig } from "./ledger.config";
import { loadOrCreateLogKey, useNativeCrypto } from "./ledger.keys";
import { insertInitialState, readState } from "./ledger.repository";
import { Sequencer } from "./ledger.sequencer";
import { TileStore } from "./ledger.tiles";
import { WitnessClient } from "./ledger.witness-client";

declare module "../../platform/ports/ledger" {
  /** The running evidence ledger of one server: its key, tiles, sequencer and checkpointer. */
  interface Ledger {
    readonly config: LedgerConfig;
    /** The log's origin (as stored when the log was created). */
    readonly origin: string;
    /** The log's note verifier key (`/ledger/key`). */
    readonly verifierKey: string;
    readonly witnesses: readonly WitnessConfig[];
    readonly quorum: number;
    readonly tiles: TileStore;
    readonly sequencer: Sequencer;
    readonly checkpointer: Checkpointer;
    readonly witnessClient: WitnessClient;
    /** The latest published checkpoint, if any. */
    readonly published: PublishedCheckpoint | undefined;
  }
}

export type { Ledger };

export interface CreateLedgerOptions {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  dataDir: string;
  config: LedgerConfig;
  fetch?: typeof fetch;
}

/**
 * Opens the ledger: loads (or creates) the log key in `DATA_DIR/ledger/log.key` and the log's state
 * row. Refuses a key that is not the one the log was created with: a log never changes its key
 * silently (rotation signs with both keys for a while, docs/ledger.md).
 */
export async function createLedger(options: CreateLedgerOptions): Promise<Ledger> {
  useNativeCrypto();
  const { db, clock, log, config } = options;
  const key = await loadOrCreateLogKey(options.dataDir, config.origin);
  await insertInitialState(db, {
    origin: key.origin,
    verifierKey: key.verifierKey,
    rootHash: emptyTreeHash(),
    now: clock.now(),
  });
  const state = await readState(db);
  if (!state) throw new Error("ledger state row is missing");
  if (state.verifierKey !== key.verifierKey) {
    throw new Error(
      `the ledger key in ${options.dataDir}/ledger/log.key (${key.verifierKey}) is not the log's key ` +
        `(${state.verifierKey}); restore the log's key file`,
    );
  }
  if (state.origin !== config.origin) {
    log.warn(
      { origin: state.origin, configured: config.origin },
      "ledger origin is fixed; LEDGER_ORIGIN ignored",
    );
  }
  // The full level-0 tiles beside the log key: a server's own copy, filled from the database.
  const tiles = new TileStore(db, { tileFile: path.join(options.dataDir, "ledger", "tiles-0.bin"), log });
  const sequencer = new Sequencer(db, clock, tiles, log);
  const witnessClient = new WitnessClient(config.witnesses, {
    timeoutMs: config.witnessTimeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const checkpointer = new Checkpointer({
    db,
    clock,
    log,
    tiles,
    sequencer,
    signer: createSignerFromPrivateKey(key.privateKey),
    origin: state.origin,
    client: witnessClient,
    witnesses: config.witnesses,
    quorum: config.quorum,
    intervalMs: config.checkpointIntervalMs,
    refreshMs: config.cosignatureRefreshMs,
  });
  let running = false;
  let starting: Promise<void> | undefined;
  return {
    config,
    origin: state.origin,
    verifierKey: key.verifierKey,
    witnesses: config.witnesses,
    quorum: config.quorum,
    tiles,
    sequencer,
    checkpointer,
    witnessClient,
    get isRunning() {
      return running;
    },
    get published() {
      return checkpointer.published;
    },
    start() {
      starting ??= (async () => {
        await sequencer.start();
        await checkpointer.start();
        running = true;
      })();
      return starting;
    },
    async stop() {
      if (starting) await starting.catch(() => undefined);
      running = false;
      await checkpointer.stop();
      await sequencer.stop();
    },
  };
}
