import { bytesEqual } from "@netcourt/ledger";
import type { Executor } from "../../../platform";
import { hashFromHex } from "../ledger.leaves";
import { findDeposit, findDepositsBySha256, upsertVerification } from "../ledger.repository";
import type { VerificationResult } from "../ledger.tables";

export interface RecordVerificationInput {
  /** What was checked, e.g. `filing_attachment`, and its id. */
  subjectType: string;
  subjectId: string;
  caseId: string;
  courtId: string;
  /** SHA-256 of the file as stored by the court (lowercase hex). */
  sha256: string;
  /** The deposit index (存证编号) the party named for this file, if any. */
  claimedIndex?: number | null;
  now: Date;
}

/**
 * Checks a file attached to a case against the ledger (核验) in the caller's transaction and records
 * the result: `verified` (deposited — by whom and when is shown from the deposits), `not_deposited`,
 * or `no_match` (the deposit the party named holds another hash). The judge sees the details and the
 * basis of 在线诉讼规则第十六条 to 第十九条 through GET /api/ledger/verifications.
 */
export async function recordLedgerVerification(
  trx: Executor,
  input: RecordVerificationInput,
): Promise<{ result: VerificationResult; depositIndexes: number[] }> {
  const sha256 = hashFromHex(input.sha256);
  let result: VerificationResult;
  let depositIndexes: number[];
  const claimed = input.claimedIndex ?? null;
  if (claimed !== null) {
    const deposit = await findDeposit(trx, claimed);
    const matches = deposit !== undefined && bytesEqual(deposit.sha256, sha256);
    result = matches ? "verified" : "no_match";
    depositIndexes = deposit ? [claimed] : [];
  } else {
    depositIndexes = (await findDepositsBySha256(trx, sha256)).map((d) => d.leafIndex);
    result = depositIndexes.length > 0 ? "verified" : "not_deposited";
  }
  await upsertVerification(trx, {
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    caseId: input.caseId,
    courtId: input.courtId,
    sha256,
    claimedIndex: claimed,
    result,
    depositIndexes,
    now: input.now,
  });
  return { result, depositIndexes };
}
