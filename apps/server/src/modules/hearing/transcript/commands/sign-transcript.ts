import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import { completeTranscriptIfSigned } from "../transcript.completion";
import { decideSignature, lockCurrentVersion, lockSignatureOf } from "../transcript.repository";

export type SignTranscriptInput =
  { decision: "signed"; contentSha256: string } | { decision: "refused"; reason: string };

/**
 * A participant signs the version of the transcript they read — online confirmation bound to its hash
 * (在线诉讼规则第三十三条: 在线确认 stands for a signature) — or refuses with a reason, which is recorded
 * (民事诉讼法第一百五十条第三款: 拒绝签名盖章的，记明情况附卷). The last decision completes the transcript: the
 * signed document is issued and its hash goes to the ledger. Signing twice changes nothing and fails.
 * Throws `hearing_not_found`, `forbidden`, `transcript_already_signed`, `transcript_not_awaiting_signature`,
 * `transcript_version_mismatch`.
 */
export async function signTranscript(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  versionId: string,
  input: SignTranscriptInput,
): Promise<{ isComplete: boolean }> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("sign", access);
  const signer = userIdOf(meta.actor);
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    const mine = await lockSignatureOf(trx, versionId, signer);
    const pending = mine.filter((s) => s.decision === "pending");
    if (mine.length > 0 && pending.length === 0) throw new AppError("transcript_already_signed");
    const version = await lockCurrentVersion(trx, hearingId);
    if (
      !version ||
      version.id !== versionId ||
      version.status !== "awaiting_signatures" ||
      pending.length === 0
    )
      throw new AppError("transcript_not_awaiting_signature");
    if (input.decision === "signed" && input.contentSha256 !== version.content_sha256)
      throw new AppError("transcript_version_mismatch", [
        { path: "contentSha256", code: "hash_differs", message: "the version's text has another hash" },
      ]);
    for (const row of pending) {
      const changed = await decideSignature(trx, row.id, {
        decision: input.decision,
        reason: input.decision === "refused" ? input.reason : null,
        contentSha256: input.decision === "signed" ? version.content_sha256 : null,
        now: meta.now,
      });
      if (!changed) throw new AppError("transcript_already_signed");
    }
    await recordHearingAct(trx, meta, {
      hearing,
      action: input.decision === "signed" ? "hearing.transcript_signature" : "hearing.transcript_refusal",
      courtEvent: "transcript_signature_recorded",
      data: {
        versionId,
        number: version.number,
        decision: input.decision,
        participantIds: pending.map((p) => p.participant_id),
        roles: pending.map((p) => p.role),
        contentSha256: version.content_sha256,
        reason: input.decision === "refused" ? input.reason : null,
        basis:
          input.decision === "signed" ? "人民法院在线诉讼规则第三十三条" : "民事诉讼法第一百五十条第三款",
      },
    });
    const isComplete = await completeTranscriptIfSigned(trx, context, meta, {
      hearing,
      caseRow,
      version,
      participants: access.participants,
    });
    return { isComplete };
  });
}
