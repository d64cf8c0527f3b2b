import { dict } from "@node-rs/jieba/dict.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  baseJudgment,
  basesByCharge,
  createRandom,
  synthesizeJudgment,
  type BaseJudgment,
} from "../../../../../../bench/search/synthetic-judgments";
import { readCandidates } from "@netcourt/evaluation/lecard";
import { needsSharedData, sharedDataPath } from "../../../../../../scripts/shared-data";
import { countTerms } from "./analyze-judgment";
import { buildJiebaUserDictionary } from "./legal-dictionary";
import { normalizeNumerals } from "./numerals";
import { DictionarySegmenter, forEachDictionaryWord, getLegalSegmenter, NO_WORD } from "./segmenter";
import { createTextAnalyzer } from "./tokenizer";

const CANDIDATES = sharedDataPath("lecard", "candidates.jsonl.gz");

/**
 * jieba's algorithm without HMM written the plain way (a word-frequency map with every prefix,
 * substrings looked up one by one), as the segmenter was first written, over the same dictionary
 * lines: the trie must give the same words.
 */
function referenceSegmenter(dictionaries: readonly string[]): (text: string, runsOnly?: boolean) => string[] {
  const freqs = new Map<string, number>();
  let total = 0;
  forEachDictionaryWord(dictionaries, (word, freq) => {
    total += freq - (freqs.get(word) ?? 0);
    freqs.set(word, freq);
    for (let end = 1; end < word.length; end += 1) {
      const prefix = word.slice(0, end);
      if (!freqs.has(prefix)) freqs.set(prefix, 0);
    }
  });
  const logTotal = Math.log(total);
  const isRun = (ch: string): boolean =>
    /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaffa-zA-Z0-9+#&._%-]/u.test(ch);
  const isAlnum = (ch: string): boolean => /[a-zA-Z0-9]/u.test(ch);
  const cutRun = (run: string, out: string[]): void => {
    const route: number[] = new Array<number>(run.length + 1).fill(0);
    const ends: number[] = [];
    for (let k = run.length - 1; k >= 0; k -= 1) {
      let best = Number.NEGATIVE_INFINITY;
      let bestEnd = k;
      let found = false;
      for (let end = k + 1; end <= run.length; end += 1) {
        const freq = freqs.get(run.slice(k, end));
        if (freq === undefined) break;
        if (freq > 0) {
          found = true;
          const score = Math.log(freq) - logTotal + (route[end] ?? 0);
          if (score >= best) {
            best = score;
            bestEnd = end - 1;
          }
        }
      }
      if (!found) best = -logTotal + (route[k + 1] ?? 0);
      route[k] = best;
      ends[k] = found ? bestEnd : k;
    }
    let pending = "";
    for (let x = 0; x < run.length;) {
      const y = (ends[x] ?? x) + 1;
      const word = run.slice(x, y);
      if (word.length === 1 && isAlnum(word)) pending += word;
      else {
        if (pending) out.push(pending);
        pending = "";
        out.push(word);
      }
      x = y;
    }
    if (pending) out.push(pending);
  };
  return (text: string, runsOnly = false): string[] => {
    const out: string[] = [];
    let run = "";
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] ?? "";
      if (isRun(ch)) {
        run += ch;
        continue;
      }
      if (run) cutRun(run, out);
      run = "";
      if (!runsOnly && ch.trim().length > 0) out.push(ch);
    }
    if (run) cutRun(run, out);
    return out;
  };
}

/** Words and word ids as the segmenter reports them; checks each id spells its word. */
function wordsWithIds(text: string, segmenter = getLegalSegmenter()): string[] {
  const words: string[] = [];
  segmenter.forEachWord(text, (start, end, word) => {
    const spelled = text.slice(start, end);
    words.push(word === NO_WORD || segmenter.wordText(word) === spelled ? spelled : `${spelled}≠#${word}`);
  });
  return words;
}

const SENTENCES = [
  "经审理查明，2018年1月15日，被告人张某驾驶湘A×××××号小型轿车，血液中乙醇含量为156.3mg/100ml。",
  "被告人构成掩饰、隐瞒犯罪所得罪，系累犯，具有自首情节，认罪认罚，赔偿被害人经济损失人民币3万余元。",
  "被告人李某以非法占有为目的，采用虚构事实的方法骗取他人财物共计人民币12800元，数额较大。",
  "扣押的手机（iPhone X）一部、甲基苯丙胺3.2克、K粉0.5克，已由公安机关依法处理。",
];

