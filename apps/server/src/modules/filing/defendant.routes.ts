import type { AppContext } from "../../context";
import { AppError, commandMeta, readMultipart, requireUser, type ZodApp } from "../../platform";
import { addAnswerAttachment } from "./commands/add-answer-attachment";
import { appointAgent, revokeAgent, type AgentKind } from "./commands/appoint-agent";
import { decideJurisdictionObjection } from "./commands/decide-jurisdiction-objection";
import { fileCounterclaim } from "./commands/file-counterclaim";
import { startCounterclaimFeePayment } from "./commands/start-counterclaim-fee-payment";
import { linkParty } from "./commands/link-party";
import { objectToJurisdiction } from "./commands/object-to-jurisdiction";
import { saveAnswer } from "./commands/save-answer";
import { serveComplaint } from "./commands/serve-complaint";
import { submitAnswer } from "./commands/submit-answer";
import { transferCase } from "./commands/transfer-case";
import { getDefence, openAnswerAttachment } from "./defendant.queries";
import {
  ZAgentAppointed,
  ZAgentParams,
  ZAnswerAttachment,
  ZAnswerAttachmentParams,
  ZAnswerDraft,
  ZAnswerSaved,
  ZAnswerSubmitted,
  ZCaseCodeRequest,
  ZCaseLinked,
  ZCaseTransferred,
  ZComplaintServed,
  ZCounterclaimFiled,
  ZCounterclaimParams,
  ZCounterclaimRequest,
  ZDefence,
  ZObjectionDecision,
  ZObjectionFiled,
  ZObjectionParams,
  ZObjectionRequest,
  ZPartyChoice,
  ZRevoked,
  ZRulingIssued,
  ZTransferRequest,
} from "./defendant.schemas";
import { ZCaseIdParams, ZPaymentStart } from "./filing.schemas";

