import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context";
import {
  AppError,
  commandMeta,
  readFileToBuffer,
  readMultipart,
  requireUser,
  type ZodApp,
} from "../../platform";
import { acceptFiling } from "./commands/accept-filing";
import { addFilingAttachment } from "./commands/add-filing-attachment";
import { confirmFeePayment } from "./commands/confirm-fee-payment";
import { createFilingDraft } from "./commands/create-filing-draft";
import { deleteFilingDraft } from "./commands/delete-filing-draft";
import { refuseFiling } from "./commands/refuse-filing";
import { removeFilingAttachment } from "./commands/remove-filing-attachment";
import { requestCorrection } from "./commands/request-correction";
import { saveFilingDraft } from "./commands/save-filing-draft";
import { startFeePayment } from "./commands/start-fee-payment";
import { submitCorrection } from "./commands/submit-correction";
import { submitFiling } from "./commands/submit-filing";
import { withdrawFiling } from "./commands/withdraw-filing";
import { previewComplaint, renderComplaintPreview } from "./documents/complaint-preview";
import { SimulatedPaymentGateway } from "./adapters/simulated-payment";
import { assertClerk, canSeeAttachment, loadFiling } from "./filing.access";
import { findCourt, listJudges } from "../courts/index";
import { findAttachment, listReviews } from "./filing.repository";
import { getFilingView, getReviewQueue } from "./filing.queries";
import {
  ZAcceptRequest,
  ZAttachment,
  ZAttachmentParams,
  ZCaseIdParams,
  ZCorrectionRequest,
  ZCreateFilingRequest,
  ZFeeQuote,
  ZFeeQuoteQuery,
  ZFilingContent,
  ZFilingView,
  ZPaymentStart,
  ZRefusalRequest,
  ZReviewQueueItem,
  ZReviewQueueQuery,
} from "./filing.schemas";
import { calculateFee, FeeInputError, type FeeInput } from "./fees.rules";
import { summariseLedgerVerifications } from "../ledger/index";
import { extractComplaint } from "./extraction.rules";
import { ComplaintDocumentError, readDocxText } from "./extraction.docx";
import { suggestionFrom, ZExtractionSuggestion } from "./filing.extraction";

const categories = ["complaint", "evidence", "identity", "power_of_attorney", "other"] as const;

/** The 起诉状 the filer previewed and confirmed, named by its hash. */
const ZConfirmedComplaint = z
  .strictObject({
    complaintSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe("The hash of the previewed 起诉状 the filer confirmed (see complaint-preview)"),
  })
  .describe("Optional; a request without a body submits without a preview hash");

