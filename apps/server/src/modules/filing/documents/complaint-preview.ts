import type { AppContext } from "../../../context";
import { AppError, type Actor } from "../../../platform";
import { courtDateOf, findCourt } from "../../courts/index";
import { printPdf, renderDocx, renderHtml, documentFileName } from "../../documents/index";
import { assertFiler, loadFiling } from "../filing.access";
import { listEvidence } from "../filing.repository";
import { buildComplaintModels, complaintInputOf, complaintSha256 } from "./complaint";

/**
 * The filer's current draft rendered as the 起诉状 they are about to submit, with the hash they confirm
 * (submit refuses `complaint_changed_since_preview` when the draft moved on). Nothing is stored.
 * Throws `case_not_found`, `forbidden`, `case_status_conflict`, `pdf_renderer_unavailable`.
 */
export async function previewComplaint(
  context: AppContext,
  actor: Actor,
  caseId: string,
  locale: "zh-CN" | "en",
) {
  const access = await loadFiling(context.db, actor, caseId);
  assertFiler(access);
  if (access.row.status !== "draft" && access.row.status !== "correction_requested")
    throw new AppError("case_status_conflict", [
      { code: "not_a_draft", message: `the filing is ${access.row.status}` },
    ]);
  const court = await findCourt(context.db, access.row.court_id);
  if (!court) throw new AppError("court_not_found");
  const evidence = await listEvidence(context.db, caseId);
  const models = buildComplaintModels(
    complaintInputOf(access.row, access.parts, evidence, court, courtDateOf(context.clock.now())),
  );
  return {
    sha256: complaintSha256(models.zh),
    model: locale === "zh-CN" ? models.zh : models.en,
  };
}

/** The preview as a file. */
export async function renderComplaintPreview(
  context: AppContext,
  actor: Actor,
  params: { caseId: string; format: "docx" | "pdf"; locale: "zh-CN" | "en" },
) {
  const preview = await previewComplaint(context, actor, params.caseId, params.locale);
  const bytes =
    params.format === "docx" ? await renderDocx(preview.model) : await printPdf(renderHtml(preview.model));
  return {
    sha256: preview.sha256,
    bytes,
    fileName: documentFileName("complaint", params.locale, params.format),
    mediaType:
      params.format === "docx"
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/pdf",
  };
}
