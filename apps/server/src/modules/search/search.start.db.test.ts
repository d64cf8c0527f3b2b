import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pino from "pino";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_LAWS_DIR } from "../../platform";
import { seedDemoNetwork } from "../../seed/demo-seed";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import { importLaws } from "./commands/import-laws";
import { lawCorpusFiles, readJsonLines } from "./laws/laws.loader";
import { countLawCatalog } from "./laws/laws.repository";
import type { LawsTables } from "./laws/laws.tables";
import { SearchService } from "./search.service";
import { writeFixtureLawCorpus } from "./search.test-fixtures";

const CIVIL_PROCEDURE = "中华人民共和国民事诉讼法";

/** A folder with the shipped corpus's 民事诉讼法 versions only (a short import), in the shipped layout. */
async function writeCivilProcedureCorpus(dir: string, versions?: (path: string) => boolean): Promise<string> {
  await mkdir(dir, { recursive: true });
  const shipped = lawCorpusFiles(SHIPPED_LAWS_DIR);
  const laws: string[] = [];
  const ids = new Set<string>();
  for await (const { value } of readJsonLines(shipped.lawsFile)) {
    const law = value as { id: string; title: string; path: string };
    if (law.title !== CIVIL_PROCEDURE || (versions && !versions(law.path))) continue;
    ids.add(law.id);
    laws.push(JSON.stringify(law));
  }
  const articles: string[] = [];
  for await (const { value } of readJsonLines(shipped.articlesFile))
    if (ids.has((value as { law_id: string }).law_id)) articles.push(JSON.stringify(value));
  await writeFile(path.join(dir, "laws.jsonl.gz"), gzipSync(laws.join("\n") + "\n"));
  await writeFile(path.join(dir, "articles.jsonl.gz"), gzipSync(articles.join("\n") + "\n"));
  return dir;
}

type LawSearchBody = { results: Array<{ kind: string; law?: { id: string; versionDate: string | null } }> };

describe.each(testDatabaseKinds())("the judge's tools on a first start on %s", (kind) => {
  let tmp: string;
  let corpus: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "netcourt-start-"));
    corpus = await writeCivilProcedureCorpus(path.join(tmp, "civil-procedure"));
  }, 60_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("loads the laws corpus into the empty catalogue on start and answers 民事诉讼法第一百二十二条", async () => {
    const app = await createTestApp(kind, { env: { LAWS_DIR: corpus } });
    try {
      await app.search.lawImportDone();
      expect(app.search.lawsLoading).toBe(false);
      const client = new TestClient(app);
      const found = await client.get<LawSearchBody>(
        `/api/laws/search?q=${encodeURIComponent("民事诉讼法第一百二十二条")}`,
      );
      const law = found.body.results.find((result) => result.law?.versionDate === "2023-09-01")?.law;
      expect(law, JSON.stringify(found.body)).toBeDefined();
      const article = await client.get<{ article: { label: string; text: string } }>(
        `/api/laws/${law!.id}/articles/${encodeURIComponent("第一百二十二条")}`,
      );
      expect(article.status).toBe(200);
      expect(article.body.article).toMatchObject({ label: "第一百二十二条" });
      expect(article.body.article.text).toMatch(/^起诉必须符合下列条件/u);
    } finally {
      await app.close();
    }
  }, 120_000);

  it("completes a first load cut short, and leaves a catalogue from another corpus alone", async () => {
    const app = await createTestApp(kind);
    const db = app.context.db as unknown as Kysely<LawsTables>;
    const start = async (lawsDir: string) => {
      const service = new SearchService({
        db: app.context.db,
        changes: app.context.database.changes,
        dataDir: await mkdtemp(path.join(tmp, "data-")),
        log: pino({ level: "silent" }),
        lawsDir,
      });
      await service.start();
      await service.lawImportDone();
      await service.close();
    };
    try {
      const older = await writeCivilProcedureCorpus(path.join(tmp, "older"), (p) => p.includes("2021"));
      await importLaws(app.context.db, { dir: older });
      const partial = await countLawCatalog(db);
      await start(corpus);
      const whole = await countLawCatalog(db);
      expect(whole.laws).toBeGreaterThan(partial.laws);
      expect(whole.articles).toBeGreaterThan(partial.articles);

      const other = path.join(tmp, "other");
      await mkdir(other);
      await writeFixtureLawCorpus(other);
      const fresh = await createTestApp(kind);
      try {
        await importLaws(fresh.context.db, { dir: other });
        const before = await countLawCatalog(fresh.context.db as unknown as Kysely<LawsTables>);
        const service = new SearchService({
          db: fresh.context.db,
          changes: fresh.context.database.changes,
          dataDir: await mkdtemp(path.join(tmp, "data-")),
          log: pino({ level: "silent" }),
          lawsDir: corpus,
        });
        await service.start();
        await service.lawImportDone();
        await service.close();
        expect(await countLawCatalog(fresh.context.db as unknown as Kysely<LawsTables>)).toEqual(before);
      } finally {
        await fresh.close();
      }
    } finally {
      await app.close();
    }
  }, 120_000);

  describe("the demo's judgment sample", () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await createTestApp(kind);
      await seedDemoNetwork(app.context, { now: app.clock.now(), courts: ["最高法"], judgments: true });
      await app.search.judgments?.sync();
    }, 300_000);
    afterAll(async () => {
      await app?.close();
    });

    it("fills the archive and the index, and the search says where its judgments come from", async () => {
      const client = new TestClient(app);
      const found = await client.get<{
        items: Array<{ judgment: { source: string; kind: string } }>;
        indexedJudgments: number;
        sources: Array<{ source: string; judgments: number }>;
      }>(`/api/judgments/search?q=${encodeURIComponent("醉酒驾驶机动车在道路上行驶")}&limit=5`);
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      expect(found.body.indexedJudgments).toBe(300);
      expect(found.body.sources).toEqual([{ source: "lecard", judgments: 300 }]);
      expect(found.body.items).toHaveLength(5);
      expect(found.body.items[0]!.judgment).toMatchObject({ source: "lecard", kind: "criminal" });
    });

    it("is not loaded again by a second seeding", async () => {
      expect(await seedDemoNetwork(app.context, { now: app.clock.now(), judgments: true })).toBeNull();
      const client = new TestClient(app);
      const found = await client.get<{ sources: Array<{ source: string; judgments: number }> }>(
        `/api/judgments/search?q=${encodeURIComponent("盗窃")}`,
      );
      expect(found.body.sources).toEqual([{ source: "lecard", judgments: 300 }]);
    });
  });
});
