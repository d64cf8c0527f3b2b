import type { Locale } from "@netcourt/shared";

/** Text in every language of the platform. */
export type LocalizedText = Record<Locale, string>;

/** Where a law's in-force date came from, best first. */
export type EffectiveFromSource = "curated" | "history" | "text" | "version_date";

/**
 * One document of the corpus: a law, regulation or judicial interpretation in one version (the
 * 民法典 is eight documents, one per 编, sharing title and version). Plain values, ready for insertion.
 */
export interface LawRecord {
  /** `law-` + sha256(upstream path)[:12]. */
  id: string;
  path: string;
  category: string;
  title: string;
  /** The title reduced for matching (see `titleKey`). */
  titleKey: string;
  /** The title without the 中华人民共和国 prefix. */
  shortTitle: string;
  subtitle: string | null;
  /** YYYY-MM-DD from the file name (usually adoption or amendment), or null. */
  versionDate: string | null;
  isLatestVersion: boolean;
  /** YYYY-MM-DD from which this version applies, or null when nothing states it. */
  effectiveFrom: string | null;
  effectiveFromSource: EffectiveFromSource | null;
  history: string[];
  articleCount: number;
  body: string;
}

/** A law document as the catalogue returns it (the body stays in storage). */
export type LawDocument = Omit<LawRecord, "body">;

/** One article (条) of one document. */
export interface LawArticleRecord {
  /** `${lawId}/${number}` or `${lawId}/${number}-${suffix ordinal}` (133之一 → `/133-1`). */
  id: string;
  lawId: string;
  number: number;
  /** "" or 之一, 之二 … */
  suffix: string;
  /** Order in the document, from 1. */
  position: number;
  /** As written: 第一百三十三条之一. */
  label: string;
  /** The 编 file of a split law (民法典: 合同编), else null. */
  part: string | null;
  /** Enclosing 编/章/节 headings, outermost first. */
  headings: string[];
  /** Paragraphs (款) separated by \n; items (项) are their own lines. */
  text: string;
}

/**
 * A repeal stated in the corpus: a later document's article says 《…》同时废止. The repealed
 * law is often not in the corpus itself (合同法, 侵权责任法…). When both title keys are equal,
 * a new text replaced an older one of the same title: a new version, not the end of the law.
 */
export interface LawRepealRecord {
  repealedTitle: string;
  repealedTitleKey: string;
  /** YYYY-MM-DD, or null when the repealing document states no date. */
  repealedOn: string | null;
  repealedByLawId: string;
  repealedByTitle: string;
  repealedByTitleKey: string;
  /** Label of the article stating the repeal (第一千二百六十条). */
  repealedByArticle: string;
}

/** Everything the loader produces, in insertion order (laws before their articles). */
export interface LawCorpus {
  laws: LawRecord[];
  articles: LawArticleRecord[];
  repeals: LawRepealRecord[];
}
