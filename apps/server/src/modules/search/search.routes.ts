import type { AppContext } from "../../context";
import { courtDateOf } from "../courts/index";
import { AppError, publicRateLimits, requireUser, type ZodApp } from "../../platform";
import { parseArticleNumber } from "./laws/chinese-numerals.rules";
import { checkCitations } from "./laws/citation-check";
import { citationLabel, lawLabel } from "./laws/law-labels";
import { searchLaws } from "./laws/law-search";
import {
  applicableArticlesForCase,
  checkCaseDeviation,
  judgmentScopeOf,
  presentJudgment,
  searchJudgments,
  similarCasesForCase,
  similarCasesForFiling,
} from "./search.queries";
import { findVisibleJudgment } from "./search.repository";
import {
  ZApplicableArticlesResponse,
  ZCaseIdParams,
  ZCheckCitationsRequest,
  ZCitationCheckResponse,
  ZDeviationRequest,
  ZDeviationResponse,
  ZFilingSimilarResponse,
  ZJudgmentIdParams,
  ZJudgmentSearchQuery,
  ZJudgmentView,
  ZLawArticleParams,
  ZLawArticleView,
  ZLawIdParams,
  ZLawSearchQuery,
  ZLawSearchResponse,
  ZLawView,
  ZSimilarQuery,
  ZSimilarResponse,
} from "./search.schemas";
import type { SearchService } from "./search.service";

/**
 * Law search, citation checks, the judgments archive and the judge's similar-case tools.
 * Laws and citation checks are public (legislation is public information, 立法法); published
 * judgments are public; unpublished ones and the case tools follow the case visibility policy.
 */
