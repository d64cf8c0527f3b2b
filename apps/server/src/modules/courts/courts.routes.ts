import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, type ZodApp } from "../../platform";
import { CalendarError, computePeriodEnd } from "./calendar.rules";
import { registerCourtroomRoutes } from "./courtrooms.routes";
import { presentCourt } from "./courts.presenter";
import { findCourt, listCourts, listDivisions } from "./courts.repository";
import {
  ZCourt,
  ZCourtDetail,
  ZCourtIdParams,
  ZCourtListQuery,
  ZDeadlineQuery,
  ZDeadlineResponse,
} from "./courts.schemas";
import { hasFirstInstanceJurisdiction, type JurisdictionCause } from "./jurisdiction.rules";

/**
 * What the court routes need from the cases context, which owns the catalogue of causes of action
 * (案由); the composition root passes it in, so the courts module never imports cases (cases imports
 * courts for judges and calendars).
 */
export interface CourtsCausesPort {
  findCause(code: string): JurisdictionCause | undefined;
}

/** Public routes of the court registry and the court calendar. */
export async function registerCourtsRoutes(
  app: ZodApp,
  context: AppContext,
  causes: CourtsCausesPort,
): Promise<void> {
  app.get(
    "/api/courts",
    {
      schema: {
        tags: ["courts"],
        summary:
          "List the courts of this deployment with their hierarchy; with `instance=first`, only the courts with jurisdiction over the cause",
        querystring: ZCourtListQuery,
        response: { 200: z.object({ items: z.array(ZCourt) }) },
      },
    },
    async (request) => {
      const courts = (await listCourts(context.db)).map(presentCourt);
      const { instance, cause: causeCode } = request.query;
      const cause = causeCode === undefined ? null : causes.findCause(causeCode);
      if (cause === undefined) {
        throw new AppError("validation_failed", [
          { path: "querystring.cause", code: "unknown_cause", message: "unknown cause of action" },
        ]);
      }
      if (instance !== "first") return { items: courts };
      return { items: courts.filter((court) => hasFirstInstanceJurisdiction(court, cause)) };
    },
  );

  app.get(
    "/api/courts/:courtId",
    {
      schema: {
        tags: ["courts"],
        summary: "One court with its divisions and its place in the hierarchy",
        params: ZCourtIdParams,
        response: { 200: ZCourtDetail },
      },
    },
    async (request) => {
      const court = await findCourt(context.db, request.params.courtId);
      if (!court) throw new AppError("court_not_found");
      const path = [];
      for (let current: typeof court | undefined = court; current;) {
        path.unshift({
          id: current.id,
          code: current.code,
          nameZh: current.name_zh,
          nameEn: current.name_en,
        });
        current = current.parent_id ? await findCourt(context.db, current.parent_id) : undefined;
      }
      const divisions = await listDivisions(context.db, court.id);
      return {
        ...presentCourt(court),
        path,
        divisions: divisions.map((d) => ({
          id: d.id,
          code: d.code,
          nameZh: d.name_zh,
          nameEn: d.name_en,
          kind: d.kind,
        })),
      };
    },
  );

  await registerCourtroomRoutes(app, context);

  app.get(
    "/api/calendar/period-end",
    {
      schema: {
        tags: ["courts"],
        summary: "When a procedural period ends, with China's statutory holidays (民事诉讼法第八十五条)",
        querystring: ZDeadlineQuery,
        response: { 200: ZDeadlineResponse },
      },
    },
    async (request) => {
      try {
        const result = computePeriodEnd(request.query);
        return { ...result, basis: "民事诉讼法第八十五条" };
      } catch (error) {
        if (error instanceof CalendarError) {
          throw new AppError(
            error.code === "calendar_year_not_covered" ? "calendar_year_not_covered" : "validation_failed",
            [{ code: error.code, message: error.message }],
          );
        }
        throw error;
      }
    },
  );
}
