import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  analyzeJudgment,
  analyzeQuery,
  expandWordIds,
  TEXT_FIELDS,
  type TextField,
  type AnalyzedJudgment,
  type AnalyzedQuery,
  type JudgmentFeatures,
  type JudgmentInput,
  type SimilarCaseQuery,
} from "../analysis/analyze-judgment";
import { prunedTopDocuments, type ScoredList } from "./maxscore";
import { highlightPassages, type HighlightedPassage } from "./highlight";
import {
  compareLegalFeatures,
  DEFAULT_LEGAL_WEIGHTS,
  legalScore,
  type LegalWeights,
} from "./legal-similarity";
import { FIELD_CODES, mergeSegments, SegmentBuilder, SegmentReader, type StoredJudgment } from "./segment";

/** BM25 and re-ranking parameters (defaults tuned on the LeCaRD development share). */
export interface RankingOptions {
  k1: number;
  b: number;
  /** Weight of each text field in the BM25 sum. */
  fieldWeights: Record<(typeof TEXT_FIELDS)[number], number>;
  /** Weights of the legal agreement added to the text score (normalised to 0..1). */
  legal: LegalWeights;
  /** Longest query kept, in distinct terms (the most selective ones). */
  maxQueryTerms: number;
  /** Terms in more than this share of documents are skipped outside a restricted ranking. */
  maxDocumentFrequency: number;
  /** How many text-ranked documents the legal re-ranking looks at. */
  candidates: number;
  /**
   * Term-at-a-time MaxScore pruning for unrestricted searches (same results). Off by default:
   * on the synthetic benchmark the per-block bounds are loose (the 48 query terms' bounds are
   * within 3-10× of each other), pruning starts only after ~35 of 48 lists and costs more than
   * it saves (66 vs 42 ms CPU p50 at 220,000 documents).
   */
  prune: boolean;
}

/** Fields that get postings by default: the ones the default ranking weighs. */
export const DEFAULT_INDEXED_FIELDS: readonly TextField[] = ["facts", "title"];

export const DEFAULT_RANKING: RankingOptions = {
  k1: 1.2,
  b: 0.75,
  fieldWeights: { facts: 1, reasoning: 0, title: 0 },
  legal: DEFAULT_LEGAL_WEIGHTS,
  maxQueryTerms: 48,
  maxDocumentFrequency: 0.3,
  candidates: 200,
  prune: false,
};

/** How to open an index. */
export interface JudgmentIndexOptions {
  /** Directory holding the segments (created if missing), e.g. `${DATA_DIR}/search`. */
  dir: string;
  /** Buffered documents are written as a segment at this count (default 20,000). */
  flushDocs?: number;
  /** Added documents become searchable after at most this many ms (default 1,000; 0 = only on refresh()). */
  refreshMs?: number;
  /** Segments of similar size merged together (default 10). */
  mergeFactor?: number;
  /** Merge in the background after refreshes (default true). */
  backgroundMerge?: boolean;
  /** Log every add/delete before acknowledging it, replayed on open (default true). */
  durable?: boolean;
  ranking?: Partial<RankingOptions>;
  /**
   * Text fields segmented and given postings (default: facts and title, the fields ranked by
   * default). Other sections are still stored for snippets and searched for charges/articles;
   * give a field a ranking weight only if it is indexed.
   */
  indexedFields?: readonly TextField[];
}

/** Per-call search options. */
export interface SearchOptions {
  /** Hits returned (default 10). */
  limit?: number;
  /** Rank exactly these documents (all of them, even without a shared word), e.g. a candidate pool. */
  restrictTo?: readonly string[];
  /** Explain the returned hits (default true). */
  explain?: boolean;
  /** When the query has no charges, infer them from the most similar cases (default true). */
  inferCharges?: boolean;
  /** Leave out this document (the query case itself when it is in the index). */
  excludeId?: string;
}

/** Why a hit was returned. */
export interface HitExplanation {
  sharedCharges: string[];
  sharedArticles: string[];
  sharedElements: string[];
  /** Query words found in the document, most selective first. */
  matchedTerms: string[];
  passages: HighlightedPassage[];
}

