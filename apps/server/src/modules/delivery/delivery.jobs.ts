import type { z } from "zod";
import type { AppContext } from "../../context";
import { defineJob, enqueueJob, type Executor, type JobDefinition } from "../../platform";
import { noticeJob } from "./commands/send-notice";
import { checkServiceDue, sendService } from "./commands/send-service";
import type { ZServicePayload } from "./delivery.job-kinds";
import { sendServiceJobRef, serviceDueJobRef, serviceSweepJobRef } from "./delivery.job-kinds";
import { listServicesToCheck } from "./services.repository";

const SWEEP_KEY = "service-sweep";
const SWEEP_EVERY_MS = 6 * 3_600_000;
type ServicePayload = z.infer<typeof ZServicePayload>;

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
      ...sendServiceJobRef,
      handle: ({ serviceId }, { now }) => sendService(context, serviceId, now),
    }),
    defineJob({
      ...serviceDueJobRef,
      handle: ({ serviceId }, { now }) => checkServiceDue(context, serviceId, now),
    }),
    // The safety net beside each service's own check job (STYLE.md: a sweep catches what has no job):
    // every few hours, each open service whose period may have run out is checked on its own.
    defineJob({
      ...serviceSweepJobRef,
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
