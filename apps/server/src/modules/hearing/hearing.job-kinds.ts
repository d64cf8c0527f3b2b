import { z } from "zod";

export const HEARING_REMINDER_JOB = "hearing.reminder";

/** The reminder job's kind and payload, for enqueueing it from a command (its handler: hearing.jobs.ts). */
export const hearingReminderJobKind = {
  kind: HEARING_REMINDER_JOB,
  payload: z.object({
    hearingId: z.uuid(),
    /** The sitting the reminder is for: a reminder for a time since moved does nothing. */
    startsAt: z.iso.datetime({ offset: true }),
  }),
  maxAttempts: 10,
};

/** The dedupe key of a hearing's reminder (moved when the hearing moves, cancelled when it is off). */
export function hearingReminderKey(hearingId: string): string {
  return `hearing-reminder:${hearingId}`;
}
