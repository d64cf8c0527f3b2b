/**
 * The evidence ledger as the application runs it: started once the server listens, stopped before
 * the database closes. The ledger module adds its own parts (key, tiles, sequencer, checkpointer) to
 * this interface by declaration merging in modules/ledger/ledger.service.ts, so the application's
 * context names the ledger without importing the module (and the module's files import the context
 * without a cycle).
 */
export interface Ledger {
  /** True between start() and stop(). */
  readonly isRunning: boolean;
  /** Starts the sequencer and the checkpoint timer (idempotent). */
  start(): Promise<void>;
  /** Stops both; waiting deposits fail with `ledger_unavailable`. */
  stop(): Promise<void>;
}