/** One similar case. */
export interface SimilarCaseHit {
  id: string;
  score: number;
  /** BM25 text score normalised to the best candidate (0..1). */
  textScore: number;
  /** Weighted legal agreement (charges, articles, elements). */
  legalScore: number;
  /** Case name; filled for explained hits (empty with `explain: false`). */
  title: string;
  charges: string[];
  explanation?: HitExplanation;
}

export interface SimilarCaseResult {
  hits: SimilarCaseHit[];
  /** Charges used for the legal re-ranking. */
  queryCharges: string[];
  /** True when those charges were inferred from similar cases rather than given. */
  chargesInferred: boolean;
  /** Documents scored by the legal re-ranking. */
  candidates: number;
}

interface Manifest {
  version: 1;
  segments: string[];
  next: number;
}

type WalEntry =
  | { op: "add"; doc: JudgmentInput }
  | { op: "addAnalyzed"; doc: AnalyzedJudgment }
  | { op: "delete"; id: string };

interface WeightedTerm {
  term: string;
  weight: number;
  idf: number[];
  df: number;
  /** Dictionary position per used field, per segment (-1 when absent). */
  positions: number[][];
}

interface Candidate {
  segment: SegmentReader;
  doc: number;
  text: number;
}

/**
 * A persistent, incremental index of judgments for similar-case retrieval (类案推送). Documents
 * are analyzed on add, buffered, and written as immutable segments on refresh; segments of
 * similar size are merged in the background. Nothing is rebuilt on open: the manifest lists the
 * live segments and a write-ahead log replays what was added after the last refresh.
 */
export class JudgmentIndex {
  private segments: SegmentReader[] = [];
  private builder = new SegmentBuilder();
  private manifest: Manifest;
  private readonly ranking: RankingOptions;
  private refreshTimer: NodeJS.Timeout | undefined;
  private merging: Promise<void> | undefined;
  private closed = false;
  private readonly walPath: string;
  private scratch = new Float32Array(0);
  private pruneScratch = new Float64Array(0);
  private readonly termCache = new WeakMap<AnalyzedQuery, WeightedTerm[]>();
  private postingScratch = Buffer.allocUnsafe(1 << 20);
  private docScratch = new Int32Array(0);
  private freqScratch = new Int32Array(0);

  private constructor(
    private readonly options: Required<Omit<JudgmentIndexOptions, "ranking">> & { ranking: RankingOptions },
  ) {
    this.ranking = options.ranking;
    this.walPath = join(options.dir, "wal.jsonl");
    this.manifest = { version: 1, segments: [], next: 1 };
  }

  /** Opens (or creates) the index in `options.dir`, replaying any logged changes. */
  static async open(options: JudgmentIndexOptions): Promise<JudgmentIndex> {
    const index = new JudgmentIndex({
      dir: options.dir,
      flushDocs: options.flushDocs ?? 20_000,
      refreshMs: options.refreshMs ?? 1_000,
      mergeFactor: options.mergeFactor ?? 10,
      backgroundMerge: options.backgroundMerge ?? true,
      durable: options.durable ?? true,
      indexedFields: options.indexedFields ?? DEFAULT_INDEXED_FIELDS,
      ranking: { ...DEFAULT_RANKING, ...options.ranking },
    });
    index.load();
    return index;
  }

  private load(): void {
    mkdirSync(this.options.dir, { recursive: true });
    const manifestPath = join(this.options.dir, "manifest.json");
    if (existsSync(manifestPath)) this.manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    // Directories not in the manifest are leftovers of an interrupted flush or merge.
    for (const entry of readdirSync(this.options.dir)) {
      if (entry.startsWith("seg-") && !this.manifest.segments.includes(entry))
        rmSync(join(this.options.dir, entry), { recursive: true, force: true });
    }
    this.segments = this.manifest.segments.map(
      (name) => new SegmentReader(join(this.options.dir, name), name),
    );
    if (existsSync(this.walPath)) {
      const lines = readFileSync(this.walPath, "utf8").split("\n");
      let replayed = 0;
      for (const line of lines) {
        if (line.trim().length === 0) continue;
        let entry: WalEntry;
        try {
          entry = JSON.parse(line, walReviver) as WalEntry;
        } catch {
          break; // a torn last line from a crash: everything before it was acknowledged
        }
        replayed += 1;
        if (entry.op === "delete") this.applyDelete(entry.id);
        else this.applyAdd(entry.op === "add" ? this.analyze(entry.doc) : entry.doc);
      }
      if (replayed > 0) this.refresh();
    }
  }

