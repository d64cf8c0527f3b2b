import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants as zlibConstants,
  inflateRawSync,
} from "node:zlib";
import type { AnalyzedJudgment, JudgmentFeatures } from "../analysis/analyze-judgment";
import { TEXT_FIELDS } from "../analysis/analyze-judgment";
import { getLegalSegmenter } from "../analysis/segmenter";
import { ByteWriter, FileAppender, SequentialReader, hashId } from "./byte-io";

/**
 * An immutable index segment on disk. Terms are `<field code><term>` keys sorted in JavaScript
 * string order; each key has a document frequency and a postings list of (doc delta, tf)
 * varints. Per document: external id, field lengths, legal features (JSON) and the stored text
 * (compressed, see `encodeStored`). Only the term dictionary, lengths and id hashes are held in
 * memory; postings, features and stored text are read through a file handle when needed.
 */

/** One-character field codes prefixed to terms. */
export const FIELD_CODES: Record<(typeof TEXT_FIELDS)[number] | "charge", string> = {
  facts: "f",
  reasoning: "r",
  title: "t",
  charge: "c",
};
export const FIELD_COUNT = TEXT_FIELDS.length;

/** The stored text of a judgment (for snippets). */
export interface StoredJudgment {
  title: string;
  facts: string;
  reasoning: string;
  outcome: string;
}

interface SegmentMeta {
  docCount: number;
  termCount: number;
  lengthSums: number[];
}

