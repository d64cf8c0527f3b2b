import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needsSharedData, sharedDataPath } from "../../../../../scripts/shared-data";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "../filing/index";
import { importJudgments } from "./commands/import-judgments";
import { importLaws } from "./commands/import-laws";
import { lawCorpusFiles, loadLawCorpus } from "./laws/laws.loader";
import { countLawCatalog, importLawCorpus } from "./laws/laws.repository";
import type { LawsTables } from "./laws/laws.tables";
import type { Kysely } from "kysely";
import { fixtureJudgmentLines, writeFixtureLawCorpus, writeJsonl } from "./search.test-fixtures";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);
const LAWS_DIR = sharedDataPath("laws");
const LECARD = sharedDataPath("lecard", "candidates.jsonl.gz");
const CAIL = sharedDataPath("cail2018", "cases.jsonl");

type Hit = { judgment: { id: string; title: string; published: boolean; courtId: string | null } };
type SimilarBody = { items: Hit[]; indexedJudgments: number };

describe.each(testDatabaseKinds())("the search context over HTTP on %s", (kind) => {
  let app: TestApp;
  let tmp: string;
  let caseId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let judge: TestClient;
  let clerk: TestClient;
  let otherJudge: TestClient;
  let anonymous: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    tmp = await mkdtemp(path.join(os.tmpdir(), "netcourt-search-"));
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    await writeFixtureLawCorpus(tmp);
    await importLaws(app.context.db, { dir: tmp });
    await writeJsonl(path.join(tmp, "archive.jsonl"), fixtureJudgmentLines());
    const imported = await importJudgments(app.context.db, {
      file: path.join(tmp, "archive.jsonl"),
      format: "netcourt",
      now: app.clock.now(),
    });
    expect(imported).toMatchObject({ read: 9, inserted: 9, rejected: 0 });
    await app.search.judgments?.sync();

    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherJudge = await signIn(app, "bjhlw.judge1@netcourt.demo");
    anonymous = new TestClient(app);

    // 张三 files the online-shopping complaint; the clerk accepts it and a judge is assigned.
    const courts = (await anonymous.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
    });
    caseId = created.body.caseId;
    const upload = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint({ evidenceAttachmentId: upload.body.id }));
    expect((await zhangsan.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
    const start = await zhangsan.post<{ orderId: string; amount: number }>(`/api/filings/${caseId}/payment`);
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({
      reference: "SIMTEST",
      orderId: start.body.orderId,
      amountFen: Math.round(start.body.amount * 100),
      status: "paid",
    });
    await app.http.inject({
      method: "POST",
      url: "/api/payments/simulator/notify",
      payload: body,
      headers: gateway.signatureHeaders(body),
    });
    expect((await clerk.post(`/api/filings/${caseId}/accept`, {})).status).toBe(200);
    const row = await app.context.db
      .selectFrom("cases")
      .innerJoin("users", "users.id", "cases.judge_id")
      .select("users.email")
      .where("cases.id", "=", caseId)
      .executeTakeFirstOrThrow();
    judge = await signIn(app, row.email!);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  describe("laws", () => {
    it("imports the corpus idempotently", async () => {
      await importLaws(app.context.db, { dir: tmp });
      expect(await countLawCatalog(app.context.db as unknown as Kysely<LawsTables>)).toEqual({
        laws: 4,
        articles: 5,
        // 民法典第一千二百六十条 repeals nine laws.
        repeals: 9,
      });
    });

    it("finds an article by its Chinese number, by digits and by words", async () => {
      const byLabel = await anonymous.get<{ results: Array<{ kind: string; article?: { number: number } }> }>(
        `/api/laws/search?q=${encodeURIComponent("民法典第五百七十七条")}`,
      );
      expect(byLabel.status).toBe(200);
      expect(byLabel.body.results[0]).toMatchObject({ kind: "article", article: { number: 577 } });
      const byDigits = await anonymous.get<{ results: Array<{ article?: { number: number } }> }>(
        `/api/laws/search?q=577&law=${encodeURIComponent("民法典")}`,
      );
      expect(byDigits.body.results.some((r) => r.article?.number === 577)).toBe(true);
      const byWords = await anonymous.get<{ results: Array<{ article?: { number: number } }> }>(
        `/api/laws/search?q=${encodeURIComponent("违约责任")}`,
      );
      expect(byWords.body.results.map((r) => r.article?.number)).toContain(577);
      const byTitle = await anonymous.get<{ results: Array<{ kind: string; title?: string }> }>(
        `/api/laws/search?q=${encodeURIComponent("民诉法")}`,
      );
      expect(byTitle.body.results[0]).toMatchObject({ kind: "law", title: "中华人民共和国民事诉讼法" });
    });

    it("shows a law and one article's text, and 404s what is not there", async () => {
      const law = await anonymous.get<{ articles: unknown[]; law: { title: string } }>(
        "/api/laws/law-5ee02c233304",
      );
      expect(law.status, JSON.stringify(law.body)).toBe(200);
      expect(law.body.articles).toHaveLength(2);
      const article = await anonymous.get<{ article: { text: string }; citation: { "zh-CN": string } }>(
        `/api/laws/law-5ee02c233304/articles/${encodeURIComponent("第五百七十七条")}`,
      );
      expect(article.body.article.text).toContain("违约责任");
      expect(article.body.citation["zh-CN"]).toBe("《中华人民共和国民法典》第五百七十七条");
      expect((await anonymous.get<ErrorBody>("/api/laws/law-5ee02c233304/articles/9999")).body.error).toBe(
        "law_article_not_found",
      );
      expect((await anonymous.get<ErrorBody>("/api/laws/law-000000000000")).body.error).toBe("law_not_found");
      expect((await anonymous.get<ErrorBody>("/api/laws/not-a-law")).status).toBe(400);
      expect((await anonymous.get<ErrorBody>("/api/laws/search?q=")).status).toBe(400);
    });

    it("checks every citation of a text: short titles, missing articles, repealed and superseded versions", async () => {
      const text =
        "依照《中华人民共和国民法典》第五百七十七条、《民法典》第一千三百条，《合同法》第一百零七条，以及《民事诉讼法》第一百二十二条第三款之规定。";
      const checked = await anonymous.post<{
        findings: Array<{ code: string; articles: Array<{ text: string }>; text: string }>;
      }>("/api/laws/check-citations", { text, at: "2024-06-01" });
      expect(checked.status).toBe(200);
      const codes = checked.body.findings.map((f) => f.code);
      expect(codes).toEqual(["citation_ok", "article_not_found", "law_repealed", "paragraph_not_found"]);
      expect(checked.body.findings[0]!.articles[0]!.text).toContain("违约责任");
      const superseded = await anonymous.post<{ findings: Array<{ code: string }> }>(
        "/api/laws/check-citations",
        {
          text: "《中华人民共和国民事诉讼法》（2021年修正）第一百二十二条",
          at: "2024-06-01",
        },
      );
      expect(superseded.body.findings.map((f) => f.code)).toEqual(["version_superseded"]);
      const bad = await anonymous.post<ErrorBody>("/api/laws/check-citations", { text: "" });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe("validation_failed");
      const extra = await anonymous.post<ErrorBody>("/api/laws/check-citations", { text: "x", foo: 1 });
      expect(extra.status).toBe(400);
    });
  });

  describe("judgments", () => {
    it("shows the public only published judgments, and staff the unpublished ones of their court", async () => {
      const q = `/api/judgments/search?q=${encodeURIComponent("网店购买手机翻新机拒绝退货")}&limit=20`;
      const titles = async (client: TestClient) =>
        (await client.get<SimilarBody>(q)).body.items.map((hit) => hit.judgment.title);
      const publicTitles = await titles(anonymous);
      expect(publicTitles).toHaveLength(7);
      expect(publicTitles.join()).not.toContain("未公开");
      expect(await titles(zhangsan)).toEqual(publicTitles);
      const clerkTitles = await titles(clerk);
      expect(clerkTitles).toContain("未公开的杭州翻新机判决");
      expect(clerkTitles).not.toContain("未公开的北京翻新机判决");
      const otherTitles = await titles(otherJudge);
      expect(otherTitles).toContain("未公开的北京翻新机判决");
      expect(otherTitles).not.toContain("未公开的杭州翻新机判决");

      const unpublished = (await clerk.get<SimilarBody>(q)).body.items.find((h) => !h.judgment.published)!;
      expect((await clerk.get(`/api/judgments/${unpublished.judgment.id}`)).status).toBe(200);
      expect((await anonymous.get<ErrorBody>(`/api/judgments/${unpublished.judgment.id}`)).body.error).toBe(
        "judgment_not_found",
      );
      expect((await otherJudge.get(`/api/judgments/${unpublished.judgment.id}`)).status).toBe(404);
      expect((await anonymous.get("/api/judgments/search?q=")).status).toBe(400);
      expect((await anonymous.get("/api/judgments/search?q=x&limit=500")).status).toBe(400);
    });

    it("re-imports idempotently and refuses an unpublished judgment without a court", async () => {
      const again = await importJudgments(app.context.db, {
        file: path.join(tmp, "archive.jsonl"),
        format: "netcourt",
        now: app.clock.now(),
      });
      expect(again).toMatchObject({ inserted: 0, updated: 9, rejected: 0 });
      await writeJsonl(path.join(tmp, "orphan.jsonl"), [
        { id: "x1", facts: "事实", published: false },
        { nope: 1 },
      ]);
      const orphan = await importJudgments(app.context.db, {
        file: path.join(tmp, "orphan.jsonl"),
        format: "netcourt",
        now: app.clock.now(),
      });
      expect(orphan).toMatchObject({ read: 2, inserted: 0, rejected: 2 });
      // Replaced rows are indexed again (by the follower or here), not added twice.
      await app.search.judgments?.sync();
      expect(app.search.judgments?.index.stats().documents).toBe(9);
    });
  });

  describe("the judge's tools on a case", () => {
    it("lists similar cases with explanations for the judge and the clerk", async () => {
      for (const client of [judge, clerk]) {
        const similar = await client.get<
          SimilarBody & { items: Array<Hit & { explanation: { passages: Array<{ marked: string }> } }> }
        >(`/api/cases/${caseId}/similar?limit=5`);
        expect(similar.status, JSON.stringify(similar.body)).toBe(200);
        expect(similar.body.items).toHaveLength(5);
        expect(similar.body.items[0]!.explanation.passages[0]!.marked).toMatch(/【.+】/u);
        expect(similar.body.items.map((h) => h.judgment.title).join()).not.toContain("北京");
      }
    });

    it("lists the applicable articles with their text", async () => {
      const articles = await judge.get<{
        items: Array<{ key: string; similarCases: number; article: { text: string } | null }>;
      }>(`/api/cases/${caseId}/articles`);
      expect(articles.status, JSON.stringify(articles.body)).toBe(200);
      const a577 = articles.body.items.find((item) => item.key === "民法典:577");
      expect(a577?.similarCases).toBeGreaterThanOrEqual(5);
      expect(a577?.article?.text).toContain("违约责任");
    });

    it("warns when the proposed award falls outside what similar cases support", async () => {
      const low = await judge.post<{
        isWarning: boolean;
        award: { status: string; range: { low: number; high: number }; cases: unknown[] };
        findings: Array<{ code: string }>;
      }>(`/api/cases/${caseId}/deviation`, { outcome: { awardedAmount: 500 } });
      expect(low.status, JSON.stringify(low.body)).toBe(200);
      expect(low.body.isWarning).toBe(true);
      expect(low.body.award.status).toBe("below");
      expect(low.body.award.range.low).toBeGreaterThan(0.85);
      expect(low.body.award.cases.length).toBeGreaterThanOrEqual(5);
      expect(low.body.findings.map((f) => f.code)).toContain("award_below_range");
      const fair = await judge.post<{ isWarning: boolean; award: { status: string } }>(
        `/api/cases/${caseId}/deviation`,
        { outcome: { awardedAmount: 4800, articles: ["《民法典》第五百七十七条"] } },
      );
      expect(fair.body).toMatchObject({ isWarning: false, award: { status: "within" } });
      const unknownArticle = await judge.post<{ findings: Array<{ code: string }> }>(
        `/api/cases/${caseId}/deviation`,
        { outcome: { awardedAmount: 4800, articles: ["刑法:133"] } },
      );
      expect(unknownArticle.body.findings.map((f) => f.code)).toContain("article_unsupported");
    });

    it("refuses bad input with 4xx and the error shape", async () => {
      const empty = await judge.post<ErrorBody>(`/api/cases/${caseId}/deviation`, { outcome: {} });
      expect(empty.status).toBe(422);
      expect(empty.body.error).toBe("outcome_incomplete");
      const negative = await judge.post<ErrorBody>(`/api/cases/${caseId}/deviation`, {
        outcome: { awardedAmount: -1 },
      });
      expect(negative.status).toBe(400);
      expect(negative.body.details.length).toBeGreaterThan(0);
      const article = await judge.post<ErrorBody>(`/api/cases/${caseId}/deviation`, {
        outcome: { awardedAmount: 1, articles: ["随便写写"] },
      });
      expect(article.status).toBe(400);
      expect((await judge.get<ErrorBody>("/api/cases/not-a-uuid/similar")).status).toBe(400);
      expect((await judge.get<ErrorBody>(`/api/cases/${caseId}/similar?limit=0`)).status).toBe(400);
      const missing = await judge.get<ErrorBody>("/api/cases/00000000-0000-4000-8000-000000000000/similar");
      expect(missing.body.error).toBe("case_not_found");
    });

    it.each([
      ["GET", "similar"],
      ["GET", "articles"],
      ["POST", "deviation"],
    ] as const)(
      "refuses %s /api/cases/:id/%s to everyone but the court's staff",
      async (method, endpoint) => {
        const call = (client: TestClient) =>
          method === "GET"
            ? client.get<ErrorBody>(`/api/cases/${caseId}/${endpoint}`)
            : client.post<ErrorBody>(`/api/cases/${caseId}/${endpoint}`, { outcome: { awardedAmount: 100 } });
        expect((await call(anonymous)).status).toBe(401);
        // The filer sees the case but the judge's tools are not theirs.
        expect((await call(zhangsan)).status).toBe(403);
        // A party of another case, a lawyer without a power of attorney here, another court's judge.
        for (const client of [lisi, lawyer, otherJudge]) {
          const response = await call(client);
          expect(response.status).toBe(404);
          expect(response.body.error).toBe("case_not_found");
        }
      },
    );
  });

  describe("similar published cases for the filer", () => {
    it("shows the filer published outcomes only, with the award ratio", async () => {
      const similar = await zhangsan.get<SimilarBody & { awards: { cases: number; medianRatio: number } }>(
        `/api/filings/${caseId}/similar`,
      );
      expect(similar.status, JSON.stringify(similar.body)).toBe(200);
      expect(similar.body.items.length).toBe(7);
      expect(similar.body.items.every((hit) => hit.judgment.published)).toBe(true);
      expect(similar.body.awards.cases).toBe(7);
      expect(similar.body.awards.medianRatio).toBeGreaterThan(0.9);
      // The judge may look too; nobody unrelated may.
      expect((await judge.get(`/api/filings/${caseId}/similar`)).status).toBe(200);
      for (const client of [lisi, lawyer, otherJudge])
        expect((await client.get(`/api/filings/${caseId}/similar`)).status).toBe(404);
      expect((await anonymous.get(`/api/filings/${caseId}/similar`)).status).toBe(401);
    });
  });

  describe(
    "on real judgments from the shared data",
    needsSharedData("laws/laws.jsonl.gz", "laws/articles.jsonl.gz", "lecard/candidates.jsonl.gz"),
    () => {
      it("checks the citations of real LeCaRD judgments against the real catalogue", async () => {
        const corpus = await loadLawCorpus(lawCorpusFiles(LAWS_DIR));
        const wanted = new Set(["中华人民共和国刑法", "中华人民共和国刑事诉讼法", "中华人民共和国民法典"]);
        const laws = corpus.laws.filter((law) => wanted.has(law.title));
        const ids = new Set(laws.map((law) => law.id));
        await importLawCorpus(app.context.db as unknown as Kysely<LawsTables>, {
          laws,
          articles: corpus.articles.filter((a) => ids.has(a.lawId)),
          repeals: corpus.repeals.filter((r) => ids.has(r.repealedByLawId)),
        });
        const imported = await importJudgments(app.context.db, {
          file: LECARD,
          format: "lecard",
          limit: 60,
          now: app.clock.now(),
        });
        expect(imported.rejected).toBe(0);
        await app.search.judgments?.sync();

        const hits = await anonymous.get<{ items: Array<{ judgment: { id: string; source: string } }> }>(
          `/api/judgments/search?q=${encodeURIComponent("醉酒驾驶机动车 血液酒精含量")}&limit=10`,
        );
        expect(hits.body.items.length).toBeGreaterThan(0);
        let citations = 0;
        let ok = 0;
        for (const hit of hits.body.items.filter((h) => h.judgment.source === "lecard")) {
          const judgment = await anonymous.get<{ fullText: string; decidedOn: string | null }>(
            `/api/judgments/${hit.judgment.id}`,
          );
          const checked = await anonymous.post<{
            findings: Array<{ code: string; articles: Array<{ text: string }> }>;
          }>("/api/laws/check-citations", {
            text: judgment.body.fullText,
            ...(judgment.body.decidedOn ? { at: judgment.body.decidedOn } : {}),
          });
          expect(checked.status).toBe(200);
          citations += checked.body.findings.length;
          for (const finding of checked.body.findings.filter((f) => f.code === "citation_ok")) {
            ok += 1;
            expect(finding.articles[0]?.text.length).toBeGreaterThan(0);
          }
        }
        expect(citations).toBeGreaterThan(0);
        // Criminal judgments cite the Criminal Law in force on their date: most citations check out.
        expect(ok / citations).toBeGreaterThan(0.6);
      }, 300_000);

      it(
        "imports CAIL2018 cases with their terms",
        { ...needsSharedData("cail2018/cases.jsonl"), timeout: 120_000 },
        async () => {
          const imported = await importJudgments(app.context.db, {
            file: CAIL,
            format: "cail",
            limit: 50,
            now: app.clock.now(),
          });
          expect(imported).toMatchObject({ read: 50, rejected: 0 });
          const rows = await app.context.db
            .selectFrom("judgments")
            .select(["term_months", "charges", "articles"])
            .where("source", "=", "cail")
            .execute();
          expect(rows).toHaveLength(50);
          expect(rows.every((r) => r.term_months !== null && r.articles.length > 0)).toBe(true);
        },
      );
    },
  );
});
