import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, commandMeta, readMultipart, requireUser, type ZodApp } from "../../platform";
import { addMediationDocument } from "./commands/add-mediation-document";
import { applyForMediation } from "./commands/apply-for-mediation";
import { answerMediationConsent } from "./commands/answer-mediation-consent";
import { answerAssignment, assignMediator } from "./commands/assign-mediator";
import { recordMediationFailure, withdrawMediation } from "./commands/end-mediation";
import { answerMediationExtension, proposeMediationExtension } from "./commands/extend-mediation-period";
import {
  answerMediationOffer as answerSettlementOffer,
  makeMediationOffer,
} from "./commands/mediation-offers";
import { answerMediationOffer, offerMediation } from "./commands/offer-mediation";
import { postMediationMessage } from "./commands/post-mediation-message";
import { referMediationToFiling } from "./commands/refer-mediation-to-filing";
import { scheduleMediationSession } from "./commands/schedule-mediation-session";
import {
  registerMediationOrganisation,
  updateMediationOrganisation,
} from "./commands/register-mediation-organisation";
import { registerMediator, updateRegisteredMediator } from "./commands/register-mediator";
import { loadMediation } from "./mediation.access";
import { presentMediator, presentOrganisation } from "./mediation.presenter";
import {
  getMediationView,
  listCourtMediators,
  listCourtOrganisations,
  listMyMediations,
} from "./mediation.queries";
import { findDocument } from "./mediation.repository";
import {
  ZApplyRequest,
  ZApplyResponse,
  ZAssignRequest,
  ZCaseParams,
  ZConsentRequest,
  ZCourtParams,
  ZDocumentParams,
  ZExtensionAnswerRequest,
  ZExtensionRequest,
  ZListQuery,
  ZMediationList,
  ZMediationParams,
  ZMediationView,
  ZMediator,
  ZMediatorParams,
  ZMediatorPatch,
  ZMediatorRequest,
  ZMessageRequest,
  ZOfferAnswerResponse,
  ZOfferMediationRequest,
  ZOfferParams,
  ZOfferRequest,
  ZOptionalReasonRequest,
  ZOrganisation,
  ZOrganisationParams,
  ZOrganisationPatch,
  ZOrganisationRequest,
  ZReasonRequest,
  ZSessionRequest,
} from "./mediation.schemas";
import { registerConfirmationRoutes } from "./mediation.confirmation.routes";

const tags = ["mediation"];

/**
 * Pre-litigation mediation (诉前调解): the court's register of mediators, applying for (or accepting the
 * court's offer of) mediation, the workspace of the parties and the mediator, and the way back to filing.
 */
