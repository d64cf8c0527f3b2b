import { leafHash, toBase64 } from "@netcourt/ledger";
import type { AppContext } from "../../../context";
import { AppError } from "../../../platform";
import type { PlatformPrincipal } from "../ledger.auth";
import {
  encodeOpening,
  hashFromHex,
  randomSalt,
  type DepositLeaf,
  type DepositOpening,
  type JsonValue,
} from "../ledger.leaves";
import type { DepositItem } from "../ledger.sequencer";

/** One deposit as a platform sends it (POST /api/ledger/deposits). */
export interface DepositInput {
  sha256: string;
  kind: string;
  title: string;
  occurredAt: string;
  metadata: { [key: string]: JsonValue };
}

/** A deposit's receipt: enough, with the checkpoint, to verify it offline forever. */
export interface DepositReceipt {
  index: number;
  sha256: string;
  isNew: boolean;
  leaf: DepositLeaf;
  leafHash: string;
  opening: DepositOpening;
  inclusionProof: string[];
}

export interface DepositResult {
  treeSize: number;
  checkpoint: string;
  deposits: DepositReceipt[];
}

/**
 * Deposits evidence hashes for a platform (存证): prepares each opening with a fresh salt, lets the
 * sequencer append them (idempotent per platform and hash), waits until a checkpoint that includes
 * them is cosigned by the witness quorum, and answers with receipts. Nothing is acknowledged before it
 * is committed and covered by a published checkpoint. Throws `validation_failed`, `ledger_unavailable`,
 * `ledger_request_replayed`, `ledger_not_published`.
 */
export async function depositEvidence(
  context: AppContext,
  principal: PlatformPrincipal,
  inputs: readonly DepositInput[],
): Promise<DepositResult> {
  const { ledger } = context;
  if (!ledger.isRunning) throw new AppError("ledger_unavailable");
  const items: DepositItem[] = inputs.map((input, i) => {
    let opening: string;
    try {
      opening = encodeOpening({
        title: input.title,
        occurredAt: new Date(input.occurredAt).toISOString(),
        metadata: input.metadata,
        salt: randomSalt(),
      });
    } catch (error) {
      throw new AppError("validation_failed", [
        { path: `deposits.${i}`, code: "not_canonical_json", message: (error as Error).message },
      ]);
    }
    return {
      platformId: principal.platformId,
      credentialId: principal.credentialId,
      keyHash: principal.keyHash,
      sha256: hashFromHex(input.sha256),
      kind: input.kind,
      opening,
    };
  });
  const outcomes = await ledger.sequencer.enqueueDeposits(principal.signedRequest, items);
  const last = Math.max(...outcomes.map((o) => o.leafIndex));
  const published = await ledger.checkpointer.waitForPublished(last + 1, ledger.config.publishTimeoutMs);
  const proofs = new Map<number, string[]>();
  for (const outcome of outcomes) {
    if (proofs.has(outcome.leafIndex)) continue;
    proofs.set(
      outcome.leafIndex,
      (await ledger.tiles.inclusionProof(outcome.leafIndex, published.size)).map(toBase64),
    );
  }
  return {
    treeSize: published.size,
    checkpoint: published.note,
    deposits: outcomes.map((outcome) => ({
      index: outcome.leafIndex,
      sha256: outcome.leaf.sha256,
      isNew: outcome.isNew,
      leaf: outcome.leaf,
      leafHash: toBase64(leafHash(outcome.entry)),
      opening: JSON.parse(outcome.opening) as DepositOpening,
      inclusionProof: proofs.get(outcome.leafIndex)!,
    })),
  };
}
