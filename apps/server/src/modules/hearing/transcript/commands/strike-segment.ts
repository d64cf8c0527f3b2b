import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import { assertTranscriptOpen, auditEdit } from "../transcript.editing";
import { insertEdit, lockSegment, updateSegment, type SegmentRow } from "../transcript.repository";

/**
 * The clerk strikes a segment from the transcript (a recognised line that was not said in court, a
 * duplicate) with a reason, or restores it. A struck segment is kept and marked, never deleted; versions
 * for signature leave it out. Throws `hearing_not_found`, `forbidden`, `transcript_item_not_found`,
 * `transcript_closed`.
 */
export async function strikeTranscriptSegment(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  segmentId: string,
  input: { isStruck: boolean; reason: string | null },
): Promise<SegmentRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("edit", access);
  const editor = userIdOf(meta.actor);
  if (input.isStruck && !input.reason)
    throw new AppError("validation_failed", [
      { path: "reason", code: "required", message: "say why the segment is struck" },
    ]);
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    await assertTranscriptOpen(trx, hearingId);
    const segment = await lockSegment(trx, hearingId, segmentId);
    if (!segment) throw new AppError("transcript_item_not_found");
    if (segment.is_struck === input.isStruck) return segment;
    const row = await updateSegment(
      trx,
      segmentId,
      { is_struck: input.isStruck, struck_reason: input.isStruck ? input.reason : null },
      meta.now,
    );
    const kind = input.isStruck ? "strike" : "restore";
    await insertEdit(trx, {
      hearingId,
      segmentId,
      kind,
      before: { isStruck: segment.is_struck, struckReason: segment.struck_reason },
      after: { isStruck: row.is_struck, struckReason: row.struck_reason },
      editedBy: editor,
      now: meta.now,
    });
    await auditEdit(trx, meta, hearing, kind, segmentId);
    return row;
  });
}