export async function registerMediationRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const view = (request: { actor: Parameters<typeof getMediationView>[1] }, id: string) =>
    getMediationView(context.db, request.actor, id);
  // Agreements, online signatures and judicial confirmation (mediation.confirmation.routes.ts).
  await registerConfirmationRoutes(app, context);

  // --- The court's register (在线调解规则第五条, 第二十七条; 特邀调解规定第五条, 第八条) -------------------

  app.get(
    "/api/courts/:courtId/mediation-organisations",
    {
      schema: {
        tags,
        summary: "The court's invited mediation organisations (public)",
        params: ZCourtParams,
        response: { 200: z.object({ items: z.array(ZOrganisation).describe("Organisations") }) },
      },
    },
    async (request) => listCourtOrganisations(context.db, request.actor, request.params.courtId),
  );
  app.post(
    "/api/courts/:courtId/mediation-organisations",
    {
      schema: {
        tags,
        summary: "Register an invited mediation organisation (court administrator)",
        params: ZCourtParams,
        body: ZOrganisationRequest,
        response: { 201: ZOrganisation },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await registerMediationOrganisation(
        context,
        meta(request),
        request.params.courtId,
        request.body,
      );
      return reply.status(201).send(presentOrganisation(row));
    },
  );
  app.patch(
    "/api/courts/:courtId/mediation-organisations/:organisationId",
    {
      schema: {
        tags,
        summary: "Change an organisation's entry or take it off the register (court administrator)",
        params: ZOrganisationParams,
        body: ZOrganisationPatch,
        response: { 200: ZOrganisation },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await updateMediationOrganisation(
        context,
        meta(request),
        request.params.courtId,
        request.params.organisationId,
        request.body,
      );
      return presentOrganisation(row);
    },
  );
  app.get(
    "/api/courts/:courtId/mediators",
    {
      schema: {
        tags,
        summary: "The court's invited mediators, for applicants to choose from (public; no personal data)",
        params: ZCourtParams,
        response: { 200: z.object({ items: z.array(ZMediator).describe("Mediators") }) },
      },
    },
    async (request) => listCourtMediators(context.db, request.actor, request.params.courtId),
  );
  app.post(
    "/api/courts/:courtId/mediators",
    {
      schema: {
        tags,
        summary: "Register a mediator of the court (court administrator)",
        params: ZCourtParams,
        body: ZMediatorRequest,
        response: { 201: ZMediator },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const row = await registerMediator(context, meta(request), request.params.courtId, request.body);
      return reply.status(201).send(presentMediator(row, true));
    },
  );
  app.patch(
    "/api/courts/:courtId/mediators/:mediatorId",
    {
      schema: {
        tags,
        summary: "Change a mediator's entry or take them off the register (court administrator)",
        params: ZMediatorParams,
        body: ZMediatorPatch,
        response: { 200: ZMediator },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const row = await updateRegisteredMediator(
        context,
        meta(request),
        request.params.courtId,
        request.params.mediatorId,
        request.body,
      );
      return presentMediator(row, true);
    },
  );

  // --- Entry points -----------------------------------------------------------------------------

  app.post(
    "/api/filings/:caseId/mediation",
    {
      schema: {
        tags,
        summary: "Apply for pre-litigation mediation of the drafted dispute instead of submitting it",
        params: ZCaseParams,
        body: ZApplyRequest.optional(),
        response: { 201: ZApplyResponse },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const result = await applyForMediation(context, meta(request), request.params.caseId, {
        mediatorId: request.body?.mediatorId ?? null,
      });
      return reply.status(201).send(result);
    },
  );
  app.post(
    "/api/filings/:caseId/mediation-offer",
    {
      schema: {
        tags,
        summary: "Offer pre-litigation mediation of a submitted filing (clerk)",
        params: ZCaseParams,
        body: ZOfferMediationRequest.optional(),
        response: { 201: z.object({ mediationId: z.uuid().describe("The offered mediation") }) },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const result = await offerMediation(context, meta(request), request.params.caseId, {
        note: request.body?.note ?? null,
      });
      return reply.status(201).send(result);
    },
  );
  for (const answer of ["consent", "decline"] as const) {
    app.post(
      `/api/filings/:caseId/mediation-offer/${answer}`,
      {
        schema: {
          tags,
          summary:
            answer === "consent"
              ? "Consent to the court's offer of mediation (the filer; the review waits)"
              : "Decline the court's offer of mediation (the filer; the review goes on)",
          params: ZCaseParams,
          response: { 200: ZOfferAnswerResponse },
        },
      },
      async (request) => {
        requireUser(request.actor);
        return answerMediationOffer(context, meta(request), request.params.caseId, answer);
      },
    );
  }

  // --- The workspace ----------------------------------------------------------------------------

  app.get(
    "/api/mediations",
    {
      schema: {
        tags,
        summary: "My mediations: as party or agent, as mediator, or my court's (clerks, administrators)",
        querystring: ZListQuery,
        response: { 200: ZMediationList },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return listMyMediations(context.db, request.actor, { status: request.query.status });
    },
  );
  app.get(
    "/api/mediations/:mediationId",
    {
      schema: {
        tags,
        summary: "The mediation workspace, with what the caller may do next",
        params: ZMediationParams,
        response: { 200: ZMediationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return view(request, request.params.mediationId);
    },
  );

  /** A POST on a mediation that runs one command and answers with the workspace. */
  const act = <TBody extends z.ZodType>(
    path: string,
    summary: string,
    body: TBody | null,
    run: (
      request: { params: { mediationId: string }; body: z.output<TBody> },
      m: ReturnType<typeof meta>,
    ) => Promise<unknown>,
    status: 200 | 201 = 200,
  ) => {
    app.post(
      `/api/mediations/:mediationId${path}`,
      {
        schema: {
          tags,
          summary,
          params: ZMediationParams,
          ...(body ? { body } : {}),
          response: { [status]: ZMediationView },
        },
      },
      async (request, reply) => {
        requireUser(request.actor);
        await run(request as never, meta(request));
        return reply.status(status).send(await view(request, request.params.mediationId));
      },
    );
  };

  act(
    "/mediator",
    "Appoint a mediator from the register (clerk or administrator; 在线调解规则第十条)",
    ZAssignRequest,
    (r, m) => assignMediator(context, m, r.params.mediationId, r.body.mediatorId),
  );
  act("/accept", "Confirm the mediation (the mediator; 第十二条) — the 30-day period starts", null, (r, m) =>
    answerAssignment(context, m, r.params.mediationId, { accept: true }),
  );
  // The mediator who declines no longer takes part, so this answers with the new status only.
  app.post(
    "/api/mediations/:mediationId/decline",
    {
      schema: {
        tags,
        summary: "Decline the mediation with reasons (the mediator; 第十二条) — the court appoints again",
        params: ZMediationParams,
        body: ZReasonRequest,
        response: {
          200: z.object({ status: z.string().describe("The mediation's status after declining") }),
        },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const result = await answerAssignment(context, meta(request), request.params.mediationId, {
        accept: false,
        reason: request.body.reason,
      });
      return { status: result.status };
    },
  );
  act("/consent", "The other side agrees or refuses to mediate (第十五条)", ZConsentRequest, (r, m) =>
    answerMediationConsent(context, m, r.params.mediationId, r.body),
  );
  act(
    "/messages",
    "Write in the mediation's thread",
    ZMessageRequest,
    (r, m) => postMediationMessage(context, m, r.params.mediationId, r.body.body),
    201,
  );
  act(
    "/sessions",
    "Schedule a video session (the mediator; 第十六条)",
    ZSessionRequest,
    (r, m) => scheduleSession(r.params.mediationId, r.body, m),
    201,
  );
  act(
    "/offers",
    "Make an offer, or counter the other side's open offer",
    ZOfferRequest,
    (r, m) =>
      makeMediationOffer(context, m, r.params.mediationId, {
        amountFen: Math.round(r.body.amount * 100),
        terms: r.body.terms,
        partyId: r.body.partyId,
        answersOfferId: r.body.answersOfferId,
      }),
    201,
  );
  act(
    "/extensions",
    "Propose to extend the period by some days (第二十四条)",
    ZExtensionRequest,
    (r, m) => proposeMediationExtension(context, m, r.params.mediationId, r.body.days),
    201,
  );
  act(
    "/extensions/answer",
    "Agree to or refuse the open extension proposal",
    ZExtensionAnswerRequest,
    (r, m) => answerMediationExtension(context, m, r.params.mediationId, r.body.answer),
  );
  act(
    "/failure",
    "End the mediation as failed, with the reason (the mediator; 第二十五条)",
    ZReasonRequest,
    (r, m) => recordMediationFailure(context, m, r.params.mediationId, r.body.reason),
  );
  act(
    "/withdraw",
    "Withdraw the application for mediation (the applicant; 第二十五条第二项)",
    ZOptionalReasonRequest.optional(),
    (r, m) => withdrawMediation(context, m, r.params.mediationId, r.body?.reason ?? null),
  );
  act(
    "/refer-to-filing",
    "Send the dispute to the court for registration after a failed mediation (第二十一条)",
    null,
    (r, m) => referMediationToFiling(context, m, r.params.mediationId),
  );

  async function scheduleSession(
    mediationId: string,
    body: z.output<typeof ZSessionRequest>,
    m: ReturnType<typeof meta>,
  ) {
    return scheduleMediationSession(context, m, mediationId, {
      startsAt: new Date(body.startsAt),
      videoUrl: body.videoUrl,
      note: body.note,
    });
  }

  for (const answer of ["accept", "reject"] as const) {
    app.post(
      `/api/mediations/:mediationId/offers/:offerId/${answer}`,
      {
        schema: {
          tags,
          summary: answer === "accept" ? "Accept the other side's offer" : "Reject the other side's offer",
          params: ZOfferParams,
          response: { 200: ZMediationView },
        },
      },
      async (request) => {
        requireUser(request.actor);
        await answerSettlementOffer(
          context,
          meta(request),
          request.params.mediationId,
          request.params.offerId,
          answer === "accept" ? "accepted" : "rejected",
        );
        return view(request, request.params.mediationId);
      },
    );
  }

  app.post(
    "/api/mediations/:mediationId/documents",
    {
      schema: {
        tags,
        summary: "Add a document to the mediation (multipart: optional field `title`, then part `file`)",
        params: ZMediationParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZMediationView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await readMultipart(
        request,
        { fields: ["title"], file: { field: "file", maxBytes: context.config.maxUploadBytes } },
        {
          onFile: (file) =>
            addMediationDocument(context, meta(request), {
              mediationId: request.params.mediationId,
              fileName: file.fileName,
              title: file.fields.title ?? null,
              stream: file.stream,
            }),
        },
      );
      return reply.status(201).send(await view(request, request.params.mediationId));
    },
  );
  app.get(
    "/api/mediations/:mediationId/documents/:documentId/content",
    { schema: { tags, summary: "Download a document of the mediation", params: ZDocumentParams } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const access = await loadMediation(context.db, actor, request.params.mediationId);
      // 在线调解规则第十八条: what is exchanged to settle stays between the parties and the mediator.
      if (access.relation.kind === "court_staff") throw new AppError("file_not_found");
      const document = await findDocument(context.db, request.params.mediationId, request.params.documentId);
      if (!document) throw new AppError("file_not_found");
      const stream = await context.files.open(document.sha256);
      return reply
        .type(document.media_type)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(document.file_name)}`,
        )
        .header("cache-control", "private, max-age=3600")
        .send(stream);
    },
  );
}
