import { z } from "zod";
import { CITATION_FINDING_CODES } from "./laws/citation-check";

const ZLocalized = z
  .object({ "zh-CN": z.string(), en: z.string() })
  .describe("The same text in Chinese and English");
// A calendar date: "2026-02-30" matches \d{4}-\d{2}-\d{2} but no law was ever in force on it.
const ZIsoDate = z.iso.date().describe("A date, YYYY-MM-DD");

// ——— Laws ———

export const ZLawSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      "A title (民诉法), an article (民法典第五百七十七条, 577, 刑法133之一) or words of the text (违约责任)",
    ),
  at: ZIsoDate.optional().describe("Resolve versions as in force on this date; default the latest version"),
  law: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Restrict article and text search to this law (any title)"),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Most results returned"),
});

export const ZLawDocument = z.object({
  id: z.string().describe("Document id (law- + 12 hex)"),
  path: z.string().describe("Path in the corpus"),
  category: z.string().describe("法律, 行政法规, 司法解释 … (corpus folder)"),
  title: z.string(),
  titleKey: z.string().describe("The title reduced for matching (no 中华人民共和国, brackets, spaces)"),
  shortTitle: z.string(),
  subtitle: z.string().nullable().describe("Part of a split law (民法典: 合同编), else null"),
  versionDate: z.string().nullable().describe("Version date (adoption or amendment), YYYY-MM-DD"),
  isLatestVersion: z.boolean(),
  effectiveFrom: z.string().nullable().describe("Date from which this version applies"),
  effectiveFromSource: z.enum(["curated", "history", "text", "version_date"]).nullable(),
  history: z.array(z.string()).describe("Adoption, amendment and in-force lines"),
  articleCount: z.number().int(),
});

export const ZLawArticle = z.object({
  id: z.string().describe("Article id: law id / number (-ordinal of 之X)"),
  lawId: z.string(),
  number: z.number().int().describe("Article number (第五百七十七条 → 577)"),
  suffix: z.string().describe("之一, 之二 … or empty"),
  position: z.number().int().describe("Order in the document, from 1"),
  label: z.string().describe("As written: 第一百三十三条之一"),
  part: z.string().nullable(),
  headings: z.array(z.string()).describe("Enclosing 编/章/节 headings, outermost first"),
  text: z.string().describe("Paragraphs (款) separated by newlines; items (项) on their own lines"),
});

const ZLawVersionSummary = z.object({
  versionDate: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  isLatestVersion: z.boolean(),
  lawIds: z.array(z.string()).describe("Document ids of the version (all parts of a split law)"),
});

const ZLawResult = z.object({
  kind: z.literal("law"),
  score: z.number(),
  title: z.string(),
  shortTitle: z.string(),
  titleKey: z.string(),
  category: z.string(),
  aliases: z.array(z.string()).describe("Short titles and common names the law is cited by"),
  label: ZLocalized,
  versions: z.array(ZLawVersionSummary),
});

const ZArticleResult = z.object({
  kind: z.literal("article"),
  score: z.number(),
  isExact: z.boolean().describe("True for an article asked for by number, false for a full-text hit"),
  article: ZLawArticle,
  law: ZLawDocument,
  excerpt: z.string().nullable().describe("The cited 款/项 line when the query named one"),
  label: ZLocalized,
});

export const ZLawSearchResponse = z.object({
  query: z.string(),
  interpretation: z
    .object({
      title: z.string().nullable(),
      article: z
        .object({
          number: z.number().int(),
          suffix: z.string(),
          paragraph: z.number().int().nullable(),
          item: z.number().int().nullable(),
        })
        .nullable(),
      text: z.string().nullable(),
    })
    .describe("How the query was read: a title, an article number, words"),
  results: z.array(z.discriminatedUnion("kind", [ZLawResult, ZArticleResult])),
});

export const ZLawIdParams = z.object({
  id: z
    .string()
    .regex(/^law-[0-9a-f]{12}$/u)
    .describe("Law document id"),
});

export const ZLawArticleParams = ZLawIdParams.extend({
  article: z.string().trim().min(1).max(30).describe("Article number: 577, 第五百七十七条, 133之一"),
});

export const ZLawView = z.object({
  law: ZLawDocument,
  label: ZLocalized,
  articles: z.array(ZLawArticle).describe("Every article of the document, in order"),
});

export const ZLawArticleView = z.object({
  law: ZLawDocument,
  article: ZLawArticle,
  citation: ZLocalized.describe("The article cited in both languages"),
});

export const ZCheckCitationsRequest = z.strictObject({
  text: z.string().min(1).max(200_000).describe("Any text: a judgment, a complaint, a draft"),
  at: ZIsoDate.optional().describe(
    "The date the citations must hold on (of the document or the facts); default today",
  ),
});

