import { AppError, type Actor, type Executor } from "../../../platform";
import { hearingRoleOf, loadHearingFor, type CaseAccess, type HearingRole } from "../hearing.access";
import { listParticipants, type HearingRow, type ParticipantRow } from "../hearing.repository";

/** A hearing's transcript as the actor may reach it, with the actor's own participant rows. */
export interface TranscriptAccess extends CaseAccess {
  hearing: HearingRow;
  role: HearingRole;
  participants: ParticipantRow[];
  /** The actor's rows among the hearing's participants (a judge, a clerk, a party or an agent). */
  self: ParticipantRow[];
}

/**
 * Loads a hearing's transcript through its case's visibility: a party of another case, a judge or clerk
 * of another court, the public — `hearing_not_found` (404).
 */
export async function loadTranscriptFor(
  db: Executor,
  actor: Actor,
  hearingId: string,
): Promise<TranscriptAccess> {
  const access = await loadHearingFor(db, actor, hearingId);
  const participants = await listParticipants(db, [hearingId]);
  const userId = actor.kind === "user" ? actor.userId : null;
  return {
    ...access,
    role: hearingRoleOf(actor, access.relation, access.hearing),
    participants,
    self: userId === null ? [] : participants.filter((p) => p.user_id === userId),
  };
}

/** Who may do what with a transcript (the presenter shows it; commands enforce it). */
export const transcriptPolicy = {
  /** The court that tries the case, and those who take part in the hearing, read it. */
  read: (access: TranscriptAccess) =>
    access.role.isJudge || access.role.isHearingClerk || access.role.isCourtStaff || access.self.length > 0,
  /** 民事诉讼法第一百五十条第一款: the clerk records the hearing; the judge in charge may correct it too. */
  edit: (access: TranscriptAccess) => access.role.isJudge || access.role.isHearingClerk,
  /** Each participant's own device sends the audio of its microphone. */
  postAudio: (access: TranscriptAccess) => access.self.length > 0,
  /** Everyone who takes part signs (第一百五十条第一款、第三款). */
  sign: (access: TranscriptAccess) => access.self.some((p) => p.user_id !== null),
} satisfies Record<string, (access: TranscriptAccess) => boolean>;

const denial: Record<keyof typeof transcriptPolicy, { code: string; message: string }> = {
  read: { code: "hearing_participants_only", message: "only the court and the hearing's participants" },
  edit: { code: "judge_or_hearing_clerk_only", message: "only the hearing's clerk or the judge in charge" },
  postAudio: { code: "hearing_participants_only", message: "only a participant of the hearing" },
  sign: { code: "hearing_participants_only", message: "only a participant of the hearing" },
};

/** The actor must be allowed the act (403 otherwise). */
export function assertTranscriptAllowed(act: keyof typeof transcriptPolicy, access: TranscriptAccess): void {
  if (!transcriptPolicy[act](access)) throw new AppError("forbidden", [denial[act]]);
}

/** The acting user's id (commands run for signed-in users only). */
export function userIdOf(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("authentication_required");
  return actor.userId;
}
