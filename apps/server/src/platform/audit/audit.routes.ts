import { z } from "zod";
import { AppError } from "../errors";
import { courtsWithRole } from "../auth/actor";
import { requireUser } from "../auth/guards";
import type { ZodApp } from "../http/server";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";

const ZAuditEvent = z.object({
  id: z.number().int().describe("Position in the trail (increasing)"),
  occurredAt: z.date().describe("When"),
  actorUserId: z.uuid().nullable().describe("Account that acted, if any"),
  actorLabel: z.string().describe("Who acted"),
  ip: z.string().nullable().describe("From which address"),
  requestId: z.string().nullable().describe("Request id (matches the logs)"),
  action: z.string().describe("What was done"),
  subjectType: z.string().describe("Kind of record"),
  subjectId: z.string().describe("Record id"),
  courtId: z.uuid().nullable().describe("Court concerned"),
  data: z.record(z.string(), z.unknown()).describe("What changed"),
});

/** Court administrators browse their court's audit trail (全流程留痕), newest first, paged by id. */
export async function registerAuditRoutes(app: ZodApp, db: Kysely<DB>): Promise<void> {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["platform"],
        summary: "The audit trail of the caller's court (court administrators)",
        querystring: z.strictObject({
          courtId: z.uuid().optional().describe("Court (defaults to every court the caller administers)"),
          action: z
            .string()
            .max(100)
            .optional()
            .describe("Only this action, or a prefix ending in '.' (e.g. filing.)"),
          subjectId: z.string().max(100).optional().describe("Only events about this record"),
          actorUserId: z.uuid().optional().describe("Only events by this account"),
          from: z.iso.datetime({ offset: true }).optional().describe("Not before"),
          to: z.iso.datetime({ offset: true }).optional().describe("Not after"),
          before: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .describe("Cursor: only events with a smaller id"),
          limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size"),
        }),
        response: { 200: z.object({ items: z.array(ZAuditEvent), nextBefore: z.number().int().nullable() }) },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      let courts = courtsWithRole(actor, "court_admin");
      if (courts.length === 0)
        throw new AppError("forbidden", [{ code: "court_admin_only", message: "court administrators only" }]);
      const q = request.query;
      if (q.courtId) {
        if (!courts.includes(q.courtId))
          throw new AppError("forbidden", [{ code: "other_court", message: "not your court" }]);
        courts = [q.courtId];
      }
      let query = db.selectFrom("audit_events").selectAll().where("court_id", "in", courts);
      if (q.action)
        query = q.action.endsWith(".")
          ? query.where("action", "like", `${q.action.replace(/[\\%_]/g, "\\$&")}%`)
          : query.where("action", "=", q.action);
      if (q.subjectId) query = query.where("subject_id", "=", q.subjectId);
      if (q.actorUserId) query = query.where("actor_user_id", "=", q.actorUserId);
      if (q.from) query = query.where("occurred_at", ">=", new Date(q.from));
      if (q.to) query = query.where("occurred_at", "<=", new Date(q.to));
      if (q.before) query = query.where("id", "<", q.before);
      const rows = await query
        .orderBy("id", "desc")
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at,
          actorUserId: r.actor_user_id,
          actorLabel: r.actor_label,
          ip: r.ip,
          requestId: r.request_id,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          courtId: r.court_id,
          data: r.data,
        })),
        nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
      };
    },
  );
}
