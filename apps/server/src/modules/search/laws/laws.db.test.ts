import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needsSharedData } from "../../../../../../scripts/shared-data";
import { openDatabase, type Database } from "../../../platform/db/database";
import { checkCitations } from "./citation-check";
import type { LawCatalog } from "./law-catalog";
import { createDbLawCatalog } from "./law-catalog.db";
import { createMemoryLawCatalog } from "./law-catalog.memory";
import { searchLaws } from "./law-search";
import { lawCorpusFiles, loadLawCorpus } from "./laws.loader";
import {
  countLawCatalog,
  findArticles,
  getLawBody,
  importLawCorpus,
  type LawsTables,
} from "./laws.repository";
import { LAW_CORPUS_FILES, LAWS_DIR } from "./laws.test-support";
import type { LawCorpus } from "./laws.types";

// A slice of the corpus keeps the import short on the embedded database: the split Civil Code, the
// Criminal Law with its inserted articles, both Civil Procedure Law versions and one short rule.
const SUBSET_TITLES = new Set([
  "中华人民共和国民法典",
  "中华人民共和国刑法",
  "中华人民共和国民事诉讼法",
  "最高人民法院关于互联网法院审理案件若干问题的规定",
]);
const TIMEOUT = 300_000;

function subsetOf(corpus: LawCorpus): LawCorpus {
  const laws = corpus.laws.filter((law) => SUBSET_TITLES.has(law.title));
  const ids = new Set(laws.map((law) => law.id));
  return {
    laws,
    articles: corpus.articles.filter((article) => ids.has(article.lawId)),
    repeals: corpus.repeals.filter((repeal) => ids.has(repeal.repealedByLawId)),
  };
}

