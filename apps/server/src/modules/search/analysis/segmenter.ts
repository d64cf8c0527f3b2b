import { dict } from "@node-rs/jieba/dict.js";
import { buildJiebaUserDictionary } from "./legal-dictionary";

/**
 * Dictionary word segmentation in the manner of jieba without HMM: a directed acyclic graph of
 * every dictionary word at every position, and the most probable path through it (word
 * probabilities from the dictionary frequencies; unknown characters stand alone, consecutive
 * single Latin letters and digits are joined). It uses jieba's own dictionary plus the legal user
 * dictionary, and runs in JavaScript: calling the native segmenter cost more in creating one
 * string per word across the native boundary than the segmentation itself, and indexing only
 * needs the words that are kept.
 */

/** Characters that form segmentable runs (jieba's default "han" class, BMP part). */
function isRunChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b || // +
    c === 0x23 || // #
    c === 0x26 || // &
    c === 0x2e || // .
    c === 0x5f || // _
    c === 0x25 || // %
    c === 0x2d // -
  );
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** A copy of `array` in a new array of `size` elements (the rest zero). */
function grown<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(array: T, size: number): T {
  const out = new (array.constructor as new (length: number) => T)(size);
  out.set(array);
  return out;
}

/**
 * Calls `onWord` with each word (lower-cased) and frequency of jieba dictionaries: texts of
 * `word freq [tag]` lines, in order (a later line for the same word overrides an earlier one).
 * Lines without a positive frequency are skipped.
 */
export function forEachDictionaryWord(
  dictionaries: readonly string[],
  onWord: (word: string, freq: number) => void,
): void {
  for (const text of dictionaries) {
    for (const line of text.split("\n")) {
      const first = line.indexOf(" ");
      if (first <= 0) continue;
      const second = line.indexOf(" ", first + 1);
      const freq = Number(line.slice(first + 1, second < 0 ? undefined : second));
      if (!Number.isFinite(freq) || freq <= 0) continue;
      onWord(line.slice(0, first).toLowerCase(), freq);
    }
  }
}

/** Id of no dictionary word (returned for words made of characters the dictionary lacks). */
export const NO_WORD = -1;
const NO_NODE = NO_WORD;

/**
 * A prefix trie over UTF-16 code units while the dictionary is read: root children in a direct
 * table, deeper edges in an open-addressing hash. Each node knows its parent and last character;
 * `compileTrie` turns it into the double array used for lookups.
 */
class TrieBuilder {
  private readonly rootChildren = new Int32Array(65536).fill(NO_NODE);
  edgeParent: Int32Array;
  edgeChar: Uint16Array;
  edgeChild: Int32Array;
  private edgeMask: number;
  private edgeCount = 0;
  /** Frequency per node (0 when the node is only a prefix). */
  private freqs = new Float64Array(1 << 16);
  parents = new Int32Array(1 << 16);
  chars = new Uint16Array(1 << 16);
  nodeCount = 0;

  constructor(expectedEdges: number) {
    let size = 1 << 16;
    while (size < expectedEdges * 2) size <<= 1;
    this.edgeParent = new Int32Array(size).fill(NO_NODE);
    this.edgeChar = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    this.edgeMask = size - 1;
  }

  private newNode(parent: number, ch: number): number {
    if (this.nodeCount === this.freqs.length) {
      const size = this.freqs.length * 2;
      this.freqs = grown(this.freqs, size);
      this.parents = grown(this.parents, size);
      this.chars = grown(this.chars, size);
    }
    const node = this.nodeCount++;
    this.parents[node] = parent;
    this.chars[node] = ch;
    return node;
  }

  private slot(parent: number, ch: number): number {
    let h = Math.imul(parent, 0x9e3779b1) + ch;
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    return h & this.edgeMask;
  }

  private child(parent: number, ch: number): number {
    let at = this.slot(parent, ch);
    for (;;) {
      const p = this.edgeParent[at] as number;
      if (p === NO_NODE) return NO_NODE;
      if (p === parent && this.edgeChar[at] === ch) return this.edgeChild[at] as number;
      at = (at + 1) & this.edgeMask;
    }
  }

