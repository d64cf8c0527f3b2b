import { extractLawArticles } from "./articles";
import { canonicalizeCharge, extractCharges } from "./charges";
import { extractElementsNormalized, type LegalElements } from "./elements";
import { normalizeNumerals } from "./numerals";
import { splitJudgmentSections } from "./sections";
import { getLegalSegmenter } from "./segmenter";
import { createTextAnalyzer, type TextAnalyzer, type WordCounts } from "./tokenizer";

/** A judgment as given to the index: either the full text or its sections (sections win). */
export interface JudgmentInput {
  /** Stable document id (e.g. the 案号 or the publication id); adding the same id again replaces it. */
  id: string;
  title?: string;
  fullText?: string;
  facts?: string;
  reasoning?: string;
  outcome?: string;
  /** Charges known from elsewhere (the indictment, the case record); merged with those found in the text. */
  charges?: string[];
}

/** Text fields ranked with BM25, in index order. */
export const TEXT_FIELDS = ["facts", "reasoning", "title"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Term frequencies of one field: parallel arrays, terms unique. */
export interface FieldTerms {
  terms: string[];
  freqs: number[];
  /** Number of tokens in the field (BM25 length normalisation). */
  length: number;
  /**
   * More terms, as (word id, frequency) pairs of the legal segmenter's dictionary (analysis with
   * `wordIds`): none of them is also in `terms`. Ids hold only for the dictionary of the running
   * code; `expandWordIds` turns them into strings.
   */
  words?: Int32Array;
}

/** The field with its word ids turned into terms (as analysis without `wordIds` gives them). */
export function expandWordIds(field: FieldTerms): FieldTerms {
  if (!field.words) return field;
  const segmenter = getLegalSegmenter();
  const terms = [...field.terms];
  const freqs = [...field.freqs];
  for (let i = 0; i < field.words.length; i += 2) {
    terms.push(segmenter.wordText(field.words[i] as number));
    freqs.push(field.words[i + 1] as number);
  }
  return { terms, freqs, length: field.length };
}

/** What the legal re-ranking compares between two cases. */
export interface JudgmentFeatures {
  charges: string[];
  articles: string[];
  elements: LegalElements;
}

/** A judgment after analysis: plain data, cheap to send between threads. */
export interface AnalyzedJudgment {
  id: string;
  fields: Record<TextField, FieldTerms>;
  features: JudgmentFeatures;
  /** Text kept for snippets and explanations. */
  stored: { title: string; facts: string; reasoning: string; outcome: string };
  /**
   * Features and stored text already encoded as the segment keeps them (set by the analysis
   * workers, so the thread that writes segments does not compress text; moved, not copied).
   */
  encoded?: { features: Uint8Array; stored: Uint8Array };
}

/** Counts tokens into unique terms with their frequencies. */
export function countTerms(tokens: readonly string[]): FieldTerms {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { terms: [...counts.keys()], freqs: [...counts.values()], length: tokens.length };
}

const EMPTY_FIELD: FieldTerms = { terms: [], freqs: [], length: 0 };

let defaultAnalyzer: TextAnalyzer | undefined;
function analyzer(): TextAnalyzer {
  defaultAnalyzer ??= createTextAnalyzer();
  return defaultAnalyzer;
}

/** Canonical charges, each once, unknown names dropped. */
export function canonicalCharges(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const canonical = canonicalizeCharge(name);
    if (canonical !== null && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

function fieldOfCounts(counts: WordCounts): FieldTerms {
  return { terms: counts.otherTerms, freqs: counts.otherFreqs, length: counts.length, words: counts.words };
}

/** How to analyze a judgment. */
export interface AnalyzeOptions {
  /**
   * Give dictionary words as word ids (`FieldTerms.words`) rather than strings: for bulk
   * indexing, where the index maps ids to terms without making a string per word.
   */
  wordIds?: boolean;
}

/** Splits, segments and extracts the legal features of one judgment. */
export function analyzeJudgment(
  input: JudgmentInput,
  textAnalyzer: TextAnalyzer = analyzer(),
  indexedFields: readonly TextField[] = TEXT_FIELDS,
  options: AnalyzeOptions = {},
): AnalyzedJudgment {
  const hasSections = Boolean(input.facts ?? input.reasoning ?? input.outcome);
  const sections = hasSections
    ? { header: "", facts: input.facts ?? "", reasoning: input.reasoning ?? "", outcome: input.outcome ?? "" }
    : splitJudgmentSections(input.fullText ?? "");
  const title = input.title ?? "";
  // The operative part names the charges convicted of; the reasoning is the fallback (e.g. acquittals).
  const found = extractCharges(sections.outcome);
  const charges = canonicalCharges([
    ...(input.charges ?? []),
    ...found,
    ...(found.length === 0 ? extractCharges(sections.reasoning) : []),
  ]);
  // The facts are read twice (words and elements): normalise their numerals once.
  const facts = normalizeNumerals(sections.facts);
  const countNormalized = options.wordIds ? textAnalyzer.countNormalized : undefined;
  const terms = (text: string, normalized?: string): FieldTerms => {
    if (countNormalized) return fieldOfCounts(countNormalized(normalized ?? normalizeNumerals(text)));
    if (normalized !== undefined && textAnalyzer.tokenizeNormalized)
      return countTerms(textAnalyzer.tokenizeNormalized(normalized));
    return countTerms(textAnalyzer.tokenize(text));
  };
  return {
    id: input.id,
    // Segmentation is most of the indexing cost: fields that are not ranked are stored, not segmented.
    fields: {
      facts: indexedFields.includes("facts") ? terms(sections.facts, facts) : EMPTY_FIELD,
      reasoning: indexedFields.includes("reasoning") ? terms(sections.reasoning) : EMPTY_FIELD,
      title: indexedFields.includes("title") ? terms(title) : EMPTY_FIELD,
    },
    features: {
      charges,
      articles: extractLawArticles(`${sections.reasoning}${sections.outcome}`),
      elements: extractElementsNormalized(facts),
    },
    stored: { title, facts: sections.facts, reasoning: sections.reasoning, outcome: sections.outcome },
  };
}

/** A similar-case query: the facts of the case at hand, optionally its charges and cited articles. */
export interface SimilarCaseQuery {
  facts: string;
  charges?: string[];
  articles?: string[];
}

/** A query after analysis. */
export interface AnalyzedQuery {
  terms: FieldTerms;
  features: JudgmentFeatures;
}

/** Analyzes a query with the same rules as documents. */
export function analyzeQuery(
  query: SimilarCaseQuery,
  textAnalyzer: TextAnalyzer = analyzer(),
): AnalyzedQuery {
  const facts = normalizeNumerals(query.facts);
  return {
    terms: countTerms(
      textAnalyzer.tokenizeNormalized
        ? textAnalyzer.tokenizeNormalized(facts)
        : textAnalyzer.tokenize(query.facts),
    ),
    features: {
      charges: canonicalCharges(query.charges ?? []),
      articles: query.articles ?? [],
      elements: extractElementsNormalized(facts),
    },
  };
}
