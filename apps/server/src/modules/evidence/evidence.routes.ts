import type { AppContext } from "../../context";
import { AppError, commandMeta, readMultipart, requireUser, type ZodApp } from "../../platform";
import { decideEvidence } from "./commands/decide-evidence";
import {
  addEvidenceFile,
  addEvidenceItem,
  removeEvidenceFile,
  updateEvidenceItem,
} from "./commands/edit-catalogue";
import { decideEvidenceRequest, requestEvidenceTime } from "./commands/evidence-requests";
import { giveEvidenceOpinion } from "./commands/give-opinion";
import { setEvidencePeriod } from "./commands/set-evidence-period";
import { submitEvidenceCatalogue } from "./commands/submit-catalogue";
import { findVisibleFile, getEvidenceReview, getEvidenceView } from "./evidence.queries";
import {
  ZCaseParams,
  ZDecisionRequest,
  ZEvidenceReview,
  ZEvidenceView,
  ZFileParams,
  ZItemFileParams,
  ZItemParams,
  ZItemPatch,
  ZItemRequest,
  ZOpinionRequest,
  ZRequestDecision,
  ZRequestParams,
  ZSetPeriodRequest,
  ZSubmitRequest,
  ZTimeRequest,
} from "./evidence.schemas";

const tags = ["evidence"];

/**
 * Evidence exchange (证据交换): the periods, each party's catalogue with its files and their ledger check,
 * requests for more time, the other side's opinions and the judge's decisions. Every act answers with the
 * caller's view of the case's evidence.
 */
export async function registerEvidenceRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, context.clock.now());
  const view = (request: { actor: Parameters<typeof getEvidenceView>[1] }, caseId: string) =>
    getEvidenceView(context, request.actor, caseId);

  app.get(
    "/api/cases/:caseId/evidence",
    {
      schema: {
        tags,
        summary: "The evidence of a case as the caller sees it: periods, catalogues, opinions, decisions",
        params: ZCaseParams,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return view(request, request.params.caseId);
    },
  );

  app.get(
    "/api/cases/:caseId/evidence/review",
    {
      schema: {
        tags,
        summary: "The judge's table: every submitted item beside each side's opinions and the decision",
        params: ZCaseParams,
        response: { 200: ZEvidenceReview },
      },
    },
    async (request) => getEvidenceReview(context, requireUser(request.actor), request.params.caseId),
  );

  app.put(
    "/api/cases/:caseId/evidence/periods",
    {
      schema: {
        tags,
        summary: "Set the evidence or cross-examination period (judge or clerk; 民事诉讼法第六十八条)",
        params: ZCaseParams,
        body: ZSetPeriodRequest,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await setEvidencePeriod(context, meta(request), { caseId: request.params.caseId, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/cases/:caseId/evidence/items",
    {
      schema: {
        tags,
        summary: "Add an item to the caller's evidence catalogue (a draft until submitted)",
        params: ZCaseParams,
        body: ZItemRequest,
        response: { 201: ZEvidenceView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await addEvidenceItem(context, meta(request), { caseId: request.params.caseId, ...request.body });
      return reply.status(201).send(await view(request, request.params.caseId));
    },
  );

  app.patch(
    "/api/cases/:caseId/evidence/items/:itemId",
    {
      schema: {
        tags,
        summary: "Change a draft item of the caller's catalogue",
        params: ZItemParams,
        body: ZItemPatch,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await updateEvidenceItem(context, meta(request), { ...request.params, patch: request.body });
      return view(request, request.params.caseId);
    },
  );

  app.delete(
    "/api/cases/:caseId/evidence/items/:itemId",
    {
      schema: {
        tags,
        summary: "Withdraw a draft item of the caller's catalogue",
        params: ZItemParams,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await updateEvidenceItem(context, meta(request), { ...request.params, patch: "withdraw" });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/cases/:caseId/evidence/items/:itemId/files",
    {
      schema: {
        tags,
        summary:
          "Add a file to a draft item (multipart: optional field `ledgerIndex` — the deposit number 存证编号 — then part `file`)",
        params: ZItemParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZEvidenceView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await readMultipart(
        request,
        { fields: ["ledgerIndex"], file: { field: "file", maxBytes: context.config.maxUploadBytes } },
        {
          onFile: (file) => {
            const raw = file.fields.ledgerIndex?.trim();
            let ledgerIndex: number | null = null;
            if (raw) {
              if (!/^\d{1,15}$/.test(raw)) {
                file.stream.resume();
                throw new AppError("validation_failed", [
                  { path: "ledgerIndex", code: "invalid", message: "a deposit number is a whole number" },
                ]);
              }
              ledgerIndex = Number(raw);
            }
            return addEvidenceFile(context, meta(request), {
              ...request.params,
              fileName: file.fileName,
              stream: file.stream,
              ledgerIndex,
            });
          },
        },
      );
      return reply.status(201).send(await view(request, request.params.caseId));
    },
  );

  app.delete(
    "/api/cases/:caseId/evidence/items/:itemId/files/:fileId",
    {
      schema: {
        tags,
        summary: "Take a file off a draft item",
        params: ZItemFileParams,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await removeEvidenceFile(context, meta(request), request.params);
      return view(request, request.params.caseId);
    },
  );

  app.get(
    "/api/cases/:caseId/evidence/files/:fileId/content",
    { schema: { tags, summary: "Download a file of an item the caller may see", params: ZFileParams } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const file = await findVisibleFile(context, actor, request.params.caseId, request.params.fileId);
      if (!file) throw new AppError("file_not_found");
      const stream = await context.files.open(file.sha256);
      return reply
        .type(file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header("cache-control", "private, max-age=3600")
        .send(stream);
    },
  );

  app.post(
    "/api/cases/:caseId/evidence/submit",
    {
      schema: {
        tags,
        summary: "Submit the caller's catalogue to the court and the other side (证据规定第十九条)",
        params: ZCaseParams,
        body: ZSubmitRequest,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await submitEvidenceCatalogue(context, meta(request), {
        caseId: request.params.caseId,
        partyId: request.body.partyId,
      });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/cases/:caseId/evidence/requests",
    {
      schema: {
        tags,
        summary:
          "Ask for an extension of the evidence period, or for leave to submit late (民诉法解释第一百条)",
        params: ZCaseParams,
        body: ZTimeRequest,
        response: { 201: ZEvidenceView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await requestEvidenceTime(context, meta(request), { caseId: request.params.caseId, ...request.body });
      return reply.status(201).send(await view(request, request.params.caseId));
    },
  );

  app.post(
    "/api/cases/:caseId/evidence/requests/:requestId/decision",
    {
      schema: {
        tags,
        summary: "Grant or refuse a request for more time (judge)",
        params: ZRequestParams,
        body: ZRequestDecision,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await decideEvidenceRequest(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/cases/:caseId/evidence/items/:itemId/opinion",
    {
      schema: {
        tags,
        summary:
          "Give the caller's opinion on the other side's item: authenticity, legality, relevance (质证)",
        params: ZItemParams,
        body: ZOpinionRequest,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await giveEvidenceOpinion(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/cases/:caseId/evidence/items/:itemId/decision",
    {
      schema: {
        tags,
        summary: "Record the judge's decision on an item: admitted, or not admitted with reasons",
        params: ZItemParams,
        body: ZDecisionRequest,
        response: { 200: ZEvidenceView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await decideEvidence(context, meta(request), { ...request.params, ...request.body });
      return view(request, request.params.caseId);
    },
  );
}
