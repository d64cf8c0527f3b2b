import type { AppContext } from "../../../context";
import { AppError, cancelJob, inTransaction, type CommandMeta } from "../../../platform";
import { lockCase, loadCaseParts } from "../../cases/index";
import {
  assertAllowed,
  assertHearingStatus,
  hearingRoleOf,
  loadHearingFor,
  othersThan,
} from "../hearing.access";
import { recordHearingAct } from "../hearing.events";
import { hearingReminderKey } from "../hearing.job-kinds";
import { lockHearing, updateHearing, withdrawAnnouncement, type HearingRow } from "../hearing.repository";

/**
 * The judge in charge calls a hearing off (the suit was withdrawn, the parties settled, the case goes
 * elsewhere): the reminder is cancelled, the announcement withdrawn and everyone told. Throws
 * `hearing_not_found`, `forbidden`, `hearing_status_conflict`.
 */
export async function cancelHearing(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: { reason: string },
): Promise<HearingRow> {
  const access = await loadHearingFor(context.db, meta.actor, hearingId);
  assertAllowed("cancel", hearingRoleOf(meta.actor, access.relation, access.hearing));
  assertHearingStatus(access.hearing, "cancel");
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertHearingStatus(current, "cancel");
    const parts = await loadCaseParts(trx, caseRow.id);
    const hearing = await updateHearing(
      trx,
      hearingId,
      { status: "cancelled", cancelled_at: meta.now, cancel_reason: input.reason },
      meta.now,
    );
    const withdrawn = await withdrawAnnouncement(trx, hearingId, meta.now);
    await cancelJob(trx, hearingReminderKey(hearingId), meta.now);
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.cancelled",
      courtEvent: "hearing_cancelled",
      data: {
        startsAt: current.starts_at.toISOString(),
        reason: input.reason,
        announcementWithdrawn: withdrawn,
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, parts, hearing),
          kind: "hearing_cancelled",
          params: {
            caseNumber: caseRow.case_number,
            startsAt: current.starts_at.toISOString(),
            reason: input.reason,
          },
        },
      ],
    });
    return hearing;
  });
}
