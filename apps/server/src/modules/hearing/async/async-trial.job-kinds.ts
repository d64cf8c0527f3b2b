import { z } from "zod";

const payload = z.object({
  questionId: z.uuid(),
  /** The window end the job is for: a job for a window since extended does nothing. */
  windowEndsAt: z.iso.datetime({ offset: true }),
});

/** Reminds the parties who have not answered before a response window closes (handler: async-trial.jobs.ts). */
export const asyncTrialReminderJobKind = { kind: "async_trial.reminder", payload, maxAttempts: 10 };

/** Records the parties who did not answer when a response window closes (handler: async-trial.jobs.ts). */
export const asyncTrialWindowJobKind = { kind: "async_trial.window_closed", payload, maxAttempts: 10 };

export function asyncTrialReminderKey(questionId: string): string {
  return `async-trial-reminder:${questionId}`;
}

export function asyncTrialWindowKey(questionId: string): string {
  return `async-trial-window:${questionId}`;
}
