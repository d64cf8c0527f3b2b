import type { ErrorDefinition } from "./types";

/** Errors of the search context: laws, citation checks, judgments, similar cases and deviation warnings. */
export const searchErrors = {
  /** No law document with this id (GET /api/laws/:id). */
  law_not_found: { status: 404, zh: "法律文件不存在", en: "Law not found" },
  /** The law has no article with this number (GET /api/laws/:id/articles/:number). */
  law_article_not_found: { status: 404, zh: "该法律文件中没有此条文", en: "No such article in this law" },
  /** The law catalogue is still loading on first start and does not hold this law yet. */
  law_catalogue_loading: {
    status: 503,
    zh: "法规库正在首次载入，请稍后再试",
    en: "The law catalogue is still loading for the first time; try again shortly",
  },
  /** No judgment with this id, or the caller may not see it (unpublished judgments of another court). */
  judgment_not_found: { status: 404, zh: "裁判文书不存在或无权查看", en: "Judgment not found" },
  /** The case holds no text to compare (no facts and reasons, claims or title yet). */
  case_text_missing: {
    status: 422,
    zh: "案件尚无可供比对的事实与理由",
    en: "The case has no facts to compare with other cases yet",
  },
  /** The proposed outcome names neither a term nor an award; `details` says what is missing. */
  outcome_incomplete: {
    status: 422,
    zh: "拟判结果缺少刑期或判决金额",
    en: "The proposed outcome needs a term or an awarded amount",
  },
  /** Similar-case search is not available on this server (the index could not be opened). */
  search_unavailable: {
    status: 503,
    zh: "类案检索暂不可用",
    en: "Similar-case search is temporarily unavailable",
  },
} as const satisfies Record<string, ErrorDefinition>;
