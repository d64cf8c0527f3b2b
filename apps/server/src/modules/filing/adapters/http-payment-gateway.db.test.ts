import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/test-app";
import { testDatabaseKinds } from "../../../testing/test-database";
import type { TFilingView } from "../filing.schemas";
import type { HttpPaymentGateway } from "./http-payment-gateway";
import { FakePaymentGateway } from "./http-payment-gateway.fake";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);
const MERCHANT = "hzhlw-0192";

describe.each(testDatabaseKinds())("HTTP payment gateway (docs/payment-gateway.md) on %s", (kind) => {
  let app: TestApp;
  let gateway: FakePaymentGateway;
  let zhangsan: TestClient;
  let court: { id: string };
  let keyDir: string;

  beforeAll(async () => {
    const courtKeys = generateKeyPairSync("ed25519");
    gateway = new FakePaymentGateway(courtKeys.publicKey, MERCHANT, () => app.clock.now());
    await gateway.start();
    keyDir = await fs.mkdtemp(path.join(os.tmpdir(), "netcourt-pay-keys-"));
    const keyFile = path.join(keyDir, "court.pem");
    const publicKeyFile = path.join(keyDir, "gateway.pub.pem");
    await fs.writeFile(keyFile, courtKeys.privateKey.export({ type: "pkcs8", format: "pem" }));
    await fs.writeFile(publicKeyFile, gateway.keys.publicKey.export({ type: "spki", format: "pem" }));
    app = await createTestApp(kind, {
      listen: true,
      env: {
        PAYMENT_GATEWAY_URL: gateway.url,
        PAYMENT_GATEWAY_NAME: "unionpay",
        PAYMENT_GATEWAY_MERCHANT_ID: MERCHANT,
        PAYMENT_GATEWAY_KEY_FILE: keyFile,
        PAYMENT_GATEWAY_PUBLIC_KEY_FILE: publicKeyFile,
      },
    });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    court = courts.find((c) => c.code === "浙0192")!;
  });
  afterAll(async () => {
    await app?.close();
    await gateway?.stop();
    if (keyDir) await fs.rm(keyDir, { recursive: true, force: true });
  });

  /** A submitted filing whose fee the litigant has started to pay; returns the gateway's reference. */
  async function filingAwaitingPayment(): Promise<{ caseId: string; reference: string }> {
    const created = await zhangsan.post<TFilingView>("/api/filings", { courtId: court.id });
    const caseId = created.body.caseId;
    const upload = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint({ evidenceAttachmentId: upload.body.id }));
    expect((await zhangsan.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
    const start = await zhangsan.post<{ payUrl: string }>(`/api/filings/${caseId}/payment`);
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    expect(start.body.payUrl.startsWith(`${gateway.url}/cashier/`)).toBe(true);
    const reference = start.body.payUrl.split("/").pop()!;
    expect(gateway.orders.get(reference)).toMatchObject({
      amountFen: 5000,
      notifyUrl: `${app.context.config.publicUrl}/api/payments/unionpay/notify`,
    });
    return { caseId, reference };
  }

  async function state(caseId: string) {
    const fee = await app.context.db
      .selectFrom("fee_orders")
      .select(["status", "gateway_reference"])
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    const audit = await app.context.db
      .selectFrom("audit_events")
      .select(["action", "data"])
      .where("subject_id", "=", caseId)
      .where("action", "like", "filing.fee_pa%")
      .orderBy("id")
      .execute();
    const timeline = await app.context.db
      .selectFrom("case_timeline")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "fee_paid")
      .execute();
    return { fee, actions: audit.map((a) => a.action), audit, feePaidEntries: timeline.length };
  }

  it("pays a fee through the gateway; the same notification again changes nothing and answers success", async () => {
    const { caseId, reference } = await filingAwaitingPayment();
    const first = gateway.notification(reference);
    expect(await gateway.deliver(first)).toEqual({ status: 200, body: { result: "paid" } });
    const paid = await state(caseId);
    expect(paid.fee).toEqual({ status: "paid", gateway_reference: reference });
    expect(paid.actions).toEqual(["filing.fee_payment_started", "filing.fee_paid"]);
    expect(paid.feePaidEntries).toBe(1);

    // Gateways re-send until answered: a fresh delivery of the same news is a no-op that succeeds.
    app.clock.advance(60_000);
    expect(await gateway.deliver(gateway.notification(reference))).toEqual({
      status: 200,
      body: { result: "already_paid" },
    });
    expect(await state(caseId)).toEqual(paid);

    // The very same signed message played back is refused.
    const replayed = await gateway.deliver(first);
    expect(replayed).toMatchObject({ status: 409, body: { error: "payment_notification_replayed" } });
    expect(await state(caseId)).toEqual(paid);

    // Reconciliation: the adapter's order query is signed both ways.
    const adapter = app.context.ports.payment as HttpPaymentGateway;
    expect(await adapter.queryPayment(reference)).toMatchObject({ reference, amountFen: 5000 });
  });

  it("refuses forged, stale and tampered notifications and changes nothing", async () => {
    const { caseId, reference } = await filingAwaitingPayment();
    const before = await state(caseId);
    const forger = generateKeyPairSync("ed25519");
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const tampered = gateway.notification(reference);
    tampered.body = tampered.body.replace('"amountFen":5000', '"amountFen":1');
    const unsigned = gateway.notification(reference);
    delete unsigned.headers["x-pay-signature"];
    const attempts = [
      gateway.notification(reference, { signingKey: forger.privateKey }),
      gateway.notification(reference, { timestamp: now - 301 }),
      gateway.notification(reference, { timestamp: now + 301 }),
      gateway.notification(reference, { nonce: "short" }),
      tampered,
      unsigned,
    ];
    for (const attempt of attempts) {
      expect(await gateway.deliver(attempt)).toMatchObject({
        status: 400,
        body: { error: "payment_notification_invalid" },
      });
    }
    // Signed for another gateway's notify path.
    const elsewhere = gateway.notification(reference);
    elsewhere.url = elsewhere.url.replace("/unionpay/", "/simulator/");
    expect((await gateway.deliver(elsewhere)).status).toBe(404);
    expect(await state(caseId)).toEqual(before);
  });

  it("refuses and audits a notification that contradicts a paid order", async () => {
    const { caseId, reference } = await filingAwaitingPayment();
    expect((await gateway.deliver(gateway.notification(reference))).body).toEqual({ result: "paid" });
    for (const contradiction of [{ status: "failed" as const }, { amountFen: 4000 }]) {
      expect(await gateway.deliver(gateway.notification(reference, contradiction))).toMatchObject({
        status: 409,
        body: { error: "payment_notification_conflict" },
      });
    }
    const after = await state(caseId);
    expect(after.fee).toEqual({ status: "paid", gateway_reference: reference });
    expect(after.feePaidEntries).toBe(1);
    expect(after.actions).toEqual([
      "filing.fee_payment_started",
      "filing.fee_paid",
      "filing.fee_payment_conflict",
      "filing.fee_payment_conflict",
    ]);
    expect(after.audit[2]!.data).toMatchObject({
      reference,
      notified: { status: "failed", amountFen: 5000 },
      order: { status: "paid", amountFen: 5000 },
    });
    expect(after.audit[3]!.data).toMatchObject({ notified: { status: "paid", amountFen: 4000 } });
  });

  it("counts two concurrent notifications of one payment once", async () => {
    const { caseId, reference } = await filingAwaitingPayment();
    const answers = await Promise.all([
      gateway.deliver(gateway.notification(reference)),
      gateway.deliver(gateway.notification(reference)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.result).sort()).toEqual(["already_paid", "paid"]);
    const once = await state(caseId);
    expect(once.actions).toEqual(["filing.fee_payment_started", "filing.fee_paid"]);
    expect(once.feePaidEntries).toBe(1);

    // Two copies of one signed message at once: one counts, the other is a replay.
    const second = await filingAwaitingPayment();
    const message = gateway.notification(second.reference);
    const copies = await Promise.all([gateway.deliver(message), gateway.deliver(message)]);
    expect(copies.map((c) => c.status).sort()).toEqual([200, 409]);
    expect((await state(second.caseId)).feePaidEntries).toBe(1);
  });

  it("records a second payment of a paid fee for a refund and answers success", async () => {
    const { caseId, reference } = await filingAwaitingPayment();
    // The payer opened the cashier twice and paid both times.
    const again = await zhangsan.post<{ payUrl: string }>(`/api/filings/${caseId}/payment`);
    const secondReference = again.body.payUrl.split("/").pop()!;
    expect((await gateway.deliver(gateway.notification(reference))).body).toEqual({ result: "paid" });
    expect((await gateway.deliver(gateway.notification(secondReference))).body).toEqual({
      result: "paid_twice",
    });
    const after = await state(caseId);
    expect(after.fee).toEqual({ status: "paid", gateway_reference: reference });
    expect(after.audit.at(-1)).toMatchObject({
      action: "filing.fee_paid_twice",
      data: { reference: secondReference, refundDue: true },
    });
  });

  it("has no simulated cashier when a gateway is configured", async () => {
    expect((await zhangsan.get("/sim/pay?ticket=x")).status).toBe(404);
    expect((await zhangsan.post("/sim/pay?ticket=x")).status).toBe(404);
    expect((await zhangsan.post("/api/payments/simulator/notify", {})).status).toBe(404);
  });
});
