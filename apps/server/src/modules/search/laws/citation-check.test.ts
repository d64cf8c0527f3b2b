import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { needsSharedData, sharedDataPath } from "../../../../../../scripts/shared-data";
import { checkCitations, type CitationCheckResult, type CitationFindingCode } from "./citation-check";
import type { LawCatalog } from "./law-catalog";
import { createMemoryLawCatalog } from "./law-catalog.memory";
import { lawCorpusFiles, loadLawCorpus } from "./laws.loader";
import { LAW_CORPUS_FILES, LAWS_DIR, judgmentDate } from "./laws.test-support";

// Loading the corpus takes a few seconds, more on a busy machine.
const CORPUS_TIMEOUT = 120_000;

const LECARD = sharedDataPath("lecard", "candidates.jsonl.gz");
const LECARD_V2 = sharedDataPath("lecardv2", "judgments.jsonl");
// The first lines of the candidates file are enough for a real sample and keep the test fast.
const LECARD_SAMPLE = 400;

async function readLecardSample(): Promise<Array<{ docId: number; text: string }>> {
  const lines = createInterface({
    input: createReadStream(LECARD).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const docs: Array<{ docId: number; text: string }> = [];
  for await (const line of lines) {
    const value = JSON.parse(line) as { doc_id: number; qw: string };
    docs.push({ docId: value.doc_id, text: value.qw });
    if (docs.length >= LECARD_SAMPLE) break;
  }
  lines.close();
  return docs;
}

describe("checkCitations", needsSharedData(...LAW_CORPUS_FILES), () => {
  let catalog: LawCatalog;
  beforeAll(async () => {
    catalog = createMemoryLawCatalog(await loadLawCorpus(lawCorpusFiles(LAWS_DIR)));
  }, CORPUS_TIMEOUT);

  const codes = (result: CitationCheckResult) => result.findings.map((f) => f.code);

  it.each<[string, string, string, CitationFindingCode[]]>([
    ["a correct article", "《中华人民共和国民法典》第五百七十七条", "2024-01-01", ["citation_ok"]],
    [
      "an article of a part other than the first",
      "《民法典》第一千零七十九条第三款第（二）项",
      "2024-01-01",
      ["citation_ok"],
    ],
    [
      "an article beyond the end of the Civil Code",
      "《民法典》第一千三百条",
      "2024-01-01",
      ["article_not_found"],
    ],
    [
      "an inserted article that does not exist",
      "《刑法》第一百三十三条之九",
      "2024-01-01",
      ["article_not_found"],
    ],
    [
      "the article missing upstream from the Criminal Procedure Law",
      "《刑事诉讼法》第一百二十八条",
      "2024-01-01",
      ["article_not_found"],
    ],
    [
      "a paragraph beyond the article",
      "《民事诉讼法》第一百二十二条第三款",
      "2024-06-01",
      ["paragraph_not_found"],
    ],
    [
      "an item beyond the paragraph",
      "《刑法》第一百三十三条之一第一款第（五）项",
      "2024-06-01",
      ["item_not_found"],
    ],
    [
      "a list with one bad item",
      "依照《中华人民共和国刑法》第二百三十四条第一款、第六十七条第四款之规定",
      "2024-06-01",
      ["citation_ok", "paragraph_not_found"],
    ],
    ["a range of existing articles", "《刑法》第十条至第十二条", "2024-06-01", ["citation_ok"]],
    [
      "a range running past the end",
      "《民法典》第一千二百五十九条至第一千二百六十二条",
      "2024-06-01",
      ["article_not_found"],
    ],
    [
      "a repealed law after its repeal",
      "《中华人民共和国合同法》第一百零七条",
      "2022-01-01",
      ["law_repealed"],
    ],
    ["a repealed law by its short title", "合同法第五十二条", "2022-01-01", ["law_repealed"]],
    ["a repealed law before its repeal", "《侵权责任法》第六条", "2019-01-01", ["law_text_unavailable"]],
    ["a law cited before it took effect", "《民法典》第五百七十七条", "2020-06-01", ["law_not_in_force"]],
    [
      "a superseded version named in the citation",
      "《中华人民共和国民事诉讼法》（2021年修正）第六十七条",
      "2024-06-01",
      ["version_superseded"],
    ],
    [
      "a version older than the catalogue",
      "《中华人民共和国民事诉讼法》（2017年修正）第六十四条",
      "2024-06-01",
      ["version_superseded"],
    ],
    [
      "a date before every version in the catalogue",
      "《民事诉讼法》第六十四条",
      "2015-06-01",
      ["version_unavailable"],
    ],
    ["an unknown law", "《中华人民共和国网络交易法》第三条", "2024-06-01", ["law_unknown"]],
    ["a clause of a contract, which is no law", "《房屋买卖合同》第三条", "2024-06-01", []],
    ["an interpretation cited by its alias", "民诉法解释第九十条", "2024-06-01", ["citation_ok"]],
    [
      "an interpretation with its issuer outside the brackets",
      "最高人民法院《关于处理自首和立功具体应用法律若干问题的解释》第一条第（二）项",
      "2015-06-01",
      ["citation_ok"],
    ],
    [
      "a rule repealed by its successor",
      "《人民检察院刑事诉讼规则（试行）》第一条",
      "2021-06-01",
      ["law_repealed"],
    ],
  ])("reports %s", async (_label, text, at, expected) => {
    expect(codes(await checkCitations(catalog, text, { at }))).toEqual(expected);
  });

  it("resolves the version in force on the date", async () => {
    const before = await checkCitations(catalog, "《民事诉讼法》第一百二十二条", { at: "2023-06-01" });
    const after = await checkCitations(catalog, "《民事诉讼法》第一百二十二条", { at: "2024-06-01" });
    expect(before.findings[0]?.law?.versionDate).toBe("2021-12-24");
    expect(after.findings[0]?.law?.versionDate).toBe("2023-09-01");
    expect(codes(before)).toEqual(["citation_ok"]);
  });

  it("names the successor article of a repealed law where it is known for sure", async () => {
    const [finding] = (
      await checkCitations(catalog, "依照《中华人民共和国合同法》第一百零七条之规定", { at: "2022-01-01" })
    ).findings;
    expect(finding?.successor?.title).toBe("中华人民共和国民法典");
    expect(finding?.successor?.repealedOn).toBe("2021-01-01");
    expect(finding?.successor?.articles.map((a) => a.label)).toEqual(["第五百七十七条"]);
    expect(finding?.successor?.articles[0]?.text).toMatch(/^当事人一方不履行合同义务/u);
    expect(finding?.message.en).toContain("Civil Code of the PRC, Article 577");
    expect(finding?.message["zh-CN"]).toContain("《中华人民共和国民法典》第五百七十七条");
  });

  it("claims no successor article where the rule changed", async () => {
    const [finding] = (await checkCitations(catalog, "《合同法》第五十二条", { at: "2022-01-01" })).findings;
    expect(finding?.successor?.title).toBe("中华人民共和国民法典");
    expect(finding?.successor?.articles).toEqual([]);
  });

  it("gives offsets, the cited text, the article text and the cited item", async () => {
    const text = "被告人的行为，依照《刑法》第一百三十三条之一第一款第（二）项、第五十二条之规定。";
    const result = await checkCitations(catalog, text, { at: "2024-06-01" });
    expect(result.findings.map((f) => text.slice(f.start, f.end))).toEqual([
      "《刑法》第一百三十三条之一第一款第（二）项",
      "第五十二条",
    ]);
    expect(result.findings.map((f) => f.text)).toEqual(
      result.findings.map((f) => text.slice(f.start, f.end)),
    );
    const [drunk, fine] = result.findings;
    expect(drunk?.articles[0]?.excerpt).toBe("（二）醉酒驾驶机动车的；");
    expect(drunk?.articles[0]?.citation).toEqual({
      "zh-CN": "《中华人民共和国刑法》第一百三十三条之一第一款第（二）项",
      en: "Criminal Law of the PRC, Article 133-1, paragraph 1, item (2)",
    });
    expect(fine?.articles[0]?.text).toMatch(/^判处罚金/u);
    expect(result.counts).toEqual({ citation_ok: 2 });
  });

  it("says how far the law goes when an article does not exist", async () => {
    const [finding] = (await checkCitations(catalog, "《民法典》第一千三百条", { at: "2024-01-01" }))
      .findings;
    expect(finding?.severity).toBe("error");
    expect(finding?.message["zh-CN"]).toBe("《中华人民共和国民法典》第一千三百条不存在（该法共1260条）");
    expect(finding?.message.en).toBe(
      "Civil Code of the PRC, Article 1300 does not exist (the law ends at Article 1260)",
    );
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    await expect(checkCitations(catalog, "《民法典》第一条", { at: "2024/01/01" })).rejects.toThrow(
      RangeError,
    );
  });

  describe("on LeCaRD judgments", needsSharedData("lecard/candidates.jsonl.gz"), () => {
    const results = new Map<number, CitationCheckResult>();
    beforeAll(async () => {
      for (const doc of await readLecardSample()) {
        const at = judgmentDate(doc.text);
        if (at) results.set(doc.docId, await checkCitations(catalog, doc.text, { at }));
      }
    }, CORPUS_TIMEOUT);

    it("resolves almost every Criminal Law citation of the judgments as correct", () => {
      const criminal = [...results.values()].flatMap((r) =>
        r.findings.filter((f) => f.citedTitle === "中华人民共和国刑法"),
      );
      const ok = criminal.filter((f) => f.code === "citation_ok").length;
      expect(criminal.length).toBeGreaterThan(2500);
      expect(ok / criminal.length).toBeGreaterThan(0.99);
    });

    it("checks every citation of a traffic-accident judgment (doc 8, 2018)", () => {
      const result = results.get(8);
      expect(result?.at).toBe("2018-09-18");
      expect(result?.counts).toEqual({ citation_ok: 8 });
      expect(result?.findings.map((f) => f.articles[0]?.citation["zh-CN"]).slice(0, 4)).toEqual([
        "《中华人民共和国刑法》第一百三十三条",
        "《中华人民共和国刑法》第六十七条第一款",
        "《最高人民法院关于审理交通肇事刑事案件具体应用法律若干问题的解释》第二条第二款第（五）项",
        "《最高人民法院关于处理自首和立功具体应用法律若干问题的解释》第一条",
      ]);
    });

    it("flags the 1979 Criminal Law a judgment applies to an old robbery (doc 76)", () => {
      const findings = results.get(76)?.findings ?? [];
      const old = findings.filter((f) => f.code === "version_superseded");
      expect(old.map((f) => f.text)).toContain("1979年《中华人民共和国刑法》第一百五十条");
      expect(old.every((f) => f.currentVersion?.effectiveFrom === "1997-10-01")).toBe(true);
      // The same judgment's citations of the 1997 law resolve.
      expect(findings.filter((f) => f.code === "citation_ok").length).toBeGreaterThan(0);
    });

    it("finds an interpretation cited after it was repealed (doc 580, 2016-12-23)", () => {
      const repealed = results.get(580)?.findings.filter((f) => f.code === "law_repealed") ?? [];
      expect(repealed).toHaveLength(1);
      expect(repealed[0]?.citedTitle).toBe("最高人民法院关于审理毒品案件定罪量刑标准有关问题的解释");
      expect(repealed[0]?.successor).toEqual(
        expect.objectContaining({
          title: "最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释",
          repealedOn: "2016-04-11",
        }),
      );
    });
  });

  describe("on LeCaRDv2 judgments", needsSharedData("lecardv2/judgments.jsonl"), () => {
    const results = new Map<number, CitationCheckResult>();
    beforeAll(async () => {
      for (const line of readFileSync(LECARD_V2, "utf8").split("\n")) {
        if (line.trim().length === 0) continue;
        const value = JSON.parse(line) as { id: number; query: string };
        // These texts are cut before the signature date: take the year of the case number, （2017）晋0825刑初89号.
        const year = /[（(]((?:19|20)[0-9]{2})[)）][^号]{2,24}号/u.exec(value.query)?.[1];
        if (year) results.set(value.id, await checkCitations(catalog, value.query, { at: `${year}-12-31` }));
      }
    }, CORPUS_TIMEOUT);

    it("resolves every Criminal Law citation", () => {
      const criminal = [...results.values()].flatMap((r) =>
        r.findings.filter((f) => f.citedTitle === "中华人民共和国刑法"),
      );
      expect(criminal.length).toBeGreaterThan(300);
      expect(criminal.filter((f) => f.code !== "citation_ok")).toEqual([]);
    });

    it("reads a bribery judgment's fifteen Criminal Law articles and its misspelt interpretation title (id 631)", () => {
      const findings = results.get(631)?.findings ?? [];
      expect(
        findings.filter((f) => f.code === "citation_ok" && f.citedTitle === "中华人民共和国刑法"),
      ).toHaveLength(15);
      // 《…若干问题解释》 lacks the 的 of the official title.
      expect(findings.filter((f) => f.code === "law_unknown").map((f) => f.citedTitle)).toEqual([
        "最高人民法院、最高人民检察院关于办理贪污贿赂刑事案件适用法律若干问题解释",
      ]);
    });

    it("tells texts the catalogue cannot check apart from errors (id 648, 2017)", () => {
      const byCode = (code: CitationFindingCode) =>
        (results.get(648)?.findings ?? []).filter((f) => f.code === code).map((f) => f.citedTitle);
      expect(byCode("law_text_unavailable")).toEqual(["中华人民共和国民法通则"]);
      expect(byCode("version_unavailable")).toEqual(["中华人民共和国刑事诉讼法"]);
    });
  });
});
