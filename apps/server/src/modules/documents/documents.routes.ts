import type { AppContext } from "../../context";
import { requireUser, type ZodApp } from "../../platform";
import { getCaseDocuments, openCaseDocument } from "./documents.queries";
import { ZCaseDocumentList, ZCaseDocumentParams, ZCaseDocumentsParams } from "./documents.schemas";

/** A case's documents: the list and each version as DOCX or PDF (parties, their agents, the court). */
export async function registerDocumentsRoutes(app: ZodApp, context: AppContext): Promise<void> {
  app.get(
    "/api/cases/:caseId/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "The case's documents (起诉状, 交费凭证, 受理通知书, 举证通知书, 裁定书 …) in zh-CN and en",
        params: ZCaseDocumentsParams,
        response: { 200: ZCaseDocumentList },
      },
    },
    async (request) => ({
      items: await getCaseDocuments(context, requireUser(request.actor), request.params.caseId),
    }),
  );

  app.get(
    "/api/cases/:caseId/documents/:documentId/:format",
    {
      schema: {
        tags: ["documents"],
        summary: "Download one language version of a case document as DOCX or PDF",
        params: ZCaseDocumentParams,
      },
    },
    async (request, reply) => {
      const file = await openCaseDocument(context, requireUser(request.actor), request.params);
      return reply
        .type(file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );
}