/** Routes of the defendant's side: service of the complaint, linking by case code, answer, objection, counterclaim. */
export async function registerDefendantRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());

  app.post(
    "/api/cases/:caseId/serve-complaint",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Serve the complaint, 应诉通知书 and 举证通知书 on every defendant (clerk; 民事诉讼法第一百二十八条)",
        params: ZCaseIdParams,
        response: { 200: ZComplaintServed },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return serveComplaint(context, meta(request), { caseId: request.params.caseId });
    },
  );

  app.post(
    "/api/cases/link",
    {
      schema: {
        tags: ["cases"],
        summary: "Link the verified account to the party a case code names (ID number must match)",
        body: ZCaseCodeRequest,
        response: { 200: ZCaseLinked },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return linkParty(context, meta(request), { caseCode: request.body.caseCode });
    },
  );

  app.get(
    "/api/cases/:caseId/defence",
    {
      schema: {
        tags: ["cases"],
        summary: "The defendant's side: answers, objections to jurisdiction, counterclaims, answer deadline",
        params: ZCaseIdParams,
        response: { 200: ZDefence },
      },
    },
    async (request) => getDefence(context, requireUser(request.actor), request.params.caseId),
  );

  app.put(
    "/api/cases/:caseId/answer",
    {
      schema: {
        tags: ["cases"],
        summary: "Save the defendant's answer draft (民事答辩状)",
        params: ZCaseIdParams,
        body: ZAnswerDraft,
        response: { 200: ZAnswerSaved },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return saveAnswer(context, meta(request), { caseId: request.params.caseId, ...request.body });
    },
  );

  app.post(
    "/api/cases/:caseId/answer/submit",
    {
      schema: {
        tags: ["cases"],
        summary: "File the answer: issue the 民事答辩状 and serve its copy on the plaintiffs",
        params: ZCaseIdParams,
        body: ZPartyChoice.optional(),
        response: { 200: ZAnswerSubmitted },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return submitAnswer(context, meta(request), {
        caseId: request.params.caseId,
        partyId: request.body?.partyId ?? null,
      });
    },
  );

  app.post(
    "/api/cases/:caseId/jurisdiction-objections",
    {
      schema: {
        tags: ["cases"],
        summary: "Object to the court's jurisdiction within the answer period (民事诉讼法第一百三十条)",
        params: ZCaseIdParams,
        body: ZObjectionRequest,
        response: { 201: ZObjectionFiled },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const filed = await objectToJurisdiction(context, meta(request), {
        caseId: request.params.caseId,
        ...request.body,
      });
      return reply.code(201).send(filed);
    },
  );

  app.post(
    "/api/cases/:caseId/jurisdiction-objections/:objectionId/decide",
    {
      schema: {
        tags: ["cases"],
        summary: "Rule on an objection to jurisdiction (judge in charge): upheld (transfer) or dismissed",
        params: ZObjectionParams,
        body: ZObjectionDecision,
        response: { 200: ZRulingIssued },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return decideJurisdictionObjection(context, meta(request), {
        caseId: request.params.caseId,
        objectionId: request.params.objectionId,
        ...request.body,
      });
    },
  );

  app.post(
    "/api/cases/:caseId/transfer",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Transfer the case to the competent court once the ruling upholding an objection to jurisdiction is in force (judge in charge; 民事诉讼法第三十七条、第一百三十条)",
        params: ZCaseIdParams,
        body: ZTransferRequest.optional(),
        response: { 200: ZCaseTransferred },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return transferCase(context, meta(request), {
        caseId: request.params.caseId,
        receivingCourtName: request.body?.receivingCourtName ?? null,
      });
    },
  );

  app.post(
    "/api/cases/:caseId/counterclaims",
    {
      schema: {
        tags: ["cases"],
        summary:
          "File a counterclaim (民事诉讼法第一百四十三条); its fee is halved (诉讼费用交纳办法第十八条)",
        params: ZCaseIdParams,
        body: ZCounterclaimRequest,
        response: { 201: ZCounterclaimFiled },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const filed = await fileCounterclaim(context, meta(request), {
        caseId: request.params.caseId,
        partyId: request.body.partyId,
        claims: request.body.claims.map((c) => ({
          text: c.text,
          amountFen: c.amount === null ? null : Math.round(c.amount * 100),
        })),
        factsAndReasons: request.body.factsAndReasons,
      });
      return reply.code(201).send({
        counterclaimId: filed.counterclaimId,
        fee: filed.feeFen / 100,
        feeDueOn: filed.feeDueOn,
        issueId: filed.issueId,
      });
    },
  );

  app.post(
    "/api/cases/:caseId/counterclaims/:counterclaimId/pay",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Start paying a counterclaim's acceptance fee (诉讼费用交纳办法第二十条、第二十二条: the counterclaimant prepays it within 7 days)",
        params: ZCounterclaimParams,
        response: { 200: ZPaymentStart },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const payment = await startCounterclaimFeePayment(context, meta(request), {
        caseId: request.params.caseId,
        counterclaimId: request.params.counterclaimId,
        // Browsers send Origin with every POST; without it, the address the request was made to.
        origin: request.headers.origin ?? `${request.protocol}://${request.host}`,
      });
      return { orderId: payment.orderId, amount: payment.amountFen / 100, payUrl: payment.payUrl };
    },
  );

  const agentKinds: readonly AgentKind[] = ["lawyer", "legal_worker", "relative", "employee", "other"];
  const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  app.post(
    "/api/cases/:caseId/agents",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Appoint an agent ad litem (民事诉讼法第六十一条、第六十二条; multipart: fields `kind`, `contact`, `specialAuthority`, optional `partyId`, then part `file` with the signed power of attorney)",
        description:
          "`contact` is the phone number or e-mail of the agent's verified account. PDF, JPEG or PNG.",
        params: ZCaseIdParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZAgentAppointed },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { file: appointed } = await readMultipart(
        request,
        {
          fields: ["kind", "contact", "specialAuthority", "partyId"],
          file: { field: "file", maxBytes: context.config.maxUploadBytes },
        },
        {
          onFile: async (file) => {
            const kind = file.fields.kind ?? "";
            const contact = (file.fields.contact ?? "").trim();
            const special = file.fields.specialAuthority ?? "false";
            const partyId = file.fields.partyId ?? "";
            const issues = [
              ...(!(agentKinds as readonly string[]).includes(kind)
                ? [{ path: "kind", code: "enum", message: agentKinds.join("|") }]
                : []),
              ...(contact.length < 5 || contact.length > 200
                ? [{ path: "contact", code: "length", message: "a phone number or e-mail address" }]
                : []),
              ...(special !== "true" && special !== "false"
                ? [{ path: "specialAuthority", code: "enum", message: "true|false" }]
                : []),
              ...(partyId !== "" && !uuidPattern.test(partyId)
                ? [{ path: "partyId", code: "uuid", message: "a party id" }]
                : []),
            ];
            if (issues.length > 0) {
              file.stream.resume();
              throw new AppError("validation_failed", issues);
            }
            return appointAgent(context, meta(request), {
              caseId: request.params.caseId,
              partyId: partyId === "" ? null : partyId,
              kind: kind as AgentKind,
              contact,
              specialAuthority: special === "true",
              fileName: file.fileName,
              stream: file.stream,
            });
          },
        },
      );
      return reply.code(201).send(appointed);
    },
  );

  app.post(
    "/api/cases/:caseId/agents/:agentId/revoke",
    {
      schema: {
        tags: ["cases"],
        summary: "Revoke an agent's authority (民事诉讼法第六十五条); the agent no longer sees the case",
        params: ZAgentParams,
        response: { 200: ZRevoked },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await revokeAgent(context, meta(request), request.params);
      return { revoked: true as const };
    },
  );

  app.post(
    "/api/cases/:caseId/answer/attachments",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Attach a file to the answer's evidence (multipart: optional field `partyId`, then part `file`)",
        description:
          "Accepted: PDF, images, audio, video, DOCX, TXT, ZIP; the type is read from the content.",
        params: ZCaseIdParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZAnswerAttachment },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { file: attached } = await readMultipart(
        request,
        { fields: ["partyId"], file: { field: "file", maxBytes: context.config.maxUploadBytes } },
        {
          onFile: async (file) => {
            const partyId = file.fields.partyId ?? "";
            if (partyId !== "" && !uuidPattern.test(partyId)) {
              file.stream.resume();
              throw new AppError("validation_failed", [
                { path: "partyId", code: "uuid", message: "a party id" },
              ]);
            }
            return addAnswerAttachment(context, meta(request), {
              caseId: request.params.caseId,
              partyId: partyId === "" ? null : partyId,
              fileName: file.fileName,
              stream: file.stream,
            });
          },
        },
      );
      return reply.code(201).send(attached);
    },
  );

  app.get(
    "/api/cases/:caseId/answer/attachments/:attachmentId/content",
    {
      schema: {
        tags: ["cases"],
        summary: "Download a file of an answer (its defendant always; the case's other viewers once filed)",
        params: ZAnswerAttachmentParams,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const attachment = await openAnswerAttachment(
        context,
        actor,
        request.params.caseId,
        request.params.attachmentId,
      );
      const stream = await context.files.open(attachment.file_sha256);
      return reply
        .type(attachment.media_type)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`,
        )
        .header("cache-control", "private, max-age=3600")
        .send(stream);
    },
  );
}
