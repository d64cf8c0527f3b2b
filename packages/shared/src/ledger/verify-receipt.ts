// Offline verification of a deposit receipt, step by step (一键核验): the file's SHA-256, the leaf,
// the opening's commitment, the checkpoint's log signature, inclusion, the witnesses' cosignatures and
// the quorum. Every step is reported, also after a failure, so a reader sees exactly what held.
import { leafHash, sha256, toBase64, toHex, verifyInclusion } from "@netcourt/ledger";
import { commitmentOf, leafEntry, type LedgerReceipt } from "./receipt";
import {
  checkCheckpoint,
  checkLogSignature,
  claimedCheckpoint,
  invalidCosigners,
  type Cosigner,
  type LedgerTrust,
} from "./trust";

export const verificationSteps = [
  "file_hash",
  "leaf",
  "commitment",
  "log_signature",
  "inclusion",
  "cosignatures",
  "quorum",
] as const;
export type VerificationStepId = (typeof verificationSteps)[number];

export type StepStatus = "ok" | "failed" | "skipped";

/** Signature failures with a message of their own; any other is reported as a malformed note. */
const signatureErrors = new Set([
  "unverified_note",
  "invalid_signature",
  "origin_mismatch",
  "malformed_note",
  "malformed_checkpoint",
  "invalid_argument",
  "malformed_key",
  "unsupported_key_type",
]);

/**
 * One step's outcome. `code` names the message (catalog `ledger:codes.<code>`), `params` fills it.
 * Hashes are lowercase hex (file) or base64 (Merkle), as the log publishes them.
 */
export interface VerificationStep {
  id: VerificationStepId;
  status: StepStatus;
  code: string;
  params: Record<string, string | number>;
}

export interface ReceiptVerification {
  /** True only when every required step is ok (the commitment step may be skipped). */
  isVerified: boolean;
  /** The first step that failed, if any. */
  failedStep: VerificationStepId | null;
  steps: VerificationStep[];
  index: number;
  fileSha256: string;
  /** RFC 9162 leaf hash recomputed from the leaf (base64), when the leaf is well-formed. */
  leafHash: string | null;
  /** The checkpoint the receipt leads to, once its log signature verified. */
  checkpoint: { origin: string; size: number; rootHash: string } | null;
  cosigners: Cosigner[];
}

/** SHA-256 of a file's bytes, lowercase hex. */
export function fileSha256(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}

/**
 * Verifies a receipt for a file offline against a trust policy (null: no trusted key was given, so
 * the signature steps fail with `no_trusted_key`). Never throws on hostile input.
 */
