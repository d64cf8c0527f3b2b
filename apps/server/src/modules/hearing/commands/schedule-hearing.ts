import type { AppContext } from "../../../context";
import { AppError, enqueueJob, inTransaction, type CommandMeta } from "../../../platform";
import { canTransition, changeCaseStatus, feeKindOfCause, lockCase, loadCaseParts } from "../../cases/index";
import { findCourt, listStaff } from "../../courts/index";
import { assertAllowed, hearingRoleOf, loadCaseFor, othersThan } from "../hearing.access";
import { recordHearingAct } from "../hearing.events";
import { hearingReminderJobKind, hearingReminderKey } from "../hearing.job-kinds";
import {
  insertHearing,
  insertParticipants,
  nextSitting,
  updateHearing,
  type HearingRow,
} from "../hearing.repository";
import { notPublicReasons, publicityIssue, reminderAt } from "../hearing.rules";
import type { TScheduleHearingRequest } from "../hearing.schemas";
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

/**
 * The judge in charge fixes a hearing of the case: online or in a courtroom, its time and expected
 * length, its clerk, and whether it is public. The summons goes to every party and agent at once and
 * must leave them three full days (民事诉讼法第一百三十九条); a public hearing is announced; the case moves
 * to `hearing`. Throws `case_not_found`, `forbidden`, `case_status_conflict`, `hearing_summons_too_late`,
 * `hearing_publicity_invalid`, `hearing_mode_invalid`, `courtroom_not_found`, `hearing_clerk_invalid`,
 * `hearing_conflict`, `validation_failed`.
 */
export async function scheduleHearing(
  context: AppContext,
  meta: CommandMeta,
  caseId: string,
  input: TScheduleHearingRequest,
): Promise<HearingRow> {
  const startsAt = new Date(input.startsAt);
  const access = await loadCaseFor(context.db, meta.actor, caseId);
  assertAllowed("schedule", hearingRoleOf(meta.actor, access.relation, null));
  const user = meta.actor.kind === "user" ? meta.actor : null;
  if (!user || !access.row.judge_id) throw new AppError("hearing_judge_missing");
  assertCaseReady(access.row.status);
  assertSummonsInTime(startsAt, meta.now, "startsAt");
  // 民事诉讼法第一百三十七条: public unless state secrets, privacy or a law; divorce and trade secrets on request.
  const publicity = publicityIssue({
    isPublic: input.isPublic,
    reason: input.notPublicReason,
    note: input.notPublicNote,
    isDivorceCase: access.row.cause_code !== null && feeKindOfCause(access.row.cause_code) === "divorce",
    partyRequested: input.partyRequested,
  });
  if (publicity) {
    throw new AppError("hearing_publicity_invalid", [
      {
        path:
          publicity === "reason_not_allowed" || publicity === "reason_required"
            ? "notPublicReason"
            : publicity === "note_required"
              ? "notPublicNote"
              : "partyRequested",
        code: publicity,
        message: publicity,
      },
    ]);
  }
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("case_not_found");
  const courtroom = await courtroomFor(context.db, court.id, input.courtroomId);
  assertMode({
    mode: input.mode,
    courtroom,
    isInternetCourt: court.is_internet_court,
    offlineReason: input.offlineReason,
    notPublicReason: input.notPublicReason,
  });
  if (input.clerkId !== null) {
    const clerks = await listStaff(context.db, court.id, ["clerk"]);
    if (!clerks.some((c) => c.user_id === input.clerkId)) throw new AppError("hearing_clerk_invalid");
  }

  const hearing = await inTransaction(context.db, async (trx) => {
    const caseRow = await lockCase(trx, caseId);
    assertCaseReady(caseRow.status);
    const judgeId = caseRow.judge_id!;
    const sitting = {
      id: null,
      startsAt,
      durationMinutes: input.durationMinutes,
      judgeId,
      clerkId: input.clerkId,
      courtroomId: input.courtroomId,
    };
    await assertNoConflicts(trx, sitting);
    const parts = await loadCaseParts(trx, caseId);
    let row = await insertHearing(trx, {
      case_id: caseId,
      court_id: caseRow.court_id,
      sitting: await nextSitting(trx, caseId),
      mode: input.mode,
      status: "scheduled",
      starts_at: startsAt,
      duration_minutes: input.durationMinutes,
      courtroom_id: input.courtroomId,
      judge_id: judgeId,
      clerk_id: input.clerkId,
      is_public: input.isPublic,
      not_public_reason: input.notPublicReason,
      not_public_note: input.notPublicNote,
      offline_reason: input.mode === "courtroom" ? input.offlineReason : null,
      room_key: null,
      summons_issued_at: meta.now,
      reminded_for: null,
      scheduled_by: user.userId,
      cancelled_at: null,
      cancel_reason: null,
      created_at: meta.now,
      updated_at: meta.now,
    });
    const names = await staffNames(trx, judgeId, input.clerkId);
    await insertParticipants(trx, participantRows(row, parts, names, meta.now));
    const services = await summonParties(trx, context, {
      hearing: row,
      caseRow,
      parts,
      court,
      courtroom,
      names,
      issuedBy: user.userId,
      now: meta.now,
    });
    row = await updateHearing(trx, row.id, { summons_issued_at: meta.now }, meta.now);
    const announced = await announce(trx, { hearing: row, caseRow, parts, court, now: meta.now });
    if (caseRow.status !== "hearing") {
      await changeCaseStatus(trx, meta, {
        row: caseRow,
        transition: "scheduleHearing",
        timeline: {
          kind: "hearing_scheduled",
          data: { hearingId: row.id, startsAt: startsAt.toISOString() },
          isPublic: true,
        },
      });
    }
    await recordHearingAct(trx, meta, {
      hearing: row,
      action: "hearing.scheduled",
      courtEvent: "hearing_scheduled",
      data: {
        sitting: row.sitting,
        mode: row.mode,
        startsAt: startsAt.toISOString(),
        durationMinutes: row.duration_minutes,
        courtroomId: row.courtroom_id,
        clerkId: row.clerk_id,
        isPublic: row.is_public,
        notPublicReason: row.not_public_reason,
        notPublicBasis: row.not_public_reason ? notPublicReasons[row.not_public_reason].basis : null,
        summonsServices: services,
        announced,
        basis: "民事诉讼法第一百三十九条",
      },
      inbox: [
        {
          recipientIds: othersThan(meta.actor, parts, row),
          kind: "hearing_scheduled",
          params: { caseNumber: caseRow.case_number, startsAt: startsAt.toISOString(), mode: row.mode },
        },
      ],
    });
    await enqueueJob(
      trx,
      hearingReminderJobKind,
      { hearingId: row.id, startsAt: startsAt.toISOString() },
      { runAt: reminderAt(startsAt, meta.now), dedupeKey: hearingReminderKey(row.id), now: meta.now },
    );
    return row;
  });
  return hearing;
}

/** 民事诉讼法第一百三十九条: a hearing is fixed for a registered case before judgment (409 otherwise). */
function assertCaseReady(status: Parameters<typeof canTransition>[0]): void {
  if (status === "hearing" || canTransition(status, "scheduleHearing")) return;
  throw new AppError("case_status_conflict", [
    {
      code: "scheduleHearing",
      message: `a hearing cannot be fixed in status ${status}`,
      params: { from: status, allowedFrom: ["accepted", "service", "evidence_exchange", "hearing"] },
    },
  ]);
}
