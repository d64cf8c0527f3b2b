import type { AppContext } from "../../context";
import {
  AppError,
  ReadCache,
  publicRateLimits,
  releaseAttempt,
  takeAttempt,
  requireUser,
  type Actor,
  type ZodApp,
} from "../../platform";
import { z } from "zod";
import { courtDateOf, findCourt, presentCourt } from "../courts/index";
import { childCauses, feeKindOfCause, searchCauses } from "./causes.rules";
import { isVisibleTo, relationToCase, type CaseRelation, type VisibilityInput } from "./cases.policy";
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

/**
 * Other contexts add what the caller may do with a case (filing: pay, withdraw, review …). The answer
 * may depend only on the caller, the case and records whose changes are published under the case's
 * change-feed key (`case:<id>`, see the change-feed migration): the case page keeps it until then.
 */
export type CaseActionProvider = (input: {
  actor: Actor;
  relation: CaseRelation;
  row: CaseRow;
}) => Promise<string[]>;

/** What the caller sees of a case, and under which key its rendered page is kept. */
interface CaseView {
  relation: CaseRelation;
  actions: string[];
  key: string;
}

/** A cached case with its pages rendered so far and its callers' views. */
type Snapshot = CaseSnapshot & {
  rendered: Map<string, Buffer>;
  views: WeakMap<Actor, CaseView | null>;
};

export interface CasesRouteDependencies {
  actionProviders: CaseActionProvider[];
  /** Display names of accounts (identity context). */
  userNames(ids: string[]): Promise<Map<string, string>>;
  /** An account's display name if it is in memory (undefined: ask `userNames`). */
  cachedUserName(id: string): string | undefined;
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
    mediatorId: snapshot.row.mediator_id,
    partyUserIds: snapshot.parts.parties.map((p) => p.user_id),
    agents: snapshot.parts.agents.map((a) => ({ userId: a.user_id, status: a.status })),
  };
}

/** Routes of the case aggregate: my/court cases, case detail, and the public progress lookup. */
/** Progress lookup: 30 unknown query codes from one address within 15 minutes lock it for 15 minutes. */
const progressLookupPolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export async function registerCasesRoutes(
  app: ZodApp,
  context: AppContext,
  deps: CasesRouteDependencies,
): Promise<void> {
  // Case pages are read far more often than cases change: they are served from memory, and the change
  // feed drops a case the moment any server commits a change to it.
  const snapshots = new ReadCache<Snapshot | undefined>(context.database.changes, "case", 20_000);
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
      const caseId = request.params.caseId;
      // Everything below is synchronous when the case, the caller's view of it and the judge's name are
      // in memory, which is the common case: a page is read many times between two changes.
      const snapshot =
        snapshots.peek(caseId) ??
        (await snapshots.get(caseId, async () => {
          const loaded = await loadCaseSnapshot(context.db, caseId);
          return loaded && { ...loaded, rendered: new Map(), views: new WeakMap() };
        }));
      if (!snapshot) throw new AppError("case_not_found");
      let view = snapshot.views.get(actor);
      if (view === undefined) view = await viewOf(snapshot, actor);
      if (view === null) throw new AppError("case_not_found");
      const { row, parts } = snapshot;
      const judgeName = row.judge_id
        ? (deps.cachedUserName(row.judge_id) ??
          (await deps.userNames([row.judge_id])).get(row.judge_id) ??
          null)
        : null;
      const now = context.clock.now();
      const courtDate = courtDateOf(now);
      // The page is a pure function of the case (this snapshot), the caller's relation, the actions, the
      // judge's name and the court day (days left): rendered once per combination while the case is unchanged.
      const key = `${view.key}\u0000${judgeName ?? ""}\u0000${courtDate}`;
      let body = snapshot.rendered.get(key);
      if (body === undefined) {
        const detail = presentCaseDetail(row, parts, view.relation, {
          court: await courtRef(context, row.court_id),
          judgeName,
          now,
          actions: view.actions,
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

  /**
   * The caller's view of a cached case: null when they may not see it, else their relation and
   * actions. Kept on the snapshot per actor object (a session's actor is replaced when its roles
   * change), so it lives exactly as long as both the case and the caller's roles are unchanged — which
   * is why action providers may only depend on what the case's change-feed key covers.
   */
  async function viewOf(snapshot: Snapshot, actor: Actor): Promise<CaseView | null> {
    const { row, parts } = snapshot;
    let view: CaseView | null = null;
    if (isVisibleTo(actor, visibilityOf(snapshot))) {
      const relation = relationToCase(actor, row, parts);
      const actions = [
        ...new Set(
          (
            await Promise.all(deps.actionProviders.map((provide) => provide({ actor, relation, row })))
          ).flat(),
        ),
      ];
      view = { relation, actions, key: JSON.stringify([relation, actions]) };
    }
    snapshot.views.set(actor, view);
    return view;
  }

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
      config: { rateLimit: publicRateLimits.progressLookup },
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
      // Counted before the lookup, so parallel guesses cannot outrun the limit; a found case gives it back.
      await takeAttempt(context.db, key, progressLookupPolicy, now);
      const code = request.query.code.replaceAll("-", "");
      const row = await findCaseByQueryCode(context.db, code);
      if (!row || row.status === "draft") throw new AppError("case_not_found");
      await releaseAttempt(context.db, key);
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
