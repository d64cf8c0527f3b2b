// @netcourt/ledger — RFC 9162 Merkle log, C2SP signed notes, checkpoints, cosignatures, tiles,
// receipts and witness rules. Pure TypeScript: no Node APIs, runs in Node and browsers.
export { LedgerError, type LedgerErrorCode } from "./errors";
export { bytesEqual, concatBytes, fromBase64, fromHex, fromUtf8, toBase64, toHex, utf8 } from "./encoding";
export { setSha256, sha256, type Sha256Function } from "./sha256";
export { setEd25519, type Ed25519 } from "./ed25519";

export {
  HASH_SIZE,
  emptyTreeHash,
  foldSubtreeHashes,
  leafHash,
  nodeHash,
  treeHash,
  treeHashOfEntries,
} from "./merkle";
export { consistencyProof, inclusionProof } from "./proofs";
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from "./verify";
export { RightEdgeTree, type RightEdgeState } from "./right-edge-tree";
export {
  completeSubtreeHash,
  consistencyProofRanges,
  inclusionProofRanges,
  readConsistencyProof,
  readInclusionProof,
  readInclusionProofs,
  readTreeHash,
  subtreesOfRange,
  type SubtreeHashSource,
  type SubtreeId,
} from "./subtrees";

export {
  MAX_TILE_LEVEL,
  TILE_HEIGHT,
  TILE_WIDTH,
  changedTiles,
  formatEntryBundlePath,
  formatTileIndex,
  formatTilePath,
  hashCountAtLevel,
  parseTilePath,
  rightEdgeTiles,
  tilesForTreeSize,
  type Tile,
  type TilePath,
} from "./tile-path";
export {
  decodeHashTile,
  encodeHashTile,
  rightEdgeHashes,
  tileConsistencyProof,
  tileHashSource,
  tileInclusionProof,
  tileInternalNodes,
  tileTreeHash,
  treeHashFromRightEdge,
  type RightEdgeTileData,
  type TileReader,
} from "./tile-hashes";
export { updateTiles, updateTilesFromReader, type TileUpdate, type TileUpdateResult } from "./tile-update";
export {
  MAX_ENTRY_SIZE,
  decodeEntryBundle,
  encodeEntryBundle,
  updateEntryBundles,
  type EntryBundleUpdate,
} from "./entry-bundle";

export {
  DEFAULT_MAX_SIGNATURES,
  checkNoteSignatures,
  checkNoteText,
  formatNote,
  formatSignatureLine,
  hexId,
  isValidKeyName,
  openNote,
  parseNote,
  parseSignatureLine,
  parseSignatureLines,
  signNote,
  type Note,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  type OpenedNote,
} from "./note";
export {
  SignatureType,
  computeKeyId,
  createEd25519Signer,
  createEd25519Verifier,
  createSignerFromPrivateKey,
  ed25519VerifierKey,
  formatPrivateKey,
  formatVerifierKey,
  generateKey,
  parsePrivateKey,
  parseVerifierKey,
  randomSeed,
  type PrivateKey,
  type VerifierKey,
} from "./keys";
export { createVerifier } from "./verifiers";
export { formatCheckpoint, parseCheckpoint, type Checkpoint } from "./checkpoint";
export {
  cosignCheckpoint,
  cosignatureMessage,
  cosignatureTimestamp,
  createCosignatureVerifier,
  createCosigner,
  parseCosignatureLine,
  type CosignatureLine,
} from "./cosignature";
export {
  verifyCheckpoint,
  verifyCheckpointWithPolicy,
  type CheckpointTrust,
  type VerifiedCheckpoint,
  type WitnessCosignature,
} from "./verify-checkpoint";
export {
  isQuorumSatisfied,
  parseTlogPolicy,
  type PolicyGroup,
  type PolicyKey,
  type TlogPolicy,
} from "./policy";
export {
  TLOG_PROOF_HEADER,
  formatTlogProof,
  parseTlogProof,
  verifyTlogProof,
  type TlogProof,
  type VerifiedTlogProof,
} from "./tlog-proof";
export {
  MAX_PROOF_LINES,
  TLOG_SIZE_CONTENT_TYPE,
  addCosignatures,
  decideAddCheckpoint,
  formatAddCheckpointRequest,
  parseAddCheckpointRequest,
  type AddCheckpointRequest,
  type ParsedAddCheckpointRequest,
  type WitnessDecision,
  type WitnessLogState,
} from "./witness";
