import type { AppContext } from "../../context";
import { commandMeta, requireUser, type ZodApp } from "../../platform";
import { registerAsyncTrialRoutes } from "./async/index";
import { adjournHearing } from "./commands/adjourn-hearing";
import { cancelHearing } from "./commands/cancel-hearing";
import { rescheduleHearing } from "./commands/reschedule-hearing";
import { scheduleHearing } from "./commands/schedule-hearing";
import { registerHearingRoomRoutes } from "./room/room.routes";
import { registerTranscriptRoutes } from "./transcript/index";
import {
  checkAvailability,
  getCaseHearings,
  getCourtCalendar,
  getHearing,
  getHearingAnnouncements,
  getHearingResources,
} from "./hearing.queries";
import {
  ZAdjournHearingRequest,
  ZAnnouncementQuery,
  ZAnnouncements,
  ZAvailability,
  ZAvailabilityQuery,
  ZCalendarQuery,
  ZCancelHearingRequest,
  ZCaseHearings,
  ZCaseParams,
  ZCourtCalendar,
  ZCourtParams,
  ZHearing,
  ZHearingParams,
  ZHearingResources,
  ZRescheduleHearingRequest,
  ZScheduleHearingRequest,
} from "./hearing.schemas";
import { registerLiveRoutes } from "./live/index";
import { registerRecordingRoutes } from "./recording/index";

const tags = ["hearing"];

/**
 * Hearings (开庭): the judge fixes them, the summons is served, the court adjourns or calls them off;
 * the parties see their case's hearings, the court's staff its calendar, the public the announcements.
 */
export async function registerHearingRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  await registerHearingRoomRoutes(app, context);
  await registerTranscriptRoutes(app, context);

  app.get(
    "/api/cases/:caseId/hearings",
    {
      schema: {
        tags,
        summary: "The case's hearings (parties, their agents, the judge in charge, the court's clerks)",
        params: ZCaseParams,
        response: { 200: ZCaseHearings },
      },
    },
    async (request) => getCaseHearings(context, requireUser(request.actor), request.params.caseId),
  );
  app.post(
    "/api/cases/:caseId/hearings",
    {
      schema: {
        tags,
        summary: "Fix a hearing and serve the summons (judge in charge; 民事诉讼法第一百三十九条)",
        params: ZCaseParams,
        body: ZScheduleHearingRequest,
        response: { 201: ZHearing },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await scheduleHearing(context, meta(request), request.params.caseId, request.body);
      return reply.status(201).send(await getHearing(context, request.actor, row.id));
    },
  );
  app.get(
    "/api/cases/:caseId/hearings/availability",
    {
      schema: {
        tags,
        summary: "The earliest day the summons allows and the clashes of a proposed sitting (court)",
        params: ZCaseParams,
        querystring: ZAvailabilityQuery,
        response: { 200: ZAvailability },
      },
    },
    async (request) =>
      checkAvailability(context, requireUser(request.actor), request.params.caseId, request.query),
  );
  app.get(
    "/api/hearings/:hearingId",
    {
      schema: {
        tags,
        summary: "One hearing with its summonses and adjournments",
        params: ZHearingParams,
        response: { 200: ZHearing },
      },
    },
    async (request) => getHearing(context, requireUser(request.actor), request.params.hearingId),
  );
  app.post(
    "/api/hearings/:hearingId/reschedule",
    {
      schema: {
        tags,
        summary: "Move a sitting, or give an adjourned hearing its date, with a new summons",
        params: ZHearingParams,
        body: ZRescheduleHearingRequest,
        response: { 200: ZHearing },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await rescheduleHearing(context, meta(request), request.params.hearingId, request.body);
      return getHearing(context, request.actor, row.id);
    },
  );
  app.post(
    "/api/hearings/:hearingId/adjourn",
    {
      schema: {
        tags,
        summary: "Adjourn a hearing on a ground of 民事诉讼法第一百四十九条 (judge in charge)",
        params: ZHearingParams,
        body: ZAdjournHearingRequest,
        response: { 200: ZHearing },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await adjournHearing(context, meta(request), request.params.hearingId, request.body);
      return getHearing(context, request.actor, row.id);
    },
  );
  app.post(
    "/api/hearings/:hearingId/cancel",
    {
      schema: {
        tags,
        summary: "Call a hearing off (judge in charge)",
        params: ZHearingParams,
        body: ZCancelHearingRequest,
        response: { 200: ZHearing },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await cancelHearing(context, meta(request), request.params.hearingId, request.body);
      return getHearing(context, request.actor, row.id);
    },
  );
  app.get(
    "/api/courts/:courtId/hearings",
    {
      schema: {
        tags,
        summary: "The court's hearing calendar over some days (the court's judges, clerks, administrators)",
        params: ZCourtParams,
        querystring: ZCalendarQuery,
        response: { 200: ZCourtCalendar },
      },
    },
    async (request) =>
      getCourtCalendar(context, requireUser(request.actor), request.params.courtId, request.query),
  );
  app.get(
    "/api/courts/:courtId/hearing-resources",
    {
      schema: {
        tags,
        summary: "The courtrooms, clerks and judges a court plans hearings with (the court's staff)",
        params: ZCourtParams,
        response: { 200: ZHearingResources },
      },
    },
    async (request) => getHearingResources(context, requireUser(request.actor), request.params.courtId),
  );
  app.get(
    "/api/courts/:courtId/hearing-announcements",
    {
      schema: {
        tags,
        summary: "开庭公告: the court's upcoming public hearings (public; 民事诉讼法第一百三十九条)",
        params: ZCourtParams,
        querystring: ZAnnouncementQuery,
        response: { 200: ZAnnouncements },
      },
    },
    async (request) => getHearingAnnouncements(context, request.params.courtId, request.query.limit),
  );
  await registerAsyncTrialRoutes(app, context);
  await registerRecordingRoutes(app, context);
  await registerLiveRoutes(app, context);
}
