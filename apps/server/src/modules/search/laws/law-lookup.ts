import type { LawCatalog } from "./law-catalog";
import { groupLawWorks, versionInForce, type LawVersion, type LawWork } from "./law-history.rules";
import { titleKey, titleKeyCandidates } from "./law-titles.rules";
import type { LawArticleRecord, LawRepealRecord } from "./laws.types";

/** What a cited title resolves to. */
export type TitleResolution =
  | { kind: "law"; work: LawWork; repeals: LawRepealRecord[] }
  | { kind: "repealed"; titleKey: string; repeals: LawRepealRecord[] }
  | { kind: "unknown"; titleKey: string };

/**
 * Resolves a title as written (full, short, alias, with or without 《》, with the issuer outside
 * the brackets) to a law of the catalogue, or to a repeal the corpus states, or to nothing.
 */
export async function resolveLawTitle(
  catalog: LawCatalog,
  title: string,
  issuer: string | null = null,
): Promise<TitleResolution> {
  const keys = titleKeyCandidates(title, issuer);
  const documents = await catalog.findLawsByTitleKeys(keys);
  // The most specific key that names a law wins (issuer + title before the bare title).
  for (const key of keys) {
    const matching = documents.filter((doc) => doc.titleKey === key);
    if (matching.length > 0) {
      const work = groupLawWorks(matching)[0];
      if (work) return { kind: "law", work, repeals: await catalog.findRepeals([key]) };
    }
  }
  const repeals = await catalog.findRepeals(keys);
  if (repeals.length > 0)
    return { kind: "repealed", titleKey: repeals[0]?.repealedTitleKey ?? keys[0] ?? "", repeals };
  // 《关于…的解释》 without its issuer: accept a unique law whose title ends that way.
  const bare = titleKey(title);
  if (/^关于/u.test(bare)) {
    const bySuffix = groupLawWorks(await catalog.findLawsByTitleKeySuffix(bare, 20));
    const only = bySuffix.length === 1 ? bySuffix[0] : undefined;
    if (only) return { kind: "law", work: only, repeals: await catalog.findRepeals([only.titleKey]) };
  }
  return { kind: "unknown", titleKey: keys[0] ?? bare };
}

/** The versions of a law by any of its titles, oldest first; empty when the title is unknown. */
export async function findLawVersions(catalog: LawCatalog, title: string): Promise<LawVersion[]> {
  const resolution = await resolveLawTitle(catalog, title);
  return resolution.kind === "law" ? resolution.work.versions : [];
}

/** The document ids of a version (all its parts). */
export function versionLawIds(version: LawVersion): string[] {
  return version.documents.map((doc) => doc.id);
}

/** One article of one version, or null. */
export async function findVersionArticle(
  catalog: LawCatalog,
  version: LawVersion,
  number: number,
  suffix: string,
): Promise<LawArticleRecord | null> {
  const found = await catalog.findArticles(versionLawIds(version), number, suffix);
  return found[0] ?? null;
}

/**
 * An article of a law as in force on `at` (YYYY-MM-DD), by any title of the law: e.g.
 * ("民诉法", 122, "", "2024-06-01") → 民事诉讼法 (2023) 第一百二十二条. Null when the law, the
 * version or the article is not there.
 */
export async function findArticleInForce(
  catalog: LawCatalog,
  title: string,
  number: number,
  suffix: string,
  at: string,
): Promise<{ version: LawVersion; article: LawArticleRecord } | null> {
  const resolution = await resolveLawTitle(catalog, title);
  if (resolution.kind !== "law") return null;
  const version = versionInForce(resolution.work, at);
  if (!version) return null;
  const article = await findVersionArticle(catalog, version, number, suffix);
  return article ? { version, article } : null;
}