function typed<T>(file: string, make: (buffer: ArrayBuffer) => T): T {
  const data = readFileSync(file);
  return make(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

function writeTyped(file: string, array: ArrayBufferView): void {
  writeFileSync(file, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

/** Features are kept small: the first amounts suffice to compare money scales. */
export function encodeFeatures(features: JudgmentFeatures): Uint8Array {
  const compact = {
    ...features,
    elements: { ...features.elements, amountsYuan: features.elements.amountsYuan.slice(0, 8) },
  };
  return Buffer.from(JSON.stringify(compact), "utf8");
}

/**
 * First byte of a stored record in the current format. As the start of a raw deflate stream it
 * would be a block of the reserved type 11, which no deflate stream has: records written before
 * (deflated UTF-8 JSON) are told apart by it, and segments may hold both.
 */
const STORED_BROTLI_UTF16 = 0x06;

/**
 * Stored text as written to a segment: the JSON as UTF-16 (Chinese text takes 2 bytes a
 * character instead of 3), Brotli quality 1, behind a format byte; an own, exact-size buffer
 * (an analysis worker transfers it). On LeCaRD judgments this is
 * 6 % smaller than level-1 deflate of UTF-8 at half its CPU (stored text is written once per
 * document and read for the few hits shown).
 */
export function encodeStored(stored: StoredJudgment): Uint8Array {
  const compressed = brotliCompressSync(Buffer.from(JSON.stringify(stored), "utf16le"), {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 },
  });
  const record = new Uint8Array(compressed.length + 1);
  record[0] = STORED_BROTLI_UTF16;
  record.set(compressed, 1);
  return record;
}

/** Reads a stored record of either format. */
export function decodeStored(record: Uint8Array): StoredJudgment {
  const text =
    record.length > 0 && ((record[0] as number) & STORED_BROTLI_UTF16) === STORED_BROTLI_UTF16
      ? brotliDecompressSync(record.subarray(1)).toString("utf16le")
      : inflateRawSync(record).toString("utf8");
  return JSON.parse(text) as StoredJudgment;
}

/** A segment opened for reading. */
export class SegmentReader {
  readonly docCount: number;
  readonly termCount: number;
  readonly lengthSums: number[];
  private readonly keys: Buffer;
  private readonly keyOffsets: Uint32Array;
  private readonly dfs: Uint32Array;
  private readonly postingOffsets: Float64Array;
  private readonly lengths: Uint16Array;
  private readonly idBlob: Buffer;
  private readonly idOffsets: Uint32Array;
  private readonly idHashes: Uint32Array;
  private readonly featureOffsets: Float64Array;
  private readonly storeOffsets: Float64Array;
  readonly postingsFd: number;
  /** Skip blocks before each term (null for segments written without skip data). */
  private readonly skipIndex: Uint32Array | null;
  private readonly skipFd: number | null;
  private readonly featureFd: number;
  private readonly storeFd: number;
  /** Deleted documents (bit per local doc). */
  readonly deleted: Uint8Array;
  deletedCount = 0;
  private deletesDirty = false;

  constructor(
    readonly dir: string,
    readonly name: string,
  ) {
    const path = (file: string): string => join(dir, file);
    const meta = JSON.parse(readFileSync(path("meta.json"), "utf8")) as SegmentMeta;
    this.docCount = meta.docCount;
    this.termCount = meta.termCount;
    this.lengthSums = meta.lengthSums;
    this.keys = readFileSync(path("keys.bin"));
    this.keyOffsets = typed(path("keys.off"), (b) => new Uint32Array(b));
    this.dfs = typed(path("df.bin"), (b) => new Uint32Array(b));
    this.postingOffsets = typed(path("post.off"), (b) => new Float64Array(b));
    this.lengths = typed(path("len.bin"), (b) => new Uint16Array(b));
    this.idBlob = readFileSync(path("ids.bin"));
    this.idOffsets = typed(path("ids.off"), (b) => new Uint32Array(b));
    this.idHashes = typed(path("idhash.bin"), (b) => new Uint32Array(b));
    this.featureOffsets = typed(path("feat.off"), (b) => new Float64Array(b));
    this.storeOffsets = typed(path("store.off"), (b) => new Float64Array(b));
    this.postingsFd = openSync(path("post.bin"), "r");
    const hasSkips = existsSync(path("skip.idx"));
    this.skipIndex = hasSkips ? typed(path("skip.idx"), (b) => new Uint32Array(b)) : null;
    this.skipFd = hasSkips ? openSync(path("skip.bin"), "r") : null;
    this.featureFd = openSync(path("feat.bin"), "r");
    this.storeFd = openSync(path("store.bin"), "r");
    this.deleted = new Uint8Array(Math.ceil(this.docCount / 8));
    if (existsSync(path("del.bin"))) {
      this.deleted.set(readFileSync(path("del.bin")).subarray(0, this.deleted.length));
      for (let i = 0; i < this.docCount; i += 1) if (this.isDeleted(i)) this.deletedCount += 1;
    }
  }

  get liveCount(): number {
    return this.docCount - this.deletedCount;
  }

  keyAt(index: number): string {
    return this.keys.toString("utf8", this.keyOffsets[index], this.keyOffsets[index + 1]);
  }

  /** Index of a term key, or -1. */
  findKey(key: string): number {
    let lo = 0;
    let hi = this.termCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const probe = this.keyAt(mid);
      if (probe === key) return mid;
      if (probe < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  df(termIndex: number): number {
    return this.dfs[termIndex] ?? 0;
  }

  /** Raw postings bytes of a term (read from disk). */
  postingsBytes(termIndex: number, scratch?: Buffer): Uint8Array {
    const start = this.postingOffsets[termIndex] ?? 0;
    const end = this.postingOffsets[termIndex + 1] ?? start;
    const length = end - start;
    const buffer = scratch && scratch.length >= length ? scratch : Buffer.allocUnsafe(length);
    readSync(this.postingsFd, buffer, 0, length, start);
    return buffer.subarray(0, length);
  }

  /** Whether postings have skip blocks (segments written before them have none). */
  get hasSkips(): boolean {
    return this.skipIndex !== null;
  }

  /**
   * Reads a term's skip entries (`SKIP_WORDS` words per block) into `into` (grown as needed);
   * returns the buffer and the number of blocks.
   */
  skipBlocks(termIndex: number, into: Int32Array): { words: Int32Array; blocks: number } {
    if (this.skipIndex === null || this.skipFd === null) return { words: into, blocks: 0 };
    const first = this.skipIndex[termIndex] ?? 0;
    const blocks = (this.skipIndex[termIndex + 1] ?? first) - first;
    const words = into.length >= blocks * SKIP_WORDS ? into : new Int32Array(blocks * SKIP_WORDS * 2);
    readSync(
      this.skipFd,
      new Uint8Array(words.buffer, words.byteOffset, blocks * SKIP_WORDS * 4),
      0,
      blocks * SKIP_WORDS * 4,
      first * SKIP_WORDS * 4,
    );
    return { words, blocks };
  }

  postingsRange(termIndex: number): [number, number] {
    return [this.postingOffsets[termIndex] ?? 0, this.postingOffsets[termIndex + 1] ?? 0];
  }

  fieldLength(doc: number, field: number): number {
    return this.lengths[doc * FIELD_COUNT + field] ?? 0;
  }

  /** Per field: the settings the norms were computed for, and the norms. */
  private readonly normCache = new Map<number, { key: string; norms: Float32Array }>();

  /**
   * BM25 length normalisation per document, k1·(1 − b + b·length/avg), for one field: computed
   * once per field and average (the average changes only when documents are added or merged).
   */
  lengthNorms(field: number, k1: number, b: number, avg: number): Float32Array {
    const key = `${k1}:${b}:${avg}`;
    const cached = this.normCache.get(field);
    if (cached?.key === key) return cached.norms;
    const norms = new Float32Array(this.docCount);
    for (let doc = 0; doc < this.docCount; doc += 1)
      norms[doc] = k1 * (1 - b + (b * (this.lengths[doc * FIELD_COUNT + field] ?? 0)) / avg);
    this.normCache.set(field, { key, norms });
    return norms;
  }

  isDeleted(doc: number): boolean {
    return ((this.deleted[doc >>> 3] ?? 0) & (1 << (doc & 7))) !== 0;
  }

  /** Marks a document deleted; returns false when it already was. */
  markDeleted(doc: number): boolean {
    if (this.isDeleted(doc)) return false;
    this.deleted[doc >>> 3] = (this.deleted[doc >>> 3] ?? 0) | (1 << (doc & 7));
    this.deletedCount += 1;
    this.deletesDirty = true;
    return true;
  }

  /** Writes the delete bitset if it changed (atomically: temp file then rename). */
  persistDeletes(): void {
    if (!this.deletesDirty) return;
    const tmp = join(this.dir, "del.bin.tmp");
    writeFileSync(tmp, this.deleted);
    renameSync(tmp, join(this.dir, "del.bin"));
    this.deletesDirty = false;
  }

  id(doc: number): string {
    return this.idBlob.toString("utf8", this.idOffsets[doc], this.idOffsets[doc + 1]);
  }

  /** Local doc number of a live document with this id, or -1. */
  findDoc(id: string): number {
    const hash = hashId(id);
    let lo = 0;
    let hi = this.docCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.idHashes[mid * 2] ?? 0) < hash) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.docCount && this.idHashes[i * 2] === hash; i += 1) {
      const doc = this.idHashes[i * 2 + 1] ?? 0;
      if (!this.isDeleted(doc) && this.id(doc) === id) return doc;
    }
    return -1;
  }

  features(doc: number): JudgmentFeatures {
    const start = this.featureOffsets[doc] ?? 0;
    const length = (this.featureOffsets[doc + 1] ?? 0) - start;
    const buffer = Buffer.allocUnsafe(length);
    readSync(this.featureFd, buffer, 0, length, start);
    return JSON.parse(buffer.toString("utf8")) as JudgmentFeatures;
  }

  stored(doc: number): StoredJudgment {
    const start = this.storeOffsets[doc] ?? 0;
    const length = (this.storeOffsets[doc + 1] ?? 0) - start;
    const buffer = Buffer.allocUnsafe(length);
    readSync(this.storeFd, buffer, 0, length, start);
    return decodeStored(buffer);
  }

  /** Raw bytes of a document's features and stored text (segment merges copy them as they are). */
  rawRecord(kind: "feat" | "store", doc: number, reader: SequentialReader): Uint8Array {
    const offsets = kind === "feat" ? this.featureOffsets : this.storeOffsets;
    const start = offsets[doc] ?? 0;
    return reader.read(start, (offsets[doc + 1] ?? 0) - start);
  }

  fd(kind: "feat" | "store"): number {
    return kind === "feat" ? this.featureFd : this.storeFd;
  }

  close(): void {
    this.persistDeletes();
    closeSync(this.postingsFd);
    if (this.skipFd !== null) closeSync(this.skipFd);
    closeSync(this.featureFd);
    closeSync(this.storeFd);
  }
}

/** Growable Int32 array. */
class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Postings buffered by a segment builder: (term id, tf) pairs in parallel growable arrays, and
 * where each document's postings start (a posting's document is not stored with it).
 */
class PostingBuffer {
  terms: Int32Array;
  freqs: Int32Array;
  length = 0;
  readonly docStarts = new IntList();

  /** `reuse`: a buffer whose arrays (no longer used) this one takes over. */
  constructor(reuse?: PostingBuffer) {
    this.terms = reuse?.terms ?? new Int32Array(1 << 16);
    this.freqs = reuse?.freqs ?? new Int32Array(1 << 16);
    this.docStarts.push(0);
  }

  /** Makes room for `count` more postings. */
  reserve(count: number): void {
    if (this.length + count <= this.terms.length) return;
    let size = this.terms.length * 2;
    while (size < this.length + count) size *= 2;
    const terms = new Int32Array(size);
    terms.set(this.terms.subarray(0, this.length));
    this.terms = terms;
    const freqs = new Int32Array(size);
    freqs.set(this.freqs.subarray(0, this.length));
    this.freqs = freqs;
  }

  /** Ends the current document's postings. */
  endDocument(): void {
    this.docStarts.push(this.length);
  }
}

/** Postings per skip block. */
export const BLOCK_SIZE = 128;
/** 32-bit words per skip entry: last doc, end offset of the block's bytes, max tf, min length/tf. */
export const SKIP_WORDS = 4;

/**
 * Skip data of postings lists, one entry per block of `BLOCK_SIZE` postings: the block's last
 * doc and the end of its bytes (to skip it undecoded), and what bounds its BM25 impact whatever
 * the average length: the largest tf and the smallest length/tf (tf/(tf + k1(1−b) + k1·b·len/avg)
 * ≤ 1/(1 + k1(1−b)/maxTf + k1·b·minLenPerTf/avg)).
 */
class SkipWriter {
  private readonly words = new IntList();
  private readonly floats = new Float32Array(1);
  private readonly floatBits = new Int32Array(this.floats.buffer);
  /** Blocks written before each term (prefix sums, termCount + 1 entries). */
  readonly termBlocks = new IntList();
  private inBlock = 0;
  private lastDoc = 0;
  private maxTf = 0;
  private minLenPerTf = Number.POSITIVE_INFINITY;
  private blocks = 0;

  constructor() {
    this.termBlocks.push(0);
  }

  add(doc: number, tf: number, length: number, endOffset: number): void {
    this.lastDoc = doc;
    if (tf > this.maxTf) this.maxTf = tf;
    const ratio = length / Math.max(1, tf);
    if (ratio < this.minLenPerTf) this.minLenPerTf = ratio;
    if (++this.inBlock === BLOCK_SIZE) this.flush(endOffset);
  }

  private flush(endOffset: number): void {
    this.words.push(this.lastDoc);
    this.words.push(endOffset);
    this.words.push(this.maxTf);
    this.floats[0] = this.minLenPerTf;
    this.words.push(this.floatBits[0] ?? 0);
    this.blocks += 1;
    this.inBlock = 0;
    this.maxTf = 0;
    this.minLenPerTf = Number.POSITIVE_INFINITY;
  }

  endTerm(endOffset: number): void {
    if (this.inBlock > 0) this.flush(endOffset);
    this.termBlocks.push(this.blocks);
  }

  /** Drops the term being written (all its postings were deleted). */
  dropTerm(): void {
    const before = this.termBlocks.data[this.termBlocks.length - 1] ?? 0;
    this.words.length = before * SKIP_WORDS;
    this.blocks = before;
    this.inBlock = 0;
    this.maxTf = 0;
    this.minLenPerTf = Number.POSITIVE_INFINITY;
  }

  write(dir: string): void {
    writeTyped(join(dir, "skip.bin"), this.words.data.subarray(0, this.words.length));
    writeTyped(join(dir, "skip.idx"), this.termBlocks.data.subarray(0, this.termBlocks.length));
  }
}

const FIELD_INDEX_BY_CODE = new Map<string, number>(TEXT_FIELDS.map((f, i) => [FIELD_CODES[f], i]));

/** Documents added since the last flush, held compactly until they are written as a segment. */
export class SegmentBuilder {
  /** Term → id, one map per field code (no key concatenation per posting). */
  private readonly vocabularies = new Map<string, Map<string, number>>();
  /** Key (field code + term) of each term id. */
  private readonly termKeys: string[] = [];
  private readonly postings: PostingBuffer;
  private readonly lengths = new IntList();
  private readonly ids: string[] = [];
  private readonly features: Uint8Array[] = [];
  private readonly stored: Uint8Array[] = [];
  /** id → local doc, for deletes that arrive before the flush. */
  private readonly byId = new Map<string, number>();
  private readonly deleted = new Set<number>();

  /**
   * `previous`: a builder already written and not used again, whose posting buffers this one
   * reuses (a 20,000-judgment segment has ~10 M postings; growing and zeroing the buffers anew
   * for each segment took ~6 % of the indexing thread's time).
   */
  constructor(previous?: SegmentBuilder) {
    this.postings = new PostingBuffer(previous?.postings);
  }

  get docCount(): number {
    return this.ids.length;
  }

  get postingCount(): number {
    return this.postings.length;
  }

  private vocabulary(code: string): Map<string, number> {
    let map = this.vocabularies.get(code);
    if (!map) {
      map = new Map();
      this.vocabularies.set(code, map);
    }
    return map;
  }

  /** Term id per segmenter word id, one table per field code (-1: not seen yet). */
  private readonly wordTerms = new Map<string, Int32Array>();

  private wordTable(code: string): Int32Array {
    let table = this.wordTerms.get(code);
    if (!table) {
      table = new Int32Array(getLegalSegmenter().wordCount).fill(-1);
      this.wordTerms.set(code, table);
    }
    return table;
  }

  private termId(vocabulary: Map<string, number>, code: string, term: string): number {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = this.termKeys.length;
      this.termKeys.push(code + term);
      vocabulary.set(term, id);
    }
    return id;
  }

  add(doc: AnalyzedJudgment): void {
    const local = this.ids.length;
    this.delete(doc.id);
    const postings = this.postings;
    let count = doc.features.charges.length;
    for (const field of TEXT_FIELDS)
      count += doc.fields[field].terms.length + (doc.fields[field].words?.length ?? 0) / 2;
    postings.reserve(count);
    const termIds = postings.terms;
    const freqs = postings.freqs;
    let at = postings.length;
    for (const field of TEXT_FIELDS) {
      const terms = doc.fields[field];
      const code = FIELD_CODES[field];
      const vocabulary = this.vocabulary(code);
      for (let i = 0; i < terms.terms.length; i += 1) {
        termIds[at] = this.termId(vocabulary, code, terms.terms[i] ?? "");
        freqs[at++] = terms.freqs[i] ?? 1;
      }
      const words = terms.words;
      if (words && words.length > 0) {
        // Word ids map to term ids through a table: a string is made once per word and segment.
        const table = this.wordTable(code);
        for (let i = 0; i < words.length; i += 2) {
          const word = words[i] as number;
          let id = table[word] as number;
          if (id < 0) {
            id = this.termId(vocabulary, code, getLegalSegmenter().wordText(word));
            table[word] = id;
          }
          termIds[at] = id;
          freqs[at++] = words[i + 1] as number;
        }
      }
      this.lengths.push(Math.min(65535, terms.length));
    }
    const chargeVocabulary = this.vocabulary(FIELD_CODES.charge);
    for (const charge of doc.features.charges) {
      termIds[at] = this.termId(chargeVocabulary, FIELD_CODES.charge, charge);
      freqs[at++] = 1;
    }
    postings.length = at;
    postings.endDocument();
    this.ids.push(doc.id);
    this.features.push(doc.encoded?.features ?? encodeFeatures(doc.features));
    this.stored.push(doc.encoded?.stored ?? encodeStored(doc.stored));
    this.byId.set(doc.id, local);
  }

  /** Deletes a buffered document by id; returns whether one was found. */
  delete(id: string): boolean {
    const local = this.byId.get(id);
    if (local === undefined) return false;
    this.byId.delete(id);
    this.deleted.add(local);
    return true;
  }

  /** Writes the buffered documents as a segment directory. */
  write(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const path = (file: string): string => join(dir, file);
    const termIds = Array.from(this.termKeys.keys()).sort((a, b) => {
      const ka = this.termKeys[a] ?? "";
      const kb = this.termKeys[b] ?? "";
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const termCount = termIds.length;
    // Counting sort of postings by term: each term's (doc, tf) pairs in ascending doc order.
    const counts = new Int32Array(termCount + 1);
    const postingTerms = this.postings.terms;
    const postingFreqs = this.postings.freqs;
    const postingCount = this.postings.length;
    for (let i = 0; i < postingCount; i += 1) {
      const slot = (postingTerms[i] ?? 0) + 1;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (let i = 1; i < counts.length; i += 1) counts[i] = (counts[i] ?? 0) + (counts[i - 1] ?? 0);
    const starts = counts.slice();
    const sortedDocs = new Int32Array(postingCount);
    const sortedFreqs = new Int32Array(postingCount);
    const docStarts = this.postings.docStarts.data;
    for (let doc = 0; doc < this.ids.length; doc += 1) {
      for (let i = docStarts[doc] as number; i < (docStarts[doc + 1] as number); i += 1) {
        const term = postingTerms[i] ?? 0;
        const at = starts[term] ?? 0;
        sortedDocs[at] = doc;
        sortedFreqs[at] = postingFreqs[i] ?? 1;
        starts[term] = at + 1;
      }
    }

    const keyWriter = new ByteWriter(1 << 20);
    const keyOffsets = new Uint32Array(termCount + 1);
    const dfs = new Uint32Array(termCount);
    const postingOffsets = new Float64Array(termCount + 1);
    const postings = new FileAppender(path("post.bin"));
    const encoder = new TextEncoder();
    const out = new ByteWriter(1 << 16);
    const skips = new SkipWriter();
    const lengths = this.lengths.data;
    termIds.forEach((term, index) => {
      const key = this.termKeys[term] ?? "";
      keyWriter.writeBytes(encoder.encode(key));
      keyOffsets[index + 1] = keyWriter.length;
      const field = FIELD_INDEX_BY_CODE.get(key[0] ?? "") ?? -1;
      const first = counts[term] ?? 0;
      const end = counts[term + 1] ?? 0;
      // Two varints of at most 5 bytes per posting.
      out.reset();
      out.ensure((end - first) * 10);
      const bytes = out.bytes;
      let length = 0;
      let previous = 0;
      for (let j = first; j < end; j += 1) {
        const doc = sortedDocs[j] ?? 0;
        const tf = sortedFreqs[j] ?? 1;
        let value = (doc - previous) >>> 0;
        while (value >= 0x80) {
          bytes[length++] = (value & 0x7f) | 0x80;
          value >>>= 7;
        }
        bytes[length++] = value;
        value = tf >>> 0;
        while (value >= 0x80) {
          bytes[length++] = (value & 0x7f) | 0x80;
          value >>>= 7;
        }
        bytes[length++] = value;
        skips.add(doc, tf, field < 0 ? 1 : (lengths[doc * FIELD_COUNT + field] ?? 0), length);
        previous = doc;
      }
      out.length = length;
      skips.endTerm(length);
      dfs[index] = end - first;
      postings.write(out.view());
      postingOffsets[index + 1] = postings.position;
    });
    postings.close();
    writeFileSync(path("keys.bin"), keyWriter.view());
    writeTyped(path("keys.off"), keyOffsets);
    writeTyped(path("df.bin"), dfs);
    writeTyped(path("post.off"), postingOffsets);
    skips.write(dir);
    writeDocumentFiles(
      dir,
      this.ids,
      Int32Array.from(this.lengths.data.subarray(0, this.lengths.length)),
      this.features,
      this.stored,
    );
    const deleted = new Uint8Array(Math.ceil(this.ids.length / 8));
    for (const doc of this.deleted) deleted[doc >>> 3] = (deleted[doc >>> 3] ?? 0) | (1 << (doc & 7));
    if (this.deleted.size > 0) writeFileSync(path("del.bin"), deleted);
    const lengthSums = TEXT_FIELDS.map((_, f) => {
      let sum = 0;
      for (let d = 0; d < this.ids.length; d += 1) sum += this.lengths.data[d * FIELD_COUNT + f] ?? 0;
      return sum;
    });
    writeFileSync(
      path("meta.json"),
      JSON.stringify({ docCount: this.ids.length, termCount, lengthSums } satisfies SegmentMeta),
    );
  }
}

function writeDocumentFiles(
  dir: string,
  ids: readonly string[],
  lengths: Int32Array,
  features: readonly Uint8Array[],
  stored: readonly Uint8Array[],
): void {
  const path = (file: string): string => join(dir, file);
  const idWriter = new ByteWriter(1 << 16);
  const idOffsets = new Uint32Array(ids.length + 1);
  const encoder = new TextEncoder();
  ids.forEach((id, i) => {
    idWriter.writeBytes(encoder.encode(id));
    idOffsets[i + 1] = idWriter.length;
  });
  writeFileSync(path("ids.bin"), idWriter.view());
  writeTyped(path("ids.off"), idOffsets);
  writeTyped(path("idhash.bin"), idHashTable(ids));
  writeTyped(path("len.bin"), Uint16Array.from(lengths));
  for (const [name, records] of [
    ["feat", features],
    ["store", stored],
  ] as const) {
    const appender = new FileAppender(path(`${name}.bin`));
    const offsets = new Float64Array(records.length + 1);
    records.forEach((record, i) => {
      appender.write(record);
      offsets[i + 1] = appender.position;
    });
    appender.close();
    writeTyped(path(`${name}.off`), offsets);
  }
}

function idHashTable(ids: readonly string[]): Uint32Array {
  const order = ids.map((id, doc) => [hashId(id), doc] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const table = new Uint32Array(ids.length * 2);
  order.forEach(([hash, doc], i) => {
    table[i * 2] = hash;
    table[i * 2 + 1] = doc;
  });
  return table;
}

/** Yields to the event loop so a background merge does not stall searches. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Merges segments into one new segment directory, dropping deleted documents. Documents keep
 * their relative order (source by source). Returns, per source, the map old doc → new doc (-1 if
 * dropped), so deletes that happen during the merge can be carried over.
 */
export async function mergeSegments(sources: readonly SegmentReader[], dir: string): Promise<Int32Array[]> {
  mkdirSync(dir, { recursive: true });
  const path = (file: string): string => join(dir, file);
  const maps = sources.map((source) => new Int32Array(source.docCount).fill(-1));
  const ids: string[] = [];
  const lengthList: number[] = [];
  const liveAtStart = sources.map((source) => source.deleted.slice());
  sources.forEach((source, s) => {
    for (let doc = 0; doc < source.docCount; doc += 1) {
      if (((liveAtStart[s]?.[doc >>> 3] ?? 0) & (1 << (doc & 7))) !== 0) continue;
      (maps[s] as Int32Array)[doc] = ids.length;
      ids.push(source.id(doc));
      for (let f = 0; f < FIELD_COUNT; f += 1) lengthList.push(source.fieldLength(doc, f));
    }
  });

  // Features and stored text: copy the raw records of live documents.
  for (const kind of ["feat", "store"] as const) {
    const appender = new FileAppender(path(`${kind}.bin`));
    const offsets = new Float64Array(ids.length + 1);
    let next = 0;
    for (let s = 0; s < sources.length; s += 1) {
      const source = sources[s] as SegmentReader;
      const reader = new SequentialReader(source.fd(kind));
      const map = maps[s] as Int32Array;
      for (let doc = 0; doc < source.docCount; doc += 1) {
        if ((map[doc] ?? -1) < 0) continue;
        appender.write(source.rawRecord(kind, doc, reader));
        offsets[++next] = appender.position;
      }
      await yieldToLoop();
    }
    appender.close();
    writeTyped(path(`${kind}.off`), offsets);
  }
  const idWriter = new ByteWriter(1 << 16);
  const idOffsets = new Uint32Array(ids.length + 1);
  const encoder = new TextEncoder();
  ids.forEach((id, i) => {
    idWriter.writeBytes(encoder.encode(id));
    idOffsets[i + 1] = idWriter.length;
  });
  writeFileSync(path("ids.bin"), idWriter.view());
  writeTyped(path("ids.off"), idOffsets);
  writeTyped(path("idhash.bin"), idHashTable(ids));
  writeTyped(path("len.bin"), Uint16Array.from(lengthList));

  // Terms: k-way merge of the sorted dictionaries.
  const cursors = sources.map(() => 0);
  const readers = sources.map((source) => new SequentialReader(source.postingsFd));
  const keyFile = new FileAppender(path("keys.bin"));
  const postings = new FileAppender(path("post.bin"));
  const keyOffsets = new IntList();
  const dfs = new IntList();
  const postingOffsets: number[] = [0];
  keyOffsets.push(0);
  const out = new ByteWriter(1 << 16);
  const skips = new SkipWriter();
  const currentKeys = sources.map((source) => (source.termCount > 0 ? source.keyAt(0) : null));
  let termCount = 0;
  let steps = 0;
  for (;;) {
    let key: string | null = null;
    for (const candidate of currentKeys)
      if (candidate !== null && (key === null || candidate < key)) key = candidate;
    if (key === null) break;
    const field = FIELD_INDEX_BY_CODE.get(key[0] ?? "") ?? -1;
    out.reset();
    let previous = 0;
    let df = 0;
    for (let s = 0; s < sources.length; s += 1) {
      if (currentKeys[s] !== key) continue;
      const source = sources[s] as SegmentReader;
      const term = cursors[s] ?? 0;
      const [start, end] = source.postingsRange(term);
      const bytes = (readers[s] as SequentialReader).read(start, end - start);
      const map = maps[s] as Int32Array;
      let at = 0;
      let doc = 0;
      const count = source.df(term);
      for (let i = 0; i < count; i += 1) {
        let shift = 0;
        let value = 0;
        let b: number;
        do {
          b = bytes[at++] ?? 0;
          value |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        doc += value;
        shift = 0;
        let tf = 0;
        do {
          b = bytes[at++] ?? 0;
          tf |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        const mapped = map[doc] ?? -1;
        if (mapped < 0) continue;
        out.writeVarint(mapped - previous);
        out.writeVarint(tf);
        skips.add(mapped, tf, field < 0 ? 1 : (lengthList[mapped * FIELD_COUNT + field] ?? 0), out.length);
        previous = mapped;
        df += 1;
      }
      cursors[s] = term + 1;
      currentKeys[s] = term + 1 < source.termCount ? source.keyAt(term + 1) : null;
    }
    if (df > 0) {
      skips.endTerm(out.length);
      const encoded = encoder.encode(key);
      keyFile.write(encoded);
      keyOffsets.push(keyFile.position);
      dfs.push(df);
      postings.write(out.view());
      postingOffsets.push(postings.position);
      termCount += 1;
    } else skips.dropTerm();
    if (++steps % 20_000 === 0) await yieldToLoop();
  }
  keyFile.close();
  postings.close();
  writeTyped(path("keys.off"), Uint32Array.from(keyOffsets.data.subarray(0, keyOffsets.length)));
  writeTyped(path("df.bin"), Uint32Array.from(dfs.data.subarray(0, dfs.length)));
  writeTyped(path("post.off"), Float64Array.from(postingOffsets));
  skips.write(dir);
  const lengthSums = TEXT_FIELDS.map((_, f) => {
    let sum = 0;
    for (let d = 0; d < ids.length; d += 1) sum += lengthList[d * FIELD_COUNT + f] ?? 0;
    return sum;
  });
  writeFileSync(
    path("meta.json"),
    JSON.stringify({ docCount: ids.length, termCount, lengthSums } satisfies SegmentMeta),
  );
  return maps;
}
