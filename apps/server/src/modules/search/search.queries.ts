import { AppError, courtsWithRole, type Actor, type Executor } from "../../platform";
import { findVisibleCase, loadCaseParts, relationToCase } from "../cases/index";
import { extractLawArticles } from "./analysis/articles";
import type { SimilarCaseQuery } from "./analysis/analyze-judgment";
import type { SimilarCaseHit } from "./engine/judgment-index";
import { citationLabel } from "./laws/law-labels";
import { findArticleInForce } from "./laws/law-lookup";
import { checkOutcomeDeviation, type OutcomeSample } from "./search.deviation.rules";
import {
  countVisibleJudgmentsBySource,
  findVisibleJudgments,
  type JudgmentScope,
  type JudgmentSummaryRow,
} from "./search.repository";
import type { SearchService } from "./search.service";
import type { TJudgmentSummary, TSimilarHit } from "./search.schemas";
import { weightedQuantile } from "./predict/predict.range";

/** Unpublished judgments are read by the judges, clerks and administrators of their court. */
export function judgmentScopeOf(actor: Actor): JudgmentScope {
  return { courtIds: courtsWithRole(actor, "judge", "clerk", "court_admin") };
}

const PUBLISHED_ONLY: JudgmentScope = { courtIds: [] };

const amount = (value: string | null) => (value === null ? null : Number(value));

/** A judgment row as the API shows it. */
export function presentJudgment(row: JudgmentSummaryRow): TJudgmentSummary {
  return {
    id: row.id,
    source: row.source,
    courtId: row.court_id,
    courtName: row.court_name,
    caseNumber: row.case_number,
    title: row.title,
    decidedOn: row.decided_on === null ? null : String(row.decided_on).slice(0, 10),
    kind: row.kind,
    charges: row.charges,
    causes: row.causes,
    articles: row.articles,
    termMonths: row.term_months,
    fineYuan: amount(row.fine_yuan),
    claimedAmount: amount(row.claimed_amount),
    awardedAmount: amount(row.awarded_amount),
    published: row.published,
    outcomeExcerpt: row.outcome_excerpt,
  };
}

interface ScopedHit {
  hit: SimilarCaseHit;
  row: JudgmentSummaryRow;
}

/** The judgment index or 503 (another process holds it). */
function indexOf(service: SearchService) {
  const sync = service.judgments;
  if (!sync) throw new AppError("search_unavailable");
  return sync.index;
}

/**
 * The judgments most similar to a query that the scope may read, best first: the index ranks
 * (BM25 + legal re-ranking) and the database keeps what the caller may see.
 */
