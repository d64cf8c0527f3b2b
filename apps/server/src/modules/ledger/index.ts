// The evidence ledger (docs/ledger.md): an RFC 9162 Merkle log served as tlog-tiles, checkpoints
// cosigned by witnesses, deposits by third-party platforms (存证) and verification in cases (核验).
export { registerLedgerRoutes } from "./ledger.routes";
export { createLedger, type Ledger, type CreateLedgerOptions } from "./ledger.service";
export {
  loadLedgerConfig,
  majority,
  resolveLedgerConfig,
  type LedgerConfig,
  type WitnessConfig,
} from "./ledger.config";
export {
  configuredLogKeyStore,
  environmentLogKeyStore,
  fileLogKeyStore,
  useNativeCrypto,
  type LogKey,
  type LogKeyStore,
  type LogSigningKey,
} from "./ledger.keys";
export { policyDifference, type TrustPolicy } from "./ledger.trust-policy";
export {
  appendCourtEvent,
  appendEvidenceSubmission,
  courtEventKinds,
  type CourtEventInput,
  type CourtEventKind,
  type EvidenceSubmissionInput,
} from "./commands/append-court-event";
export { recordLedgerVerification, type RecordVerificationInput } from "./commands/record-verification";
export { summariseLedgerVerifications } from "./ledger.queries";
export { ZVerificationSummary, type TVerificationSummary } from "./ledger.schemas";
export {
  LEAF_VERSION,
  canonicalJson,
  commitmentOf,
  decodeLeaf,
  encodeLeaf,
  encodeOpening,
  hashLeaf,
  type CourtEventLeaf,
  type DepositLeaf,
  type DepositOpening,
  type EventOpening,
  type EvidenceLeaf,
  type JsonValue,
  type Leaf,
} from "./ledger.leaves";
export { signPlatformRequest, type PlatformSigningKey } from "./ledger.platform-client";
export type { PublishedCheckpoint } from "./ledger.checkpointer";
export {
  DEMO_WITNESS_QUORUM,
  findCoHostedWitnesses,
  startDemoWitnesses,
  type CoHostedWitness,
  type DemoWitnesses,
} from "./ledger.demo-witnesses";
