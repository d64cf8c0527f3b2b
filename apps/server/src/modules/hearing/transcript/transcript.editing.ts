// What the clerk's edits share: the guard that a signed transcript no longer changes, the speaker a
// request names, and the audit trace of each edit.

import { AppError, type CommandMeta, type Executor, type Tx } from "../../../platform";
import { recordHearingAct } from "../hearing.events";
import type { HearingRow, ParticipantRow } from "../hearing.repository";
import { lockCurrentVersion, type SegmentRow } from "./transcript.repository";
import { speakerRoleOf } from "./transcript.rules";
import type { EditKindValue, SpeakerRoleValue } from "./transcript.tables";

/** Who spoke, as a request names them: a participant of the hearing, or someone else by name (a witness). */
export type SpeakerInput = { participantId: string } | { name: string };

export interface Speaker {
  participantId: string | null;
  role: SpeakerRoleValue;
  name: string;
}

/** Resolves a speaker of the request; a participant not of this hearing is a validation error. */
export function speakerFrom(input: SpeakerInput, participants: readonly ParticipantRow[]): Speaker {
  if ("name" in input) return { participantId: null, role: "other", name: input.name };
  const participant = participants.find((p) => p.id === input.participantId);
  if (!participant)
    throw new AppError("validation_failed", [
      {
        path: "speaker.participantId",
        code: "not_a_participant",
        message: "not a participant of this hearing",
      },
    ]);
  return { participantId: participant.id, role: speakerRoleOf(participant), name: participant.name };
}

/** The transcript still changes until every signer has signed (then `transcript_closed`, 409). */
export async function assertTranscriptOpen(trx: Executor, hearingId: string): Promise<void> {
  if ((await lockCurrentVersion(trx, hearingId))?.status === "signed")
    throw new AppError("transcript_closed");
}

/** Segment as edit history and API name it. */
export function segmentState(
  row: Pick<
    SegmentRow,
    "text" | "speaker_role" | "speaker_name" | "participant_id" | "is_struck" | "struck_reason"
  >,
) {
  return {
    text: row.text,
    speakerRole: row.speaker_role,
    speakerName: row.speaker_name,
    participantId: row.participant_id,
    isStruck: row.is_struck,
    struckReason: row.struck_reason,
  };
}

/**
 * The audit trace of an edit. Edits are audited acts, but only closing, signing and completing the
 * transcript leave ledger court events: a court event per keystroke-level correction would flood the log,
 * and the signed version's hash covers the result.
 */
export async function auditEdit(
  trx: Tx,
  meta: CommandMeta,
  hearing: HearingRow,
  kind: EditKindValue,
  segmentId: string,
): Promise<void> {
  await recordHearingAct(trx, meta, {
    hearing,
    action: `hearing.transcript.${kind === "insert" ? "segment_added" : kind === "text" || kind === "speaker" ? "segment_edited" : kind === "strike" ? "segment_struck" : "segment_restored"}`,
    courtEvent: null,
    data: { segmentId, kind },
  });
}
