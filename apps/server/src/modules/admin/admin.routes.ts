import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, commandMeta, requireUser, type ZodApp } from "../../platform";
import { findCourt, listDivisions } from "../courts/index";
import { setSessionCookies } from "../identity/index";
import type { AdminDependencies } from "./admin.dependencies";
import { assertCanAdministerCourt } from "./admin.policy";
import { presentInvitation, presentStaffMember } from "./admin.presenter";
import { listCourtStaff } from "./admin.repository";
import {
  ZAcceptInvitationRequest,
  ZAcceptedInvitation,
  ZAddDivisionRequest,
  ZAdminCourt,
  ZAdminCourtParams,
  ZAdminStaffParams,
  ZDivision,
  ZInvitationTokenParams,
  ZInvitationView,
  ZInviteStaffRequest,
  ZIssuedInvitation,
  ZStaffRoster,
} from "./admin.schemas";
import { acceptInvitation, openInvitation } from "./commands/accept-invitation";
import { addDivision } from "./commands/add-division";
import { deactivateStaff } from "./commands/deactivate-staff";
import { inviteStaff } from "./commands/invite-staff";
import { resetSecondFactor } from "./commands/reset-second-factor";

const TAGS = ["admin"];

function userAgentOf(request: FastifyRequest): string | null {
  return typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null;
}

/**
 * Court administration: a court's administrator manages its divisions and staff; an invitee accepts
 * the invitation link. Invitation pages are public: the link's token is the credential.
 */
export async function registerAdminRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const deps: AdminDependencies = {
    db: context.db,
    totpSecrets: context.totpSecrets,
    publicUrl: context.config.publicUrl,
  };
  const noStore = { "cache-control": "no-store" };

  app.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: TAGS,
        summary: "What the holder of an invitation link sees: court, roles and the TOTP secret to enrol",
        params: ZInvitationTokenParams,
        response: { 200: ZInvitationView },
      },
    },
    async (request, reply) => {
      const opened = await openInvitation(deps, request.params.token, context.clock.now());
      void reply.headers({ ...noStore, "referrer-policy": "no-referrer" });
      return presentInvitation(opened);
    },
  );

  app.post(
    "/api/invitations/:token/accept",
    {
      config: { csrf: false },
      schema: {
        tags: TAGS,
        summary: "Set the password and confirm TOTP together; the account becomes usable and is signed in",
        params: ZInvitationTokenParams,
        body: ZAcceptInvitationRequest,
        response: { 200: ZAcceptedInvitation },
      },
    },
    async (request, reply) => {
      const signedIn = await acceptInvitation(
        deps,
        commandMeta(request, context.clock.now()),
        request.params.token,
        { ...request.body, userAgent: userAgentOf(request) },
      );
      setSessionCookies(request, reply, context.config, signedIn);
      return { userId: signedIn.userId };
    },
  );

  app.get(
    "/api/admin/courts/:courtId",
    {
      schema: {
        tags: TAGS,
        summary: "The administered court with its divisions (court administrators)",
        params: ZAdminCourtParams,
        response: { 200: ZAdminCourt },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      const court = await findCourt(context.db, request.params.courtId);
      if (!court) throw new AppError("court_not_found");
      const divisions = await listDivisions(context.db, court.id);
      return {
        id: court.id,
        code: court.code,
        nameZh: court.name_zh,
        nameEn: court.name_en,
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

  app.post(
    "/api/admin/courts/:courtId/divisions",
    {
      schema: {
        tags: TAGS,
        summary: "Add a division to the court",
        params: ZAdminCourtParams,
        body: ZAddDivisionRequest,
        response: { 201: ZDivision },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      const { divisionId } = await addDivision(deps, commandMeta(request, context.clock.now()), {
        courtId: request.params.courtId,
        ...request.body,
      });
      return reply.status(201).send({ id: divisionId, ...request.body });
    },
  );

  app.get(
    "/api/admin/courts/:courtId/staff",
    {
      schema: {
        tags: TAGS,
        summary: "The court's staff with their sign-in state",
        params: ZAdminCourtParams,
        response: { 200: ZStaffRoster },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      const rows = await listCourtStaff(context.db, request.params.courtId, context.clock.now());
      return { items: rows.map((row) => presentStaffMember(row, actor.userId)) };
    },
  );

  app.post(
    "/api/admin/courts/:courtId/staff",
    {
      schema: {
        tags: TAGS,
        summary: "Invite a staff member: creates the account and returns a one-time invitation link",
        params: ZAdminCourtParams,
        body: ZInviteStaffRequest,
        response: { 201: ZIssuedInvitation },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      const invited = await inviteStaff(deps, commandMeta(request, context.clock.now()), {
        ...request.body,
        courtId: request.params.courtId,
        divisionId: request.body.divisionId ?? null,
      });
      void reply.headers(noStore);
      return reply
        .status(201)
        .send({ userId: invited.userId, url: invited.url, expiresAt: invited.expiresAt.toISOString() });
    },
  );

  app.post(
    "/api/admin/courts/:courtId/staff/:userId/deactivate",
    {
      schema: {
        tags: TAGS,
        summary: "End the staff member's roles at the court and their sessions",
        params: ZAdminStaffParams,
        body: z.strictObject({}),
        response: { 204: z.null().describe("Deactivated") },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      await deactivateStaff(deps, commandMeta(request, context.clock.now()), request.params);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/admin/courts/:courtId/staff/:userId/reset-second-factor",
    {
      schema: {
        tags: TAGS,
        summary: "Reset password and TOTP: sessions end and a new invitation link is returned",
        params: ZAdminStaffParams,
        body: z.strictObject({}),
        response: { 201: ZIssuedInvitation },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      assertCanAdministerCourt(actor, request.params.courtId);
      const invitation = await resetSecondFactor(
        deps,
        commandMeta(request, context.clock.now()),
        request.params,
      );
      void reply.headers(noStore);
      return reply.status(201).send({
        userId: request.params.userId,
        url: invitation.url,
        expiresAt: invitation.expiresAt.toISOString(),
      });
    },
  );
}
