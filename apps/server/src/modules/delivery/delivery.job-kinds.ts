import { z } from "zod";

// The job kinds of service and their dedupe keys, apart from their handlers (delivery.jobs.ts), so
// commands can queue them without importing the handlers that call those commands.
const SEND_SERVICE_JOB = "delivery.send_service";
const SERVICE_DUE_JOB = "delivery.service_due";
const SERVICE_SWEEP_JOB = "delivery.service_sweep";

export const ZServicePayload = z.object({ serviceId: z.uuid() });

/** The dedupe keys of a service's jobs: one pending send and one pending check per service. */
export function sendServiceKey(serviceId: string): string {
  return `service-send:${serviceId}`;
}
export function serviceDueKey(serviceId: string): string {
  return `service-due:${serviceId}`;
}

export const sendServiceJobRef = { kind: SEND_SERVICE_JOB, payload: ZServicePayload, maxAttempts: 8 };
export const serviceDueJobRef = { kind: SERVICE_DUE_JOB, payload: ZServicePayload, maxAttempts: 8 };
export const serviceSweepJobRef = { kind: SERVICE_SWEEP_JOB, payload: z.object({}), maxAttempts: 3 };