const ZResolvedArticle = z.object({
  lawId: z.string(),
  articleId: z.string(),
  title: z.string(),
  versionDate: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  number: z.number().int(),
  suffix: z.string(),
  label: z.string(),
  text: z.string().describe("The article's text"),
  excerpt: z.string().nullable().describe("The cited 款 or 项 line"),
  citation: ZLocalized,
});

const ZResolvedLawVersion = z.object({
  title: z.string(),
  titleKey: z.string(),
  versionDate: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  lawIds: z.array(z.string()),
});

const ZArticlePointer = z.object({
  number: z.number().int(),
  suffix: z.string(),
  paragraph: z.number().int().nullable(),
  item: z.number().int().nullable(),
  through: z.object({ number: z.number().int(), suffix: z.string() }).nullable(),
});

export const ZCitationFinding = z.object({
  code: z
    .enum(CITATION_FINDING_CODES)
    .describe(
      "citation_ok; law_unknown; law_repealed; law_not_in_force; law_text_unavailable; version_superseded; version_unavailable; article_not_found; paragraph_not_found; item_not_found",
    ),
  severity: z.enum(["ok", "warning", "error"]),
  start: z.number().int().describe("Offset in the text (UTF-16 code units)"),
  end: z.number().int(),
  text: z.string().describe("The citation as written"),
  citedTitle: z.string(),
  cited: ZArticlePointer.nullable(),
  law: ZResolvedLawVersion.nullable().describe("The version checked against"),
  currentVersion: ZResolvedLawVersion.nullable().describe(
    "The version in force on the date, when another was cited",
  ),
  articles: z.array(ZResolvedArticle).describe("The cited articles with their text"),
  successor: z
    .object({ title: z.string(), repealedOn: z.string().nullable(), articles: z.array(ZResolvedArticle) })
    .nullable()
    .describe("For a repealed law: what replaced it"),
  message: ZLocalized,
});

export const ZCitationCheckResponse = z.object({
  at: z.string().describe("The date checked"),
  citations: z
    .array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        title: z.string(),
        issuer: z.string().nullable(),
        isBracketed: z.boolean(),
        articles: z.array(ZArticlePointer.extend({ start: z.number().int(), end: z.number().int() })),
      }),
    )
    .describe("Every citation found, in text order"),
  findings: z.array(ZCitationFinding),
  counts: z.record(z.string(), z.number().int()).describe("Findings per code"),
});

// ——— Judgments and similar cases ———

export const ZJudgmentSummary = z.object({
  id: z.string().uuid(),
  source: z.enum(["netcourt", "lecard", "cail"]).describe("The corpus the judgment came from"),
  courtId: z.string().uuid().nullable(),
  courtName: z.string().nullable(),
  caseNumber: z.string().nullable(),
  title: z.string(),
  decidedOn: z.string().nullable(),
  kind: z.enum(["criminal", "civil", "administrative", "other"]),
  charges: z.array(z.string()),
  causes: z.array(z.string()),
  articles: z.array(z.string()).describe("Cited articles as 短标题:条号 (刑法:133之一)"),
  termMonths: z.number().int().nullable().describe("Principal penalty in months; −1 life, −2 death"),
  fineYuan: z.number().nullable(),
  claimedAmount: z.number().nullable().describe("Amount claimed (yuan), civil"),
  awardedAmount: z.number().nullable().describe("Amount awarded (yuan), civil"),
  published: z.boolean(),
  outcomeExcerpt: z.string().describe("The beginning of the operative part (判决如下…)"),
});

const ZPassage = z.object({
  field: z.enum(["facts", "reasoning"]),
  start: z.number().int(),
  end: z.number().int(),
  marked: z.string().describe("The passage with matched words in 【】"),
  terms: z.array(z.string()),
});

export const ZSimilarHit = z.object({
  judgment: ZJudgmentSummary,
  score: z.number().describe("Text similarity (0–1) plus the legal agreement"),
  textScore: z.number(),
  legalScore: z.number(),
  explanation: z
    .object({
      sharedCharges: z.array(z.string()),
      sharedArticles: z.array(z.string()),
      sharedElements: z
        .array(z.string())
        .describe(
          "Key facts in common, in the judgments' language: amounts, blood alcohol, injury grade … and key circumstances (自首, 累犯, 入户 …)",
        ),
      matchedTerms: z.array(z.string()),
      passages: z.array(ZPassage),
    })
    .nullable(),
});

