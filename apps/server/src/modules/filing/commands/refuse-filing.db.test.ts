import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/test-app";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { TFilingView } from "../filing.schemas";

type TCaseDetail = { timeline: Array<{ kind: string; params: Record<string, unknown> }> };
type Inbox = { items: Array<{ kind: string; caseId: string | null; title: string; body: string }> };

describe.each(testDatabaseKinds())("refusal and correction records on %s", (kind) => {
  let app: TestApp;
  let zhangsan: TestClient;
  let clerk: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  async function submittedFiling(): Promise<string> {
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const created = await zhangsan.post<TFilingView>("/api/filings", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
    });
    const caseId = created.body.caseId;
    const saved = await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await zhangsan.post(`/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return caseId;
  }

  async function messageOf(caseId: string, messageKind: string, locale: "zh-CN" | "en") {
    zhangsan.locale = locale;
    try {
      const inbox = await zhangsan.get<Inbox>("/api/inbox");
      return inbox.body.items.find((m) => m.caseId === caseId && m.kind === messageKind)!;
    } finally {
      zhangsan.locale = "zh-CN";
    }
  }

  it("tells the filer the refusal's grounds by article and meaning, with the reasons as one sentence", async () => {
    const caseId = await submittedFiling();
    const refused = await clerk.post<TFilingView>(`/api/filings/${caseId}/refuse`, {
      reason: "被告住所地及合同履行地均不在本院辖区，本院对本案没有管辖权。",
      basis: ["127-4"],
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.reviews.at(-1)).toMatchObject({ decision: "refused", items: ["127-4"] });

    const zh = await messageOf(caseId, "filing_refused", "zh-CN");
    expect(zh.body).toBe(
      "经审查，您的纠纷依法应通过其他途径解决，法院不予立案，并已出具告知书告知您应当如何处理。" +
        "依据：《中华人民共和国民事诉讼法》第一百二十七条第四项（不属于本院管辖）。" +
        "理由：被告住所地及合同履行地均不在本院辖区，本院对本案没有管辖权。告知书见案件页面的“文书”。",
    );
    const en = await messageOf(caseId, "filing_refused", "en");
    expect(en.body).toContain(
      "Grounds: Civil Procedure Law, Article 127(4) (the court has no jurisdiction).",
    );
    expect(en.body).not.toContain("127-4");

    // The case's timeline keeps the clerk's grounds, apart from the article of the transition.
    const detail = await zhangsan.get<TCaseDetail>(`/api/cases/${caseId}`);
    const entry = detail.body.timeline.find((t) => t.kind === "refused")!;
    expect(entry.params).toMatchObject({ grounds: ["127-4"], basis: "民事诉讼法第一百二十六条" });
  });

  it("tells the filer the clerk's note on a correction as a note", async () => {
    const caseId = await submittedFiling();
    const asked = await clerk.post<TFilingView>(`/api/filings/${caseId}/request-correction`, {
      items: ["补充被告的统一社会信用代码。"],
      note: "请在七日内补正。",
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.reviews.at(-1)).toMatchObject({
      decision: "correction_requested",
      items: ["补充被告的统一社会信用代码。"],
      reason: "请在七日内补正。",
    });
    const zh = await messageOf(caseId, "correction_requested", "zh-CN");
    expect(zh.body).toBe(
      "法院要求补正：补充被告的统一社会信用代码。说明：请在七日内补正。补正后立案审查期限重新计算。",
    );
    const en = await messageOf(caseId, "correction_requested", "en");
    expect(en.body).toContain("Note: 请在七日内补正。");
    const detail = await zhangsan.get<TCaseDetail>(`/api/cases/${caseId}`);
    expect(detail.body.timeline.find((t) => t.kind === "correction_requested")!.params).toMatchObject({
      note: "请在七日内补正。",
    });
  });
});
