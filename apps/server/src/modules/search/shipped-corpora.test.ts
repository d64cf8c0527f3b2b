import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, SHIPPED_LAWS_DIR } from "../../platform";
import { DEMO_JUDGMENTS_FILE } from "../../seed/demo-seed";
import { lawCorpusFiles, readJsonLines, readLawRecords, toLawArticleRecord } from "./laws/laws.loader";
import { needsSharedData } from "../../../../../scripts/shared-data";
import { LAW_CORPUS_FILES, LAWS_DIR as SHARED_LAWS_DIR } from "./laws/laws.test-support";
import { parseJudgmentLine } from "./search.formats";

async function readAll(file: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const { value } of readJsonLines(file)) out.push(value as Record<string, unknown>);
  return out;
}

describe("the laws corpus shipped with the server", () => {
  const files = lawCorpusFiles(SHIPPED_LAWS_DIR);

  it("is the catalogue a server loads on start unless LAWS_DIR says otherwise", () => {
    expect(loadConfig({}).lawsDir).toBe(SHIPPED_LAWS_DIR);
    expect(path.relative(path.resolve(import.meta.dirname, "../../.."), SHIPPED_LAWS_DIR)).toBe(
      path.join("corpora", "laws"),
    );
    expect(loadConfig({ LAWS_DIR: "" }).lawsDir).toBeUndefined();
    expect(loadConfig({ LAWS_DIR: "/srv/laws" }).lawsDir).toBe(path.resolve("/srv/laws"));
  });

  it("holds every law and article of LawRefBook/Laws 2f4c5c2, 民事诉讼法第一百二十二条 among them", async () => {
    const laws = await readAll(files.lawsFile);
    const articles = await readAll(files.articlesFile);
    expect(laws).toHaveLength(1512);
    expect(articles).toHaveLength(64_665);
    const civilProcedure = laws.find((law) => law.path === "诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md");
    expect(civilProcedure).toMatchObject({ title: "中华人民共和国民事诉讼法", is_latest_version: true });
    const lawArticles = articles.filter((article) => article.law_id === civilProcedure?.id);
    expect(lawArticles).toHaveLength(306);
    const article122 = toLawArticleRecord(
      lawArticles.find((article) => article.number === 122),
      122,
      "第一百二十二条",
    );
    expect(article122).toMatchObject({ label: "第一百二十二条", suffix: "" });
    expect(article122.text).toMatch(/^起诉必须符合下列条件/u);
  });

  it(
    "derives the same in-force dates as the full corpus it was packed from",
    { ...needsSharedData(...LAW_CORPUS_FILES), timeout: 60_000 },
    async () => {
      const full = new Map<string, string | null>();
      for await (const law of readLawRecords(lawCorpusFiles(SHARED_LAWS_DIR).lawsFile))
        full.set(law.id, `${law.effectiveFrom}:${law.effectiveFromSource}`);
      let compared = 0;
      for await (const law of readLawRecords(files.lawsFile)) {
        expect(`${law.effectiveFrom}:${law.effectiveFromSource}`, law.path).toBe(full.get(law.id));
        compared += 1;
      }
      expect(compared).toBe(full.size);
    },
  );
});

describe("the demo's judgment sample", () => {
  it("holds 300 LeCaRD judgments with their licence, spread over many charges", async () => {
    expect(existsSync(path.join(path.dirname(DEMO_JUDGMENTS_FILE), "LICENSE"))).toBe(true);
    const lines = await readAll(DEMO_JUDGMENTS_FILE);
    expect(lines).toHaveLength(300);
    const records = lines.map((line) => parseJudgmentLine("lecard", line));
    expect(new Set(records.map((record) => record.sourceId)).size).toBe(300);
    expect(records.every((record) => record.kind === "criminal" && record.fullText.length > 0)).toBe(true);
    expect(new Set(records.flatMap((record) => record.charges)).size).toBeGreaterThan(100);
  });
});
