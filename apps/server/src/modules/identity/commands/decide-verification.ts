import { AppError, inTransaction, writeAuditEvent, type CommandMeta } from "../../../platform";
import type { IdentityDependencies } from "../identity.dependencies";
import { canReviewVerifications } from "../identity.policy";
import {
  decideVerification,
  findVerificationDetail,
  setVerificationStatus,
  type VerificationDetailRow,
} from "../identity.repository";
import { isInVerificationScope, type VerificationScopePort } from "../verification-scope";

/**
 * The verification as a reviewer may see it: 404 for anyone who is not a reviewer, and for a reviewer
 * whose courts the applicant does not litigate at (see `verificationScopeOf`).
 */
export async function loadVerificationForReview(
  deps: IdentityDependencies,
  scope: VerificationScopePort,
  meta: CommandMeta,
  verificationId: string,
): Promise<VerificationDetailRow> {
  if (!canReviewVerifications(meta.actor)) throw new AppError("verification_not_found");
  const row = await findVerificationDetail(deps.db, verificationId);
  if (!row || !(await isInVerificationScope(deps.db, scope, meta.actor, row.user_id)))
    throw new AppError("verification_not_found");
  return row;
}

/**
 * A clerk or court administrator approves or rejects a pending clerk-review verification, never their
 * own. Throws `verification_not_found`, `verification_self_review`, `verification_already_decided`.
 */
export async function decideVerificationByReviewer(
  deps: IdentityDependencies,
  scope: VerificationScopePort,
  meta: CommandMeta,
  verificationId: string,
  decision: { status: "approved" | "rejected"; reason: string | null },
): Promise<VerificationDetailRow> {
  const row = await loadVerificationForReview(deps, scope, meta, verificationId);
  if (meta.actor.kind !== "user") throw new AppError("verification_not_found");
  const reviewerId = meta.actor.userId;
  if (row.user_id === reviewerId) throw new AppError("verification_self_review");
  if (row.status !== "pending") throw new AppError("verification_already_decided");
  await inTransaction(deps.db, async (trx) => {
    // Re-checked in the update: of two reviewers deciding at once, only the first succeeds.
    const isDecided = await decideVerification(trx, verificationId, {
      status: decision.status,
      reviewerId,
      reason: decision.reason,
      now: meta.now,
    });
    if (!isDecided) throw new AppError("verification_already_decided");
    await setVerificationStatus(
      trx,
      row.user_id,
      decision.status === "approved" ? "verified" : "rejected",
      meta.now,
    );
    await writeAuditEvent(trx, meta, {
      action:
        decision.status === "approved" ? "identity.verification_approved" : "identity.verification_rejected",
      subjectType: "identity_verification",
      subjectId: verificationId,
      data: { userId: row.user_id, by: "reviewer", reason: decision.reason },
    });
  });
  const updated = await findVerificationDetail(deps.db, verificationId);
  if (!updated) throw new AppError("verification_not_found");
  return updated;
}
