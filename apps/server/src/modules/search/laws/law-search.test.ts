import { beforeAll, describe, expect, it } from "vitest";
import { needsSharedData } from "../../../../../../scripts/shared-data";
import type { LawCatalog } from "./law-catalog";
import { createMemoryLawCatalog } from "./law-catalog.memory";
import { findArticleInForce, findLawVersions } from "./law-lookup";
import { searchLaws, type LawSearchResult } from "./law-search";
import { lawCorpusFiles, loadLawCorpus } from "./laws.loader";
import { LAW_CORPUS_FILES, LAWS_DIR } from "./laws.test-support";

// Loading the corpus takes a few seconds, more on a busy machine.
const CORPUS_TIMEOUT = 120_000;

function describeResult(result: LawSearchResult | undefined): string {
  if (!result) return "";
  return result.kind === "law" ? result.label["zh-CN"] : result.label["zh-CN"];
}

describe("law search", needsSharedData(...LAW_CORPUS_FILES), () => {
  let catalog: LawCatalog;
  beforeAll(async () => {
    catalog = createMemoryLawCatalog(await loadLawCorpus(lawCorpusFiles(LAWS_DIR)), { buildIndexNow: true });
  }, CORPUS_TIMEOUT);

  it.each([
    ["民法典", "《中华人民共和国民法典》"],
    ["民诉法", "《中华人民共和国民事诉讼法》"],
    ["《民事诉讼法》", "《中华人民共和国民事诉讼法》"],
    ["中华人民共和国刑法", "《中华人民共和国刑法》"],
    ["在线诉讼规则", "《人民法院在线诉讼规则》"],
  ])("finds the law titled %s first", async (query, label) => {
    const { results } = await searchLaws(catalog, query);
    expect(results[0]?.kind).toBe("law");
    expect(describeResult(results[0])).toBe(label);
  });

  it("lists a law's versions with their in-force dates", async () => {
    const [law] = (await searchLaws(catalog, "民诉法")).results;
    expect(law?.kind === "law" && law.versions.map((v) => [v.versionDate, v.effectiveFrom])).toEqual([
      ["2021-12-24", "2022-01-01"],
      ["2023-09-01", "2024-01-01"],
    ]);
    expect(law?.kind === "law" && law.aliases).toContain("民诉法");
    expect(law?.label.en).toBe("Civil Procedure Law of the PRC");
  });

  it.each([
    ["民法典第五百七十七条", "《中华人民共和国民法典》第五百七十七条"],
    ["民法典 577", "《中华人民共和国民法典》第五百七十七条"],
    ["《民法典》第577条", "《中华人民共和国民法典》第五百七十七条"],
    ["刑法133之一", "《中华人民共和国刑法》第一百三十三条之一"],
    ["刑法第一百三十三条之一第一款第（二）项", "《中华人民共和国刑法》第一百三十三条之一第一款第（二）项"],
    ["民诉法解释第九十条", "《最高人民法院关于适用《中华人民共和国民事诉讼法》的解释》第九十条"],
    ["第五百七十七条", "《中华人民共和国民法典》第五百七十七条"],
    ["577", "《中华人民共和国民法典》第五百七十七条"],
    ["133之一", "《中华人民共和国刑法》第一百三十三条之一"],
    ["第一百三十三条之一", "《中华人民共和国刑法》第一百三十三条之一"],
  ])("finds the article asked for as %s", async (query, label) => {
    const { results } = await searchLaws(catalog, query);
    expect(results[0]?.kind === "article" && results[0].isExact).toBe(true);
    expect(describeResult(results[0])).toBe(label);
  });

  it("returns the cited item with the article", async () => {
    const [hit] = (await searchLaws(catalog, "刑法第一百三十三条之一第一款第（二）项")).results;
    expect(hit?.kind === "article" && hit.excerpt).toBe("（二）醉酒驾驶机动车的；");
    expect(hit?.label.en).toBe("Criminal Law of the PRC, Article 133-1, paragraph 1, item (2)");
  });

  it("looks up the version in force on a date", async () => {
    const before = await searchLaws(catalog, "民诉法第二百九十一条", { at: "2023-06-01" });
    const after = await searchLaws(catalog, "民诉法第二百九十一条", { at: "2024-06-01" });
    const lawOf = (r: LawSearchResult | undefined) => (r?.kind === "article" ? r.law.versionDate : null);
    expect(lawOf(before.results[0])).toBe("2021-12-24");
    expect(lawOf(after.results[0])).toBe("2023-09-01");
    // The 2021 text ends at 第二百九十一条; the 2023 one goes on to 第三百零六条.
    expect((await searchLaws(catalog, "民诉法第三百零六条", { at: "2023-06-01" })).results).toEqual([]);
  });

  it("ranks articles holding the exact words first", async () => {
    const { results, interpretation } = await searchLaws(catalog, "醉酒驾驶机动车", { limit: 5 });
    expect(interpretation.text).toBe("醉酒驾驶机动车");
    const labels = results.map(describeResult);
    expect(labels).toContain("《中华人民共和国刑法》第一百三十三条之一");
    expect(results.every((r) => r.kind === "article" && r.article.text.includes("醉酒驾驶机动车"))).toBe(
      true,
    );
  });

  it("searches words inside one law when the query starts with its title", async () => {
    const { results } = await searchLaws(catalog, "民法典 违约责任", { limit: 10 });
    expect(results.length).toBe(10);
    expect(results.every((r) => r.kind === "article" && r.law.title === "中华人民共和国民法典")).toBe(true);
    expect(results.map(describeResult)).toContain("《中华人民共和国民法典》第五百七十七条");
  });

  it("finds the blockchain-evidence rules by their words", async () => {
    const { results } = await searchLaws(catalog, "区块链 电子数据", { limit: 3 });
    expect(results.every((r) => r.kind === "article" && r.law.title === "人民法院在线诉讼规则")).toBe(true);
  });

  it("offers laws whose title contains the words before full-text hits", async () => {
    const { results } = await searchLaws(catalog, "互联网法院", { limit: 5 });
    expect(describeResult(results[0])).toBe("《最高人民法院关于互联网法院审理案件若干问题的规定》");
    expect(results.slice(1).every((r) => r.kind === "article")).toBe(true);
  });

  it("answers nothing for an empty query", async () => {
    expect((await searchLaws(catalog, "  ")).results).toEqual([]);
  });

  it("gives the versions of a law and an article as in force, by any title", async () => {
    expect((await findLawVersions(catalog, "民诉法")).map((v) => v.versionDate)).toEqual([
      "2021-12-24",
      "2023-09-01",
    ]);
    expect((await findLawVersions(catalog, "不存在法")).length).toBe(0);
    const found = await findArticleInForce(catalog, "民法典", 1260, "", "2024-01-01");
    expect(found?.article.text).toMatch(/^本法自2021年1月1日起施行/u);
  });
});
