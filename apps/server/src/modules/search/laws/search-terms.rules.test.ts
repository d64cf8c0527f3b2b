import { describe, expect, it } from "vitest";
import {
  createTermInterner,
  encodeTerm,
  forEachIndexTermCode,
  indexTerms,
  queryRuns,
  termCode,
  tsqueryFor,
  tsvectorSource,
} from "./search-terms.rules";

describe("index terms", () => {
  it("splits Chinese runs into overlapping bigrams and keeps ASCII words whole", () => {
    expect(indexTerms("违约责任，依照GB 18667-2002")).toEqual([
      "违约",
      "约责",
      "责任",
      "依照",
      "gb",
      "18667",
      "2002",
    ]);
  });

  it("keeps a lone character between punctuation as its own term", () => {
    expect(indexTerms("（一）罪；")).toEqual(["一", "罪"]);
  });

  it("folds full-width letters and digits", () => {
    expect(indexTerms("ＡＢ１２")).toEqual(["ab12"]);
  });

  it("produces the same terms through the numeric path used to index the whole corpus", () => {
    const texts = [
      "违约责任，依照GB 18667-2002",
      "（一）罪；第𠀀𠀁条",
      "ＡＢ１２ 民法典第五百七十七条",
      "a",
      "",
    ];
    for (const text of texts) {
      const interner = createTermInterner();
      const codes: number[] = [];
      forEachIndexTermCode(text, interner.intern, (code) => codes.push(code));
      expect(codes).toEqual(indexTerms(text).map((term) => termCode(term, interner.lookup)));
    }
  });
});

describe("queries", () => {
  it("drops lone Chinese characters a bigram index cannot find", () => {
    expect(queryRuns("罪 违约责任")).toEqual([["违约", "约责", "责任"]]);
    expect(tsqueryFor("罪")).toBeNull();
  });

  it("writes phrases with <-> and joins phrases with &", () => {
    const a = encodeTerm("电子");
    const b = encodeTerm("子数");
    const c = encodeTerm("数据");
    const d = encodeTerm("区块");
    const e = encodeTerm("块链");
    expect(tsqueryFor("电子数据 区块链")).toBe(`(${a} <-> ${b} <-> ${c}) & (${d} <-> ${e})`);
    expect(tsqueryFor("电子数据", "all")).toBe(`(${a} & ${b} & ${c})`);
  });

  it("encodes terms as ASCII tokens, one per term", () => {
    expect(encodeTerm("约责")).toBe("t07ea608d23");
    expect(tsvectorSource("约责任")).toBe(`${encodeTerm("约责")} ${encodeTerm("责任")}`);
  });
});
