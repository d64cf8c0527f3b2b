// A court's register of courtrooms: physical rooms and online courtrooms (在线诉讼规则第二十四条: 在线
// 开展庭审活动，人民法院应当设置环境要素齐全的在线法庭). The court's administrator keeps it.

import { z } from "zod";
import type { AppContext } from "../../context";
import {
  AppError,
  commandMeta,
  hasRole,
  inTransaction,
  requireUser,
  writeAuditEvent,
  type CommandMeta,
  type ZodApp,
} from "../../platform";
import { findCourt } from "./courts.repository";
import {
  findCourtroom,
  insertCourtroom,
  listCourtrooms,
  updateCourtroom,
  type CourtroomRow,
  type CourtroomValues,
} from "./courtrooms.repository";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));

const ZCourtroomParams = z.strictObject({
  courtId: z.uuid().describe("Court id"),
  courtroomId: z.uuid().describe("Courtroom id"),
});
const ZCourtParams = z.strictObject({ courtId: z.uuid().describe("Court id") });

export const ZCourtroom = z.object({
  id: z.uuid().describe("Courtroom id"),
  courtId: z.uuid().describe("The court it belongs to"),
  code: z.string().describe("The court's code for the room, e.g. 第一法庭 → T1"),
  nameZh: z.string().describe("Name in Chinese"),
  nameEn: z.string().describe("Name in English"),
  kind: z.enum(["physical", "online"]).describe("A physical courtroom or an online courtroom (在线法庭)"),
  locationZh: z.string().nullable().describe("Where it is (building, floor), in Chinese"),
  locationEn: z.string().nullable().describe("Where it is, in English"),
  isActive: z.boolean().describe("In use"),
});
export type TCourtroom = z.infer<typeof ZCourtroom>;

const ZCourtroomRequest = z.strictObject({
  code: z.string().trim().min(1).max(32).describe("The court's code for the room, unique at the court"),
  nameZh: z.string().trim().min(1).max(100).describe("Name in Chinese, e.g. 第一法庭"),
  nameEn: z.string().trim().min(1).max(100).describe("Name in English, e.g. Courtroom 1"),
  kind: z.enum(["physical", "online"]).describe("A physical courtroom or an online courtroom (在线法庭)"),
  locationZh: optionalText(200).describe("Where it is, in Chinese"),
  locationEn: optionalText(200).describe("Where it is, in English"),
});
const ZCourtroomPatch = z.strictObject({
  nameZh: z.string().trim().min(1).max(100).optional().describe("Name in Chinese"),
  nameEn: z.string().trim().min(1).max(100).optional().describe("Name in English"),
  locationZh: optionalText(200).optional().describe("Where it is, in Chinese"),
  locationEn: optionalText(200).optional().describe("Where it is, in English"),
  isActive: z.boolean().optional().describe("False takes the room out of use"),
});

/** A courtroom as the API shows it. */
export function presentCourtroom(row: CourtroomRow): TCourtroom {
  return {
    id: row.id,
    courtId: row.court_id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    kind: row.kind,
    locationZh: row.location_zh,
    locationEn: row.location_en,
    isActive: row.is_active,
  };
}

async function assertCourtAdmin(context: AppContext, meta: CommandMeta, courtId: string): Promise<void> {
  const court = await findCourt(context.db, courtId);
  if (!court) throw new AppError("court_not_found");
  if (!hasRole(meta.actor, courtId, "court_admin")) {
    throw new AppError("forbidden", [
      { code: "court_admin_only", message: "only the court's administrator keeps the courtrooms" },
    ]);
  }
}

/** Adds a courtroom to the court's register. Throws `court_not_found`, `forbidden`, `courtroom_code_taken`. */
export async function registerCourtroom(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  values: CourtroomValues,
): Promise<CourtroomRow> {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    const taken = (await listCourtrooms(trx, courtId)).some((room) => room.code === values.code);
    if (taken) throw new AppError("courtroom_code_taken");
    const row = await insertCourtroom(trx, courtId, values, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "courts.courtroom_registered",
      subjectType: "courtroom",
      subjectId: row.id,
      courtId,
      data: { code: row.code, kind: row.kind },
    });
    return row;
  });
}

/** Changes a courtroom's entry or takes it out of use. Throws as above and `courtroom_not_found`. */
export async function changeCourtroom(
  context: AppContext,
  meta: CommandMeta,
  courtId: string,
  courtroomId: string,
  patch: z.infer<typeof ZCourtroomPatch>,
): Promise<CourtroomRow> {
  await assertCourtAdmin(context, meta, courtId);
  return inTransaction(context.db, async (trx) => {
    const existing = await findCourtroom(trx, courtId, courtroomId);
    if (!existing) throw new AppError("courtroom_not_found");
    const row = await updateCourtroom(trx, courtroomId, patch, meta.now);
    await writeAuditEvent(trx, meta, {
      action: "courts.courtroom_changed",
      subjectType: "courtroom",
      subjectId: row.id,
      courtId,
      data: { ...patch },
    });
    return row;
  });
}

/** The routes of a court's courtroom register: anyone reads it, the court's administrator keeps it. */
export async function registerCourtroomRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  app.get(
    "/api/courts/:courtId/courtrooms",
    {
      schema: {
        tags: ["courts"],
        summary: "The court's courtrooms, physical and online (public)",
        params: ZCourtParams,
        response: { 200: z.object({ items: z.array(ZCourtroom).describe("Courtrooms") }) },
      },
    },
    async (request) => {
      const court = await findCourt(context.db, request.params.courtId);
      if (!court) throw new AppError("court_not_found");
      return { items: (await listCourtrooms(context.db, court.id)).map(presentCourtroom) };
    },
  );
  app.post(
    "/api/courts/:courtId/courtrooms",
    {
      schema: {
        tags: ["courts"],
        summary: "Register a courtroom (court administrator)",
        params: ZCourtParams,
        body: ZCourtroomRequest,
        response: { 201: ZCourtroom },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await registerCourtroom(context, meta(request), request.params.courtId, request.body);
      return reply.status(201).send(presentCourtroom(row));
    },
  );
  app.patch(
    "/api/courts/:courtId/courtrooms/:courtroomId",
    {
      schema: {
        tags: ["courts"],
        summary: "Change a courtroom or take it out of use (court administrator)",
        params: ZCourtroomParams,
        body: ZCourtroomPatch,
        response: { 200: ZCourtroom },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const { courtId, courtroomId } = request.params;
      return presentCourtroom(
        await changeCourtroom(context, meta(request), courtId, courtroomId, request.body),
      );
    },
  );
}
