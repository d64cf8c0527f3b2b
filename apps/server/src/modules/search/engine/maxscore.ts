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

/** The k-th largest of `values[docs[i]]` over the given docs (0 when fewer than k). */
function kthLargest(values: Float64Array, docs: Int32Array, count: number, k: number): number {
  if (count < k) return 0;
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < count; i += 1) {
    const v = values[docs[i] as number] as number;
    if (size < k) {
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if ((heap[parent] as number) <= v) break;
        heap[j] = heap[parent] as number;
        j = parent;
      }
      heap[j] = v;
    } else if (v > (heap[0] as number)) {
      let j = 0;
      for (;;) {
        const left = 2 * j + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && (heap[right] as number) < (heap[left] as number) ? right : left;
        if ((heap[child] as number) >= v) break;
        heap[j] = heap[child] as number;
        j = child;
      }
      heap[j] = v;
    }
  }
  return heap[0] as number;
}

/**
 * The `depth` best documents of a segment by BM25, term at a time with pruning (the TAAT form of
 * MaxScore): lists are scored from the most to the least selective (largest possible
 * contribution first), so the rare terms, whose lists are short, fill the accumulators. Once the
 * bounds of the remaining lists together fall below the k-th best partial score, no document
 * not yet seen can reach the top k: only the documents that still can (partial score + remaining
 * bounds above the k-th score) are kept as candidates, and the remaining, long lists are probed
 * for those alone, skipping every block that holds none of them undecoded. Exact: the same top k
 * as scoring every posting.
 */
export function prunedTopDocuments(
  segment: SegmentReader,
  lists: readonly ScoredList[],
  params: Bm25Parameters,
  depth: number,
  accept: (doc: number) => boolean,
  scratch: Float64Array<ArrayBuffer>,
): { docs: Int32Array; scores: Float64Array; count: number; scratch: Float64Array<ArrayBuffer> } {
  const acc = scratch.length >= segment.docCount ? scratch : new Float64Array(segment.docCount);
  const cursors = lists
    .map((list) => new PostingCursor(segment, list, params))
    .filter((c) => c.doc !== END)
    .sort((x, y) => y.upperBound - x.upperBound);
  let remaining = 0;
  for (const c of cursors) remaining += c.upperBound;
  let touched = new Int32Array(1024);
  let touchedCount = 0;
  let next = 0;
  let maxAcc = 0;
  // Phase 1: score whole lists until unseen documents are out of reach. The k-th score is at
  // most the best one, so it is only computed once the remaining bounds fall below that.
  for (; next < cursors.length; next += 1) {
    if (remaining <= maxAcc && touchedCount >= depth) {
      const threshold = kthLargest(acc, touched, touchedCount, depth);
      if (threshold > 0 && remaining <= threshold) break;
    }
    const cursor = cursors[next] as PostingCursor;
    remaining -= cursor.upperBound;
    while (cursor.doc !== END) {
      const doc = cursor.doc;
      const before = acc[doc] as number;
      if (before === 0) {
        if (touchedCount === touched.length) {
          const grown = new Int32Array(touched.length * 2);
          grown.set(touched);
          touched = grown;
        }
        touched[touchedCount++] = doc;
      }
      const after = before + cursor.score();
      acc[doc] = after;
      if (after > maxAcc) maxAcc = after;
      cursor.next();
    }
  }
  // Phase 2: only candidates that can still reach the k-th score, probed in doc order.
  let candidates = touched.subarray(0, touchedCount).slice().sort();
  let count = candidates.length;
  for (; next < cursors.length; next += 1) {
    const threshold = kthLargest(acc, candidates, count, depth);
    let kept = 0;
    for (let i = 0; i < count; i += 1) {
      const doc = candidates[i] as number;
      if ((acc[doc] as number) + remaining > threshold || (acc[doc] as number) >= threshold)
        candidates[kept++] = doc;
    }
    count = kept;
    const cursor = cursors[next] as PostingCursor;
    remaining -= cursor.upperBound;
    for (let i = 0; i < count && cursor.doc !== END; i += 1) {
      const doc = candidates[i] as number;
      cursor.advance(doc);
      if (cursor.doc === doc) acc[doc] = (acc[doc] as number) + cursor.score();
    }
  }
  candidates = candidates.subarray(0, count);
  // Best `depth` accepted candidates.
  const heapDocs = new Int32Array(Math.max(1, depth));
  const heapScores = new Float64Array(Math.max(1, depth));
  let size = 0;
  for (let i = 0; i < count; i += 1) {
    const doc = candidates[i] as number;
    const score = acc[doc] as number;
    if (size === depth && score <= (heapScores[0] as number)) continue;
    if (!accept(doc)) continue;
    if (size < depth) {
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if ((heapScores[parent] as number) <= score) break;
        heapDocs[j] = heapDocs[parent] as number;
        heapScores[j] = heapScores[parent] as number;
        j = parent;
      }
      heapDocs[j] = doc;
      heapScores[j] = score;
    } else {
      let j = 0;
      for (;;) {
        const left = 2 * j + 1;
        if (left >= size) break;
        const right = left + 1;
        const child =
          right < size && (heapScores[right] as number) < (heapScores[left] as number) ? right : left;
        if ((heapScores[child] as number) >= score) break;
        heapDocs[j] = heapDocs[child] as number;
        heapScores[j] = heapScores[child] as number;
        j = child;
      }
      heapDocs[j] = doc;
      heapScores[j] = score;
    }
  }
  // Clear the accumulators that were used (the scratch array is reused by the next query).
  for (let i = 0; i < touchedCount; i += 1) acc[touched[i] as number] = 0;
  return { docs: heapDocs, scores: heapScores, count: size, scratch: acc };
}