  private grow(): void {
    const parents = this.edgeParent;
    const chars = this.edgeChar;
    const children = this.edgeChild;
    const size = parents.length * 2;
    this.edgeParent = new Int32Array(size).fill(NO_NODE);
    this.edgeChar = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    this.edgeMask = size - 1;
    this.edgeCount = 0;
    for (let i = 0; i < parents.length; i += 1) {
      const p = parents[i] as number;
      if (p !== NO_NODE) this.insertEdge(p, chars[i] as number, children[i] as number);
    }
  }

  private insertEdge(parent: number, ch: number, child: number): void {
    let at = this.slot(parent, ch);
    while (this.edgeParent[at] !== NO_NODE) at = (at + 1) & this.edgeMask;
    this.edgeParent[at] = parent;
    this.edgeChar[at] = ch;
    this.edgeChild[at] = child;
    this.edgeCount += 1;
  }

  /** Inserts a word; returns its node. */
  insert(word: string): number {
    let node = this.rootChildren[word.charCodeAt(0)] as number;
    if (node === NO_NODE) {
      node = this.newNode(NO_NODE, word.charCodeAt(0));
      this.rootChildren[word.charCodeAt(0)] = node;
    }
    for (let i = 1; i < word.length; i += 1) {
      const ch = word.charCodeAt(i);
      let next = this.child(node, ch);
      if (next === NO_NODE) {
        if ((this.edgeCount + 1) * 2 > this.edgeParent.length) this.grow();
        next = this.newNode(node, ch);
        this.insertEdge(node, ch, next);
      }
      node = next;
    }
    return node;
  }

  freq(node: number): number {
    return this.freqs[node] ?? 0;
  }

  setFreq(node: number, freq: number): void {
    this.freqs[node] = freq;
  }
}

/** `check` of a slot no node holds. */
const FREE_SLOT = -2;
/** Int32 words per slot record: [log probability (as a float64), base, check]. */
const SLOT_WORDS = 4;
const BASE = 2;
const CHECK = 3;

/**
 * A compiled dictionary: the trie as a double array over dense character codes, in buffers that
 * threads can share (`SharedArrayBuffer`), so only one thread builds it.
 *
 * Characters have codes 1 … (number of distinct characters), the most frequent first; 0 is the
 * code of characters no word has. Node `s` has the child of code `c` at slot `base(s) + c` when
 * that slot's `check` is `s`; a root child (a one-character word or prefix) sits at the slot of
 * its code, with `check` `NO_WORD`; `base` is −1 for a node without children. A slot's record
 * holds side by side its log probability (log(frequency) − log(total); −Infinity for prefix-only
 * nodes and free slots), base and check, so each step of a walk reads one record. Node ids are
 * slots (word ids).
 */
export interface SegmenterTables {
  /** Code per UTF-16 code unit. */
  codes: Uint16Array;
  /** `SLOT_WORDS` Int32 words per slot. */
  records: Int32Array;
  /** Last character per slot (0 for free slots). */
  chars: Uint16Array;
  /** Log probability of a character no word has: −log(total). */
  unknownLogProb: number;
}

function sharedArray<T>(make: new (buffer: SharedArrayBuffer) => T, bytes: number): T {
  return new make(new SharedArrayBuffer(bytes));
}

/**
 * Base of each node with children, placed breadth first: a node with one child takes the first
 * free slot that fits (union-find over `next` with path halving finds it); a node with several
 * children tries free slots in order through `nextOpen`, which drops a hole after several nodes
 * failed to fit there (it stays free for single children). Returns the slot of every node.
 */