export function verifyReceipt(
  file: { sha256: string },
  receipt: LedgerReceipt,
  trust: LedgerTrust | null,
): ReceiptVerification {
  const steps: VerificationStep[] = [];
  const add = (id: VerificationStepId, status: StepStatus, code: string, params = {}) =>
    steps.push({ id, status, code, params });
  const leaf = receipt.leaf;

  add("file_hash", "ok", "file_hash", { sha256: file.sha256 });

  // The leaf: well-formed version 1, about this file, hashing to what the receipt says.
  const encoded = leafEntry(leaf);
  let leafHashBytes: Uint8Array | null = null;
  if ("problem" in encoded) {
    const { problem, ...params } = encoded;
    add("leaf", "failed", problem, params);
  } else {
    leafHashBytes = leafHash(encoded.entry);
    const computed = toBase64(leafHashBytes);
    if (leaf.sha256 !== file.sha256)
      add("leaf", "failed", "leaf_other_file", { leafSha256: String(leaf.sha256), sha256: file.sha256 });
    else if (receipt.leafHash !== null && receipt.leafHash !== computed)
      add("leaf", "failed", "leaf_hash_mismatch", { stated: receipt.leafHash, leafHash: computed });
    else
      add("leaf", "ok", "leaf_ok", {
        type: String(leaf.type),
        kind: String(leaf.kind),
        time: String(leaf.depositedAt ?? leaf.recordedAt),
        leafHash: computed,
      });
  }

  // The opening (title, occurredAt, metadata, salt) is what the commitment hides; optional.
  if (receipt.opening === null) add("commitment", "skipped", "commitment_absent");
  else {
    let commitment: string | null = null;
    try {
      commitment = commitmentOf(receipt.opening);
    } catch {
      commitment = null;
    }
    if (commitment !== null && commitment === leaf.commitment)
      add("commitment", "ok", "commitment_ok", {
        title: typeof receipt.opening.title === "string" ? receipt.opening.title : "",
        occurredAt: typeof receipt.opening.occurredAt === "string" ? receipt.opening.occurredAt : "",
      });
    else add("commitment", "failed", "commitment_mismatch", { commitment: String(leaf.commitment) });
  }

  // The checkpoint: signed by a trusted log key. Inclusion is still computed against its claimed
  // (size, root) when the signature cannot be checked, but then proves nothing.
  const checked = trust ? checkCheckpoint(receipt.checkpoint, trust) : null;
  // A signature that fails rejects the whole note (C2SP signed-note); whose it was decides the step.
  const logOnly =
    trust && checked && !checked.isSigned && checked.error === "invalid_signature"
      ? checkLogSignature(receipt.checkpoint, trust)
      : checked;
  const badCosignature = checked && !checked.isSigned && logOnly?.isSigned ? checked : null;
  const claimed = logOnly?.isSigned ? logOnly.checkpoint : claimedCheckpoint(receipt.checkpoint);
  if (!trust) add("log_signature", "failed", "no_trusted_key");
  else if (!logOnly!.isSigned)
    add(
      "log_signature",
      "failed",
      `signature_${signatureErrors.has(logOnly!.error) ? logOnly!.error : "malformed_note"}`,
      { message: logOnly!.message },
    );
  else
    add("log_signature", "ok", "signature_ok", {
      origin: logOnly!.checkpoint.origin,
      size: logOnly!.checkpoint.size,
      key: logOnly!.logKeys.join(", "),
      source: trust.source,
    });

  if (!claimed) add("inclusion", "failed", "checkpoint_malformed");
  else if (receipt.treeSize !== null && receipt.treeSize !== claimed.size)
    add("inclusion", "failed", "size_mismatch", { stated: receipt.treeSize, size: claimed.size });
  else if (!leafHashBytes) add("inclusion", "skipped", "inclusion_no_leaf");
  else if (verifyInclusion(receipt.index, claimed.size, leafHashBytes, receipt.proof, claimed.rootHash))
    add("inclusion", "ok", "inclusion_ok", {
      index: receipt.index,
      size: claimed.size,
      root: toBase64(claimed.rootHash),
      hashes: receipt.proof.length,
    });
  else add("inclusion", "failed", "inclusion_failed", { index: receipt.index, size: claimed.size });

  if (badCosignature) {
    add("cosignatures", "failed", "cosignature_invalid", {
      witness: invalidCosigners(receipt.checkpoint, trust!).join(", "),
      message: badCosignature.message,
    });
    add("quorum", "failed", "quorum_unchecked");
  } else if (!checked?.isSigned) {
    add("cosignatures", "skipped", "cosignatures_unchecked");
    add("quorum", "failed", "quorum_unchecked");
  } else {
    add("cosignatures", "ok", checked.cosigners.length > 0 ? "cosignatures_ok" : "cosignatures_none", {
      count: checked.cosigners.length,
      witnesses: checked.cosigners.map((c) => c.witness).join(", "),
      missing: checked.missing.join(", "),
    });
    add(
      "quorum",
      checked.isQuorumMet ? "ok" : "failed",
      checked.isQuorumMet ? "quorum_ok" : "quorum_not_met",
      {
        rule: checked.quorum,
        count: checked.cosigners.length,
      },
    );
  }

  const failed = steps.find((s) => s.status === "failed");
  return {
    isVerified: failed === undefined,
    failedStep: failed?.id ?? null,
    steps,
    index: receipt.index,
    fileSha256: file.sha256,
    leafHash: leafHashBytes ? toBase64(leafHashBytes) : null,
    checkpoint: checked?.isSigned
      ? {
          origin: checked.checkpoint.origin,
          size: checked.checkpoint.size,
          rootHash: toBase64(checked.checkpoint.rootHash),
        }
      : null,
    cosigners: checked?.isSigned ? checked.cosigners : [],
  };
}
