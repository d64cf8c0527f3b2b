import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import {
  assertTranscriptOpen,
  auditEdit,
  segmentState,
  speakerFrom,
  type SpeakerInput,
} from "../transcript.editing";
import { insertEdit, lockSegment, updateSegment, type SegmentRow } from "../transcript.repository";

export interface EditSegmentInput {
  text?: string | undefined;
  speaker?: SpeakerInput | undefined;
}

/**
 * The clerk (or the judge in charge) corrects a segment's text or speaker (民事诉讼法第一百五十条第一款: the
 * clerk records the hearing). The recognised original stays as it was; the edit is kept with who made it,
 * when, and what the segment said before and after. Throws `hearing_not_found`, `forbidden`,
 * `transcript_item_not_found`, `transcript_closed`, `validation_failed`.
 */
export async function editTranscriptSegment(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  segmentId: string,
  input: EditSegmentInput,
): Promise<SegmentRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("edit", access);
  const editor = userIdOf(meta.actor);
  const speaker = input.speaker ? speakerFrom(input.speaker, access.participants) : null;
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    await assertTranscriptOpen(trx, hearingId);
    const segment = await lockSegment(trx, hearingId, segmentId);
    if (!segment) throw new AppError("transcript_item_not_found");
    let row = segment;
    if (input.text !== undefined && input.text !== row.text) {
      const before = segmentState(row);
      row = await updateSegment(trx, segmentId, { text: input.text }, meta.now);
      await insertEdit(trx, {
        hearingId,
        segmentId,
        kind: "text",
        before: { text: before.text },
        after: { text: row.text },
        editedBy: editor,
        now: meta.now,
      });
      await auditEdit(trx, meta, hearing, "text", segmentId);
    }
    if (
      speaker &&
      (speaker.participantId !== row.participant_id ||
        speaker.name !== row.speaker_name ||
        speaker.role !== row.speaker_role)
    ) {
      const before = segmentState(row);
      row = await updateSegment(
        trx,
        segmentId,
        { participant_id: speaker.participantId, speaker_role: speaker.role, speaker_name: speaker.name },
        meta.now,
      );
      await insertEdit(trx, {
        hearingId,
        segmentId,
        kind: "speaker",
        before: {
          participantId: before.participantId,
          speakerRole: before.speakerRole,
          speakerName: before.speakerName,
        },
        after: {
          participantId: row.participant_id,
          speakerRole: row.speaker_role,
          speakerName: row.speaker_name,
        },
        editedBy: editor,
        now: meta.now,
      });
      await auditEdit(trx, meta, hearing, "speaker", segmentId);
    }
    return row;
  });
}