function placeNodes(
  nodeCount: number,
  maxCode: number,
  childStart: Int32Array,
  children: Int32Array,
  childCodes: Int32Array,
): { slotOf: Int32Array; base: Int32Array; check: Int32Array } {
  let capacity = nodeCount * 2 + maxCode * 2 + 1;
  let check = new Int32Array(capacity).fill(FREE_SLOT);
  let base = new Int32Array(capacity).fill(-1);
  let next = new Int32Array(capacity + 1);
  for (let i = 0; i <= capacity; i += 1) next[i] = i;
  let nextOpen = next.slice();
  let tries = new Uint8Array(capacity);
  const ensure = (size: number): void => {
    if (size < capacity) return;
    const old = capacity;
    while (capacity <= size) capacity *= 2;
    check = grown(check, capacity);
    check.fill(FREE_SLOT, old);
    base = grown(base, capacity);
    base.fill(-1, old);
    next = grown(next, capacity + 1);
    nextOpen = grown(nextOpen, capacity + 1);
    for (let i = old + 1; i <= capacity; i += 1) {
      next[i] = i;
      nextOpen[i] = i;
    }
    tries = grown(tries, capacity);
  };
  const findFree = (links: Int32Array, from: number): number => {
    let at = from;
    while (links[at] !== at) {
      const up = links[links[at] as number] as number;
      links[at] = up;
      at = up;
    }
    return at;
  };
  const slotOf = new Int32Array(nodeCount);
  // Slot 0 is never used: code 0 means "no such character".
  next[0] = 1;
  nextOpen[0] = 1;
  const queue = new Int32Array(nodeCount);
  let tail = 0;
  for (let i = childStart[0] as number; i < (childStart[1] as number); i += 1) {
    const node = children[i] as number;
    const slot = childCodes[i] as number;
    slotOf[node] = slot;
    check[slot] = NO_NODE;
    next[slot] = slot + 1;
    nextOpen[slot] = slot + 1;
    queue[tail++] = node;
  }
  for (let head = 0; head < tail; head += 1) {
    const node = queue[head] as number;
    const from = childStart[node + 1] as number;
    const to = childStart[node + 2] as number;
    if (from === to) continue;
    const firstCode = childCodes[from] as number;
    let b: number;
    if (to - from === 1) {
      ensure(firstCode + 1);
      b = findFree(next, firstCode + 1) - firstCode;
    } else {
      ensure(firstCode + 1);
      let slot = findFree(nextOpen, firstCode + 1);
      for (;;) {
        b = slot - firstCode;
        ensure(b + maxCode + 1);
        let fits = true;
        for (let i = from + 1; i < to && fits; i += 1)
          fits = check[b + (childCodes[i] as number)] === FREE_SLOT;
        if (fits) break;
        tries[slot] = (tries[slot] as number) + 1;
        if ((tries[slot] as number) >= 6) nextOpen[slot] = slot + 1;
        slot = findFree(nextOpen, slot + 1);
      }
    }
    ensure(b + maxCode + 1);
    const parentSlot = slotOf[node] as number;
    base[parentSlot] = b;
    for (let i = from; i < to; i += 1) {
      const child = children[i] as number;
      const slot = b + (childCodes[i] as number);
      slotOf[child] = slot;
      check[slot] = parentSlot;
      next[slot] = slot + 1;
      nextOpen[slot] = slot + 1;
      queue[tail++] = child;
    }
  }
  return { slotOf, base, check };
}

