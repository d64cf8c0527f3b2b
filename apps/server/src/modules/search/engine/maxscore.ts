import { BLOCK_SIZE, SKIP_WORDS, type SegmentReader } from "./segment";

/** One query term's postings in one field of a segment, with its BM25 scaling. */
export interface ScoredList {
  /** Dictionary position of the term key in the segment. */
  key: number;
  /** Field index (TEXT_FIELDS order) for the length normalisation. */
  field: number;
  /** Field weight × query term weight × idf. */
  factor: number;
}

export interface Bm25Parameters {
  k1: number;
  b: number;
  /** Average length per field index. */
  averages: readonly number[];
}

const END = 0x7fffffff;

/** Reads a postings list block by block, skipping undecoded blocks that cannot hold the target. */
class PostingCursor {
  doc = END;
  private readonly bytes: Uint8Array;
  private readonly skips: Int32Array;
  private readonly blocks: number;
  private readonly df: number;
  private block = -1;
  private readonly docs = new Int32Array(BLOCK_SIZE);
  private readonly tfs = new Int32Array(BLOCK_SIZE);
  private count = 0;
  private at = 0;
  /** BM25 constants: score = factor·(k1+1)·tf / (tf + a + c·length). */
  private readonly scale: number;
  private readonly a: number;
  private readonly c: number;
  /** Largest score any posting of the list can give. */
  readonly upperBound: number;

  constructor(
    private readonly segment: SegmentReader,
    list: ScoredList,
    params: Bm25Parameters,
  ) {
    this.df = segment.df(list.key);
    this.bytes = segment.postingsBytes(list.key);
    const { words, blocks } = segment.skipBlocks(list.key, new Int32Array(SKIP_WORDS * 16));
    this.skips = words;
    this.blocks = blocks;
    const avg = params.averages[list.field] ?? 1;
    this.scale = list.factor * (params.k1 + 1);
    this.a = params.k1 * (1 - params.b);
    this.c = (params.k1 * params.b) / avg;
    this.fieldOffset = list.field;
    const floats = new Float32Array(words.buffer, words.byteOffset, blocks * SKIP_WORDS);
    let best = 0;
    for (let i = 0; i < blocks; i += 1) {
      const maxTf = words[i * SKIP_WORDS + 2] ?? 1;
      const minLenPerTf = floats[i * SKIP_WORDS + 3] ?? 0;
      const bound = 1 / (1 + this.a / maxTf + this.c * minLenPerTf);
      if (bound > best) best = bound;
    }
    // A hair above the exact bound: the stored length ratio is a 32-bit float.
    this.upperBound = this.scale * best * (1 + 1e-6);
    this.loadBlock(0);
  }

  private readonly fieldOffset: number;

  private loadBlock(block: number): void {
    if (block >= this.blocks) {
      this.block = this.blocks;
      this.doc = END;
      return;
    }
    this.block = block;
    const skips = this.skips;
    let at = block === 0 ? 0 : (skips[(block - 1) * SKIP_WORDS + 1] ?? 0);
    let doc = block === 0 ? 0 : (skips[(block - 1) * SKIP_WORDS] ?? 0);
    const count = Math.min(BLOCK_SIZE, this.df - block * BLOCK_SIZE);
    const bytes = this.bytes;
    for (let i = 0; i < count; i += 1) {
      let shift = 0;
      let value = 0;
      let byte: number;
      do {
        byte = bytes[at++] as number;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      doc += value;
      this.docs[i] = doc;
      shift = 0;
      value = 0;
      do {
        byte = bytes[at++] as number;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      this.tfs[i] = value;
    }
    this.count = count;
    this.at = 0;
    this.doc = count > 0 ? (this.docs[0] as number) : END;
  }

  next(): void {
    this.at += 1;
    if (this.at < this.count) this.doc = this.docs[this.at] as number;
    else this.loadBlock(this.block + 1);
  }

  /** Moves to the first posting at or after `target`. */
  advance(target: number): void {
    if (this.doc >= target) return;
    let block = this.block;
    // Skip whole blocks whose last doc is before the target, without decoding them.
    while (block < this.blocks && (this.skips[block * SKIP_WORDS] as number) < target) block += 1;
    if (block !== this.block) this.loadBlock(block);
    while (this.doc < target) this.next();
  }

  score(): number {
    const tf = this.tfs[this.at] as number;
    const length = this.segment.fieldLength(this.doc, this.fieldOffset);
    return (this.scale * tf) / (tf + this.a + this.c * length);
  }
}

/**
 * The `depth` best documents of a segment by BM25 over the given lists, computed with MaxScore
 * dynamic pruning: lists are ordered by their largest possible contribution; once the k-th best
 * score exceeds what the weakest lists can add together, those lists no longer produce
 * candidates and are only probed (by skipping blocks) for documents the others found, and a
 * candidate is dropped as soon as its remaining bound cannot reach the k-th score. The result is
 * the same set as a full scan.
 */
export function maxScoreTopDocuments(
  segment: SegmentReader,
  lists: readonly ScoredList[],
  params: Bm25Parameters,
  depth: number,
  accept: (doc: number) => boolean,
): { docs: Int32Array; scores: Float64Array; count: number } {
  const cursors = lists
    .map((list) => new PostingCursor(segment, list, params))
    .filter((c) => c.doc !== END)
    .sort((x, y) => x.upperBound - y.upperBound);
  const n = cursors.length;
  // prefix[i] = sum of the bounds of cursors[0..i-1].
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1)
    prefix[i + 1] = (prefix[i] as number) + (cursors[i] as PostingCursor).upperBound;
  const heapDocs = new Int32Array(Math.max(1, depth));
  const heapScores = new Float64Array(Math.max(1, depth));
  let size = 0;
  let threshold = 0;
  let firstEssential = 0;
  for (;;) {
    let doc = END;
    for (let i = firstEssential; i < n; i += 1) {
      const d = (cursors[i] as PostingCursor).doc;
      if (d < doc) doc = d;
    }
    if (doc === END) break;
    let score = 0;
    for (let i = firstEssential; i < n; i += 1) {
      const cursor = cursors[i] as PostingCursor;
      if (cursor.doc === doc) {
        score += cursor.score();
        cursor.next();
      }
    }
    for (let i = firstEssential - 1; i >= 0; i -= 1) {
      if (score + (prefix[i + 1] as number) <= threshold) break;
      const cursor = cursors[i] as PostingCursor;
      cursor.advance(doc);
      if (cursor.doc === doc) score += cursor.score();
    }
    if (score <= threshold || !accept(doc)) continue;
    // Min-heap of the best `depth` scores.
    if (size < depth) {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heapScores[parent] as number) <= score) break;
        heapDocs[i] = heapDocs[parent] as number;
        heapScores[i] = heapScores[parent] as number;
        i = parent;
      }
      heapDocs[i] = doc;
      heapScores[i] = score;
    } else {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child =
          right < size && (heapScores[right] as number) < (heapScores[left] as number) ? right : left;
        if ((heapScores[child] as number) >= score) break;
        heapDocs[i] = heapDocs[child] as number;
        heapScores[i] = heapScores[child] as number;
        i = child;
      }
      heapDocs[i] = doc;
      heapScores[i] = score;
    }
    if (size === depth) {
      threshold = heapScores[0] as number;
      while (firstEssential < n && (prefix[firstEssential + 1] as number) <= threshold) firstEssential += 1;
    }
  }
  return { docs: heapDocs, scores: heapScores, count: size };
}
