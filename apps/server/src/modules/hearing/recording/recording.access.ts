import { AppError, type Actor, type Executor } from "../../../platform";
import { hearingRoleOf, loadHearingFor, type HearingRole } from "../hearing.access";
import type { HearingRow } from "../hearing.repository";

/** Who may do what with a hearing's recording and its live stream. */
export const broadcastPolicy = {
  /**
   * 庭审录音录像规定第三条: the court records the hearing — the judge in charge or the hearing's clerk
   * (who records the start, the end and any interruption) run the recorder and the live stream.
   */
  operate: (role: HearingRole) => role.isJudge || role.isHearingClerk,
  /**
   * 庭审录音录像规定第十条、第十一条: the parties and their agents may review the recording; the judge and
   * the clerk keep it. Other staff of the court and everyone else may not.
   */
  play: (role: HearingRole) => role.isJudge || role.isHearingClerk || role.isParticipant,
};

/**
 * Loads a hearing the actor may see and checks the act is theirs: `hearing_not_found` (404) for whoever
 * may not see the case, `forbidden` (403) for one who sees it but may not act.
 */
export async function loadHearingForBroadcast(
  db: Executor,
  actor: Actor,
  hearingId: string,
  act: keyof typeof broadcastPolicy,
): Promise<{ hearing: HearingRow; role: HearingRole; caseNumber: string | null }> {
  const access = await loadHearingFor(db, actor, hearingId);
  const role = hearingRoleOf(actor, access.relation, access.hearing);
  if (!broadcastPolicy[act](role)) {
    throw new AppError("forbidden", [
      act === "operate"
        ? { code: "judge_or_hearing_clerk_only", message: "only the judge in charge or the hearing's clerk" }
        : { code: "hearing_participants_only", message: "only the judge, the clerk, the parties and agents" },
    ]);
  }
  return { hearing: access.hearing, role, caseNumber: access.row.case_number };
}
