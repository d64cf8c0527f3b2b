import type { AppContext } from "../../../context";
import { AppError, enqueueJob, inTransaction, type CommandMeta, type Tx } from "../../../platform";
import { lockCase, loadCaseParts, type CaseParts, type CaseRow } from "../../cases/index";
import { findCourt } from "../../courts/index";
import {
  assertAllowed,
  assertHearingStatus,
  hearingRoleOf,
  loadHearingFor,
  othersThan,
} from "../hearing.access";
import { recordHearingAct } from "../hearing.events";
import { hearingReminderJobKind, hearingReminderKey } from "../hearing.job-kinds";
import { lockHearing, replaceParticipants, updateHearing, type HearingRow } from "../hearing.repository";
import { reminderAt } from "../hearing.rules";
import type { TRescheduleHearingRequest } from "../hearing.schemas";
import {
  announce,
  assertMode,
  assertNoConflicts,
  assertSummonsInTime,
  courtroomFor,
  participantRows,
  staffNames,
  summonParties,
} from "../hearing.sitting";

/** A new time (and perhaps length and courtroom) for a sitting, with the fresh summons it needs. */
export interface NewSitting {
  startsAt: Date;
  durationMinutes: number;
  courtroomId: string | null;
}

/**
 * Fixes a hearing's sitting at a new time inside the caller's transaction: re-checks the courtroom and
 * the clashes, serves a new summons on every party and agent (民诉法解释第二百二十七条: each sitting is
 * summoned anew), updates the announcement and moves the reminder. The caller checked the three days.
 */
export async function fixNewSitting(
  trx: Tx,
  context: AppContext,
  meta: CommandMeta,
  input: { hearing: HearingRow; caseRow: CaseRow; parts: CaseParts; sitting: NewSitting; issuedBy: string },
): Promise<{ hearing: HearingRow; services: number; announced: boolean }> {
  const { caseRow, parts, sitting } = input;
  const court = (await findCourt(trx, caseRow.court_id))!;
  const courtroom = await courtroomFor(trx, court.id, sitting.courtroomId);
  assertMode({
    mode: input.hearing.mode === "courtroom" ? "courtroom" : "online",
    courtroom,
    isInternetCourt: court.is_internet_court,
    offlineReason: input.hearing.offline_reason,
    notPublicReason: input.hearing.not_public_reason,
  });
  await assertNoConflicts(trx, {
    id: input.hearing.id,
    startsAt: sitting.startsAt,
    durationMinutes: sitting.durationMinutes,
    judgeId: input.hearing.judge_id,
    clerkId: input.hearing.clerk_id,
    courtroomId: sitting.courtroomId,
  });
  let hearing = await updateHearing(
    trx,
    input.hearing.id,
    {
      status: "scheduled",
      starts_at: sitting.startsAt,
      duration_minutes: sitting.durationMinutes,
      courtroom_id: sitting.courtroomId,
      reminded_for: null,
    },
    meta.now,
  );
  const names = await staffNames(trx, hearing.judge_id, hearing.clerk_id);
  // The parties and agents as they stand now (an agent may have been appointed since).
  await replaceParticipants(trx, hearing.id, participantRows(hearing, parts, names, meta.now));
  const services = await summonParties(trx, context, {
    hearing,
    caseRow,
    parts,
    court,
    courtroom,
    names,
    issuedBy: input.issuedBy,
    now: meta.now,
  });
  hearing = await updateHearing(trx, hearing.id, { summons_issued_at: meta.now }, meta.now);
  const announced = await announce(trx, { hearing, caseRow, parts, court, now: meta.now });
  await enqueueJob(
    trx,
    hearingReminderJobKind,
    { hearingId: hearing.id, startsAt: sitting.startsAt.toISOString() },
    {
      runAt: reminderAt(sitting.startsAt, meta.now),
      dedupeKey: hearingReminderKey(hearing.id),
      now: meta.now,
    },
  );
  return { hearing, services, announced };
}

/**
 * The judge in charge, or the clerk named for the hearing, moves a sitting (or gives an adjourned
 * hearing its new date) — a new summons with three full days again (民事诉讼法第一百三十九条). Throws
 * `hearing_not_found`, `forbidden`, `hearing_status_conflict`, `hearing_summons_too_late`,
 * `courtroom_not_found`, `hearing_mode_invalid`, `hearing_conflict`, `validation_failed`.
 */
export async function rescheduleHearing(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  input: TRescheduleHearingRequest,
): Promise<HearingRow> {
  const access = await loadHearingFor(context.db, meta.actor, hearingId);
  assertAllowed("reschedule", hearingRoleOf(meta.actor, access.relation, access.hearing));
  const user = meta.actor.kind === "user" ? meta.actor : null;
  if (!user) throw new AppError("authentication_required");
  assertHearingStatus(access.hearing, "reschedule");
  const startsAt = new Date(input.startsAt);
  assertSummonsInTime(startsAt, meta.now, "startsAt");
  return inTransaction(context.db, async (trx) => {
    // The case first, then the hearing: the same lock order as every command.
    const caseRow = await lockCase(trx, access.row.id);
    const current = await lockHearing(trx, hearingId);
    if (!current) throw new AppError("hearing_not_found");
    assertHearingStatus(current, "reschedule");
    const parts = await loadCaseParts(trx, caseRow.id);
    const previousStartsAt = current.starts_at;
    const moved = await fixNewSitting(trx, context, meta, {
      hearing: current,
      caseRow,
      parts,
      sitting: {
        startsAt,
        durationMinutes: input.durationMinutes ?? current.duration_minutes,
        courtroomId: input.courtroomId === undefined ? current.courtroom_id : input.courtroomId,
      },
      issuedBy: user.userId,
    });
    await recordHearingAct(trx, meta, {
      hearing: moved.hearing,
      action: "hearing.rescheduled",
      courtEvent: "hearing_rescheduled",
      data: {
        previousStartsAt: previousStartsAt.toISOString(),
        startsAt: startsAt.toISOString(),
        durationMinutes: moved.hearing.duration_minutes,
        courtroomId: moved.hearing.courtroom_id,
        wasAdjourned: current.status === "adjourned",
        reason: input.reason,
        summonsServices: moved.services,
        announced: moved.announced,
        basis: "民事诉讼法第一百三十九条",
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, parts, moved.hearing),
          kind: "hearing_rescheduled",
          params: {
            caseNumber: caseRow.case_number,
            previousStartsAt: previousStartsAt.toISOString(),
            startsAt: startsAt.toISOString(),
            reason: input.reason,
          },
        },
      ],
    });
    return moved.hearing;
  });
}
