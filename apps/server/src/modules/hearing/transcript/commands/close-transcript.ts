import type { AppContext } from "../../../../context";
import { AppError, inTransaction, type CommandMeta } from "../../../../platform";
import { lockCase } from "../../../cases/index";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertTranscriptAllowed, loadTranscriptFor, userIdOf } from "../transcript.access";
import {
  countVersions,
  insertSignatures,
  insertVersion,
  listLiveSegments,
  lockCurrentVersion,
  markOpenCorrectionsCorrected,
  supersedeVersion,
  type VersionRow,
} from "../transcript.repository";
import { canCloseInStatus, transcriptContentSha256 } from "../transcript.rules";

/**
 * The clerk (or the judge in charge) closes the transcript for reading and signature: its segments (those
 * not struck) are frozen as a numbered version with the SHA-256 of their content, and every participant is
 * asked to read and sign it online. 民事诉讼法第一百五十条第二款: the transcript is read out in court or given to
 * read within five days, so this is possible while the court sits (a closing read-out) or after the
 * hearing; 在线诉讼规则第三十三条、第三十四条: confirmed online. Closing again while a version awaits signature
 * re-issues the corrected transcript as a new version: its signatures start afresh and the open requests for
 * correction count as answered. Participants who did not attend are recorded absent; the judge and the
 * clerk always sign (第一百五十条第一款). Throws `hearing_not_found`, `forbidden`, `hearing_status_conflict`,
 * `transcript_closed`, `transcript_empty`, `validation_failed`.
 */
export async function closeTranscript(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: { absentParticipantIds: string[] },
): Promise<VersionRow> {
  const access = await loadTranscriptFor(context.db, meta.actor, hearingId);
  assertTranscriptAllowed("edit", access);
  const closer = userIdOf(meta.actor);
  const absent = new Set(input.absentParticipantIds);
  for (const [index, id] of input.absentParticipantIds.entries()) {
    const participant = access.participants.find((p) => p.id === id);
    if (!participant || participant.role === "judge" || participant.role === "clerk")
      throw new AppError("validation_failed", [
        {
          path: `absentParticipantIds.${index}`,
          code: participant ? "court_signs" : "not_a_participant",
          message: participant
            ? "the judge and the clerk sign the transcript"
            : "not a participant of this hearing",
        },
      ]);
  }
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const hearing = (await lockHearing(trx, hearingId))!;
    if (!canCloseInStatus(hearing.status))
      throw new AppError("hearing_status_conflict", [
        {
          code: "transcript_close",
          message: `the transcript is closed during or after the sitting, not when it is ${hearing.status}`,
          params: { from: hearing.status, allowedFrom: ["in_progress", "held"] },
        },
      ]);
    const previous = await lockCurrentVersion(trx, hearingId);
    if (previous?.status === "signed") throw new AppError("transcript_closed");
    const segments = await listLiveSegments(trx, hearingId);
    if (segments.length === 0) throw new AppError("transcript_empty");
    if (previous) await supersedeVersion(trx, previous.id);
    const number = (await countVersions(trx, hearingId)) + 1;
    const contentSha256 = transcriptContentSha256({ hearingId, number, segments });
    const version = await insertVersion(trx, {
      hearingId,
      number,
      segments,
      contentSha256,
      closedBy: closer,
      now: meta.now,
    });
    await insertSignatures(
      trx,
      access.participants.map((p) => {
        const decision = absent.has(p.id) || p.user_id === null ? ("absent" as const) : ("pending" as const);
        return {
          version_id: version.id,
          hearing_id: hearingId,
          participant_id: p.id,
          user_id: p.user_id,
          role: p.role,
          party_role: p.party_role,
          name: p.name,
          decision,
          reason: decision === "absent" ? (absent.has(p.id) ? "not_present" : "no_account") : null,
          content_sha256: null,
          decided_at: decision === "absent" ? meta.now : null,
          recorded_by: decision === "absent" ? closer : null,
        };
      }),
    );
    const answered = previous ? await markOpenCorrectionsCorrected(trx, hearingId, closer, meta.now) : 0;
    const signers = access.participants.filter((p) => p.user_id !== null && !absent.has(p.id));
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.transcript_closed",
      courtEvent: "transcript_closed",
      data: {
        versionId: version.id,
        number,
        contentSha256,
        segments: segments.length,
        supersedes: previous?.id ?? null,
        absent: access.participants.filter((p) => absent.has(p.id)).map((p) => p.id),
        correctionsAnswered: answered,
        basis: "民事诉讼法第一百五十条第二款",
      },
      inbox: [
        {
          recipientIds: [...new Set(signers.map((p) => p.user_id!))].filter((id) => id !== closer),
          kind: "transcript_to_sign",
          params: { caseNumber: caseRow.case_number, number },
        },
      ],
    });
    return version;
  });
}
