import { beforeAll, describe, expect, it } from "vitest";
import { needsSharedData } from "../../../../../../scripts/shared-data";
import { lawCorpusFiles, loadLawCorpus, toLawArticleRecord, toLawRecord } from "./laws.loader";
import type { LawCorpus } from "./laws.types";
import { LAW_CORPUS_FILES, LAWS_DIR } from "./laws.test-support";

// Loading the corpus takes a few seconds, more on a busy machine.
const CORPUS_TIMEOUT = 120_000;

describe("record conversion", () => {
  it("names the line and field of malformed input", () => {
    expect(() => toLawRecord({ id: "law-x", title: 3 }, "laws.jsonl:7")).toThrow(/laws\.jsonl:7.*"title"/u);
    expect(() =>
      toLawArticleRecord(
        { law_id: "law-x", number: 0, suffix: "", article: "第零条", part: null, headings: [], text: "" },
        1,
        "a:1",
      ),
    ).toThrow(/bad article number/u);
  });
});

describe("the laws corpus", needsSharedData(...LAW_CORPUS_FILES), () => {
  let corpus: LawCorpus;
  beforeAll(async () => {
    corpus = await loadLawCorpus(lawCorpusFiles(LAWS_DIR));
  }, CORPUS_TIMEOUT);

  const lawsTitled = (title: string) => corpus.laws.filter((law) => law.title === title);
  const articlesOf = (lawIds: readonly string[]) => corpus.articles.filter((a) => lawIds.includes(a.lawId));

  it("holds the documents and articles the README counts", () => {
    expect(corpus.laws).toHaveLength(1512);
    expect(corpus.articles).toHaveLength(64665);
    const latest = new Set(corpus.laws.filter((law) => law.isLatestVersion).map((law) => law.id));
    expect(latest.size).toBe(1435);
    expect(corpus.articles.filter((a) => latest.has(a.lawId))).toHaveLength(58928);
    expect(corpus.laws.filter((law) => law.articleCount === 0)).toHaveLength(83);
    expect(corpus.laws.filter((law) => law.category === "行政法规")).toHaveLength(683);
    expect(corpus.laws.filter((law) => law.category === "司法解释")).toHaveLength(439);
  });

  it("gives unique ids and numbers positions from 1 within each law", () => {
    expect(new Set(corpus.laws.map((law) => law.id)).size).toBe(1512);
    expect(new Set(corpus.articles.map((a) => a.id)).size).toBe(64665);
    const positions = new Map<string, number[]>();
    for (const a of corpus.articles) positions.set(a.lawId, [...(positions.get(a.lawId) ?? []), a.position]);
    for (const list of positions.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  it("has the Civil Code as eight parts holding articles 1 to 1260 once each", () => {
    const parts = lawsTitled("中华人民共和国民法典");
    expect(parts).toHaveLength(8);
    const numbers = articlesOf(parts.map((p) => p.id))
      .map((a) => a.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 1260 }, (_, i) => i + 1));
    expect(parts.every((p) => p.titleKey === "民法典" && p.shortTitle === "民法典")).toBe(true);
  });

  it("has the Criminal Law with 452 numbered articles and 53 inserted ones", () => {
    const [criminal] = lawsTitled("中华人民共和国刑法");
    const articles = articlesOf([criminal?.id ?? ""]);
    expect(articles).toHaveLength(505);
    expect(articles.filter((a) => a.suffix !== "")).toHaveLength(53);
    expect(Math.max(...articles.map((a) => a.number))).toBe(452);
    expect(articles.find((a) => a.number === 133 && a.suffix === "之一")?.id).toBe(`${criminal?.id}/133-1`);
    expect(criminal?.effectiveFrom).toBe("1997-10-01");
  });

  it("dates the two Civil Procedure Law versions by their commencement", () => {
    const versions = lawsTitled("中华人民共和国民事诉讼法").map((law) => [
      law.versionDate,
      law.effectiveFrom,
      law.isLatestVersion,
    ]);
    expect(versions).toEqual(
      expect.arrayContaining([
        ["2021-12-24", "2022-01-01", false],
        ["2023-09-01", "2024-01-01", true],
      ]),
    );
    const latest = lawsTitled("中华人民共和国民事诉讼法").find((law) => law.isLatestVersion);
    expect(articlesOf([latest?.id ?? ""])).toHaveLength(306);
  });

  it("keeps the gap the README notes in the Criminal Procedure Law", () => {
    const [procedure] = lawsTitled("中华人民共和国刑事诉讼法");
    const numbers = new Set(articlesOf([procedure?.id ?? ""]).map((a) => a.number));
    expect(numbers.size).toBe(307);
    expect(numbers.has(127)).toBe(true);
    expect(numbers.has(128)).toBe(false);
  });

  it("reads the repeals the corpus states, dated", () => {
    const repeal = (key: string) => corpus.repeals.filter((r) => r.repealedTitleKey === key);
    expect(repeal("合同法")).toEqual([
      expect.objectContaining({
        repealedOn: "2021-01-01",
        repealedByTitle: "中华人民共和国民法典",
        repealedByArticle: "第一千二百六十条",
      }),
    ]);
    for (const key of [
      "侵权责任法",
      "民法通则",
      "担保法",
      "物权法",
      "婚姻法",
      "继承法",
      "收养法",
      "民法总则",
    ]) {
      expect(repeal(key).map((r) => r.repealedOn)).toEqual(["2021-01-01"]);
    }
    // 本法自公布之日起施行: dated by the adoption of the 1991 law, not by the 2023 amendment.
    expect(repeal("民事诉讼法(试行)").map((r) => r.repealedOn)).toEqual(["1991-04-09"]);
    expect(repeal("人民检察院刑事诉讼规则(试行)")).toEqual([
      expect.objectContaining({ repealedOn: "2019-12-30", repealedByTitle: "人民检察院刑事诉讼规则" }),
    ]);
  });
});
