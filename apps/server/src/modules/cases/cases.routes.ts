import type { AppContext } from "../../context";
import {
  AppError,
  ReadCache,
  assertNotThrottled,
  recordFailure,
  requireUser,
  type Actor,
  type ZodApp,
} from "../../platform";
import { z } from "zod";
import { courtDateOf, findCourt, presentCourt } from "../courts/index";
import { childCauses, feeKindOfCause, searchCauses } from "./causes.rules";
import { isVisibleTo, relationTo, type CaseRelation, type VisibilityInput } from "./cases.policy";
import { presentCaseDetail, presentCaseSummary, type CourtRef } from "./cases.presenter";
import {
  findCaseByQueryCode,
  listPublicTimeline,
  listVisibleCases,
  loadCaseSnapshot,
  type CaseRow,
  type CaseSnapshot,
} from "./cases.repository";
import {
  ZCaseDetail,
  ZCaseIdParams,
  ZCaseList,
  ZCaseListQuery,
  ZProgress,
  ZProgressQuery,
} from "./cases.schemas";

/** Other contexts add what the caller may do with a case (filing: pay, withdraw, review …). */
export type CaseActionProvider = (input: {
  actor: Actor;
  relation: CaseRelation;
  row: CaseRow;
}) => Promise<string[]>;

export interface CasesRouteDependencies {
  actionProviders: CaseActionProvider[];
  /** Display names of accounts (identity context). */
  userNames(ids: string[]): Promise<Map<string, string>>;
}

const courtCache = new Map<string, CourtRef>();

/** A court's name and code; courts change rarely, so they are cached in memory. */
export async function courtRef(context: AppContext, courtId: string): Promise<CourtRef> {
  const cached = courtCache.get(courtId);
  if (cached) return cached;
  const row = await findCourt(context.db, courtId);
  if (!row) throw new AppError("court_not_found");
  const court = presentCourt(row);
  const ref = { id: court.id, code: court.code, nameZh: court.nameZh, nameEn: court.nameEn };
  courtCache.set(courtId, ref);
  return ref;
}

/** The visibility facts of a loaded case. */
export function visibilityOf(snapshot: CaseSnapshot): VisibilityInput {
  return {
    courtId: snapshot.row.court_id,
    status: snapshot.row.status,
    filedBy: snapshot.row.filed_by,
    judgeId: snapshot.row.judge_id,
    partyUserIds: snapshot.parts.parties.map((p) => p.user_id),
    agents: snapshot.parts.agents.map((a) => ({ userId: a.user_id, status: a.status })),
  };
}