/** Compiles a dictionary trie into shareable tables (see `SegmenterTables`). */
function compileTrie(builder: TrieBuilder, total: number): SegmenterTables {
  const nodeCount = builder.nodeCount;
  const chars = builder.chars;
  const parents = builder.parents;
  // Codes: characters by how many nodes end in them, most first (ties by code unit).
  const uses = new Int32Array(65536);
  for (let node = 0; node < nodeCount; node += 1) {
    const ch = chars[node] as number;
    uses[ch] = (uses[ch] as number) + 1;
  }
  const used: number[] = [];
  for (let ch = 0; ch < 65536; ch += 1) if ((uses[ch] as number) > 0) used.push(ch);
  used.sort((a, b) => (uses[b] as number) - (uses[a] as number) || a - b);
  const codes = sharedArray(Uint16Array, 65536 * 2);
  used.forEach((ch, i) => (codes[ch] = i + 1));
  const maxCode = used.length;

  // Children of each node sorted by code: nodes in code order (counting sort), then a stable
  // counting sort by parent (parent + 1, so the root's children come first).
  const byCode = new Int32Array(maxCode + 2);
  for (let node = 0; node < nodeCount; node += 1) {
    const at = (codes[chars[node] as number] as number) + 1;
    byCode[at] = (byCode[at] as number) + 1;
  }
  for (let i = 1; i < byCode.length; i += 1) byCode[i] = (byCode[i] as number) + (byCode[i - 1] as number);
  const inCodeOrder = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node += 1) {
    const code = codes[chars[node] as number] as number;
    inCodeOrder[byCode[code] as number] = node;
    byCode[code] = (byCode[code] as number) + 1;
  }
  const childStart = new Int32Array(nodeCount + 2);
  for (let node = 0; node < nodeCount; node += 1) {
    const at = (parents[node] as number) + 2;
    childStart[at] = (childStart[at] as number) + 1;
  }
  for (let i = 1; i < childStart.length; i += 1)
    childStart[i] = (childStart[i] as number) + (childStart[i - 1] as number);
  const children = new Int32Array(nodeCount);
  const childCodes = new Int32Array(nodeCount);
  const fill = childStart.slice();
  for (const node of inCodeOrder) {
    const at = (parents[node] as number) + 1;
    const i = fill[at] as number;
    children[i] = node;
    childCodes[i] = codes[chars[node] as number] as number;
    fill[at] = i + 1;
  }

  const { slotOf, base, check } = placeNodes(nodeCount, maxCode, childStart, children, childCodes);
  let last = 0;
  let maxBase = 0;
  for (let slot = 0; slot < check.length; slot += 1) {
    if (check[slot] === FREE_SLOT) continue;
    last = slot;
    maxBase = Math.max(maxBase, base[slot] as number);
  }
  // Room for any base + any code, so no walk reads past the end.
  const slotCount = Math.max(last, maxBase + maxCode) + 1;
  const records = sharedArray(Int32Array, slotCount * SLOT_WORDS * 4);
  const logProbs = new Float64Array(records.buffer);
  const slotChars = sharedArray(Uint16Array, slotCount * 2);
  for (let slot = 0; slot < slotCount; slot += 1) {
    const inUse = slot < check.length && check[slot] !== FREE_SLOT;
    records[slot * SLOT_WORDS + BASE] = inUse ? (base[slot] as number) : -1;
    records[slot * SLOT_WORDS + CHECK] = inUse ? (check[slot] as number) : FREE_SLOT;
    logProbs[slot * (SLOT_WORDS / 2)] = Number.NEGATIVE_INFINITY;
  }
  const logTotal = Math.log(total);
  for (let node = 0; node < nodeCount; node += 1) {
    const slot = slotOf[node] as number;
    const freq = builder.freq(node);
    if (freq > 0) logProbs[slot * (SLOT_WORDS / 2)] = Math.log(freq) - logTotal;
    slotChars[slot] = chars[node] as number;
  }
  return { codes, records, chars: slotChars, unknownLogProb: -logTotal };
}

/**
 * Called for each word [start, end) of a text. `word` identifies the word in the segmenter's
 * dictionary trie (every prefix of a dictionary word has an id; see `wordText`), or is `NO_WORD`
 * for words the trie does not hold (joined Latin letters and digits, characters it lacks).
 */
export type WordCallback = (start: number, end: number, word: number) => void;

/** Segments text into words with a word-frequency dictionary (jieba's algorithm without HMM). */
export class DictionarySegmenter {
  private readonly codes: Uint16Array;
  private readonly records: Int32Array;
  private readonly logProbs: Float64Array;
  private readonly chars: Uint16Array;
  private readonly unknownLogProb: number;
  private route = new Float64Array(1024);
  private routeEnd = new Int32Array(1024);
  private routeWord = new Int32Array(1024);
  /** Character codes of the run being segmented. */
  private runCodes = new Int32Array(1024);