/** PGlite in memory, or a fresh schema on TEST_DATABASE_URL; `drop` removes that schema. */
async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { database: await openDatabase({ kind: "pglite" }), drop: async () => undefined };
  const schema = `laws_test_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const database = await openDatabase({ kind: "postgres", url, schema });
  return {
    database,
    drop: async () => {
      const cleanup = await openDatabase({ kind: "postgres", url, poolSize: 1 });
      try {
        await cleanup.exec(`drop schema ${schema} cascade`);
      } finally {
        await cleanup.close();
      }
    },
  };
}

describe("the law catalogue in the database", needsSharedData(...LAW_CORPUS_FILES), () => {
  let database: Database | null = null;
  let drop: () => Promise<void> = async () => undefined;
  let db: Kysely<LawsTables>;
  let subset: LawCorpus;
  let stored: LawCatalog;
  let memory: LawCatalog;

  beforeAll(async () => {
    subset = subsetOf(await loadLawCorpus(lawCorpusFiles(LAWS_DIR)));
    ({ database, drop } = await openTestDatabase());
    await database.exec(await readFile(new URL("./laws.sql", import.meta.url), "utf8"));
    // The platform's DB type will include LawsTables once the migration lands.
    db = database.db as unknown as Kysely<LawsTables>;
    await importLawCorpus(db, subset);
    stored = createDbLawCatalog(db);
    memory = createMemoryLawCatalog(subset);
  }, TIMEOUT);

  afterAll(async () => {
    try {
      await database?.close();
    } finally {
      await drop();
    }
  }, TIMEOUT);

  it("imports every law, article and repeal of the slice", async () => {
    expect(await countLawCatalog(db)).toEqual({
      laws: subset.laws.length,
      articles: subset.articles.length,
      repeals: subset.repeals.length,
    });
    expect(subset.laws).toHaveLength(12);
    const civilCode = subset.laws.find((law) => law.subtitle === "合同编");
    expect(await getLawBody(db, civilCode?.id ?? "")).toBe(civilCode?.body);
  });

  it(
    "leaves the same rows when the same corpus is imported again, and replaces a law's articles",
    async () => {
      const again = await importLawCorpus(db, subset);
      expect(again).toEqual({ laws: 12, articles: subset.articles.length, repeals: subset.repeals.length });
      expect(await countLawCatalog(db)).toEqual(again);

      // A corrected text of one law drops its removed article and keeps the others.
      const rule = subset.laws.find(
        (law) => law.title === "最高人民法院关于互联网法院审理案件若干问题的规定",
      );
      const ruleArticles = subset.articles.filter((a) => a.lawId === rule?.id);
      const last = ruleArticles.at(-1);
      await importLawCorpus(db, {
        laws: rule ? [rule] : [],
        articles: ruleArticles.slice(0, -1),
        repeals: [],
      });
      expect(await findArticles(db, [rule?.id ?? ""], last?.number ?? 0, "")).toEqual([]);
      expect((await countLawCatalog(db)).articles).toBe(subset.articles.length - 1);
      await importLawCorpus(db, { laws: rule ? [rule] : [], articles: ruleArticles, repeals: [] });
      expect(await findArticles(db, [rule?.id ?? ""], last?.number ?? 0, "")).toEqual(last ? [last] : []);
    },
    TIMEOUT,
  );

  it("refuses an article number the schema does not allow", async () => {
    const [law] = subset.laws;
    await expect(
      db
        .insertInto("law_articles")
        .values({
          id: "bad",
          law_id: law?.id ?? "",
          number: 0,
          suffix: "",
          position: 99999,
          label: "第零条",
          part: null,
          headings: [],
          text: "",
          search_vector: "",
        })
        .execute(),
    ).rejects.toThrow();
  });

  it.each([
    ["《中华人民共和国民法典》第五百七十七条", "2024-01-01"],
    ["《民法典》第一千零七十九条第三款第（二）项、第一千三百条", "2024-01-01"],
    ["《刑法》第一百三十三条之一第一款第（五）项、第十条至第十二条", "2024-06-01"],
    ["《民事诉讼法》第一百二十二条第三款", "2023-06-01"],
    ["《民事诉讼法》第一百二十二条", "2024-06-01"],
    ["《中华人民共和国民事诉讼法》（2021年修正）第六十七条", "2024-06-01"],
    ["依照《中华人民共和国合同法》第一百零七条之规定", "2022-01-01"],
    ["《合同法》第一百零七条", "2019-01-01"],
    ["《民法典》第五百七十七条", "2020-06-01"],
    ["《中华人民共和国网络交易法》第三条", "2024-06-01"],
    ["《互联网法院规定》第十五条", "2024-06-01"],
  ])("checks %s on %s exactly as the in-memory catalogue does", async (text, at) => {
    const fromDb = await checkCitations(stored, text, { at });
    expect(fromDb).toEqual(await checkCitations(memory, text, { at }));
    expect(fromDb.findings.length).toBeGreaterThan(0);
  });

  it.each(["民诉法", "民法典第五百七十七条", "刑法133之一", "577", "民事诉讼"])(
    "answers the title and article search %s as the in-memory catalogue does",
    async (query) => {
      const fromDb = await searchLaws(stored, query, { limit: 5 });
      const fromMemory = await searchLaws(memory, query, { limit: 5 });
      const exact = (r: typeof fromDb) => r.results.filter((x) => x.kind === "law" || x.isExact);
      expect(exact(fromDb)).toEqual(exact(fromMemory));
      expect(exact(fromDb).length).toBeGreaterThan(0);
    },
  );

  it.each(["违约责任", "醉酒驾驶机动车", "电子数据 在线", "诉讼时效期间"])(
    "finds the same articles for the words %s, exact phrases first",
    async (query) => {
      const fromDb = await stored.searchArticles(query, { limit: 200, latestOnly: false });
      const fromMemory = await memory.searchArticles(query, { limit: 200, latestOnly: false });
      expect(fromDb.length).toBeGreaterThan(0);
      expect(fromDb.length).toBeLessThan(200);
      expect(new Set(fromDb.map((h) => h.article.id))).toEqual(new Set(fromMemory.map((h) => h.article.id)));
      const phraseFlags = fromDb.map((h) => h.isPhraseMatch);
      expect(phraseFlags).toEqual([...phraseFlags].sort((a, b) => Number(b) - Number(a)));
    },
  );

  it("ranks the articles of the chapter named by the words near the top", async () => {
    const civilCode = subset.laws.filter((law) => law.title === "中华人民共和国民法典").map((law) => law.id);
    const hits = await stored.searchArticles("违约责任", { lawIds: civilCode, limit: 10 });
    expect(hits.map((h) => h.article.number)).toContain(577);
  });
});