  private log(entries: WalEntry[]): void {
    if (!this.options.durable || entries.length === 0) return;
    // Word ids hold only for this code's dictionary: the log keeps terms as strings.
    entries = entries.map((e) => (e.op === "addAnalyzed" ? { ...e, doc: withTermStrings(e.doc) } : e));
    appendFileSync(this.walPath, entries.map((e) => JSON.stringify(e, walReplacer)).join("\n") + "\n");
  }

  private applyDelete(id: string): boolean {
    let found = this.builder.delete(id);
    for (const segment of this.segments) {
      const doc = segment.findDoc(id);
      if (doc >= 0) found = segment.markDeleted(doc) || found;
    }
    return found;
  }

  private applyAdd(doc: AnalyzedJudgment): void {
    for (const segment of this.segments) {
      const old = segment.findDoc(doc.id);
      if (old >= 0) segment.markDeleted(old);
    }
    this.builder.add(doc);
    if (this.builder.docCount >= this.options.flushDocs || this.builder.postingCount >= 30_000_000)
      this.refresh();
    else this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.options.refreshMs <= 0 || this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (!this.closed) this.refresh();
    }, this.options.refreshMs);
    this.refreshTimer.unref();
  }

  /** Adds (or replaces, by id) judgments; they are searchable after the next refresh. */
  add(docs: JudgmentInput | readonly JudgmentInput[]): void {
    const list = Array.isArray(docs) ? (docs as readonly JudgmentInput[]) : [docs as JudgmentInput];
    this.log(list.map((doc) => ({ op: "add", doc })));
    for (const doc of list) this.applyAdd(this.analyze(doc));
  }

  /** Fields this index segments (pass to `AnalysisPool.analyze` for bulk loads). */
  get indexedFields(): readonly TextField[] {
    return this.options.indexedFields;
  }

  private analyze(doc: JudgmentInput): AnalyzedJudgment {
    return analyzeJudgment(doc, undefined, this.options.indexedFields);
  }

  /** Adds judgments analyzed elsewhere (e.g. by worker threads with `analyzeJudgment`). */
  addAnalyzed(docs: AnalyzedJudgment | readonly AnalyzedJudgment[]): void {
    const list = Array.isArray(docs) ? (docs as readonly AnalyzedJudgment[]) : [docs as AnalyzedJudgment];
    this.log(list.map((doc) => ({ op: "addAnalyzed", doc })));
    for (const doc of list) this.applyAdd(doc);
  }

  /** Deletes a judgment by id; returns whether it existed. */
  delete(id: string): boolean {
    this.log([{ op: "delete", id }]);
    const found = this.applyDelete(id);
    this.scheduleRefresh();
    return found;
  }

  /** Makes everything added so far searchable and durable: writes buffered documents as a segment. */
  refresh(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
    }
    if (this.builder.docCount > 0) {
      const name = `seg-${String(this.manifest.next).padStart(6, "0")}`;
      this.manifest.next += 1;
      this.builder.write(join(this.options.dir, name));
      this.builder = new SegmentBuilder(this.builder);
      this.segments.push(new SegmentReader(join(this.options.dir, name), name));
    }
    for (const segment of this.segments) segment.persistDeletes();
    this.writeManifest();
    if (this.options.durable) writeFileSync(this.walPath, "");
    if (this.options.backgroundMerge) this.maybeMerge();
  }

  private writeManifest(): void {
    this.manifest.segments = this.segments.map((s) => s.name);
    const tmp = join(this.options.dir, "manifest.json.tmp");
    writeFileSync(tmp, JSON.stringify(this.manifest));
    renameSync(tmp, join(this.options.dir, "manifest.json"));
  }

  /** Segments to merge next: `mergeFactor` segments of the same size tier (powers of the factor). */
  private pickMerge(): SegmentReader[] | null {
    const factor = this.options.mergeFactor;
    const tiers = new Map<number, SegmentReader[]>();
    for (const segment of this.segments) {
      const tier = Math.floor(Math.log(Math.max(1, segment.liveCount)) / Math.log(factor));
      tiers.set(tier, [...(tiers.get(tier) ?? []), segment]);
    }
    for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
      const group = tiers.get(tier) ?? [];
      if (group.length >= factor) return group.slice(0, factor);
    }
    return null;
  }

  private maybeMerge(): void {
    if (this.merging || this.closed) return;
    const group = this.pickMerge();
    if (!group) return;
    this.merging = this.mergeGroup(group).finally(() => {
      this.merging = undefined;
      this.maybeMerge();
    });
  }

  private async mergeGroup(group: SegmentReader[]): Promise<void> {
    const name = `seg-${String(this.manifest.next).padStart(6, "0")}`;
    this.manifest.next += 1;
    const dir = join(this.options.dir, name);
    const before = group.map((s) => s.deleted.slice());
    const maps = await mergeSegments(group, dir);
    if (this.closed) return;
    const merged = new SegmentReader(dir, name);
    // Deletes that arrived while merging are carried over to the merged segment.
    group.forEach((source, s) => {
      const map = maps[s] as Int32Array;
      const old = before[s] as Uint8Array;
      for (let byte = 0; byte < source.deleted.length; byte += 1) {
        const added = (source.deleted[byte] ?? 0) & ~(old[byte] ?? 0);
        if (added === 0) continue;
        for (let bit = 0; bit < 8; bit += 1)
          if (added & (1 << bit)) merged.markDeleted(map[byte * 8 + bit] ?? 0);
      }
    });
    merged.persistDeletes();
    const position = this.segments.indexOf(group[0] as SegmentReader);
    this.segments = this.segments.filter((s) => !group.includes(s));
    this.segments.splice(Math.min(position, this.segments.length), 0, merged);
    this.writeManifest();
    for (const source of group) {
      source.close();
      rmSync(source.dir, { recursive: true, force: true });
    }
  }

  /** Resolves when no background merge is running. */
  async waitForMerges(): Promise<void> {
    while (this.merging) await this.merging;
  }

  /** Merges all segments into one (after a bulk load). */
  async forceMerge(): Promise<void> {
    this.refresh();
    await this.waitForMerges();
    if (this.segments.length > 1) {
      const group = [...this.segments];
      this.merging = this.mergeGroup(group);
      await this.merging;
      this.merging = undefined;
    }
  }

  /** Counts of the searchable index. */
  stats(): { documents: number; deleted: number; segments: number; buffered: number } {
    let documents = 0;
    let deleted = 0;
    for (const s of this.segments) {
      documents += s.liveCount;
      deleted += s.deletedCount;
    }
    return { documents, deleted, segments: this.segments.length, buffered: this.builder.docCount };
  }

  /** The stored text and legal features of a searchable judgment, or null. */
  get(id: string): { stored: StoredJudgment; features: JudgmentFeatures } | null {
    for (const segment of this.segments) {
      const doc = segment.findDoc(id);
      if (doc >= 0) return { stored: segment.stored(doc), features: segment.features(doc) };
    }
    return null;
  }

  /** Finds the judgments most similar to a case, ranked by BM25 over the fields then by legal agreement. */
  search(query: SimilarCaseQuery, options: SearchOptions = {}): SimilarCaseResult {
    const analyzed = analyzeQuery(query);
    const limit = options.limit ?? 10;
    let charges = analyzed.features.charges;
    let inferred = false;
    const restricted = options.restrictTo !== undefined;
    if (charges.length === 0 && (options.inferCharges ?? true)) {
      charges = this.inferCharges(analyzed, options.excludeId);
      inferred = charges.length > 0;
    }
    const candidates = this.textCandidates(analyzed, options);
    let maxText = 0;
    for (const c of candidates) maxText = Math.max(maxText, c.text);
    const features = { ...analyzed.features, charges };
    const ranked = candidates.map((c) => {
      const docFeatures = c.segment.features(c.doc);
      const agreement = compareLegalFeatures(features, docFeatures);
      const textScore = maxText > 0 ? c.text / maxText : 0;
      const legal = legalScore(agreement, this.ranking.legal);
      return {
        c,
        id: c.segment.id(c.doc),
        textScore,
        legal,
        score: textScore + legal,
        docFeatures,
        agreement,
      };
    });
    ranked.sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
    const top = restricted && options.limit === undefined ? ranked : ranked.slice(0, limit);
    const explain = options.explain ?? true;
    const matchedTerms = explain ? this.rankedQueryTerms(analyzed) : [];
    const hits = top.map((r, i): SimilarCaseHit => {
      const hit: SimilarCaseHit = {
        id: r.id,
        score: r.score,
        textScore: r.textScore,
        legalScore: r.legal,
        title: "",
        charges: r.docFeatures.charges,
      };
      if (explain && i < Math.max(limit, 10)) {
        const stored = r.c.segment.stored(r.c.doc);
        hit.title = stored.title;
        hit.explanation = explainMatch(stored, matchedTerms, r.agreement);
      }
      return hit;
    });
    return { hits, queryCharges: charges, chargesInferred: inferred, candidates: candidates.length };
  }

  /** Explains why one judgment matches a query (shared charges, articles, elements, marked passages); null if absent. */
  explain(query: SimilarCaseQuery, id: string): HitExplanation | null {
    const found = this.get(id);
    if (!found) return null;
    const analyzed = analyzeQuery(query);
    const agreement = compareLegalFeatures(analyzed.features, found.features);
    return explainMatch(found.stored, this.rankedQueryTerms(analyzed), agreement);
  }

  /**
   * Infers a query's charges from the charges of its most similar cases (text only): a charge
   * held by cases carrying at least 40 % of the top-10 score mass is kept.
   */
  inferCharges(query: AnalyzedQuery, excludeId?: string): string[] {
    const top = this.textCandidates(query, { excludeId }, 10);
    const votes = new Map<string, number>();
    let total = 0;
    for (const c of top) {
      total += c.text;
      for (const charge of c.segment.features(c.doc).charges)
        votes.set(charge, (votes.get(charge) ?? 0) + c.text);
    }
    return [...votes]
      .filter(([, v]) => total > 0 && v / total >= 0.4)
      .sort((a, b) => b[1] - a[1])
      .map(([charge]) => charge);
  }

  private documentCount(): number {
    let n = 0;
    for (const s of this.segments) n += s.docCount;
    return n;
  }

  /**
   * Every query term found in the index with its weight, per-field idf and, per field and
   * segment, its dictionary position; most selective first. Computed once per analyzed query
   * (a search looks the terms up for charge inference, ranking and explanation).
   */
  private lookupTerms(query: AnalyzedQuery): WeightedTerm[] {
    const cached = this.termCache.get(query);
    if (cached) return cached;
    const n = this.documentCount();
    const fieldsUsed = TEXT_FIELDS.filter((f) => this.ranking.fieldWeights[f] > 0);
    const terms = query.terms.terms.map((term, i): WeightedTerm => {
      const positions: number[][] = [];
      const idf = fieldsUsed.map((field) => {
        let df = 0;
        const perSegment = this.segments.map((s) => {
          const k = s.findKey(FIELD_CODES[field] + term);
          if (k >= 0) df += s.df(k);
          return k;
        });
        positions.push(perSegment);
        return { df, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
      });
      // Repeated words in a long fact description count, but less than linearly.
      const weight = Math.sqrt(query.terms.freqs[i] ?? 1);
      return { term, weight, idf: idf.map((x) => x.idf), df: idf[0]?.df ?? 0, positions };
    });
    const sorted = terms
      .filter((t) => t.df > 0)
      .sort((a, b) => b.weight * (b.idf[0] ?? 0) - a.weight * (a.idf[0] ?? 0));
    this.termCache.set(query, sorted);
    return sorted;
  }

  /** Query terms used for ranking, cut to `maxQueryTerms` outside a restricted ranking. */
  private weightedTerms(query: AnalyzedQuery, restricted: boolean): WeightedTerm[] {
    const n = this.documentCount();
    const all = this.lookupTerms(query);
    if (restricted) return all;
    return (
      all
        // Very common words are skipped only where they cost time (large indexes); they add little to BM25 anyway.
        .filter((t) => n < 10_000 || t.df <= this.ranking.maxDocumentFrequency * n)
        .slice(0, this.ranking.maxQueryTerms)
    );
  }

  private rankedQueryTerms(query: AnalyzedQuery): string[] {
    return this.weightedTerms(query, true)
      .filter((t) => t.term.length >= 2)
      .map((t) => t.term)
      .slice(0, 40);
  }

  /** First stage: BM25 over the weighted fields, top documents per segment (or every restricted one). */
  private textCandidates(
    query: AnalyzedQuery,
    options: SearchOptions,
    depth = this.ranking.candidates,
  ): Candidate[] {
    const restricted = options.restrictTo !== undefined;
    const terms = this.weightedTerms(query, restricted);
    const fieldsUsed = TEXT_FIELDS.map((f, index) => ({
      field: f,
      index,
      weight: this.ranking.fieldWeights[f],
    })).filter((f) => f.weight > 0);
    const n = Math.max(1, this.documentCount());
    const averages = TEXT_FIELDS.map((_, f) => {
      let sum = 0;
      for (const s of this.segments) sum += s.lengthSums[f] ?? 0;
      return Math.max(1, sum / n);
    });
    const { k1, b } = this.ranking;
    const result: Candidate[] = [];
    for (const [segmentIndex, segment] of this.segments.entries()) {
      if (segment.liveCount === 0) continue;
      let mask: Uint8Array | null = null;
      if (options.restrictTo) {
        mask = new Uint8Array(segment.docCount);
        let any = false;
        for (const id of options.restrictTo) {
          const doc = segment.findDoc(id);
          if (doc >= 0) {
            mask[doc] = 1;
            any = true;
          }
        }
        if (!any) continue;
      }
      if (mask === null && this.ranking.prune && segment.hasSkips) {
        // Unrestricted top-k: dynamic pruning instead of scoring every posting.
        const lists: ScoredList[] = [];
        for (const t of terms) {
          fieldsUsed.forEach((f, fi) => {
            const key = t.positions[fi]?.[segmentIndex] ?? -1;
            if (key >= 0) lists.push({ key, field: f.index, factor: f.weight * t.weight * (t.idf[fi] ?? 0) });
          });
        }
        const excluded = options.excludeId !== undefined ? segment.findDoc(options.excludeId) : -1;
        const top = prunedTopDocuments(
          segment,
          lists,
          { k1, b, averages },
          depth,
          (doc) => doc !== excluded && !segment.isDeleted(doc),
          this.pruneScratch,
        );
        this.pruneScratch = top.scratch;
        for (let i = 0; i < top.count; i += 1)
          result.push({ segment, doc: top.docs[i] ?? 0, text: top.scores[i] ?? 0 });
        continue;
      }
      if (this.scratch.length < segment.docCount) this.scratch = new Float32Array(segment.docCount);
      const acc = this.scratch;
      acc.fill(0, 0, segment.docCount);
      const normsOf = fieldsUsed.map((f) => segment.lengthNorms(f.index, k1, b, averages[f.index] ?? 1));
      for (const t of terms) {
        fieldsUsed.forEach((f, fi) => {
          const k = t.positions[fi]?.[segmentIndex] ?? -1;
          if (k < 0) return;
          const df = segment.df(k);
          const bytes = segment.postingsBytes(k, this.postingScratch);
          if (bytes.length > this.postingScratch.length)
            this.postingScratch = Buffer.allocUnsafe(bytes.length * 2);
          const factor = f.weight * t.weight * (t.idf[fi] ?? 0) * (k1 + 1);
          const norms = normsOf[fi] as Float32Array;
          let at = 0;
          let doc = 0;
          for (let i = 0; i < df; i += 1) {
            let shift = 0;
            let value = 0;
            let byte: number;
            do {
              byte = bytes[at++] as number;
              value |= (byte & 0x7f) << shift;
              shift += 7;
            } while (byte & 0x80);
            doc += value;
            shift = 0;
            let tf = 0;
            do {
              byte = bytes[at++] as number;
              tf |= (byte & 0x7f) << shift;
              shift += 7;
            } while (byte & 0x80);
            if (mask !== null && mask[doc] === 0) continue;
            acc[doc] = (acc[doc] as number) + (factor * tf) / (tf + (norms[doc] as number));
          }
        });
      }
      const excluded = options.excludeId !== undefined ? segment.findDoc(options.excludeId) : -1;
      if (mask !== null) {
        for (let doc = 0; doc < segment.docCount; doc += 1) {
          if (mask[doc] === 1 && !segment.isDeleted(doc) && doc !== excluded)
            result.push({ segment, doc, text: acc[doc] ?? 0 });
        }
        continue;
      }
      const heap = new TopHeap(depth);
      for (let doc = 0; doc < segment.docCount; doc += 1) {
        const score = acc[doc] ?? 0;
        if (score > heap.threshold && !segment.isDeleted(doc) && doc !== excluded) heap.push(doc, score);
      }
      for (const [doc, score] of heap.entries()) result.push({ segment, doc, text: score });
    }
    if (!restricted && result.length > depth) {
      result.sort((a, b) => b.text - a.text);
      result.length = depth;
    }
    return result;
  }

  /** Writes everything buffered, waits for merges and closes file handles. */
  async close(): Promise<void> {
    this.refresh();
    await this.waitForMerges();
    this.closed = true;
    for (const segment of this.segments) segment.close();
    this.segments = [];
  }
}

