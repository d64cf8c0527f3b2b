import { locateParagraphItem } from "./article-structure.rules";
import { parseArticleNumber } from "./chinese-numerals.rules";
import { extractCitations, type CitedArticle, type ExtractedCitation } from "./citations.rules";
import type { LawCatalog } from "./law-catalog";
import { versionInForce, versionsOfYear, yearOf, type LawVersion, type LawWork } from "./law-history.rules";
import { articlePointerLabel, citationLabel, lawLabel } from "./law-labels";
import { resolveLawTitle, versionLawIds, type TitleResolution } from "./law-lookup";
import { ARTICLE_SUCCESSORS } from "./law-successors.data";
import { isLawLikeTitle, titleKey } from "./law-titles.rules";
import type { LawArticleRecord, LawRepealRecord, LocalizedText } from "./laws.types";

/** The stable codes of citation findings (the UI translates them; messages come with each finding). */
export const CITATION_FINDING_CODES = [
  /** The law, version and article (款, 项) exist and apply on the date. */
  "citation_ok",
  /** No law of the catalogue or stated repeal carries this title. */
  "law_unknown",
  /** The law was repealed on or before the date (with its successor when known). */
  "law_repealed",
  /** The law had not yet taken effect on the date. */
  "law_not_in_force",
  /** The law applied on the date, but its text is not in the catalogue (e.g. 合同法 before 2021). */
  "law_text_unavailable",
  /** The cited version was replaced by a newer one in force on the date. */
  "version_superseded",
  /** The version that applied on the date is not in the catalogue, so the article was not checked. */
  "version_unavailable",
  /** The law (version) has no such article. */
  "article_not_found",
  /** The article has fewer paragraphs (款) than cited. */
  "paragraph_not_found",
  /** The paragraph has fewer items (项) than cited. */
  "item_not_found",
] as const;
export type CitationFindingCode = (typeof CITATION_FINDING_CODES)[number];

/** How much a finding matters: errors must be fixed, warnings read. */
export type FindingSeverity = "ok" | "warning" | "error";

const SEVERITY: Record<CitationFindingCode, FindingSeverity> = {
  citation_ok: "ok",
  law_unknown: "error",
  law_repealed: "error",
  law_not_in_force: "error",
  law_text_unavailable: "warning",
  version_superseded: "warning",
  version_unavailable: "warning",
  article_not_found: "error",
  paragraph_not_found: "error",
  item_not_found: "error",
};

/** An article as the checker resolved it. */
export interface ResolvedArticle {
  lawId: string;
  articleId: string;
  title: string;
  versionDate: string | null;
  effectiveFrom: string | null;
  number: number;
  suffix: string;
  label: string;
  text: string;
  /** The cited 款 or 项 line, when one was cited. */
  excerpt: string | null;
  /** The citation in both languages (《…》第…条 / …, Article …). */
  citation: LocalizedText;
}

/** The law version a citation was checked against. */
export interface ResolvedLawVersion {
  title: string;
  titleKey: string;
  versionDate: string | null;
  effectiveFrom: string | null;
  lawIds: string[];
}

/** One finding about one cited article (or about a title cited without articles). */
export interface CitationFinding {
  code: CitationFindingCode;
  severity: FindingSeverity;
  /** Offsets in the input (UTF-16 code units). */
  start: number;
  end: number;
  /** The cited text, title and article together. */
  text: string;
  citedTitle: string;
  cited: {
    number: number;
    suffix: string;
    paragraph: number | null;
    item: number | null;
    through: { number: number; suffix: string } | null;
  } | null;
  law: ResolvedLawVersion | null;
  /** The version in force on the date, when the citation names another one. */
  currentVersion: ResolvedLawVersion | null;
  articles: ResolvedArticle[];
  /** For a repealed law: what replaced it, and the corresponding article when it is known for sure. */
  successor: { title: string; repealedOn: string | null; articles: ResolvedArticle[] } | null;
  message: LocalizedText;
}

/** The outcome of checking a text. */
export interface CitationCheckResult {
  at: string;
  citations: ExtractedCitation[];
  findings: CitationFinding[];
  /** Number of findings per code. */
  counts: Partial<Record<CitationFindingCode, number>>;
}

