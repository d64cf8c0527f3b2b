import type { AppContext } from "../../context";
import { defineJob, inTransaction, systemMeta, type JobDefinition } from "../../platform";
import { lockCase, loadCaseParts } from "../cases/index";
import { othersThan } from "./hearing.access";
import { recordHearingAct } from "./hearing.events";
import { hearingReminderJobKind } from "./hearing.job-kinds";
import { findHearing, lockHearing, markReminded } from "./hearing.repository";

/**
 * One day before a sitting the parties, their agents, the judge and the clerk are reminded of its time
 * and how to attend (the summons served under 民事诉讼法第一百三十九条 stays the legal notice). Idempotent:
 * a hearing no longer scheduled, moved to another time, or already reminded for this time is left alone.
 */
export function hearingReminderJob(
  context: AppContext,
): JobDefinition<{ hearingId: string; startsAt: string }> {
  return defineJob({
    ...hearingReminderJobKind,
    async handle({ hearingId, startsAt }, { now }) {
      const meta = systemMeta("hearing-reminder", now);
      const found = await findHearing(context.db, hearingId);
      if (!found) return;
      await inTransaction(context.db, async (trx) => {
        // The case first, then the hearing: the same lock order as every command.
        const caseRow = await lockCase(trx, found.case_id);
        const row = await lockHearing(trx, hearingId);
        if (!row || row.status !== "scheduled") return;
        if (row.starts_at.getTime() !== new Date(startsAt).getTime()) return;
        if (row.reminded_for?.getTime() === row.starts_at.getTime()) return;
        const parts = await loadCaseParts(trx, row.case_id);
        await markReminded(trx, row.id, row.starts_at);
        await recordHearingAct(trx, meta, {
          hearing: row,
          action: "hearing.reminded",
          courtEvent: null,
          data: { startsAt: row.starts_at.toISOString() },
          inbox: [
            {
              recipientIds: othersThan(meta.actor, parts, row),
              kind: "hearing_reminder",
              params: {
                caseNumber: caseRow.case_number,
                startsAt: row.starts_at.toISOString(),
                mode: row.mode,
              },
            },
          ],
        });
      });
    },
  });
}
