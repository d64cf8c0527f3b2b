import { z } from "zod";
import type { AppContext } from "../../context";
import { defineJob, enqueueJob, type Executor, type JobDefinition } from "../../platform";
import { noticeJob } from "./commands/send-notice";
import { checkServiceDue, sendService } from "./commands/send-service";
import { listServicesToCheck } from "./services.repository";

export const SEND_SERVICE_JOB = "delivery.send_service";
export const SERVICE_DUE_JOB = "delivery.service_due";
export const SERVICE_SWEEP_JOB = "delivery.service_sweep";
const SWEEP_KEY = "service-sweep";
const SWEEP_EVERY_MS = 6 * 3_600_000;

const ZServicePayload = z.object({ serviceId: z.uuid() });
type ServicePayload = z.infer<typeof ZServicePayload>;

/** The dedupe keys of a service's jobs: one pending send and one pending check per service. */
export function sendServiceKey(serviceId: string): string {
  return `service-send:${serviceId}`;
}
export function serviceDueKey(serviceId: string): string {
  return `service-due:${serviceId}`;
}

/** Names a job kind for enqueueing where no context is at hand (the runner holds the handler). */
function jobRef(kind: string, maxAttempts: number): JobDefinition<ServicePayload> {
  return defineJob({
    kind,
    payload: ZServicePayload,
    maxAttempts,
    handle: () => Promise.reject(new Error(`${kind} runs through serviceJobs(context)`)),
  });
}

export const sendServiceJobRef = jobRef(SEND_SERVICE_JOB, 8);
const ZSweepPayload = z.object({});
const serviceSweepJobRef = defineJob({
  kind: SERVICE_SWEEP_JOB,
  payload: ZSweepPayload,
  maxAttempts: 3,
  handle: () => Promise.reject(new Error(`${SERVICE_SWEEP_JOB} runs through serviceJobs(context)`)),
});

/**
 * Schedules the sweep of services (on start; it then re-schedules itself). At most one is pending: a
 * start while one waits leaves it as it is.
 */
export async function scheduleServiceSweep(db: Executor, now: Date): Promise<void> {
  const pending = await db
    .selectFrom("jobs")
    .select("id")
    .where("dedupe_key", "=", SWEEP_KEY)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (pending) return;
  await enqueueJob(db, serviceSweepJobRef, {}, { runAt: now, dedupeKey: SWEEP_KEY, now });
}
export const serviceDueJobRef = jobRef(SERVICE_DUE_JOB, 8);

/**
 * The jobs of service: sending a served document through its channels after the serving transaction
 * commits (inbox, then SMS, falling back to e-mail), and the check when a period of a service runs
 * out (an unopened service at an unconfirmed address becomes undeliverable; a public notice is deemed
 * served). Both are idempotent.
 */
export function serviceJobs(
  context: AppContext,
): Array<
  JobDefinition<ServicePayload> | JobDefinition<Record<string, never>> | ReturnType<typeof noticeJob>
> {
  return [
    // Notices that are not service of a document (an invitation to mediate with the case code).
    noticeJob(context),
    defineJob({
      kind: SEND_SERVICE_JOB,
      payload: ZServicePayload,
      maxAttempts: 8,
      handle: ({ serviceId }, { now }) => sendService(context, serviceId, now),
    }),
    defineJob({
      kind: SERVICE_DUE_JOB,
      payload: ZServicePayload,
      maxAttempts: 8,
      handle: ({ serviceId }, { now }) => checkServiceDue(context, serviceId, now),
    }),
    // The safety net beside each service's own check job (STYLE.md: a sweep catches what has no job):
    // every few hours, each open service whose period may have run out is checked on its own.
    defineJob({
      kind: SERVICE_SWEEP_JOB,
      payload: ZSweepPayload,
      maxAttempts: 3,
      async handle(_payload, { now }) {
        for (const { id } of await listServicesToCheck(context.db, 500)) {
          try {
            await checkServiceDue(context, id, now);
          } catch (error) {
            context.log.error({ err: error, serviceId: id }, "service check failed");
          }
        }
        await enqueueJob(
          context.db,
          serviceSweepJobRef,
          {},
          { runAt: new Date(now.getTime() + SWEEP_EVERY_MS), dedupeKey: SWEEP_KEY, now },
        );
      },
    }),
  ];
}
