import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import {
  findAccount,
  findDocument,
  hasPendingVerification,
  insertVerification,
  setVerificationStatus,
  type VerificationRow,
} from "../identity.repository";

export type SubmitVerificationInput =
  { method: "clerk_review"; frontSha256: string; backSha256?: string | undefined } | { method: "external" };

/** Reason stored when the external service reports that name and ID number do not belong together. */
export const EXTERNAL_MISMATCH_REASON = "身份信息核验不一致 / The identity details did not match";

/**
 * Asks for real-name verification (在线诉讼规则第七条: parties are identified before acting online):
 * either a clerk compares the uploaded ID images, or the external face/ID service decides at once.
 * Throws `already_verified`, `verification_pending`, `verification_file_unknown`,
 * `verification_method_unavailable` or `upstream_failed`.
 */
export async function submitVerification(
  deps: IdentityDependencies,
  meta: CommandMeta,
  userId: string,
  input: SubmitVerificationInput,
): Promise<VerificationRow> {
  const account = await findAccount(deps.db, userId);
  if (!account) throw new AppError("authentication_required");
  if (account.verification_status === "verified") throw new AppError("already_verified");
  if (await hasPendingVerification(deps.db, userId)) throw new AppError("verification_pending");

  if (input.method === "clerk_review") {
    const sides = [
      { side: "front" as const, sha256: input.frontSha256, path: "frontSha256" },
      ...(input.backSha256 ? [{ side: "back" as const, sha256: input.backSha256, path: "backSha256" }] : []),
    ];
    for (const { side, sha256, path } of sides) {
      // Only the account's own uploads can be referenced: a hash alone must not reach another person's image.
      if (!(await findDocument(deps.db, userId, side, sha256))) {
        throw new AppError("verification_file_unknown", [{ path, code: "not_uploaded", message: side }]);
      }
    }
    return inTransaction(deps.db, async (trx) => {
      const row = await insertVerification(trx, {
        userId,
        method: "clerk_review",
        status: "pending",
        frontSha256: input.frontSha256,
        backSha256: input.backSha256 ?? null,
        provider: null,
        providerReference: null,
        providerScore: null,
        reason: null,
        now: meta.now,
      });
      await setVerificationStatus(trx, userId, "pending", meta.now);
      await writeAuditEvent(trx, meta, {
        action: "identity.verification_submitted",
        subjectType: "identity_verification",
        subjectId: row.id,
        data: { userId, method: "clerk_review", hasBack: input.backSha256 !== undefined },
      });
      return row;
    });
  }

  // The external services check a person's name against the national ID register; organisations are
  // verified from their business licence by a clerk.
  if (account.kind !== "person" || !account.id_number) {
    throw new AppError("verification_method_unavailable", [
      { path: "method", code: "person_only", message: "external" },
    ]);
  }
  // The call happens outside any transaction: a slow service must not hold database locks.
  const answer = await deps.verifier.verify({
    name: account.name,
    idNumber: account.id_number,
    selfieSha256: null,
    requestId: meta.requestId,
  });
  if (answer.result === "error") {
    throw new AppError("upstream_failed", [
      { code: "real_name_verifier", message: answer.reference, params: { provider: deps.verifier.provider } },
    ]);
  }
  const isMatch = answer.result === "match";
  return inTransaction(deps.db, async (trx) => {
    const row = await insertVerification(trx, {
      userId,
      method: "external",
      status: isMatch ? "approved" : "rejected",
      frontSha256: null,
      backSha256: null,
      provider: deps.verifier.provider,
      providerReference: answer.reference,
      providerScore: answer.score,
      reason: isMatch ? null : EXTERNAL_MISMATCH_REASON,
      now: meta.now,
    });
    await setVerificationStatus(trx, userId, isMatch ? "verified" : "rejected", meta.now);
    await writeAuditEvent(trx, meta, {
      action: "identity.verification_submitted",
      subjectType: "identity_verification",
      subjectId: row.id,
      data: { userId, method: "external", provider: deps.verifier.provider },
    });
    await writeAuditEvent(trx, meta, {
      action: isMatch ? "identity.verification_approved" : "identity.verification_rejected",
      subjectType: "identity_verification",
      subjectId: row.id,
      data: {
        userId,
        by: "external",
        provider: deps.verifier.provider,
        reference: answer.reference,
        score: answer.score,
      },
    });
    return row;
  });
}