  /**
   * A segmenter over compiled tables: `buildSegmenterTables` of the dictionaries (possibly built
   * by another thread and shared).
   */
  constructor(private readonly tables: SegmenterTables) {
    this.codes = tables.codes;
    this.records = tables.records;
    this.logProbs = new Float64Array(tables.records.buffer, tables.records.byteOffset);
    this.chars = tables.chars;
    this.unknownLogProb = tables.unknownLogProb;
  }

  /** A segmenter of dictionaries: texts of `word freq [tag]` lines, later ones overriding earlier frequencies. */
  static fromDictionaries(dictionaries: readonly string[]): DictionarySegmenter {
    return new DictionarySegmenter(buildSegmenterTables(dictionaries));
  }

  /** The compiled tables (to share with other threads). */
  get sharedTables(): SegmenterTables {
    return this.tables;
  }

  /**
   * Word ids are below this bound (not every id below it is a word). Ids depend only on the
   * dictionaries, so segmenters built from the same ones (one per thread) agree on them.
   */
  get wordCount(): number {
    return this.chars.length;
  }

  /** The id of the word one character shorter (`NO_WORD` for one-character words and non-words). */
  parentWord(word: number): number {
    const parent = this.records[word * SLOT_WORDS + CHECK] as number;
    return parent === FREE_SLOT ? NO_WORD : parent;
  }

  /** The last UTF-16 code unit of a word (0 for an id that is no word). */
  lastChar(word: number): number {
    return this.chars[word] as number;
  }

  /** The text of a word id. */
  wordText(word: number): string {
    const codes: number[] = [];
    for (let node = word; node !== NO_NODE; node = this.parentWord(node))
      codes.push(this.chars[node] as number);
    return String.fromCharCode(...codes.reverse());
  }

  /** The id of a word (lower case, as the dictionary holds it), or `NO_WORD`. */
  wordId(text: string): number {
    if (text.length === 0) return NO_WORD;
    const first = this.codes[text.charCodeAt(0)] as number;
    let node = first !== 0 && this.records[first * SLOT_WORDS + CHECK] === NO_NODE ? first : NO_NODE;
    for (let i = 1; i < text.length && node !== NO_NODE; i += 1) {
      const b = this.records[node * SLOT_WORDS + BASE] as number;
      const code = this.codes[text.charCodeAt(i)] as number;
      node =
        b >= 0 && code !== 0 && this.records[(b + code) * SLOT_WORDS + CHECK] === node ? b + code : NO_NODE;
    }
    return node;
  }

