import type { ErrorDefinition } from "./types";

/** Errors of court documents (the document pipeline, the complaint preview and rulings). */
export const documentsErrors = {
  /** No such document in this case. */
  document_not_found: { status: 404, zh: "文书不存在", en: "Document not found" },
  /** PDF printing (headless Chromium) is not installed or failed; the DOCX is still available. */
  pdf_renderer_unavailable: {
    status: 503,
    zh: "暂时无法生成 PDF，请下载 DOCX 版本",
    en: "The PDF cannot be produced right now; please download the DOCX version",
  },
  /** The complaint changed after the previewed 起诉状 the filer confirmed: preview and confirm it again. */
  complaint_changed_since_preview: {
    status: 409,
    zh: "起诉状内容在预览后已变更，请重新生成预览并核对",
    en: "The complaint changed after your preview; generate the preview again and check it",
  },
  /** A ruling is made by a judge (民事诉讼法第一百五十七条): a reviewer who is not one names the judge. */
  ruling_judge_required: {
    status: 422,
    zh: "裁定须由审判员作出，请指定作出裁定的审判员",
    en: "A ruling is made by a judge; name the judge who decides",
  },
  /** The named judge is not an active judge of the case's court. */
  ruling_judge_invalid: {
    status: 422,
    zh: "所指定的人员不是本院在职审判员",
    en: "The person named is not a serving judge of this court",
  },
} as const satisfies Record<string, ErrorDefinition>;
