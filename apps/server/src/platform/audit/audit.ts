import type { Actor } from "../auth/actor";
import { actorLabel, actorUserId } from "../auth/actor";
import type { Executor } from "../db/transaction";

/** Who did it, when, from where: passed to every command and written with every change. */
export interface CommandMeta {
  actor: Actor;
  now: Date;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEventInput {
  /** Dotted name of the act, e.g. `filing.accepted`. Stored forever: never rename. */
  action: string;
  subjectType: string;
  subjectId: string;
  courtId?: string | null;
  /** What changed; versioned by the action name. */
  data?: Record<string, unknown>;
}

/**
 * Appends one audit event in the caller's transaction (DESIGN.md: every command writes its change and
 * its audit event together). The table rejects updates and deletes.
 */
export async function writeAuditEvent(
  trx: Executor,
  meta: CommandMeta,
  event: AuditEventInput,
): Promise<void> {
  await trx
    .insertInto("audit_events")
    .values({
      occurred_at: meta.now,
      actor_user_id: actorUserId(meta.actor),
      actor_label: actorLabel(meta.actor),
      ip: meta.ip,
      request_id: meta.requestId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      court_id: event.courtId ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

/** Meta for work the system does by itself (jobs, start-up seeding). */
export function systemMeta(label: string, now: Date): CommandMeta {
  return { actor: { kind: "system", label }, now, ip: null, requestId: null };
}
