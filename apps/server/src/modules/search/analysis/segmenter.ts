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
 * A prefix trie over UTF-16 code units: root children in a direct table, deeper edges in an
 * open-addressing hash. Each node knows its parent and last character (its word can be rebuilt)
 * and whether it has children (a walk stops without a failed probe).
 */
class WordTrie {
  private readonly rootChildren = new Int32Array(65536).fill(NO_NODE);
  private edgeParent: Int32Array;
  private edgeChar: Uint16Array;
  private edgeChild: Int32Array;
  private edgeMask: number;
  private edgeCount = 0;
  /** Frequency per node (0 when the node is only a prefix). */
  private freqs = new Float64Array(1 << 16);
  parents = new Int32Array(1 << 16);
  chars = new Uint16Array(1 << 16);
  hasChildren = new Uint8Array(1 << 16);
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
      this.hasChildren = grown(this.hasChildren, size);
    }
    const node = this.nodeCount++;
    this.parents[node] = parent;
    this.chars[node] = ch;
    if (parent !== NO_NODE) this.hasChildren[parent] = 1;
    return node;
  }

  private slot(parent: number, ch: number): number {
    let h = Math.imul(parent, 0x9e3779b1) + ch;
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    return h & this.edgeMask;
  }

  child(parent: number, ch: number): number {
    let at = this.slot(parent, ch);
    for (;;) {
      const p = this.edgeParent[at] as number;
      if (p === NO_NODE) return NO_NODE;
      if (p === parent && this.edgeChar[at] === ch) return this.edgeChild[at] as number;
      at = (at + 1) & this.edgeMask;
    }
  }

  root(ch: number): number {
    return this.rootChildren[ch] as number;
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

/**
 * Called for each word [start, end) of a text. `word` identifies the word in the segmenter's
 * dictionary trie (every prefix of a dictionary word has an id; see `wordText`), or is `NO_WORD`
 * for words the trie does not hold (joined Latin letters and digits, characters it lacks).
 */
export type WordCallback = (start: number, end: number, word: number) => void;

/** Segments text into words with a word-frequency dictionary (jieba's algorithm without HMM). */
export class DictionarySegmenter {
  private readonly trie: WordTrie;
  /** log(frequency) − log(total) per node, −Infinity for prefix-only nodes. */
  private readonly logProb: Float64Array;
  private readonly unknownLogProb: number;
  private route = new Float64Array(1024);
  private routeEnd = new Int32Array(1024);
  private routeWord = new Int32Array(1024);

  /** `dictionaries`: texts of `word freq [tag]` lines, later ones overriding earlier frequencies. */
  constructor(dictionaries: readonly string[]) {
    this.trie = new WordTrie(600_000);
    let total = 0;
    forEachDictionaryWord(dictionaries, (word, freq) => {
      const node = this.trie.insert(word);
      total += freq - this.trie.freq(node);
      this.trie.setFreq(node, freq);
    });
    const logTotal = Math.log(total);
    this.logProb = new Float64Array(this.trie.nodeCount);
    for (let node = 0; node < this.trie.nodeCount; node += 1) {
      const freq = this.trie.freq(node);
      this.logProb[node] = freq > 0 ? Math.log(freq) - logTotal : Number.NEGATIVE_INFINITY;
    }
    this.unknownLogProb = -logTotal;
  }

  /**
   * Number of word ids (0 … wordCount − 1; a word's prefixes have smaller ids). Ids depend only on
   * the dictionaries, so segmenters built from the same ones (one per thread) agree on them.
   */
  get wordCount(): number {
    return this.trie.nodeCount;
  }

  /** The id of the word one character shorter (`NO_WORD` for one-character words). */
  parentWord(word: number): number {
    return this.trie.parents[word] as number;
  }

  /** The last UTF-16 code unit of a word. */
  lastChar(word: number): number {
    return this.trie.chars[word] as number;
  }

  /** The text of a word id. */
  wordText(word: number): string {
    const codes: number[] = [];
    for (let node = word; node !== NO_NODE; node = this.trie.parents[node] as number)
      codes.push(this.trie.chars[node] as number);
    return String.fromCharCode(...codes.reverse());
  }

  /** The id of a word (lower case, as the dictionary holds it), or `NO_WORD`. */
  wordId(text: string): number {
    if (text.length === 0) return NO_WORD;
    let node = this.trie.root(text.charCodeAt(0));
    for (let i = 1; i < text.length && node !== NO_NODE; i += 1)
      node = this.trie.child(node, text.charCodeAt(i));
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
    }
    const route = this.route;
    const routeEnd = this.routeEnd;
    const routeWord = this.routeWord;
    const trie = this.trie;
    const hasChildren = trie.hasChildren;
    const logProb = this.logProb;
    route[length] = 0;
    for (let k = length - 1; k >= 0; k -= 1) {
      let best = Number.NEGATIVE_INFINITY;
      let bestEnd = k;
      const first = trie.root(text.charCodeAt(start + k));
      let bestWord = first;
      let node = first;
      let found = false;
      let at = k;
      while (node !== NO_NODE) {
        const p = logProb[node] as number;
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
        if (at >= length || hasChildren[node] === 0) break;
        node = trie.child(node, text.charCodeAt(start + at));
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

let shared: DictionarySegmenter | undefined;

/** One segmenter per thread: jieba's default dictionary plus the legal user dictionary. */
export function getLegalSegmenter(): DictionarySegmenter {
  shared ??= new DictionarySegmenter([new TextDecoder().decode(dict), buildJiebaUserDictionary()]);
  return shared;
}