export const ZSimilarResponse = z.object({
  items: z.array(ZSimilarHit),
  queryCharges: z.array(z.string()).describe("Charges used for ranking"),
  chargesInferred: z.boolean().describe("True when the charges were inferred from similar cases"),
  indexedJudgments: z.number().int().describe("Judgments in the index"),
  sources: z
    .array(
      z.object({
        source: z
          .enum(["netcourt", "lecard", "cail"])
          .describe("netcourt: courts' own archives; lecard, cail: public research corpora (criminal)"),
        judgments: z.number().int(),
      }),
    )
    .describe("Judgments the caller may search, per source"),
});

export const ZCaseIdParams = z.object({ id: z.string().uuid().describe("Case id") });

export const ZSimilarQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10).describe("Most similar cases returned"),
});

export const ZJudgmentSearchQuery = z.object({
  q: z.string().trim().min(1).max(5_000).describe("Words or a fact description"),
  charge: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe("Rank judgments with this charge first (危险驾驶罪)"),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ZJudgmentIdParams = z.object({ id: z.string().uuid().describe("Judgment id") });

export const ZJudgmentView = ZJudgmentSummary.extend({
  facts: z.string(),
  reasoning: z.string(),
  outcome: z.string(),
  fullText: z.string(),
});

export const ZApplicableArticle = z.object({
  key: z.string().describe("短标题:条号 (民法典:577)"),
  citation: ZLocalized,
  article: ZResolvedArticle.nullable().describe(
    "The article in force today, or null when the catalogue lacks it",
  ),
  basis: z
    .enum(["cited_in_case", "similar_cases"])
    .describe("cited in the case's own text, or applied by similar cases"),
  similarCases: z.number().int().describe("How many of the similar cases apply it"),
  weight: z.number().describe("Summed similarity of those cases"),
});

export const ZApplicableArticlesResponse = z.object({
  items: z.array(ZApplicableArticle),
  similarCases: z.number().int().describe("Similar cases read"),
  catalogueLoading: z
    .boolean()
    .describe("True while the law catalogue is still loading on first start: article texts may be missing"),
});

export const ZDeviationRequest = z.strictObject({
  outcome: z
    .strictObject({
      charges: z
        .array(z.string().trim().min(1).max(50))
        .max(20)
        .default([])
        .describe("Charges (with or without 罪)"),
      articles: z
        .array(z.string().trim().min(1).max(80))
        .max(50)
        .default([])
        .describe("Articles: 刑法:133之一, 《刑法》第一百三十三条之一 or 民法典第577条"),
      termMonths: z
        .number()
        .int()
        .min(-2)
        .max(600)
        .nullish()
        .describe("Proposed term in months; −1 life, −2 death"),
      awardedAmount: z.number().min(0).max(1e13).nullish().describe("Proposed award (yuan)"),
      claimedAmount: z
        .number()
        .min(0)
        .max(1e13)
        .nullish()
        .describe("The claim (yuan); default the case's total claim"),
    })
    .describe("The outcome the judge proposes"),
});

const ZRangeCheck = z.object({
  status: z.enum(["below", "within", "above", "insufficient_data"]),
  proposed: z.number().describe("Months, or award ÷ claim"),
  range: z
    .object({
      low: z.number(),
      median: z.number(),
      high: z.number(),
      lowQuantile: z.number(),
      highQuantile: z.number(),
    })
    .nullable(),
  percentile: z.number().nullable().describe("Weighted share of similar cases below the proposal (0–1)"),
  cases: z
    .array(
      z.object({
        judgmentId: z.string(),
        title: z.string(),
        caseNumber: z.string().nullable(),
        similarity: z.number(),
        value: z.number(),
      }),
    )
    .describe("The cases behind the range"),
});

export const ZDeviationResponse = z.object({
  isWarning: z.boolean().describe("True when any finding is a warning"),
  term: ZRangeCheck.nullable(),
  award: ZRangeCheck.nullable(),
  charge: z.string().nullable().describe("The charge whose cases formed the term range"),
  neighbours: z.number().int(),
  findings: z.array(
    z.object({
      code: z
        .string()
        .describe(
          "term_within_range | term_below_range | term_above_range | term_insufficient_data | award_* | charge_unsupported | article_unsupported",
        ),
      severity: z.enum(["info", "warning"]),
      message: ZLocalized,
    }),
  ),
});

export const ZFilingSimilarResponse = z.object({
  items: z.array(ZSimilarHit),
  awards: z
    .object({
      cases: z.number().int(),
      medianRatio: z.number().describe("Median award ÷ claim among the similar cases"),
    })
    .nullable()
    .describe("What similar published cases awarded, when they state it"),
  indexedJudgments: z.number().int(),
});

export type TSimilarHit = z.infer<typeof ZSimilarHit>;
export type TJudgmentSummary = z.infer<typeof ZJudgmentSummary>;
