import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, requireUser, type ZodApp } from "../../platform";
import { renderInboxMessage } from "./delivery.messages";
import { countUnread, listInbox, markAllRead, markRead } from "./delivery.repository";
import { registerServiceRoutes } from "./services.routes";

const ZInboxMessage = z.object({
  id: z.uuid().describe("Message id"),
  caseId: z.uuid().nullable().describe("Case the message is about"),
  kind: z.string().describe("Kind of message"),
  params: z.record(z.string(), z.unknown()).describe("Details"),
  title: z.string().describe("Title in the caller's language"),
  body: z.string().describe("Text in the caller's language"),
  createdAt: z.date().describe("When it was sent"),
  readAt: z.date().nullable().describe("When the caller read it"),
});

/** The platform inbox (站内信). */
export async function registerDeliveryRoutes(app: ZodApp, context: AppContext): Promise<void> {
  await registerServiceRoutes(app, context);
  app.get(
    "/api/inbox",
    {
      schema: {
        tags: ["delivery"],
        summary: "The caller's inbox, newest first",
        querystring: z.strictObject({
          unread: z.enum(["true", "false"]).optional().describe("Only unread messages"),
          page: z.coerce.number().int().min(1).max(10_000).default(1).describe("Page"),
          pageSize: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page"),
        }),
        response: {
          200: z.object({ items: z.array(ZInboxMessage), total: z.number().int(), unread: z.number().int() }),
        },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { page, pageSize, unread } = request.query;
      const [{ items, total }, unreadCount] = await Promise.all([
        listInbox(context.db, actor.userId, {
          unreadOnly: unread === "true",
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
        countUnread(context.db, actor.userId),
      ]);
      return {
        items: items.map((m) => ({
          id: m.id,
          caseId: m.case_id,
          kind: m.kind,
          params: m.params,
          ...renderInboxMessage(m.kind, m.params, request.locale),
          createdAt: m.created_at,
          readAt: m.read_at,
        })),
        total,
        unread: unreadCount,
      };
    },
  );

  app.get(
    "/api/inbox/unread-count",
    {
      schema: {
        tags: ["delivery"],
        summary: "How many unread messages the caller has",
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => ({ unread: await countUnread(context.db, requireUser(request.actor).userId) }),
  );

  app.post(
    "/api/inbox/:messageId/read",
    {
      schema: {
        tags: ["delivery"],
        summary: "Mark one message read",
        params: z.strictObject({ messageId: z.uuid().describe("Message id") }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const ok = await markRead(context.db, actor.userId, request.params.messageId, context.clock.now());
      if (!ok) throw new AppError("message_not_found");
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/inbox/read-all",
    {
      schema: {
        tags: ["delivery"],
        summary: "Mark every message read",
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => ({
      marked: await markAllRead(context.db, requireUser(request.actor).userId, context.clock.now()),
    }),
  );
}
