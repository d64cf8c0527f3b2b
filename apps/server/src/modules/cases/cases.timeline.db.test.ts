import { catalogs } from "@netcourt/shared/i18n/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "../filing/index";
import type { TCaseDetail } from "./cases.schemas";

type TFilingView = { caseId: string; fee: { dueAt: string } | null };

const labels = {
  "zh-CN": catalogs.cases["zh-CN"].timeline.kinds as Record<string, string>,
  en: catalogs.cases.en.timeline.kinds as Record<string, string>,
};

describe.each(testDatabaseKinds())("the case timeline on %s", (kind) => {
  let app: TestApp;
  let zhangsan: TestClient;
  let clerk: TestClient;
  let courtId: string;

  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    await signInEveryone();
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function submittedFiling(): Promise<TFilingView> {
    const created = await zhangsan.post<TFilingView>("/api/filings", { courtId });
    const caseId = created.body.caseId;
    expect((await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint())).status).toBe(200);
    const submitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return submitted.body;
  }

  async function payFee(caseId: string): Promise<void> {
    const start = await zhangsan.post<{ orderId: string; amount: number }>(`/api/filings/${caseId}/payment`);
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({
      reference: `SIM-${caseId}`,
      orderId: start.body.orderId,
      amountFen: Math.round(start.body.amount * 100),
      status: "paid",
    });
    const notified = await app.http.inject({
      method: "POST",
      url: "/api/payments/simulator/notify",
      payload: body,
      headers: gateway.signatureHeaders(body),
    });
    expect(notified.json()).toEqual({ result: "paid" });
  }

  it("names every step a filing can take in both languages", async () => {
    const corrected = (await submittedFiling()).caseId;
    const asked = await clerk.post(`/api/filings/${corrected}/request-correction`, {
      items: ["补充证据"],
      note: "请在七日内补正",
    });
    expect(asked.status).toBe(200);
    expect((await zhangsan.post(`/api/filings/${corrected}/resubmit`)).status).toBe(200);
    await payFee(corrected);
    expect((await clerk.post(`/api/filings/${corrected}/accept`, {})).status).toBe(200);

    const refused = (await submittedFiling()).caseId;
    const refusal = { reason: "本院对本案没有管辖权。", basis: ["127-4"] };
    expect((await clerk.post(`/api/filings/${refused}/refuse`, refusal)).status).toBe(200);

    const withdrawn = (await submittedFiling()).caseId;
    expect((await zhangsan.post(`/api/filings/${withdrawn}/withdraw`)).status).toBe(200);

    const unpaid = await submittedFiling();
    app.clock.set(new Date(new Date(unpaid.fee!.dueAt).getTime() + 1000));
    await app.jobs.runDue();
    await signInEveryone();

    const caseIds = [corrected, refused, withdrawn, unpaid.caseId];
    const seen = new Set<string>();
    for (const caseId of caseIds) {
      const detail = await zhangsan.get<TCaseDetail>(`/api/cases/${caseId}`);
      expect(detail.status).toBe(200);
      for (const entry of detail.body.timeline) seen.add(entry.kind);
    }
    expect([...seen].sort()).toEqual(
      [
        "accepted",
        "complaint_served",
        "correction_requested",
        "correction_submitted",
        "deemed_withdrawn",
        "draft_created",
        "fee_paid",
        "refused",
        "submitted",
        "withdrawn",
      ].sort(),
    );
    const untranslated = [...seen].filter(
      (step) => !labels["zh-CN"][step] || !labels.en[step] || labels.en[step] === step,
    );
    expect(untranslated).toEqual([]);
  });
});