export async function findSimilarJudgments(
  db: Executor,
  service: SearchService,
  query: SimilarCaseQuery,
  scope: JudgmentScope,
  limit: number,
): Promise<{ hits: ScopedHit[]; queryCharges: string[]; chargesInferred: boolean; indexed: number }> {
  const index = indexOf(service);
  // Over-fetch: some hits may be unpublished judgments of other courts.
  const result = index.search(query, { limit: Math.min(200, limit * 4 + 20), explain: true });
  const rows = await findVisibleJudgments(
    db,
    result.hits.map((hit) => hit.id),
    scope,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const hits: ScopedHit[] = [];
  for (const hit of result.hits) {
    const row = byId.get(hit.id);
    if (row) hits.push({ hit, row });
    if (hits.length >= limit) break;
  }
  return {
    hits,
    queryCharges: result.queryCharges,
    chargesInferred: result.chargesInferred,
    indexed: index.stats().documents,
  };
}

function presentHit({ hit, row }: ScopedHit): TSimilarHit {
  return {
    judgment: presentJudgment(row),
    score: hit.score,
    textScore: hit.textScore,
    legalScore: hit.legalScore,
    explanation: hit.explanation ?? null,
  };
}

type StaffCase = NonNullable<Awaited<ReturnType<typeof findVisibleCase>>> & { queryText: string };

async function loadCase(
  db: Executor,
  actor: Actor,
  caseId: string,
  who: "staff" | "litigant",
): Promise<StaffCase> {
  // STYLE.md step 1: what the caller may not see is 404.
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new AppError("case_not_found");
  const parts = await loadCaseParts(db, caseId);
  const relation = relationToCase(actor, row, parts);
  // Step 2: visible but not allowed is 403. The judge's tools are for the judge, clerks and
  // administrators of the case's court; the filing panel for the litigants' side and staff.
  const allowed =
    who === "staff"
      ? relation.isAssignedJudge || relation.isClerk || relation.isCourtAdmin
      : relation.isFiler || relation.isParty || relation.isAgent || relation.isStaff;
  if (!allowed)
    throw new AppError("forbidden", [
      {
        code: who === "staff" ? "court_staff_only" : "litigants_only",
        message:
          who === "staff" ? "only the judge and staff of the case's court" : "only the filer and the parties",
      },
    ]);
  const claims = parts.claims.map((c) => c.text).join("；");
  const queryText = [row.title ?? "", row.cause_name_zh ?? "", row.facts_and_reasons, claims]
    .filter((text) => text.trim().length > 0)
    .join("。");
  if (row.facts_and_reasons.trim().length === 0 && claims.trim().length === 0)
    throw new AppError("case_text_missing");
  return { ...row, queryText };
}

/** Similar decided cases for the judge's panel, with explanations. Throws case_not_found, forbidden, case_text_missing. */
export async function similarCasesForCase(
  db: Executor,
  service: SearchService,
  actor: Actor,
  caseId: string,
  limit: number,
) {
  const found = await loadCase(db, actor, caseId, "staff");
  const result = await findSimilarJudgments(
    db,
    service,
    { facts: found.queryText },
    judgmentScopeOf(actor),
    limit,
  );
  return {
    items: result.hits.map(presentHit),
    queryCharges: result.queryCharges,
    chargesInferred: result.chargesInferred,
    indexedJudgments: result.indexed,
    sources: await countVisibleJudgmentsBySource(db, judgmentScopeOf(actor)),
  };
}

function splitKey(key: string): { title: string; number: number; suffix: string } | null {
  const match = /^(.+):([0-9]+)(之[一二三四五六七八九十]+)?$/u.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { title: match[1], number: Number(match[2]), suffix: match[3] ?? "" };
}

/** An article as a 短标题:条号 key, from 刑法:133之一, 《刑法》第一百三十三条之一 or 民法典第577条. */
export function articleKey(written: string): string | null {
  if (/^[^:：]+[:：][0-9]+(之[一二三四五六七八九十]+)?$/u.test(written)) return written.replace("：", ":");
  const bracketed = written.includes("《") ? written : written.replace(/^(.+?)(第)/u, "《$1》$2");
  return extractLawArticles(bracketed)[0] ?? null;
}

/**
 * The articles that apply to a case: those its own text cites and those its similar cases apply,
 * weighted by similarity, each with its text in force today. Throws case_not_found, forbidden.
 */
export async function applicableArticlesForCase(
  db: Executor,
  service: SearchService,
  actor: Actor,
  caseId: string,
  today: string,
) {
  const found = await loadCase(db, actor, caseId, "staff");
  const result = await findSimilarJudgments(
    db,
    service,
    { facts: found.queryText },
    judgmentScopeOf(actor),
    20,
  );
  const tally = new Map<
    string,
    { weight: number; cases: number; basis: "cited_in_case" | "similar_cases" }
  >();
  for (const key of extractLawArticles(found.queryText))
    tally.set(key, { weight: Number.POSITIVE_INFINITY, cases: 0, basis: "cited_in_case" });
  for (const { hit, row } of result.hits) {
    for (const key of new Set(row.articles)) {
      const entry = tally.get(key) ?? { weight: 0, cases: 0, basis: "similar_cases" as const };
      entry.weight += hit.score;
      entry.cases += 1;
      tally.set(key, entry);
    }
  }
  const ranked = [...tally]
    .filter(([, entry]) => entry.basis === "cited_in_case" || entry.cases >= Math.min(2, result.hits.length))
    .sort((a, b) => b[1].weight - a[1].weight || b[1].cases - a[1].cases)
    .slice(0, 15);
  const items = [];
  for (const [key, entry] of ranked) {
    const pointer = splitKey(key);
    const resolved = pointer
      ? await findArticleInForce(service.laws, pointer.title, pointer.number, pointer.suffix, today)
      : null;
    const citation = pointer
      ? citationLabel(resolved?.version.title ?? pointer.title, {
          number: pointer.number,
          suffix: pointer.suffix,
        })
      : { "zh-CN": key, en: key };
    items.push({
      key,
      citation,
      article: resolved
        ? {
            lawId: resolved.article.lawId,
            articleId: resolved.article.id,
            title: resolved.version.title,
            versionDate: resolved.version.versionDate,
            effectiveFrom: resolved.version.effectiveFrom,
            number: resolved.article.number,
            suffix: resolved.article.suffix,
            label: resolved.article.label,
            text: resolved.article.text,
            excerpt: null,
            citation,
          }
        : null,
      basis: entry.basis,
      similarCases: entry.cases,
      weight: Number.isFinite(entry.weight) ? entry.weight : 0,
    });
  }
  return { items, similarCases: result.hits.length, catalogueLoading: service.lawsLoading };
}

/** The outcome a judge proposes, as the deviation request carries it. */
export interface ProposedOutcomeInput {
  charges: string[];
  articles: string[];
  termMonths?: number | null | undefined;
  awardedAmount?: number | null | undefined;
  claimedAmount?: number | null | undefined;
}

/**
 * Checks a proposed outcome against similar decided cases (裁判偏离度预警): where it falls, the
 * range, the cases behind it. Throws case_not_found, forbidden, outcome_incomplete.
 */
export async function checkCaseDeviation(
  db: Executor,
  service: SearchService,
  actor: Actor,
  caseId: string,
  outcome: ProposedOutcomeInput,
) {
  const termMonths = outcome.termMonths ?? null;
  const awardedAmount = outcome.awardedAmount ?? null;
  if (termMonths === null && awardedAmount === null)
    throw new AppError("outcome_incomplete", [
      { path: "body.outcome", code: "term_or_award_required", message: "give termMonths or awardedAmount" },
    ]);
  const found = await loadCase(db, actor, caseId, "staff");
  const claimedAmount =
    outcome.claimedAmount ?? (found.claim_total_fen > 0 ? found.claim_total_fen / 100 : null);
  if (termMonths === null && (claimedAmount === null || claimedAmount <= 0))
    throw new AppError("outcome_incomplete", [
      {
        path: "body.outcome.claimedAmount",
        code: "claim_required",
        message: "the award is compared with the claim",
      },
    ]);
  const articles = outcome.articles.map(articleKey);
  const bad = articles.findIndex((key) => key === null);
  if (bad >= 0)
    throw new AppError("validation_failed", [
      {
        path: `body.outcome.articles.${bad}`,
        code: "article_unreadable",
        message: "write 刑法:133 or 《刑法》第一百三十三条",
      },
    ]);
  const query: SimilarCaseQuery = {
    facts: found.queryText,
    ...(outcome.charges.length > 0 ? { charges: outcome.charges } : {}),
  };
  const result = await findSimilarJudgments(db, service, query, judgmentScopeOf(actor), 50);
  const samples: OutcomeSample[] = result.hits.map(({ hit, row }) => ({
    judgmentId: row.id,
    title: row.title,
    caseNumber: row.case_number,
    similarity: hit.score,
    charges: row.charges,
    articles: row.articles,
    termMonths: row.term_months,
    claimedAmount: amount(row.claimed_amount),
    awardedAmount: amount(row.awarded_amount),
  }));
  const check = checkOutcomeDeviation(samples, {
    charges: outcome.charges,
    articles: articles.filter((key): key is string => key !== null),
    termMonths,
    claimedAmount,
    awardedAmount,
  });
  return { isWarning: check.findings.some((f) => f.severity === "warning"), ...check };
}

/**
 * Similar published cases for the litigants of a filing, with what they awarded: an honest picture
 * of likely outcomes encourages mediation. Throws case_not_found, forbidden, case_text_missing.
 */
export async function similarCasesForFiling(
  db: Executor,
  service: SearchService,
  actor: Actor,
  caseId: string,
  limit: number,
) {
  const found = await loadCase(db, actor, caseId, "litigant");
  const result = await findSimilarJudgments(db, service, { facts: found.queryText }, PUBLISHED_ONLY, limit);
  const ratios = result.hits
    .map(({ hit, row }) => ({ row, weight: hit.score }))
    .filter(
      ({ row }) =>
        row.claimed_amount !== null && Number(row.claimed_amount) > 0 && row.awarded_amount !== null,
    )
    .map(({ row, weight }) => ({
      value: Number(row.awarded_amount) / Number(row.claimed_amount),
      weight: Math.max(weight, 1e-6),
    }));
  return {
    items: result.hits.map(presentHit),
    awards: ratios.length > 0 ? { cases: ratios.length, medianRatio: weightedQuantile(ratios, 0.5) } : null,
    indexedJudgments: result.indexed,
  };
}

/** Judgment search: published judgments for everyone, unpublished ones for staff of their court. */
export async function searchJudgments(
  db: Executor,
  service: SearchService,
  actor: Actor,
  query: { q: string; charge?: string | undefined; limit: number },
) {
  const result = await findSimilarJudgments(
    db,
    service,
    { facts: query.q, ...(query.charge ? { charges: [query.charge] } : {}) },
    judgmentScopeOf(actor),
    query.limit,
  );
  return {
    items: result.hits.map(presentHit),
    queryCharges: result.queryCharges,
    chargesInferred: result.chargesInferred,
    indexedJudgments: result.indexed,
    sources: await countVisibleJudgmentsBySource(db, judgmentScopeOf(actor)),
  };
}