describe("DictionarySegmenter", () => {
  let reference: (text: string, runsOnly?: boolean) => string[];
  const analyzer = createTextAnalyzer();

  beforeAll(() => {
    reference = referenceSegmenter([new TextDecoder().decode(dict), buildJiebaUserDictionary()]);
  });

  it("cuts text as the plain jieba algorithm does, with word ids that spell the words", () => {
    for (const sentence of SENTENCES) {
      const text = normalizeNumerals(sentence).toLowerCase();
      expect(getLegalSegmenter().cut(text)).toEqual(reference(text));
      expect(wordsWithIds(text)).toEqual(reference(text, true));
    }
  });

  it("counts terms by word id exactly as tokenizing into strings does", () => {
    for (const sentence of SENTENCES) {
      const normalized = normalizeNumerals(sentence);
      const byString = countTerms(analyzer.tokenizeNormalized?.(normalized) ?? []);
      const byId = analyzer.countNormalized?.(normalized);
      const segmenter = getLegalSegmenter();
      const terms = new Map<string, number>();
      for (let i = 0; i < (byId?.words.length ?? 0); i += 2)
        terms.set(segmenter.wordText(byId?.words[i] ?? 0), byId?.words[i + 1] ?? 0);
      byId?.otherTerms.forEach((term, i) => terms.set(term, byId.otherFreqs[i] ?? 0));
      expect(terms).toEqual(new Map(byString.terms.map((term, i) => [term, byString.freqs[i]])));
      expect(byId?.length).toBe(byString.length);
    }
  });

  it(
    "cuts and counts LeCaRD facts as the plain algorithm and the string tokenizer do",
    { ...needsSharedData("lecard/candidates.jsonl.gz"), timeout: 120_000 },
    async () => {
      let checked = 0;
      for await (const candidate of readCandidates(CANDIDATES)) {
        if (checked++ % 50 !== 0) continue; // every 50th of the 4,903 candidates
        const normalized = normalizeNumerals(candidate.ajjbqk ?? "");
        const text = normalized.toLowerCase();
        expect(getLegalSegmenter().cut(text)).toEqual(reference(text));
        expect(wordsWithIds(text)).toEqual(reference(text, true));
        const byString = countTerms(analyzer.tokenizeNormalized?.(normalized) ?? []);
        const byId = analyzer.countNormalized?.(normalized);
        const terms = new Map<string, number>();
        for (let i = 0; i < (byId?.words.length ?? 0); i += 2)
          terms.set(getLegalSegmenter().wordText(byId?.words[i] ?? 0), byId?.words[i + 1] ?? 0);
        byId?.otherTerms.forEach((term, i) => terms.set(term, byId.otherFreqs[i] ?? 0));
        expect(terms).toEqual(new Map(byString.terms.map((term, i) => [term, byString.freqs[i]])));
      }
    },
  );
  it("gives every prefix of a dictionary word an id whose parent is the prefix one character shorter", () => {
    const segmenter = getLegalSegmenter();
    for (const word of ["危险驾驶", "甲基苯丙胺", "非法占有为目的", "盗窃罪", "自首"]) {
      const id = segmenter.wordId(word);
      expect(id).not.toBe(NO_WORD);
      expect(segmenter.wordText(id)).toBe(word);
      expect(segmenter.lastChar(id)).toBe(word.charCodeAt(word.length - 1));
      const parent = segmenter.parentWord(id);
      expect(segmenter.wordText(parent)).toBe(word.slice(0, -1));
      expect(id).toBeLessThan(segmenter.wordCount);
    }
    expect(segmenter.wordId("危险驾驶x罪")).toBe(NO_WORD);
    expect(segmenter.wordId("\u0001")).toBe(NO_WORD);
  });

  it("segments with tables shared by another thread exactly as with its own", () => {
    // Structured cloning shares the tables' SharedArrayBuffers, as with a worker's workerData.
    const copy = new DictionarySegmenter(structuredClone(getLegalSegmenter().sharedTables));
    for (const sentence of SENTENCES) {
      const text = normalizeNumerals(sentence).toLowerCase();
      expect(copy.cut(text)).toEqual(reference(text));
      expect(wordsWithIds(text, copy)).toEqual(wordsWithIds(text));
    }
  });

  it(
    "cuts synthetic judgments of the search benchmark as the plain algorithm does",
    { ...needsSharedData("lecard/candidates.jsonl.gz"), timeout: 120_000 },
    async () => {
      const bases: BaseJudgment[] = [];
      for await (const c of readCandidates(CANDIDATES)) bases.push(baseJudgment(c));
      const byCharge = basesByCharge(bases);
      const random = createRandom(3);
      for (let i = 0; i < 40; i += 1) {
        const doc = synthesizeJudgment(Math.floor(random() * 1_000_000), bases, byCharge);
        for (const section of [doc.title, doc.facts]) {
          const text = normalizeNumerals(section ?? "").toLowerCase();
          expect(getLegalSegmenter().cut(text)).toEqual(reference(text));
          expect(wordsWithIds(text)).toEqual(reference(text, true));
        }
      }
    },
  );
});
