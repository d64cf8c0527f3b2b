import { z } from "zod";

export const MEDIATION_PERIOD_JOB = "mediation.period_end";

/** The period job's kind and payload, for enqueueing it from a command (its handler: mediation.jobs.ts). */
export const mediationPeriodJobKind = {
  kind: MEDIATION_PERIOD_JOB,
  payload: z.object({ mediationId: z.uuid() }),
  maxAttempts: 10,
};

/** The dedupe key of a mediation's period job (moved when the period is extended, cancelled when it ends). */
export function mediationPeriodKey(mediationId: string): string {
  return `mediation-period:${mediationId}`;
}

// The deadline jobs (handlers: mediation.jobs.ts). Each runs just after the last day of its deadline,
// is queued with the act that opens the deadline under a dedupe key, moved when the deadline moves and
// cancelled when the act it waits for is done.

export const MEDIATOR_APPOINTMENT_JOB = "mediation.appointment_due";
export const MEDIATOR_ACCEPTANCE_JOB = "mediation.acceptance_due";
export const CONFIRMATION_ACCEPTANCE_JOB = "mediation.confirmation_acceptance_due";
export const CONFIRMATION_DECISION_JOB = "mediation.confirmation_decision_due";

export const appointmentDueJobKind = {
  kind: MEDIATOR_APPOINTMENT_JOB,
  payload: z.object({ mediationId: z.uuid() }),
  maxAttempts: 10,
};

/** The payload names the mediator whose confirmation is awaited, so a job of a replaced mediator does nothing. */
export const acceptanceDueJobKind = {
  kind: MEDIATOR_ACCEPTANCE_JOB,
  payload: z.object({ mediationId: z.uuid(), mediatorUserId: z.uuid() }),
  maxAttempts: 10,
};

export const confirmationAcceptanceDueJobKind = {
  kind: CONFIRMATION_ACCEPTANCE_JOB,
  payload: z.object({ confirmationId: z.uuid() }),
  maxAttempts: 10,
};

export const confirmationDecisionDueJobKind = {
  kind: CONFIRMATION_DECISION_JOB,
  payload: z.object({ confirmationId: z.uuid() }),
  maxAttempts: 10,
};

export function appointmentDueKey(mediationId: string): string {
  return `mediation-appointment:${mediationId}`;
}
export function acceptanceDueKey(mediationId: string): string {
  return `mediation-acceptance:${mediationId}`;
}
export function confirmationAcceptanceDueKey(confirmationId: string): string {
  return `confirmation-acceptance:${confirmationId}`;
}
export function confirmationDecisionDueKey(confirmationId: string): string {
  return `confirmation-decision:${confirmationId}`;
}

/** A job's run time: the first instant after the deadline's last court day. */
export function justAfter(endsAt: Date): Date {
  return new Date(endsAt.getTime() + 1);
}