export async function registerSearchRoutes(
  app: ZodApp,
  context: AppContext,
  service: SearchService,
): Promise<void> {
  const today = () => courtDateOf(context.clock.now());

  app.get(
    "/api/laws/search",
    {
      config: { cacheable: true, rateLimit: publicRateLimits.search },
      schema: {
        tags: ["search"],
        summary: "Search laws by title, article number (第五百七十七条 / 577) or words (public)",
        querystring: ZLawSearchQuery,
        response: { 200: ZLawSearchResponse },
      },
    },
    async (request) =>
      searchLaws(service.laws, request.query.q, {
        at: request.query.at,
        law: request.query.law,
        limit: request.query.limit,
      }),
  );

  app.get(
    "/api/laws/:id",
    {
      config: { cacheable: true, rateLimit: publicRateLimits.publicRead },
      schema: {
        tags: ["search"],
        summary: "One law document (version, part) with all its articles (public)",
        params: ZLawIdParams,
        response: { 200: ZLawView },
      },
    },
    async (request) => {
      const law = await service.laws.getLaw(request.params.id);
      if (!law) throw new AppError(service.lawsLoading ? "law_catalogue_loading" : "law_not_found");
      const articles = await service.laws.findArticlesInRange([law.id], 1, 2_000_000_000);
      return { law, label: lawLabel(law.title), articles };
    },
  );

  app.get(
    "/api/laws/:id/articles/:article",
    {
      config: { cacheable: true, rateLimit: publicRateLimits.publicRead },
      schema: {
        tags: ["search"],
        summary: "The text of one article of a law document (577, 第五百七十七条, 133之一) (public)",
        params: ZLawArticleParams,
        response: { 200: ZLawArticleView },
      },
    },
    async (request) => {
      const pointer = parseArticleNumber(request.params.article);
      if (!pointer)
        throw new AppError("validation_failed", [
          {
            path: "params.article",
            code: "article_unreadable",
            message: "write 577, 第五百七十七条 or 133之一",
          },
        ]);
      const law = await service.laws.getLaw(request.params.id);
      if (!law) throw new AppError(service.lawsLoading ? "law_catalogue_loading" : "law_not_found");
      const [article] = await service.laws.findArticles([law.id], pointer.number, pointer.suffix);
      if (!article) throw new AppError("law_article_not_found");
      return { law, article, citation: citationLabel(law.title, pointer) };
    },
  );

  app.post(
    "/api/laws/check-citations",
    {
      // Read-only: it changes nothing, so it needs no CSRF token and works without signing in.
      config: { csrf: false, rateLimit: publicRateLimits.citationCheck },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ["search"],
        summary:
          "Check every law citation in a text: resolve short titles, report missing articles and repealed or superseded versions, show the text (public)",
        body: ZCheckCitationsRequest,
        response: { 200: ZCitationCheckResponse },
      },
    },
    async (request) => checkCitations(service.laws, request.body.text, { at: request.body.at ?? today() }),
  );

  app.get(
    "/api/judgments/search",
    {
      config: { rateLimit: publicRateLimits.search },
      schema: {
        tags: ["search"],
        summary:
          "Search judgments by words or facts: published ones for everyone, unpublished ones only for staff of their court",
        querystring: ZJudgmentSearchQuery,
        response: { 200: ZSimilarResponse },
      },
    },
    async (request) => searchJudgments(context.db, service, request.actor, request.query),
  );

  app.get(
    "/api/judgments/:id",
    {
      config: { rateLimit: publicRateLimits.publicRead },
      schema: {
        tags: ["search"],
        summary: "One judgment (published, or unpublished for staff of its court)",
        params: ZJudgmentIdParams,
        response: { 200: ZJudgmentView },
      },
    },
    async (request) => {
      const row = await findVisibleJudgment(context.db, request.params.id, judgmentScopeOf(request.actor));
      if (!row) throw new AppError("judgment_not_found");
      return {
        ...presentJudgment({ ...row, outcome_excerpt: row.outcome.slice(0, 400) }),
        facts: row.facts,
        reasoning: row.reasoning,
        outcome: row.outcome,
        fullText: row.full_text,
      };
    },
  );

  app.get(
    "/api/cases/:id/similar",
    {
      schema: {
        tags: ["search"],
        summary:
          "Similar decided cases (类案推送) for the judge and staff of the case's court, with explanations",
        params: ZCaseIdParams,
        querystring: ZSimilarQuery,
        response: { 200: ZSimilarResponse },
      },
    },
    async (request) =>
      similarCasesForCase(
        context.db,
        service,
        requireUser(request.actor),
        request.params.id,
        request.query.limit,
      ),
  );

  app.get(
    "/api/cases/:id/articles",
    {
      schema: {
        tags: ["search"],
        summary:
          "Articles applicable to the case (cited in it or applied by similar cases) with their text in force",
        params: ZCaseIdParams,
        response: { 200: ZApplicableArticlesResponse },
      },
    },
    async (request) =>
      applicableArticlesForCase(context.db, service, requireUser(request.actor), request.params.id, today()),
  );

  app.post(
    "/api/cases/:id/deviation",
    {
      schema: {
        tags: ["search"],
        summary:
          "Deviation warning (偏离度预警): where a proposed term or award falls among similar cases, the range and the cases behind it",
        params: ZCaseIdParams,
        body: ZDeviationRequest,
        response: { 200: ZDeviationResponse },
      },
    },
    async (request) =>
      checkCaseDeviation(
        context.db,
        service,
        requireUser(request.actor),
        request.params.id,
        request.body.outcome,
      ),
  );

  app.get(
    "/api/filings/:id/similar",
    {
      schema: {
        tags: ["search"],
        summary:
          "Similar published cases and their outcomes for the litigants of a filing (to weigh mediation)",
        params: ZCaseIdParams,
        querystring: ZSimilarQuery,
        response: { 200: ZFilingSimilarResponse },
      },
    },
    async (request) =>
      similarCasesForFiling(
        context.db,
        service,
        requireUser(request.actor),
        request.params.id,
        request.query.limit,
      ),
  );
}
