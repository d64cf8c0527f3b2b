import type { AppContext } from "../../../context";
import { AppError, cancelJob, inTransaction, type CommandMeta } from "../../../platform";
import { findCourt } from "../../courts/index";
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
import { insertAdjournment, lockHearing, updateHearing, type HearingRow } from "../hearing.repository";
import { adjournmentGrounds } from "../hearing.rules";
import type { TAdjournHearingRequest } from "../hearing.schemas";
import { announce, assertSummonsInTime } from "../hearing.sitting";
import { fixNewSitting } from "./reschedule-hearing";

/**
 * The judge in charge adjourns a hearing on a ground of 民事诉讼法第一百四十九条 with reasons, either to a
 * new time (served by a new summons three full days ahead, 第一百三十九条) or to a date not yet fixed (the
 * reminder is cancelled and the announcement withdrawn). Throws `hearing_not_found`, `forbidden`,
 * `hearing_status_conflict`, `hearing_summons_too_late`, `hearing_conflict`, `validation_failed`.
 */
export async function adjournHearing(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: TAdjournHearingRequest,
): Promise<HearingRow> {
  const access = await loadHearingFor(context.db, meta.actor, hearingId);
  assertAllowed("adjourn", hearingRoleOf(meta.actor, access.relation, access.hearing));
  const user = meta.actor.kind === "user" ? meta.actor : null;
  if (!user) throw new AppError("authentication_required");
  assertHearingStatus(access.hearing, "adjourn");
  const newStartsAt = input.newStartsAt === null ? null : new Date(input.newStartsAt);
  if (newStartsAt) assertSummonsInTime(newStartsAt, meta.now, "newStartsAt");
  return inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, access.row.id);
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertHearingStatus(current, "adjourn");
    const parts = await loadCaseParts(trx, caseRow.id);
    const adjournmentId = await insertAdjournment(trx, {
      hearingId,
      ground: input.ground,
      reason: input.reason,
      previousStartsAt: current.starts_at,
      newStartsAt,
      decidedBy: user.userId,
      now: meta.now,
    });
    let hearing: HearingRow;
    let services = 0;
    let announced = false;
    if (newStartsAt) {
      const moved = await fixNewSitting(trx, context, meta, {
        hearing: current,
        caseRow,
        parts,
        sitting: {
          startsAt: newStartsAt,
          durationMinutes: current.duration_minutes,
          courtroomId: current.courtroom_id,
        },
        issuedBy: user.userId,
      });
      ({ hearing, services, announced } = moved);
    } else {
      hearing = await updateHearing(trx, hearingId, { status: "adjourned" }, meta.now);
      const court = (await findCourt(trx, caseRow.court_id))!;
      await announce(trx, { hearing, caseRow, parts, court, now: meta.now });
      await cancelJob(trx, hearingReminderKey(hearingId), meta.now);
    }
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.adjourned",
      courtEvent: "hearing_adjourned",
      data: {
        adjournmentId,
        ground: input.ground,
        basis: adjournmentGrounds[input.ground].basis,
        reason: input.reason,
        previousStartsAt: current.starts_at.toISOString(),
        newStartsAt: newStartsAt?.toISOString() ?? null,
        summonsServices: services,
        announced,
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, parts, hearing),
          kind: "hearing_adjourned",
          params: {
            caseNumber: caseRow.case_number,
            previousStartsAt: current.starts_at.toISOString(),
            newStartsAt: newStartsAt?.toISOString() ?? null,
            ground: input.ground,
            reason: input.reason,
          },
        },
      ],
    });
    return hearing;
  });
}
