import type { AppContext } from "../../../../context";
import { inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import {
  assertTranscriptOpen,
  auditEdit,
  speakerFrom,
  segmentState,
  type SpeakerInput,
} from "../transcript.editing";
import { insertEdit, insertSegment, type SegmentRow } from "../transcript.repository";

export interface AddSegmentInput {
  startMs: number;
  endMs?: number | undefined;
  speaker: SpeakerInput;
  text: string;
}

/**
 * The clerk writes a line speech recognition missed (民事诉讼法第一百五十条第一款: the whole of the hearing is
 * recorded), at a hearing time. Throws `hearing_not_found`, `forbidden`, `transcript_closed`,
 * `validation_failed`.
 */
export async function addTranscriptSegment(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: AddSegmentInput,
): Promise<SegmentRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("edit", access);
  const editor = userIdOf(meta.actor);
  const speaker = speakerFrom(input.speaker, access.participants);
  return inTransaction(context.db, async (trx) => {
    await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    await assertTranscriptOpen(trx, hearingId);
    const row = await insertSegment(trx, {
      hearingId,
      chunkId: null,
      source: "manual",
      participantId: speaker.participantId,
      speakerRole: speaker.role,
      speakerName: speaker.name,
      startMs: input.startMs,
      endMs: Math.max(input.startMs, input.endMs ?? input.startMs),
      originalText: null,
      text: input.text,
      createdBy: editor,
      now: meta.now,
    });
    await insertEdit(trx, {
      hearingId,
      segmentId: row.id,
      kind: "insert",
      before: null,
      after: { ...segmentState(row), startMs: row.start_ms, endMs: row.end_ms },
      editedBy: editor,
      now: meta.now,
    });
    await auditEdit(trx, meta, hearing, "insert", row.id);
    return row;
  });
}
