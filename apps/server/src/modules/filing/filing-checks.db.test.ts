import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "./adapters/simulated-payment";
import type { TFilingView } from "./filing.schemas";

// What the wizard's review shows is what submission and registration enforce: the small-claims rule
// (民事诉讼法第一百六十五条) and the facts-and-reasons rule are one rule each, and the cashier returns the
// payer to the site they paid from.
describe.each(testDatabaseKinds())(
  "filing checks shared by the review, submission and registration on %s",
  (kind) => {
    let app: TestApp;
    let hangzhou: { id: string };
    let zhangsan: TestClient;
    let clerk: TestClient;

    beforeAll(async () => {
      app = await createTestApp(kind, {
        now: "2026-03-02T09:00:00+08:00",
        env: { PUBLIC_URL: "https://court.example", ALLOWED_ORIGINS: "https://www.court.example" },
      });
      await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
      const courts = (
        await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
      ).body.items;
      hangzhou = courts.find((c) => c.code === "浙0192")!;
      zhangsan = await signIn(app, "zhangsan@netcourt.demo");
      clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    });
    afterAll(async () => {
      await app?.close();
    });

    /** A draft at the Hangzhou Internet Court (small-claims ceiling 60,000 yuan) with the given changes. */
    async function draft(changes: Record<string, unknown> = {}, amount?: number): Promise<TFilingView> {
      const created = await zhangsan.post<TFilingView>("/api/filings", { courtId: hangzhou.id });
      expect(created.status).toBe(201);
      const saved = await zhangsan.put<TFilingView>(`/api/filings/${created.body.caseId}`, {
        ...shoppingComplaint(amount === undefined ? {} : { amount }),
        ...changes,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      return saved.body;
    }

    async function payFee(caseId: string): Promise<void> {
      const start = await zhangsan.post<{ orderId: string; amount: number }>(
        `/api/filings/${caseId}/payment`,
      );
      expect(start.status).toBe(200);
      const gateway = app.context.ports.payment as SimulatedPaymentGateway;
      const body = JSON.stringify({
        reference: `SIMTEST${start.body.orderId.slice(0, 8)}`,
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

    it("takes a money claim with the usual costs claim as a small claim: complete at the review, submitted and registered", async () => {
      const view = await draft({ procedure: "small_claims" });
      expect(view.content.claims.map((c) => c.amount)).toEqual([5000, null]);
      expect(view.missing).toEqual([]);

      const submitted = await zhangsan.post<TFilingView>(`/api/filings/${view.caseId}/submit`);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      expect(submitted.body.procedure).toBe("small_claims");
      // 50 yuan for 5,000 yuan, halved in small claims (诉讼费用交纳办法第十六条).
      expect(submitted.body.fee).toMatchObject({ amount: 25 });

      await payFee(view.caseId);
      const accepted = await clerk.post<TFilingView>(`/api/filings/${view.caseId}/accept`, {
        procedure: "small_claims",
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.procedure).toBe("small_claims");
    });

    it.each([
      ["above the ceiling", {}, 70_000, "small_claims_over_limit"],
      [
        "not only for money",
        {
          claims: [
            { text: "判令被告退还货款人民币5000元", amount: 5000 },
            { text: "判令被告继续履行合同", amount: null },
          ],
        },
        undefined,
        "small_claims_money_only",
      ],
    ])(
      "shows at the review why a complaint %s cannot be a small claim, refuses it alike on submission, and drops it when the procedure changes",
      async (_what, changes, amount, code) => {
        const view = await draft({ ...changes, procedure: "small_claims" }, amount);
        expect(view.missing).toEqual([{ code, path: "procedure" }]);

        for (const locale of ["zh-CN", "en"] as const) {
          zhangsan.locale = locale;
          const refused = await zhangsan.post<ErrorBody>(`/api/filings/${view.caseId}/submit`);
          expect(refused.status).toBe(422);
          expect(refused.body.error).toBe("small_claims_not_eligible");
          expect(refused.body.message).toBe(
            locale === "en"
              ? "The small-claims procedure does not apply to this case"
              : "本案不适用小额诉讼程序",
          );
          expect(refused.body.details).toEqual([expect.objectContaining({ path: "procedure", code })]);
          expect(refused.body.details[0]?.params?.basis).toMatch(/^民事诉讼法第一百六十五条/);
        }
        zhangsan.locale = "zh-CN";

        const changed = await zhangsan.put<TFilingView>(`/api/filings/${view.caseId}`, {
          ...shoppingComplaint(amount === undefined ? {} : { amount }),
          ...changes,
          procedure: "simplified",
        });
        expect(changed.status).toBe(200);
        expect(changed.body.missing).toEqual([]);
      },
    );

    it("keeps the clerk to the same rule when registering a case as a small claim", async () => {
      const view = await draft({ procedure: "ordinary" }, 70_000);
      expect((await zhangsan.post(`/api/filings/${view.caseId}/submit`)).status).toBe(200);
      await payFee(view.caseId);
      const refused = await clerk.post<ErrorBody>(`/api/filings/${view.caseId}/accept`, {
        procedure: "small_claims",
      });
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual([
        expect.objectContaining({ path: "procedure", code: "small_claims_over_limit" }),
      ]);
    });

    it("saves short facts in a draft but lists and refuses them on submission with the wizard's own code", async () => {
      const view = await draft({ factsAndReasons: "一" });
      expect(view.content.factsAndReasons).toBe("一");
      expect(view.missing).toEqual([{ code: "facts_too_short", path: "factsAndReasons" }]);
      const refused = await zhangsan.post<ErrorBody>(`/api/filings/${view.caseId}/submit`);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe("filing_incomplete");
      expect(refused.body.details).toEqual([
        expect.objectContaining({ path: "factsAndReasons", code: "facts_too_short" }),
      ]);

      const blank = await zhangsan.put<TFilingView>(`/api/filings/${view.caseId}`, {
        ...shoppingComplaint(),
        factsAndReasons: "   ",
      });
      expect(blank.body.missing).toEqual([{ code: "facts_required", path: "factsAndReasons" }]);
      const enough = await zhangsan.put<TFilingView>(`/api/filings/${view.caseId}`, {
        ...shoppingComplaint(),
        factsAndReasons: "被告欠原告货款五千元。",
      });
      expect(enough.body.missing).toEqual([]);
    });

    it("returns the payer to the allowed origin the payment started from, and to PUBLIC_URL from any other", async () => {
      const gateway = app.context.ports.payment as SimulatedPaymentGateway;
      for (const [origin, expected] of [
        ["https://www.court.example", "https://www.court.example"],
        ["https://court.example", "https://court.example"],
        ["https://evil.example", "https://court.example"],
        [undefined, "https://court.example"],
      ] as const) {
        const view = await draft();
        expect((await zhangsan.post(`/api/filings/${view.caseId}/submit`)).status).toBe(200);
        const start = await zhangsan.request<{ payUrl: string }>(
          "POST",
          `/api/filings/${view.caseId}/payment`,
          {
            headers: origin ? { origin } : {},
          },
        );
        expect(start.status).toBe(200);
        const ticket = gateway.openTicket(new URL(start.body.payUrl).searchParams.get("ticket")!);
        expect(ticket?.returnUrl, origin).toBe(`${expected}/cases/${view.caseId}?payment=done`);
        // The gateway's server-to-server notification still goes to PUBLIC_URL.
        expect(ticket?.notifyUrl).toBe("https://court.example/api/payments/simulator/notify");
      }
    });
  },
);