/** Options of `checkCitations`. */
export interface CheckCitationsOptions {
  /** The date the citations must hold on (YYYY-MM-DD): the date of the document or of the facts. */
  at: string;
  /** Extra law names recognised without 《》 (the alias list is always used). */
  bareTitles?: readonly string[] | undefined;
}

const ISO_DATE = /^[12][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$/u;

function toVersion(version: LawVersion): ResolvedLawVersion {
  return {
    title: version.title,
    titleKey: version.titleKey,
    versionDate: version.versionDate,
    effectiveFrom: version.effectiveFrom,
    lawIds: versionLawIds(version),
  };
}

function resolvedArticle(
  article: LawArticleRecord,
  version: LawVersion,
  cited: CitedArticle | null,
): ResolvedArticle {
  let excerpt: string | null = null;
  if (cited && (cited.paragraph !== null || cited.item !== null)) {
    const located = locateParagraphItem(article.text, cited.paragraph, cited.item);
    if (located.found) excerpt = located.item ?? located.paragraph?.text ?? null;
  }
  return {
    lawId: article.lawId,
    articleId: article.id,
    title: version.title,
    versionDate: version.versionDate,
    effectiveFrom: version.effectiveFrom,
    number: article.number,
    suffix: article.suffix,
    label: article.label,
    text: article.text,
    excerpt,
    citation: citationLabel(version.title, {
      number: article.number,
      suffix: article.suffix,
      paragraph: cited?.paragraph,
      item: cited?.item,
    }),
  };
}

function message(
  code: CitationFindingCode,
  cited: LocalizedText,
  extra: {
    law?: string;
    lawEn?: string;
    count?: number;
    date?: string | null;
    successor?: LocalizedText | null;
    max?: number | null;
    current?: string | null;
  },
): LocalizedText {
  const date = extra.date ?? "";
  const successorZh = extra.successor ? `，对应${extra.successor["zh-CN"]}` : "";
  const successorEn = extra.successor ? `; see ${extra.successor.en}` : "";
  switch (code) {
    case "citation_ok":
      return { "zh-CN": `${cited["zh-CN"]}引用正确`, en: `${cited.en}: cited correctly` };
    case "law_unknown":
      return { "zh-CN": `未找到名为${cited["zh-CN"]}的法律文件`, en: `No law titled ${cited.en} is known` };
    case "law_repealed":
      return {
        "zh-CN": `${cited["zh-CN"]}所在法律已于${date || "此前"}废止（${extra.law ?? ""}）${successorZh}`,
        en: `${cited.en}: the law was repealed${date ? ` on ${date}` : ""} (by ${extra.lawEn ?? ""})${successorEn}`,
      };
    case "law_not_in_force":
      return {
        "zh-CN": `${cited["zh-CN"]}：该法律自${date}起施行，所涉日期尚未生效`,
        en: `${cited.en}: the law takes effect on ${date}, after the date checked`,
      };
    case "law_text_unavailable":
      return {
        "zh-CN": `${cited["zh-CN"]}：该法律在所涉日期有效，但法规库未收录其文本，未能核对条文`,
        en: `${cited.en}: the law applied on that date but its text is not in the catalogue; the article was not checked`,
      };
    case "version_superseded":
      return {
        "zh-CN": `${cited["zh-CN"]}：所引版本已被${extra.current ? `自${extra.current}起施行的版本` : "新版本"}取代`,
        en: `${cited.en}: the cited version was superseded by the version in force from ${extra.current ?? "a later date"}`,
      };
    case "version_unavailable":
      return {
        "zh-CN": `${cited["zh-CN"]}：所涉日期适用的版本未收录，未能核对条文`,
        en: `${cited.en}: the version that applied on that date is not in the catalogue; the article was not checked`,
      };
    case "article_not_found":
      return {
        "zh-CN": `${cited["zh-CN"]}不存在${extra.max ? `（该法共${extra.max}条）` : ""}`,
        en: `${cited.en} does not exist${extra.max ? ` (the law ends at Article ${extra.max})` : ""}`,
      };
    case "paragraph_not_found":
      return {
        "zh-CN": `${cited["zh-CN"]}不存在：该条只有${extra.count ?? 0}款`,
        en: `${cited.en} does not exist: the article has ${extra.count ?? 0} paragraph(s)`,
      };
    case "item_not_found":
      return {
        "zh-CN": `${cited["zh-CN"]}不存在：该款只有${extra.count ?? 0}项`,
        en: `${cited.en} does not exist: the paragraph has ${extra.count ?? 0} item(s)`,
      };
  }
}

/** The repeal that applies on `at`, unless the law was enacted again after it (国家安全法 1993 → 2015). */
function applicableRepeal(
  repeals: readonly LawRepealRecord[],
  work: LawWork | null,
  at: string,
): LawRepealRecord | null {
  const due = repeals
    .filter((repeal) => repeal.repealedTitleKey !== repeal.repealedByTitleKey)
    .filter((repeal) => repeal.repealedOn !== null && repeal.repealedOn <= at)
    .sort((a, b) => ((a.repealedOn ?? "") < (b.repealedOn ?? "") ? 1 : -1));
  const repeal = due[0];
  if (!repeal) return null;
  const inForce = work ? versionInForce(work, at) : null;
  if (inForce?.effectiveFrom && repeal.repealedOn !== null && inForce.effectiveFrom > repeal.repealedOn)
    return null;
  return repeal;
}

interface Context {
  catalog: LawCatalog;
  at: string;
  text: string;
  resolutions: Map<string, Promise<TitleResolution>>;
}

async function successorOf(
  context: Context,
  repeal: LawRepealRecord,
  repealedKey: string,
  cited: CitedArticle | null,
): Promise<CitationFinding["successor"]> {
  const out: NonNullable<CitationFinding["successor"]> = {
    title: repeal.repealedByTitle,
    repealedOn: repeal.repealedOn,
    articles: [],
  };
  if (!cited) return out;
  const mapping = ARTICLE_SUCCESSORS.find(
    (entry) =>
      titleKey(entry.from.title) === repealedKey &&
      entry.from.article === cited.number &&
      cited.suffix === "",
  );
  if (!mapping) return out;
  const target = await resolveLawTitle(context.catalog, mapping.to.title);
  if (target.kind !== "law") return out;
  const version = versionInForce(target.work, context.at) ?? target.work.versions.at(-1);
  if (!version) return out;
  const found = await context.catalog.findArticles(versionLawIds(version), mapping.to.article, "");
  out.title = version.title;
  out.articles = found.map((article) => resolvedArticle(article, version, null));
  return out;
}

function citedOf(article: CitedArticle): NonNullable<CitationFinding["cited"]> {
  return {
    number: article.number,
    suffix: article.suffix,
    paragraph: article.paragraph,
    item: article.item,
    through: article.through,
  };
}

async function checkArticle(
  context: Context,
  citation: ExtractedCitation,
  version: LawVersion,
  cited: CitedArticle,
): Promise<
  Omit<CitationFinding, "start" | "end" | "text" | "citedTitle" | "cited" | "currentVersion" | "successor">
> {
  const lawIds = versionLawIds(version);
  const label = citationLabel(version.title, cited);
  const base = { law: toVersion(version) };
  if (cited.through) {
    const found = await context.catalog.findArticlesInRange(lawIds, cited.number, cited.through.number);
    const present = new Set(found.filter((a) => a.suffix === "").map((a) => a.number));
    const missing: number[] = [];
    for (let n = cited.number; n <= cited.through.number; n += 1) if (!present.has(n)) missing.push(n);
    const articles = found.map((article) => resolvedArticle(article, version, null));
    if (missing.length > 0) {
      const max = await context.catalog.maxArticleNumber(lawIds);
      return {
        ...base,
        code: "article_not_found",
        severity: "error",
        articles,
        message: message("article_not_found", label, { max }),
      };
    }
    return {
      ...base,
      code: "citation_ok",
      severity: "ok",
      articles,
      message: message("citation_ok", label, {}),
    };
  }
  const [article] = await context.catalog.findArticles(lawIds, cited.number, cited.suffix);
  if (!article) {
    const max = await context.catalog.maxArticleNumber(lawIds);
    const articleOnly = citationLabel(version.title, { number: cited.number, suffix: cited.suffix });
    return {
      ...base,
      code: "article_not_found",
      severity: "error",
      articles: [],
      message: message("article_not_found", articleOnly, { max }),
    };
  }
  const located = locateParagraphItem(article.text, cited.paragraph, cited.item);
  const articles = [resolvedArticle(article, version, cited)];
  if (!located.found) {
    const code = located.missing === "paragraph" ? "paragraph_not_found" : "item_not_found";
    const count = located.missing === "paragraph" ? located.paragraphCount : located.itemCount;
    return { ...base, code, severity: "error", articles, message: message(code, label, { count }) };
  }
  return {
    ...base,
    code: "citation_ok",
    severity: "ok",
    articles,
    message: message("citation_ok", label, {}),
  };
}

async function checkCitation(context: Context, citation: ExtractedCitation): Promise<CitationFinding[]> {
  const cacheKey = `${citation.issuer ?? ""}\u0000${citation.title}`;
  let pending = context.resolutions.get(cacheKey);
  if (!pending) {
    pending = resolveLawTitle(context.catalog, citation.title, citation.issuer);
    context.resolutions.set(cacheKey, pending);
  }
  const resolution = await pending;
  const targets: Array<CitedArticle | null> = citation.articles.length > 0 ? citation.articles : [null];
  const finding = (
    cited: CitedArticle | null,
    rest: Omit<CitationFinding, "start" | "end" | "text" | "citedTitle" | "cited" | "severity"> & {
      severity?: FindingSeverity;
    },
  ): CitationFinding => {
    // The first article's span includes the title; later ones cover only their own words.
    const isFirst = cited === null || cited === citation.articles[0];
    const start = isFirst ? citation.start : cited.start;
    const end = cited ? cited.end : citation.end;
    return {
      ...rest,
      severity: rest.severity ?? SEVERITY[rest.code],
      start,
      end,
      text: context.text.slice(start, end),
      citedTitle: citation.title,
      cited: cited ? citedOf(cited) : null,
    };
  };
  const label = (cited: CitedArticle | null, title = citation.title): LocalizedText =>
    cited ? citationLabel(title, cited) : lawLabel(title);

  if (resolution.kind === "unknown") {
    if (!isLawLikeTitle(citation.title)) return []; // 《房屋买卖合同》第三条 cites a contract, not a law.
    return [
      finding(null, {
        code: "law_unknown",
        // A bare mention of an unknown title may be a document this catalogue does not hold.
        severity: citation.articles.length > 0 ? "error" : "warning",
        law: null,
        currentVersion: null,
        articles: [],
        successor: null,
        message: message("law_unknown", lawLabel(citation.title), {}),
      }),
    ];
  }

  const work = resolution.kind === "law" ? resolution.work : null;
  const repeal = applicableRepeal(resolution.repeals, work, context.at);
  if (repeal) {
    const repealedKey = resolution.kind === "law" ? resolution.work.titleKey : resolution.titleKey;
    const lastVersion = work ? versionInForce(work, context.at) : null;
    return Promise.all(
      targets.map(async (cited) => {
        const successor = await successorOf(context, repeal, repealedKey, cited);
        const articles =
          lastVersion && cited
            ? (
                await context.catalog.findArticles(versionLawIds(lastVersion), cited.number, cited.suffix)
              ).map((a) => resolvedArticle(a, lastVersion, cited))
            : [];
        const successorLabel = successor?.articles[0]?.citation ?? null;
        return finding(cited, {
          code: "law_repealed",
          law: lastVersion ? toVersion(lastVersion) : null,
          currentVersion: null,
          articles,
          successor,
          message: message("law_repealed", label(cited), {
            date: repeal.repealedOn,
            law: `《${repeal.repealedByTitle}》${repeal.repealedByArticle}`,
            lawEn: `${lawLabel(repeal.repealedByTitle).en}, ${englishArticle(repeal.repealedByArticle)}`,
            successor: successorLabel,
          }),
        });
      }),
    );
  }
  if (!work) {
    // Repealed only after the date: the law applied, but the catalogue has no text to check.
    return targets.map((cited) =>
      finding(cited, {
        code: "law_text_unavailable",
        law: null,
        currentVersion: null,
        articles: [],
        successor: null,
        message: message("law_text_unavailable", label(cited), {}),
      }),
    );
  }

  const inForce = versionInForce(work, context.at);
  let target: LawVersion | null = inForce;
  let superseded = false;
  if (citation.version) {
    const year = citation.version.year;
    const cited = versionsOfYear(work, year)[0] ?? null;
    if (cited) {
      target = cited;
      superseded =
        inForce !== null && inForce !== cited && (inForce.effectiveFrom ?? "") > (cited.effectiveFrom ?? "");
    } else {
      // The cited version is not in the catalogue: was it replaced by one that is?
      const replacedBy =
        inForce && inForce.effectiveFrom && yearOf(inForce.effectiveFrom) > year ? inForce : null;
      const code: CitationFindingCode = replacedBy ? "version_superseded" : "version_unavailable";
      return targets.map((citedArticle) =>
        finding(citedArticle, {
          code,
          law: null,
          currentVersion: replacedBy ? toVersion(replacedBy) : null,
          articles: [],
          successor: null,
          message: message(code, label(citedArticle, work.title), {
            current: replacedBy?.effectiveFrom ?? null,
          }),
        }),
      );
    }
  }
  if (!target) {
    const earliest = work.versions[0];
    // Earlier texts existed (the law was adopted by then and later amended) but are not in the catalogue.
    const replacedLater = resolution.repeals.some(
      (repeal) =>
        repeal.repealedTitleKey === repeal.repealedByTitleKey && (repeal.repealedOn ?? "") > context.at,
    );
    const existed =
      replacedLater ||
      (earliest?.isAmended === true && (earliest.adoptedOn === null || earliest.adoptedOn <= context.at));
    const code: CitationFindingCode = existed ? "version_unavailable" : "law_not_in_force";
    return targets.map((cited) =>
      finding(cited, {
        code,
        law: null,
        currentVersion: null,
        articles: [],
        successor: null,
        message: message(code, label(cited, work.title), { date: earliest?.effectiveFrom ?? null }),
      }),
    );
  }
  const version = target;
  return Promise.all(
    targets.map(async (cited) => {
      if (!cited) {
        return finding(null, {
          code: superseded ? "version_superseded" : "citation_ok",
          law: toVersion(version),
          currentVersion: superseded && inForce ? toVersion(inForce) : null,
          articles: [],
          successor: null,
          message: message(superseded ? "version_superseded" : "citation_ok", lawLabel(version.title), {
            current: inForce?.effectiveFrom ?? null,
          }),
        });
      }
      const checked = await checkArticle(context, citation, version, cited);
      if (superseded && checked.code === "citation_ok") {
        return finding(cited, {
          ...checked,
          code: "version_superseded",
          severity: SEVERITY.version_superseded,
          currentVersion: inForce ? toVersion(inForce) : null,
          successor: null,
          message: message("version_superseded", articlePointerLabelWithTitle(version.title, cited), {
            current: inForce?.effectiveFrom ?? null,
          }),
        });
      }
      return finding(cited, {
        ...checked,
        currentVersion: superseded && inForce ? toVersion(inForce) : null,
        successor: null,
      });
    }),
  );
}

function englishArticle(label: string): string {
  const parsed = parseArticleNumber(label);
  return parsed ? articlePointerLabel(parsed).en : label;
}

function articlePointerLabelWithTitle(title: string, cited: CitedArticle): LocalizedText {
  const law = lawLabel(title);
  const article = articlePointerLabel(cited);
  return { "zh-CN": `${law["zh-CN"]}${article["zh-CN"]}`, en: `${law.en}, ${article.en}` };
}

/**
 * Finds every law citation in a text and checks it against the catalogue as in force on
 * `options.at`: unknown titles, repealed laws (with successor articles where known for sure),
 * superseded or missing versions, and articles, 款 or 项 that do not exist. Throws a RangeError
 * when `at` is not a YYYY-MM-DD date.
 */
export async function checkCitations(
  catalog: LawCatalog,
  text: string,
  options: CheckCitationsOptions,
): Promise<CitationCheckResult> {
  if (!ISO_DATE.test(options.at)) throw new RangeError(`"at" must be a YYYY-MM-DD date, got "${options.at}"`);
  const citations = extractCitations(text, { bareTitles: options.bareTitles });
  const context: Context = { catalog, at: options.at, text, resolutions: new Map() };
  const findings: CitationFinding[] = [];
  for (const citation of citations) findings.push(...(await checkCitation(context, citation)));
  const counts: Partial<Record<CitationFindingCode, number>> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return { at: options.at, citations, findings, counts };
}