  /**
   * Calls `emit(start, end, word)` for every word of the segmentable runs of `text` (CJK
   * ideographs, Latin letters, digits and `+#&._%-`); other characters (punctuation, spaces) are
   * skipped.
   */
  forEachWord(text: string, emit: WordCallback): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isRunChar(text.charCodeAt(i))) {
        i += 1;
        continue;
      }
      let j = i + 1;
      while (j < n && isRunChar(text.charCodeAt(j))) j += 1;
      this.segmentRun(text, i, j, emit);
      i = j;
    }
  }

  private segmentRun(text: string, start: number, end: number, emit: WordCallback): void {
    const length = end - start;
    if (this.route.length < length + 1) {
      this.route = new Float64Array((length + 1) * 2);
      this.routeEnd = new Int32Array((length + 1) * 2);
      this.routeWord = new Int32Array((length + 1) * 2);
      this.runCodes = new Int32Array((length + 1) * 2);
    }
    const route = this.route;
    const routeEnd = this.routeEnd;
    const routeWord = this.routeWord;
    const runCodes = this.runCodes;
    const charCodes = this.codes;
    const records = this.records;
    const logProbs = this.logProbs;
    for (let k = 0; k < length; k += 1) runCodes[k] = charCodes[text.charCodeAt(start + k)] as number;
    route[length] = 0;
    for (let k = length - 1; k >= 0; k -= 1) {
      let best = Number.NEGATIVE_INFINITY;
      let bestEnd = k;
      // A root child sits at the slot of its code (slot 0, code of no character, holds no node).
      const code = runCodes[k] as number;
      const first = records[code * SLOT_WORDS + CHECK] === NO_NODE ? code : NO_NODE;
      let bestWord = first;
      let node = first;
      let found = false;
      let at = k;
      while (node !== NO_NODE) {
        const p = logProbs[node * (SLOT_WORDS / 2)] as number;
        if (p !== Number.NEGATIVE_INFINITY) {
          found = true;
          const score = p + (route[at + 1] as number);
          // Ties go to the longer word, as in jieba.
          if (score >= best) {
            best = score;
            bestEnd = at;
            bestWord = node;
          }
        }
        at += 1;
        if (at >= length) break;
        const b = records[node * SLOT_WORDS + BASE] as number;
        if (b < 0) break;
        const next = b + (runCodes[at] as number);
        node = records[next * SLOT_WORDS + CHECK] === node ? next : NO_NODE;
      }
      if (!found) {
        best = this.unknownLogProb + (route[k + 1] as number);
        bestEnd = k;
        bestWord = first;
      }
      route[k] = best;
      routeEnd[k] = bestEnd;
      routeWord[k] = bestWord;
    }
    // Consecutive single Latin letters or digits form one word (156, 3mg).
    let pending = -1;
    let x = 0;
    while (x < length) {
      const y = (routeEnd[x] as number) + 1;
      if (y - x === 1 && isAsciiAlnum(text.charCodeAt(start + x))) {
        if (pending < 0) pending = x;
      } else {
        if (pending >= 0) {
          emit(start + pending, start + x, x - pending === 1 ? (routeWord[pending] as number) : NO_WORD);
          pending = -1;
        }
        emit(start + x, start + y, routeWord[x] as number);
      }
      x = y;
    }
    if (pending >= 0)
      emit(start + pending, end, length - pending === 1 ? (routeWord[pending] as number) : NO_WORD);
  }

  /** Every word of `text` in order, including punctuation as single characters (whitespace dropped). */
  cut(text: string): string[] {
    const out: string[] = [];
    let last = 0;
    const pushGap = (to: number): void => {
      for (let i = last; i < to; i += 1) {
        const ch = text[i] ?? "";
        if (ch.trim().length > 0) out.push(ch);
      }
    };
    this.forEachWord(text, (s, e) => {
      pushGap(s);
      out.push(text.slice(s, e));
      last = e;
    });
    pushGap(text.length);
    return out;
  }
}

/** Compiles dictionaries (texts of `word freq [tag]` lines, later ones overriding earlier frequencies). */
export function buildSegmenterTables(dictionaries: readonly string[]): SegmenterTables {
  const builder = new TrieBuilder(600_000);
  let total = 0;
  forEachDictionaryWord(dictionaries, (word, freq) => {
    const node = builder.insert(word);
    total += freq - builder.freq(node);
    builder.setFreq(node, freq);
  });
  return compileTrie(builder, total);
}

let shared: DictionarySegmenter | undefined;

/**
 * One segmenter per thread: jieba's default dictionary plus the legal user dictionary, compiled
 * here or, in a worker, shared by the thread that started it (`useLegalSegmenterTables`).
 */
export function getLegalSegmenter(): DictionarySegmenter {
  shared ??= DictionarySegmenter.fromDictionaries([
    new TextDecoder().decode(dict),
    buildJiebaUserDictionary(),
  ]);
  return shared;
}

/** Makes this thread's legal segmenter use tables another thread compiled (`getLegalSegmenter().sharedTables`). */
export function useLegalSegmenterTables(tables: SegmenterTables): void {
  shared = new DictionarySegmenter(tables);
}
