import { toBase64 } from "@netcourt/ledger";
import type { AppContext } from "../../../context";
import { AppError } from "../../../platform";
import type { PlatformPrincipal } from "../ledger.auth";
import { encodeOpening, hashFromHex, randomSalts, type JsonValue } from "../ledger.leaves";
import type { DepositItem } from "../ledger.sequencer";

/** One deposit as a platform sends it (POST /api/ledger/deposits). */
export interface DepositInput {
  sha256: string;
  kind: string;
  title: string;
  occurredAt: string;
  metadata: { [key: string]: JsonValue };
}

/**
 * A deposit's receipt: enough, with the checkpoint, to verify it offline forever. The leaf and the
 * opening are kept as their canonical JSON text (`DepositLeaf`, `DepositOpening`).
 */
export interface DepositReceipt {
  index: number;
  sha256: string;
  isNew: boolean;
  leafText: string;
  leafHash: string;
  openingText: string;
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
  const salts = randomSalts(inputs.length);
  const items: DepositItem[] = inputs.map((input, i) => {
    let opening: string;
    try {
      opening = encodeOpening({
        title: input.title,
        occurredAt: new Date(input.occurredAt).toISOString(),
        metadata: input.metadata,
        salt: salts[i]!,
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
  const indexes = [...new Set(outcomes.map((o) => o.leafIndex))];
  const paths = await ledger.tiles.inclusionProofs(indexes, published.size);
  const proofs = new Map(indexes.map((index, i) => [index, paths[i]!.map(toBase64)]));
  return {
    treeSize: published.size,
    checkpoint: published.note,
    deposits: outcomes.map((outcome) => ({
      index: outcome.leafIndex,
      sha256: outcome.leaf.sha256,
      isNew: outcome.isNew,
      leafText: outcome.entryText,
      leafHash: toBase64(outcome.leafHash),
      openingText: outcome.opening,
      inclusionProof: proofs.get(outcome.leafIndex)!,
    })),
  };
}

/**
 * The response body of a deposit request (`ZDepositResponse`) as JSON text. The leaf and the opening
 * are canonical JSON already and go in as they are, which saves parsing and re-encoding thousands of
 * receipts per request.
 */
export function encodeDepositResult(result: DepositResult): string {
  const receipts = result.deposits.map(
    (d) =>
      `{"index":${d.index},"sha256":"${d.sha256}","isNew":${d.isNew},"leaf":${d.leafText},` +
      `"leafHash":"${d.leafHash}","opening":${d.openingText},"inclusionProof":${JSON.stringify(d.inclusionProof)}}`,
  );
  return `{"treeSize":${result.treeSize},"checkpoint":${JSON.stringify(result.checkpoint)},"deposits":[${receipts.join(",")}]}`;
}
