import type { AppContext } from "../../context";
import { commandMeta, requireUser, type ZodApp } from "../../platform";
import { documentFileName, DOCX_MEDIA_TYPE, renderDocx } from "../documents/index";
import {
  confirmServiceAddress,
  findServiceAddress,
  serviceAddressConfirmation,
  withdrawServiceAddress,
} from "./commands/service-address";
import {
  getCaseServices,
  getServiceCertificate,
  getUnservedOfCourt,
  openServedDocument,
  recordNoticeService,
  recordPostService,
} from "./services.queries";
import {
  ZCaseParams,
  ZCaseServiceParams,
  ZCertificate,
  ZCertificateDocxParams,
  ZCourtParams,
  ZPutServiceAddress,
  ZRecordNoticeRequest,
  ZRecordPostRequest,
  ZService,
  ZServiceAddressView,
  ZServedDocument,
  ZServiceList,
  ZServiceParams,
} from "./services.schemas";
import { z } from "zod";

/** Service of process (送达): service records, opening a served document, the clerk's other ways, consent. */
export async function registerServiceRoutes(app: ZodApp, context: AppContext): Promise<void> {
  app.get(
    "/api/cases/:id/services",
    {
      schema: {
        tags: ["delivery"],
        summary:
          "The case's service records: all for the court, those addressed to the caller's side for a party",
        params: ZCaseParams,
        response: { 200: ZServiceList },
      },
    },
    async (request) => ({
      items: await getCaseServices(context, requireUser(request.actor), request.params.id),
    }),
  );

  app.get(
    "/api/served/:serviceId",
    {
      schema: {
        tags: ["delivery"],
        summary:
          "The addressee opens a served document (records the opening; completes service at an unconfirmed address)",
        params: ZServiceParams,
        response: { 200: ZServedDocument },
      },
    },
    async (request) => openServedDocument(context, requireUser(request.actor), request.params.serviceId),
  );

  app.get(
    "/api/courts/:courtId/services/undeliverable",
    {
      schema: {
        tags: ["delivery"],
        summary: "The clerk's list of services not complete: failed, or not opened in time",
        params: ZCourtParams,
        response: { 200: ZServiceList },
      },
    },
    async (request) => ({
      items: await getUnservedOfCourt(context, requireUser(request.actor), request.params.courtId),
    }),
  );

  app.post(
    "/api/services/:serviceId/post",
    {
      schema: {
        tags: ["delivery"],
        summary: "The clerk records service by court post (法院专递): served on the signed-for date",
        params: ZServiceParams,
        body: ZRecordPostRequest,
        response: { 200: ZService },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return recordPostService(
        context,
        { ...commandMeta(request, context.clock.now()), actor },
        request.params.serviceId,
        request.body,
      );
    },
  );

  app.post(
    "/api/services/:serviceId/notice",
    {
      schema: {
        tags: ["delivery"],
        summary: "The clerk records service by public notice: deemed served thirty days after the notice",
        params: ZServiceParams,
        body: ZRecordNoticeRequest,
        response: { 200: ZService },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return recordNoticeService(
        context,
        { ...commandMeta(request, context.clock.now()), actor },
        request.params.serviceId,
        request.body,
      );
    },
  );

  app.get(
    "/api/cases/:id/services/:serviceId/certificate",
    {
      schema: {
        tags: ["delivery"],
        summary: "The 电子送达凭证 (effect of a 送达回证) of a completed service, in zh-CN and en",
        params: ZCaseServiceParams,
        response: { 200: ZCertificate },
      },
    },
    async (request) =>
      getServiceCertificate(context, requireUser(request.actor), request.params.id, request.params.serviceId),
  );

  app.get(
    "/api/cases/:id/services/:serviceId/certificate/:locale/docx",
    {
      schema: {
        tags: ["delivery"],
        summary: "One language version of the 电子送达凭证 as DOCX",
        params: ZCertificateDocxParams,
      },
    },
    async (request, reply) => {
      const certificate = await getServiceCertificate(
        context,
        requireUser(request.actor),
        request.params.id,
        request.params.serviceId,
      );
      const model = request.params.locale === "zh-CN" ? certificate.zh : certificate.en;
      const fileName = documentFileName("service_certificate", model.locale, "docx");
      return reply
        .type(DOCX_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header("cache-control", "private, no-store")
        .send(await renderDocx(model));
    },
  );

  app.get(
    "/api/me/service-address",
    {
      schema: {
        tags: ["delivery"],
        summary: "The caller's confirmed electronic service address and the 送达地址确认书 to read",
        response: { 200: ZServiceAddressView },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return {
        address: await findServiceAddress(context.db, actor.userId),
        confirmation: {
          version: serviceAddressConfirmation.version,
          zh: [...serviceAddressConfirmation.zh],
          en: [...serviceAddressConfirmation.en],
        },
      };
    },
  );

  app.put(
    "/api/me/service-address",
    {
      schema: {
        tags: ["delivery"],
        summary: "Confirm or change the caller's electronic service address (consent to electronic service)",
        body: ZPutServiceAddress,
        response: { 200: ZServiceAddressView },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      await confirmServiceAddress(context.db, commandMeta(request, context.clock.now()), {
        userId: actor.userId,
        phone: request.body.phone,
        email: request.body.email,
        consentVersion: request.body.consentVersion,
      });
      return {
        address: await findServiceAddress(context.db, actor.userId),
        confirmation: {
          version: serviceAddressConfirmation.version,
          zh: [...serviceAddressConfirmation.zh],
          en: [...serviceAddressConfirmation.en],
        },
      };
    },
  );

  app.delete(
    "/api/me/service-address",
    {
      schema: {
        tags: ["delivery"],
        summary: "Withdraw the caller's confirmation of an electronic service address",
        response: {
          200: z.object({ withdrawn: z.boolean().describe("Whether a confirmation was withdrawn") }),
        },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      return {
        withdrawn: await withdrawServiceAddress(
          context.db,
          commandMeta(request, context.clock.now()),
          actor.userId,
        ),
      };
    },
  );
}
