import path from "node:path";
import { emptyTreeHash } from "@netcourt/ledger";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock, DB } from "../../platform";
import { changeFeedOf, type ChangeFeed } from "../../platform/db/change-feed";
import type { Ledger } from "../../platform/ports/index";
import { Checkpointer, type PublishedCheckpoint } from "./ledger.checkpointer";
import type { LedgerConfig, WitnessConfig } from "./ledger.config";
import { configuredLogKeyStore, useNativeCrypto, type LogKeyStore } from "./ledger.keys";
import { insertInitialState, readState } from "./ledger.repository";
import { Sequencer } from "./ledger.sequencer";
import { TileStore } from "./ledger.tiles";
import { configuredPolicy, establishTrustPolicy, type TrustPolicy } from "./ledger.trust-policy";
import { WitnessClient } from "./ledger.witness-client";

declare module "../../platform/ports/ledger" {
  /** The running evidence ledger of one server: its key, tiles, sequencer and checkpointer. */
  interface Ledger {
    readonly config: LedgerConfig;
    /** The log's origin (as stored when the log was created). */
    readonly origin: string;
    /** The log's note verifier key (`/ledger/key`). */
    readonly verifierKey: string;
    /** The log's witnesses (its trust policy) with this server's URLs for them. */
    readonly witnesses: readonly WitnessConfig[];
    /** The log's quorum (its trust policy). */
    readonly quorum: number;
    /** The log's trust policy as stored with the log. */
    readonly policy: TrustPolicy;
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
  /** Change notifications of the database: checkpoints published by other servers arrive at once. */
  changes?: ChangeFeed;
  /** Where the log key lives; by default LEDGER_LOG_KEY, LEDGER_LOG_KEY_FILE or DATA_DIR/ledger/log.key. */
  keyStore?: LogKeyStore;
}

/**
 * Opens the ledger: loads (or creates) the log key from its key store (LEDGER_LOG_KEY,
 * LEDGER_LOG_KEY_FILE or `DATA_DIR/ledger/log.key`), the log's state row and its trust policy.
 * Refuses a key that is not the one the log was created with — a log never changes its key silently
 * (rotation signs with both keys for a while, docs/ledger.md) — and a witness configuration that is
 * not the log's policy, so that no server publishes under another one.
 */
export async function createLedger(options: CreateLedgerOptions): Promise<Ledger> {
  useNativeCrypto();
  const { db, clock, log, config } = options;
  const keyStore = options.keyStore ?? configuredLogKeyStore(config, options.dataDir);
  const key = await keyStore.open(config.origin);
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
      `the ledger key in ${keyStore.location} (${key.verifierKey}) is not the log's key ` +
        `(${state.verifierKey}); give every server the log's key`,
    );
  }
  if (state.origin !== config.origin) {
    log.warn(
      { origin: state.origin, configured: config.origin },
      "ledger origin is fixed; LEDGER_ORIGIN ignored",
    );
  }
  const policy = await establishTrustPolicy(db, configuredPolicy(config), clock.now());
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
    signer: key.signer,
    origin: state.origin,
    client: witnessClient,
    witnesses: config.witnesses,
    quorum: policy.quorum,
    intervalMs: config.checkpointIntervalMs,
    refreshMs: config.cosignatureRefreshMs,
    changes: options.changes ?? changeFeedOf(db),
    followMs: config.followMs,
  });
  let running = false;
  let starting: Promise<void> | undefined;
  return {
    config,
    origin: state.origin,
    verifierKey: key.verifierKey,
    witnesses: config.witnesses,
    quorum: policy.quorum,
    policy,
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