function withTermStrings(doc: AnalyzedJudgment): AnalyzedJudgment {
  if (!TEXT_FIELDS.some((field) => doc.fields[field].words)) return doc;
  const fields = { ...doc.fields };
  for (const field of TEXT_FIELDS) fields[field] = expandWordIds(fields[field]);
  return { ...doc, fields };
}

/** Encoded buffers go into the log as base64. */
function walReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { base64: Buffer.from(value).toString("base64") } : value;
}

function walReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && "base64" in value && Object.keys(value).length === 1)
    return new Uint8Array(Buffer.from(String((value as { base64: string }).base64), "base64"));
  return value;
}

/** Numeric ids compare as numbers, others as strings (stable tie-breaking). */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function explainMatch(
  stored: StoredJudgment,
  terms: readonly string[],
  agreement: ReturnType<typeof compareLegalFeatures>,
): HitExplanation {
  const inDoc = terms.filter((t) => stored.facts.includes(t) || stored.reasoning.includes(t));
  const passages = [
    ...highlightPassages(stored.facts, inDoc, "facts", 2),
    ...highlightPassages(stored.reasoning, inDoc, "reasoning", 1),
  ];
  return {
    sharedCharges: agreement.sharedCharges,
    sharedArticles: agreement.sharedArticles,
    sharedElements: agreement.sharedElements,
    matchedTerms: inDoc,
    passages,
  };
}

/** Fixed-size min-heap of (doc, score) keeping the best `size`. */
class TopHeap {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.docs = new Int32Array(Math.max(1, size));
    this.scores = new Float64Array(Math.max(1, size));
  }

  get threshold(): number {
    return this.count < this.size ? 0 : (this.scores[0] ?? 0);
  }

  push(doc: number, score: number): void {
    if (this.count < this.size) {
      let i = this.count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.scores[parent] ?? 0) <= score) break;
        this.docs[i] = this.docs[parent] ?? 0;
        this.scores[i] = this.scores[parent] ?? 0;
        i = parent;
      }
      this.docs[i] = doc;
      this.scores[i] = score;
      return;
    }
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && (this.scores[right] ?? 0) < (this.scores[left] ?? 0) ? right : left;
      if ((this.scores[child] ?? 0) >= score) break;
      this.docs[i] = this.docs[child] ?? 0;
      this.scores[i] = this.scores[child] ?? 0;
      i = child;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
  }

  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.count; i += 1) out.push([this.docs[i] ?? 0, this.scores[i] ?? 0]);
    return out;
  }
}