/** Routes of the case aggregate: my/court cases, case detail, and the public progress lookup. */
export async function registerCasesRoutes(
  app: ZodApp,
  context: AppContext,
  deps: CasesRouteDependencies,
): Promise<void> {
  // Case pages are read far more often than cases change: they are served from memory, and the change
  // feed drops a case the moment any server commits a change to it.
  const snapshots = new ReadCache<(CaseSnapshot & { rendered: Map<string, Buffer> }) | undefined>(
    context.database.changes,
    "case",
    20_000,
  );
  app.get(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases the caller may see: their own as party, agent or filer; their court's as staff",
        querystring: ZCaseListQuery,
        response: { 200: ZCaseList },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { page, pageSize, status, courtId, assignedToMe, search } = request.query;
      const { items, total } = await listVisibleCases(context.db, actor, {
        status: status as CaseRow["status"][] | undefined,
        courtId,
        assignedToMe,
        search,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const names = await deps.userNames([
        ...new Set(items.map((i) => i.judge_id).filter((id): id is string => id !== null)),
      ]);
      const presented = [];
      for (const row of items) {
        presented.push(
          presentCaseSummary(
            row,
            await courtRef(context, row.court_id),
            row.judge_id ? (names.get(row.judge_id) ?? null) : null,
          ),
        );
      }
      return { items: presented, total };
    },
  );

  app.get(
    "/api/cases/:caseId",
    {
      schema: {
        tags: ["cases"],
        summary: "One case as the caller may see it, with the actions they may take",
        params: ZCaseIdParams,
        response: { 200: ZCaseDetail },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const snapshot = await snapshots.get(request.params.caseId, async () => {
        const loaded = await loadCaseSnapshot(context.db, request.params.caseId);
        return loaded && { ...loaded, rendered: new Map<string, Buffer>() };
      });
      if (!snapshot || !isVisibleTo(actor, visibilityOf(snapshot))) throw new AppError("case_not_found");
      const { row, parts } = snapshot;
      const relation = relationTo(actor, {
        courtId: row.court_id,
        filedBy: row.filed_by,
        judgeId: row.judge_id,
        parties: parts.parties.map((p) => ({ id: p.id, userId: p.user_id })),
        agents: parts.agents.map((a) => ({ partyId: a.party_id, userId: a.user_id, status: a.status })),
      });
      const names = row.judge_id ? await deps.userNames([row.judge_id]) : new Map<string, string>();
      const judgeName = row.judge_id ? (names.get(row.judge_id) ?? null) : null;
      const actions = [
        ...new Set(
          (
            await Promise.all(deps.actionProviders.map((provide) => provide({ actor, relation, row })))
          ).flat(),
        ),
      ];
      const now = context.clock.now();
      // The page is a pure function of the case (this snapshot), the caller's relation, the judge's name,
      // the actions and the court day (days left): rendered once per combination while the case is unchanged.
      const key = JSON.stringify([relation, judgeName, actions, courtDateOf(now)]);
      let body = snapshot.rendered.get(key);
      if (body === undefined) {
        const detail = presentCaseDetail(row, parts, relation, {
          court: await courtRef(context, row.court_id),
          judgeName,
          now,
          actions,
        });
        if (context.config.validateResponses) ZCaseDetail.parse(detail);
        body = Buffer.from(JSON.stringify(detail), "utf8");
        if (snapshot.rendered.size > 50) snapshot.rendered.clear();
        snapshot.rendered.set(key, body);
      }
      // Kept as UTF-8 bytes, so a request neither measures nor encodes the text again.
      return reply.type("application/json; charset=utf-8").send(body as never);
    },
  );

  const ZCause = z.object({
    id: z.string().describe("Cause id"),
    level: z.number().int().describe("1 = part … 4 = most specific"),
    parentId: z.string().nullable().describe("Parent cause"),
    officialNumber: z.string().nullable().describe("Number in 民事案件案由规定 where verified"),
    nameZh: z.string(),
    nameEn: z.string(),
    internetCourt: z.boolean().describe("Can fall within 互联网法院规定第二条"),
    feeKind: z.string().nullable().describe("Which fee rule usually applies"),
  });
  app.get(
    "/api/causes",
    {
      schema: {
        tags: ["cases"],
        summary: "Civil causes of action (民事案件案由规定): search, or children of a cause",
        querystring: z.strictObject({
          q: z.string().trim().max(50).optional().describe("Name contains (Chinese or English)"),
          parentId: z
            .string()
            .max(100)
            .optional()
            .describe("Children of this cause (omit for the top level)"),
          internetCourtOnly: z
            .enum(["true", "false"])
            .optional()
            .describe("Only causes an Internet court hears"),
        }),
        response: { 200: z.object({ items: z.array(ZCause) }) },
      },
    },
    async (request) => {
      const { q, parentId, internetCourtOnly } = request.query;
      const internetOnly = internetCourtOnly === "true";
      const causes = q
        ? searchCauses(q, { internetCourtOnly: internetOnly, limit: 50 })
        : childCauses(parentId ?? null).filter((c) => !internetOnly || c.internetCourt || c.level < 4);
      return {
        items: causes.map((c) => ({
          id: c.id,
          level: c.level,
          parentId: c.parentId,
          officialNumber: c.officialNumber,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          internetCourt: c.internetCourt,
          feeKind: feeKindOfCause(c.id),
        })),
      };
    },
  );

  app.get(
    "/api/public/progress",
    {
      schema: {
        tags: ["cases"],
        summary: "Public progress of a case for anyone holding its query code",
        querystring: ZProgressQuery,
        response: { 200: ZProgress },
      },
    },
    async (request) => {
      const now = context.clock.now();
      // Guessing codes is throttled per address: 30 unknown codes in 15 minutes lock it for 15 minutes.
      const key = `progress:ip:${request.ip}`;
      await assertNotThrottled(context.db, [key], now);
      const code = request.query.code.replaceAll("-", "");
      const row = await findCaseByQueryCode(context.db, code);
      if (!row || row.status === "draft") {
        await recordFailure(
          context.db,
          [{ key, policy: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } }],
          now,
        );
        throw new AppError("case_not_found");
      }
      const court = await courtRef(context, row.court_id);
      const names = row.judge_id ? await deps.userNames([row.judge_id]) : new Map<string, string>();
      const timeline = await listPublicTimeline(context.db, row.id);
      return {
        caseNumber: row.case_number,
        courtNameZh: court.nameZh,
        courtNameEn: court.nameEn,
        status: row.status,
        causeNameZh: row.cause_name_zh,
        causeNameEn: row.cause_name_en,
        judgeName: row.judge_id ? (names.get(row.judge_id) ?? null) : null,
        timeline: timeline.map((t) => ({ at: t.occurred_at, kind: t.kind, params: t.data })),
      };
    },
  );
}
