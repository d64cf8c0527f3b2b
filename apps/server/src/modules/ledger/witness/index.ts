// The ledger's witness: an independent tlog-witness process a notary office, arbitration body, CA or
// another court runs with its own key and memory (docs/witness.md), and the demo's local witnesses.
export {
  DEMO_WITNESSES,
  startLocalWitnesses,
  type LocalWitness,
  type StartLocalWitnessesOptions,
} from "./witness.local";
export {
  addCheckpoint,
  startWitnessServer,
  type RunningWitness,
  type WitnessLogger,
  type WitnessOptions,
} from "./witness.server";
export { WitnessStateStore, originId, type OriginRecord } from "./witness.state";
export { loadOrCreateWitnessKey, witnessKeyFrom, type WitnessKey } from "./witness.key";
export { logsByOrigin, readLogKeys } from "./witness.config";
