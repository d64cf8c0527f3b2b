import type { AppContext } from "../../context";
import { commandMeta, requireUser, type ZodApp } from "../../platform";
import { acceptConfirmation } from "./commands/accept-confirmation";
import { applyForConfirmation } from "./commands/apply-for-confirmation";
import { decideConfirmation } from "./commands/decide-confirmation";
import { draftMediationAgreement } from "./commands/draft-agreement";
import { extendConfirmationReview } from "./commands/extend-confirmation";
import { refuseConfirmation } from "./commands/refuse-confirmation";
import { signMediationAgreement } from "./commands/sign-agreement";
import { withdrawConfirmation } from "./commands/withdraw-confirmation";
import {
  getAgreementView,
  getConfirmationView,
  listCourtConfirmations,
} from "./mediation.confirmation.presenter";
import {
  ZAgreementView,
  ZApplyResult,
  ZConfirmationIdParams,
  ZConfirmationList,
  ZConfirmationListQuery,
  ZConfirmationView,
  ZDecideConfirmationRequest,
  ZDraftAgreementRequest,
  ZExtendConfirmationRequest,
  ZMediationIdParams,
  ZRefuseConfirmationRequest,
  ZSignAgreementRequest,
  ZWithdrawConfirmationRequest,
} from "./mediation.confirmation.schemas";

/**
 * Mediation agreements signed online (人民法院在线调解规则第十九条) and their judicial confirmation
 * (民事诉讼法第二百零五条、第二百零六条): the mediator drafts, everyone signs, the parties apply together,
 * the clerk accepts or refuses, the judge rules.
 */
export async function registerConfirmationRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());

  app.get(
    "/api/mediations/:mediationId/agreement",
    {
      schema: {
        tags: ["mediation"],
        summary: "The mediation agreement, its signatures and what the caller may do next",
        params: ZMediationIdParams,
        response: { 200: ZAgreementView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return getAgreementView(context, request.actor, request.params.mediationId);
    },
  );

  app.post(
    "/api/mediations/:mediationId/agreement",
    {
      schema: {
        tags: ["mediation"],
        summary:
          "The mediator drafts (or, before anyone signed, redrafts) the mediation agreement (调解协议)",
        params: ZMediationIdParams,
        body: ZDraftAgreementRequest,
        response: { 201: ZAgreementView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await draftMediationAgreement(context, meta(request), {
        mediationId: request.params.mediationId,
        terms: request.body.terms,
      });
      return reply
        .status(201)
        .send(await getAgreementView(context, request.actor, request.params.mediationId));
    },
  );

  app.post(
    "/api/mediations/:mediationId/agreement/sign",
    {
      schema: {
        tags: ["mediation"],
        summary: "Sign the agreement online (互联网法院规定第十九条), naming the version read by its hash",
        params: ZMediationIdParams,
        body: ZSignAgreementRequest,
        response: { 200: ZAgreementView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await signMediationAgreement(context, meta(request), {
        mediationId: request.params.mediationId,
        contentSha256: request.body.contentSha256,
      });
      return getAgreementView(context, request.actor, request.params.mediationId);
    },
  );

  app.post(
    "/api/mediations/:mediationId/confirmation",
    {
      schema: {
        tags: ["mediation"],
        summary:
          "A party applies for judicial confirmation of the effective agreement (民事诉讼法第二百零五条)",
        params: ZMediationIdParams,
        response: { 201: ZApplyResult },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const result = await applyForConfirmation(context, meta(request), {
        mediationId: request.params.mediationId,
        mode: "start",
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/mediations/:mediationId/confirmation/join",
    {
      schema: {
        tags: ["mediation"],
        summary: "Another party joins the application, making it joint (共同提出)",
        params: ZMediationIdParams,
        response: { 200: ZApplyResult },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return applyForConfirmation(context, meta(request), {
        mediationId: request.params.mediationId,
        mode: "join",
      });
    },
  );

  app.get(
    "/api/confirmations",
    {
      schema: {
        tags: ["mediation"],
        summary: "A court's judicial confirmations (clerks: all; judges: those assigned to them)",
        querystring: ZConfirmationListQuery,
        response: { 200: ZConfirmationList },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return { items: await listCourtConfirmations(context, request.actor, request.query) };
    },
  );

  app.get(
    "/api/confirmations/:confirmationId",
    {
      schema: {
        tags: ["mediation"],
        summary: "One judicial confirmation",
        params: ZConfirmationIdParams,
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );

  app.post(
    "/api/confirmations/:confirmationId/accept",
    {
      schema: {
        tags: ["mediation"],
        summary:
          "The clerk accepts the application: case number (民特), judge, 15 days to decide (若干规定第四条)",
        params: ZConfirmationIdParams,
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await acceptConfirmation(context, meta(request), { confirmationId: request.params.confirmationId });
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );

  app.post(
    "/api/confirmations/:confirmationId/refuse",
    {
      schema: {
        tags: ["mediation"],
        summary: "The clerk does not accept the application, on the grounds of 民诉法解释第三百五十五条",
        params: ZConfirmationIdParams,
        body: ZRefuseConfirmationRequest,
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await refuseConfirmation(context, meta(request), {
        confirmationId: request.params.confirmationId,
        grounds: request.body.grounds,
        reason: request.body.reason,
      });
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );

  app.post(
    "/api/confirmations/:confirmationId/extend",
    {
      schema: {
        tags: ["mediation"],
        summary: "Record the president's approval of ten more days to decide (若干规定第五条)",
        params: ZConfirmationIdParams,
        body: ZExtendConfirmationRequest,
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await extendConfirmationReview(context, meta(request), {
        confirmationId: request.params.confirmationId,
        reason: request.body.reason,
        approval: request.body.approval,
      });
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );

  app.post(
    "/api/confirmations/:confirmationId/withdraw",
    {
      schema: {
        tags: ["mediation"],
        summary:
          "An applicant withdraws the application before the ruling (民诉法解释第三百五十七条; 若干规定第五条第二款)",
        params: ZConfirmationIdParams,
        body: ZWithdrawConfirmationRequest.optional(),
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await withdrawConfirmation(context, meta(request), {
        confirmationId: request.params.confirmationId,
        reason: request.body?.reason ?? null,
      });
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );

  app.post(
    "/api/confirmations/:confirmationId/decide",
    {
      schema: {
        tags: ["mediation"],
        summary:
          "The judge rules: agreement valid (enforceable) or application dismissed (民事诉讼法第二百零六条)",
        params: ZConfirmationIdParams,
        body: ZDecideConfirmationRequest,
        response: { 200: ZConfirmationView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await decideConfirmation(context, meta(request), {
        confirmationId: request.params.confirmationId,
        decision: request.body.decision,
        grounds: request.body.grounds,
        reasons: request.body.reasons,
      });
      return getConfirmationView(context, request.actor, request.params.confirmationId);
    },
  );
}