/** Online filing: the complaint wizard, attachments, fees and payment, and the clerks' review. */
export async function registerFilingRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const view = (request: { actor: Parameters<typeof getFilingView>[1] }, caseId: string) =>
    getFilingView(context, request.actor, caseId);

  app.get(
    "/api/fees/quote",
    {
      schema: {
        tags: ["filing"],
        summary: "Litigation fee under 诉讼费用交纳办法 (public calculator)",
        querystring: ZFeeQuoteQuery,
        response: { 200: ZFeeQuote },
      },
    },
    async (request) => {
      const input = Object.fromEntries(
        Object.entries(request.query).filter(([, v]) => v !== undefined),
      ) as unknown as FeeInput;
      try {
        const quote = calculateFee(input);
        return {
          kind: quote.kind,
          fee: quote.fee,
          breakdown: quote.breakdown,
          range: quote.range,
          halvedFor: quote.halvedFor,
        };
      } catch (error) {
        if (error instanceof FeeInputError) {
          throw new AppError(
            "fee_input_invalid",
            error.issues.map((issue) => ({
              path: `querystring.${issue.path}`,
              code: issue.code,
              message: issue.code,
            })),
          );
        }
        throw error;
      }
    },
  );

  const extracted = (text: string) => {
    const now = context.clock.now();
    const extraction = extractComplaint(text, now);
    return {
      suggestion: suggestionFrom(extraction, text, now),
      extraction: extraction as unknown as Record<string, unknown>,
    };
  };
  const ZExtractionResponse = z.object({
    suggestion: ZExtractionSuggestion,
    extraction: z
      .record(z.string(), z.unknown())
      .describe("Every field found, with confidence and its span in the text"),
  });

  app.post(
    "/api/filings/extract",
    {
      schema: {
        tags: ["filing"],
        summary: "Read a pasted complaint (民事起诉状) and pre-fill the wizard (rule-based extraction)",
        body: z.strictObject({ text: z.string().min(1).max(100_000).describe("The complaint text") }),
        response: { 200: ZExtractionResponse },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return extracted(request.body.text);
    },
  );

  app.post(
    "/api/filings/extract/file",
    {
      schema: {
        tags: ["filing"],
        summary: "Read an uploaded complaint (.docx or .txt, multipart part `file`) and pre-fill the wizard",
        consumes: ["multipart/form-data"],
        response: { 200: ZExtractionResponse },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const maxBytes = 10 * 1024 * 1024;
      const { file: upload } = await readMultipart(
        request,
        { fields: [], file: { field: "file", maxBytes } },
        {
          onFile: async (file) => ({
            name: file.fileName.toLowerCase(),
            buffer: await readFileToBuffer(file.stream, maxBytes),
          }),
        },
      );
      const { name, buffer } = upload;
      let text: string;
      if (name.endsWith(".txt")) {
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
        } catch {
          throw new AppError("extraction_input_invalid", [
            { code: "not_utf8", message: "text must be UTF-8" },
          ]);
        }
      } else {
        try {
          text = await readDocxText(buffer);
        } catch (error) {
          if (error instanceof ComplaintDocumentError)
            throw new AppError("extraction_input_invalid", [], { cause: error });
          throw error;
        }
      }
      return extracted(text);
    },
  );

  app.post(
    "/api/filings",
    {
      schema: {
        tags: ["filing"],
        summary: "Start a complaint (draft) addressed to a court",
        body: ZCreateFilingRequest,
        response: { 201: ZFilingView },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const caseId = await createFilingDraft(
        context,
        commandMeta(request, context.clock.now()),
        request.body,
      );
      return reply.status(201).send(await view(request, caseId));
    },
  );

  app.get(
    "/api/filings/:caseId",
    {
      schema: {
        tags: ["filing"],
        summary: "The complaint, its files, fee and review decisions",
        params: ZCaseIdParams,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      return view(request, request.params.caseId);
    },
  );

  app.put(
    "/api/filings/:caseId",
    {
      schema: {
        tags: ["filing"],
        summary: "Save the whole complaint (draft, or while corrections are requested)",
        params: ZCaseIdParams,
        body: ZFilingContent,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await saveFilingDraft(context, commandMeta(request, context.clock.now()), {
        caseId: request.params.caseId,
        content: request.body,
      });
      return view(request, request.params.caseId);
    },
  );

  app.delete(
    "/api/filings/:caseId",
    {
      schema: {
        tags: ["filing"],
        summary: "Discard a draft",
        params: ZCaseIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await deleteFilingDraft(context, commandMeta(request, context.clock.now()), request.params.caseId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/filings/:caseId/attachments",
    {
      schema: {
        tags: ["filing"],
        summary:
          "Upload a file to the complaint (multipart: fields `category` and optional `ledgerIndex`, then part `file`)",
        description:
          "Accepted: PDF, images, audio, video, DOCX, TXT, ZIP; the type is read from the content.",
        params: ZCaseIdParams,
        consumes: ["multipart/form-data"],
        response: { 201: ZAttachment },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      const { file: attachment } = await readMultipart(
        request,
        {
          fields: ["category", "ledgerIndex"],
          file: { field: "file", maxBytes: context.config.maxUploadBytes },
        },
        {
          onFile: async (file) => {
            const category = file.fields.category ?? "evidence";
            // The evidence-ledger deposit number (存证编号) the filer names for this file, if any.
            const ledgerText = file.fields.ledgerIndex ?? "";
            if (ledgerText !== "" && !/^(0|[1-9][0-9]{0,14})$/.test(ledgerText)) {
              throw new AppError("validation_failed", [
                { path: "ledgerIndex", code: "integer", message: "a deposit number (leaf index)" },
              ]);
            }
            if (!(categories as readonly string[]).includes(category)) {
              throw new AppError("validation_failed", [
                { path: "category", code: "enum", message: categories.join("|") },
              ]);
            }
            return addFilingAttachment(context, commandMeta(request, context.clock.now()), {
              caseId: request.params.caseId,
              fileName: file.fileName,
              category: category as (typeof categories)[number],
              stream: file.stream,
              ledgerIndex: ledgerText === "" ? null : Number(ledgerText),
            });
          },
        },
      );
      const verification = await summariseLedgerVerifications(context, "filing_attachment", [attachment.id]);
      return reply.status(201).send({
        id: attachment.id,
        fileName: attachment.file_name,
        mediaType: attachment.media_type,
        size: attachment.size,
        sha256: attachment.file_sha256,
        category: attachment.category,
        uploadedAt: attachment.created_at,
        url: `/api/filings/${request.params.caseId}/attachments/${attachment.id}/content`,
        ledgerVerification: verification.get(attachment.id) ?? null,
      });
    },
  );

  app.delete(
    "/api/filings/:caseId/attachments/:attachmentId",
    {
      schema: {
        tags: ["filing"],
        summary: "Take a file off the complaint",
        params: ZAttachmentParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireUser(request.actor);
      await removeFilingAttachment(context, commandMeta(request, context.clock.now()), request.params);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/filings/:caseId/attachments/:attachmentId/content",
    { schema: { tags: ["filing"], summary: "Download an attached file", params: ZAttachmentParams } },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      const access = await loadFiling(context.db, actor, request.params.caseId);
      const attachment = await findAttachment(context.db, request.params.caseId, request.params.attachmentId);
      if (!attachment || !canSeeAttachment(actor, access.relation, attachment))
        throw new AppError("file_not_found");
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

  app.get(
    "/api/filings/:caseId/documents/:sha256",
    {
      schema: {
        tags: ["filing"],
        summary: "Download a document the court issued on the filing (e.g. a refusal ruling)",
        params: z.strictObject({ caseId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      await loadFiling(context.db, actor, request.params.caseId);
      const reviews = await listReviews(context.db, request.params.caseId);
      const issued = reviews.some(
        (r) => r.ruling_sha256 === request.params.sha256 || r.ruling_en_sha256 === request.params.sha256,
      );
      if (!issued) throw new AppError("file_not_found");
      const isEnglish = reviews.some((r) => r.ruling_en_sha256 === request.params.sha256);
      return reply
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .header("content-disposition", `attachment; filename="ruling-${isEnglish ? "en" : "zh"}.docx"`)
        .send(await context.files.open(request.params.sha256));
    },
  );

  const ZPreviewLinks = z.object({
    docxUrl: z.string().describe("The preview as DOCX"),
    pdfUrl: z.string().describe("The preview as PDF (printed by Chromium)"),
  });
  app.get(
    "/api/filings/:caseId/complaint-preview",
    {
      schema: {
        tags: ["filing"],
        summary: "The draft as the 起诉状 to be submitted: the hash to confirm and the files to check",
        params: ZCaseIdParams,
        response: {
          200: z.object({
            sha256: z.string().describe("SHA-256 of the complaint's content; submit it with the submission"),
            zh: ZPreviewLinks.describe("The Chinese complaint (the one filed)"),
            en: ZPreviewLinks.describe("English courtesy translation"),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const { caseId } = request.params;
      const preview = await previewComplaint(context, actor, caseId, "zh-CN");
      const links = (locale: string) => ({
        docxUrl: `/api/filings/${caseId}/complaint-preview/${locale}/docx?sha256=${preview.sha256}`,
        pdfUrl: `/api/filings/${caseId}/complaint-preview/${locale}/pdf?sha256=${preview.sha256}`,
      });
      return { sha256: preview.sha256, zh: links("zh-CN"), en: links("en") };
    },
  );

  app.get(
    "/api/filings/:caseId/complaint-preview/:locale/:format",
    {
      schema: {
        tags: ["filing"],
        summary: "Download the 起诉状 preview of the current draft (not stored)",
        params: z.strictObject({
          caseId: z.uuid().describe("The filing"),
          locale: z.enum(["zh-CN", "en"]).describe("zh-CN (the complaint) or en (translation)"),
          format: z.enum(["docx", "pdf"]).describe("File format"),
        }),
        querystring: z.strictObject({
          sha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .optional()
            .describe(
              "The hash of the preview this file belongs to (makes the address change with the content)",
            ),
        }),
      },
    },
    async (request, reply) => {
      const file = await renderComplaintPreview(context, requireUser(request.actor), request.params);
      return reply
        .type(file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header("x-complaint-sha256", file.sha256)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );

  app.post(
    "/api/filings/:caseId/submit",
    {
      schema: {
        tags: ["filing"],
        summary: "Submit the complaint to the court",
        params: ZCaseIdParams,
        body: ZConfirmedComplaint,
        response: { 200: ZFilingView },
      },
      // Fastify hands a request without a body to validation as null: read it as an empty object.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      requireUser(request.actor);
      await submitFiling(context, commandMeta(request, context.clock.now()), request.params.caseId, {
        complaintSha256: request.body.complaintSha256,
      });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/filings/:caseId/payment",
    {
      schema: {
        tags: ["filing"],
        summary: "Start paying the case acceptance fee",
        params: ZCaseIdParams,
        response: { 200: ZPaymentStart },
      },
    },
    async (request) => {
      requireUser(request.actor);
      const payment = await startFeePayment(context, commandMeta(request, context.clock.now()), {
        caseId: request.params.caseId,
        // Browsers send Origin with every POST; without it, the address the request was made to.
        origin: request.headers.origin ?? `${request.protocol}://${request.host}`,
      });
      return { orderId: payment.orderId, amount: payment.amountFen / 100, payUrl: payment.payUrl };
    },
  );

  app.post(
    "/api/filings/:caseId/resubmit",
    {
      schema: {
        tags: ["filing"],
        summary: "Resubmit a corrected complaint",
        params: ZCaseIdParams,
        body: ZConfirmedComplaint,
        response: { 200: ZFilingView },
      },
      // Fastify hands a request without a body to validation as null: read it as an empty object.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      requireUser(request.actor);
      await submitCorrection(context, commandMeta(request, context.clock.now()), request.params.caseId, {
        complaintSha256: request.body.complaintSha256,
      });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/filings/:caseId/withdraw",
    {
      schema: {
        tags: ["filing"],
        summary: "Withdraw the complaint before registration",
        params: ZCaseIdParams,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await withdrawFiling(context, commandMeta(request, context.clock.now()), request.params.caseId);
      return view(request, request.params.caseId);
    },
  );

  app.get(
    "/api/review-queue",
    {
      schema: {
        tags: ["filing"],
        summary: "Filings waiting for registration review at the clerk's court(s), with the 7-day countdown",
        querystring: ZReviewQueueQuery,
        response: { 200: z.object({ items: z.array(ZReviewQueueItem) }) },
      },
    },
    async (request) => ({ items: await getReviewQueue(context, requireUser(request.actor), request.query) }),
  );

  app.post(
    "/api/filings/:caseId/request-correction",
    {
      schema: {
        tags: ["filing"],
        summary: "Ask the filer to correct listed items (the review clock restarts on resubmission)",
        params: ZCaseIdParams,
        body: ZCorrectionRequest,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await requestCorrection(context, commandMeta(request, context.clock.now()), {
        caseId: request.params.caseId,
        ...request.body,
      });
      return view(request, request.params.caseId);
    },
  );

  app.post(
    "/api/filings/:caseId/accept",
    {
      schema: {
        tags: ["filing"],
        summary: "Register the case: case number and judge assignment",
        params: ZCaseIdParams,
        body: ZAcceptRequest,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await acceptFiling(context, commandMeta(request, context.clock.now()), {
        caseId: request.params.caseId,
        procedure: request.body.procedure,
      });
      return view(request, request.params.caseId);
    },
  );

  app.get(
    "/api/filings/:caseId/ruling-judges",
    {
      schema: {
        tags: ["filing"],
        summary:
          "The judges of the court who may make a ruling on this filing (立案庭 first), for the reviewing clerk",
        params: ZCaseIdParams,
        response: {
          200: z.object({
            reviewerIsJudge: z
              .boolean()
              .describe("The reviewer is a judge of the court and signs a ruling themselves"),
            items: z.array(
              z.object({
                id: z.uuid().describe("The judge's account"),
                name: z.string().describe("Name as signed on the ruling"),
                titleZh: z.string().nullable().describe("Title, e.g. 审判员"),
                titleEn: z.string().nullable().describe("Title in English"),
                isFilingDivision: z.boolean().describe("Sits in the case-filing division (立案庭)"),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireUser(request.actor);
      const access = await loadFiling(context.db, actor, request.params.caseId);
      assertClerk(access);
      const court = (await findCourt(context.db, access.row.court_id))!;
      const judges = await listJudges(context.db, court.id);
      const items = judges
        .map((j) => ({
          id: j.userId,
          name: j.name,
          titleZh: j.titleZh,
          titleEn: j.titleEn,
          isFilingDivision: j.divisionKind === "filing",
        }))
        .sort((a, b) => Number(b.isFilingDivision) - Number(a.isFilingDivision));
      return { reviewerIsJudge: judges.some((j) => j.userId === actor.userId), items };
    },
  );

  app.post(
    "/api/filings/:caseId/refuse",
    {
      schema: {
        tags: ["filing"],
        summary: "Rule not to accept the suit, with reasons (produces the ruling)",
        params: ZCaseIdParams,
        body: ZRefusalRequest,
        response: { 200: ZFilingView },
      },
    },
    async (request) => {
      requireUser(request.actor);
      await refuseFiling(context, commandMeta(request, context.clock.now()), {
        caseId: request.params.caseId,
        ...request.body,
      });
      return view(request, request.params.caseId);
    },
  );

  // Payment notifications authenticate by the gateway's signature over the raw body.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/payments/:gateway/notify",
      {
        config: { csrf: false },
        schema: {
          tags: ["filing"],
          summary: "Payment gateway notification (signed by the gateway)",
          params: z.strictObject({ gateway: z.string().max(50) }),
          response: { 200: z.object({ result: z.string() }) },
        },
      },
      async (request) => {
        const gateway = context.ports.payment;
        if (request.params.gateway !== gateway.name) throw new AppError("route_not_found");
        const raw = typeof request.body === "string" ? request.body : "";
        const notification = gateway.parseNotification(request.headers, raw);
        if (!notification) throw new AppError("payment_notification_invalid");
        return { result: await confirmFeePayment(context, notification) };
      },
    );
  });

  if (context.ports.payment instanceof SimulatedPaymentGateway)
    registerCashierSimulator(app, context.ports.payment);
}

/** The simulated gateway's cashier page: shows the order, and on "pay" notifies the court like a gateway. */
function registerCashierSimulator(app: ZodApp, gateway: SimulatedPaymentGateway): void {
  const querystring = z.strictObject({ ticket: z.string().max(4000) });
  app.get("/sim/pay", { schema: { hide: true, querystring } }, async (request, reply) => {
    const ticket = gateway.openTicket(request.query.ticket);
    if (!ticket) throw new AppError("route_not_found");
    const amount = (ticket.amountFen / 100).toFixed(2);
    return reply.type("text/html; charset=utf-8").send(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付 / Payment simulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}
.amount{font-size:2rem;font-weight:600;margin:1rem 0}button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem;border-radius:6px;border:1px solid #8c8c8c;background:#fff;cursor:pointer}
button.primary{background:#a8071a;color:#fff;border-color:#a8071a}</style></head>
<body><main><h1>模拟支付 <small>Payment simulator</small></h1>
<p>${escapeHtml(ticket.subject)}</p>
<p>订单 Order: <code>${escapeHtml(ticket.reference)}</code></p>
<p class="amount" aria-label="金额 amount">¥ ${amount}</p>
<form method="post"><button class="primary" name="action" value="pay" type="submit">确认支付 Pay</button>
<button name="action" value="cancel" type="submit">取消 Cancel</button></form>
<p><small>本页面模拟支付机构，仅用于演示与测试。This page stands in for a payment gateway (demo and tests).</small></p>
</main></body></html>`);
  });
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string" },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/sim/pay",
      { config: { csrf: false }, schema: { hide: true, querystring } },
      async (request, reply) => {
        const ticket = gateway.openTicket(request.query.ticket);
        if (!ticket) throw new AppError("route_not_found");
        const form = new URLSearchParams(typeof request.body === "string" ? request.body : "");
        const status = form.get("action") === "pay" ? "paid" : "failed";
        const delivered = await gateway.complete(ticket, status);
        if (delivered >= 300)
          throw new AppError("upstream_failed", [{ code: "notify", message: String(delivered) }]);
        return reply.redirect(ticket.returnUrl, 303);
      },
    );
  });
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
