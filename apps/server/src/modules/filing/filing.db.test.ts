import { createHash } from "node:crypto";
import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "./adapters/simulated-payment";
import type { TFilingView } from "./filing.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

type Court = { id: string; code: string };

describe.each(testDatabaseKinds())("online filing on %s", (kind) => {
  let app: TestApp;
  let hangzhou: Court;
  let beijing: Court;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let clerk: TestClient;
  let otherClerk: TestClient;

  /** Signs everyone in again (sessions end after 12 idle hours, and some tests move the clock by days). */
  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    beijing = courts.find((c) => c.code === "京0491")!;
    await signInEveryone();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function draftWithEvidence(client = zhangsan, court = hangzhou): Promise<string> {
    const created = await client.post<TFilingView>("/api/filings", { courtId: court.id });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId;
    const upload = await client.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    expect(upload.status).toBe(201);
    const saved = await client.put<TFilingView>(
      `/api/filings/${caseId}`,
      shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return caseId;
  }

  async function payFee(caseId: string): Promise<void> {
    const start = await zhangsan.post<{ orderId: string; amount: number; payUrl: string }>(
      `/api/filings/${caseId}/payment`,
    );
    expect(start.status).toBe(200);
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({
      reference: "SIMTEST",
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

  it("files, pays and is registered with a case number and a judge; everyone involved is told", async () => {
    const caseId = await draftWithEvidence();
    const submitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe("under_review");
    // 5,000 yuan property claim: 50 yuan (诉讼费用交纳办法第十三条, up to 10,000 yuan).
    expect(submitted.body.fee).toMatchObject({ amount: 50, status: "pending" });
    // Submitted Monday 2026-03-02: 7 days end Monday 2026-03-09 (民事诉讼法第一百二十六条).
    expect(submitted.body.reviewDueOn).toBe("2026-03-09");
    expect(submitted.body.queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(submitted.body.actions).toContain("filing.pay");

    const queue = await clerk.get<{ items: Array<{ caseId: string; daysLeft: number; feeStatus: string }> }>(
      "/api/review-queue",
    );
    expect(queue.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      daysLeft: 7,
      feeStatus: "pending",
    });

    const early = await clerk.post<ErrorBody>(`/api/filings/${caseId}/accept`, {});
    expect(early.status).toBe(409);
    expect(early.body.error).toBe("fee_not_paid");

    // The case page's actions follow the fee order: cached with the case, dropped when the payment lands.
    const actionsOf = async (client: typeof clerk) =>
      (await client.get<{ actions: string[] }>(`/api/cases/${caseId}`)).body.actions;
    expect(await actionsOf(zhangsan)).toContain("filing.pay");
    expect(await actionsOf(clerk)).toEqual(["filing.request_correction", "filing.refuse"]);
    expect(await actionsOf(zhangsan)).toContain("filing.pay");

    await payFee(caseId);
    expect(await actionsOf(zhangsan)).not.toContain("filing.pay");
    expect(await actionsOf(clerk)).toEqual(["filing.accept", "filing.request_correction", "filing.refuse"]);
    const accepted = await clerk.post<TFilingView>(`/api/filings/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.caseNumber).toMatch(/^（2026）浙0192民初\d+号$/);

    const detail = await zhangsan.get<{
      status: string;
      caseNumber: string;
      judge: { name: string };
      deadlines: Array<{ kind: string; status: string }>;
    }>(`/api/cases/${caseId}`);
    expect(detail.body.status).toBe("accepted");
    expect(detail.body.judge.name).toMatch(/杭州互联网法院法官/);
    expect(detail.body.deadlines.map((d) => `${d.kind}:${d.status}`)).toEqual(
      expect.arrayContaining([
        "registration_review:met",
        "fee_payment:met",
        "trial_limit:open",
        "serve_complaint:open",
      ]),
    );
    const inbox = await zhangsan.get<{ items: Array<{ kind: string; title: string; body: string }> }>(
      "/api/inbox",
    );
    expect(inbox.body.items.map((m) => m.kind)).toEqual(
      expect.arrayContaining(["filing_submitted", "fee_paid", "filing_accepted"]),
    );
    expect(inbox.body.items.find((m) => m.kind === "filing_accepted")!.body).toContain(
      detail.body.caseNumber,
    );

    const progress = await new TestClient(app).get<{ caseNumber: string; status: string }>(
      `/api/public/progress?code=${encodeURIComponent(submitted.body.queryCode!)}`,
    );
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ caseNumber: detail.body.caseNumber, status: "accepted" });

    const audit = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "filing.draft_created",
        "filing.submitted",
        "filing.fee_paid",
        "filing.accepted",
      ]),
    );
  });

  it("hides a filing from another litigant and from another court's clerk, and refuses acts by the wrong role", async () => {
    const caseId = await draftWithEvidence();
    // A draft is the filer's alone, even for the court it is addressed to.
    expect((await clerk.get(`/api/filings/${caseId}`)).status).toBe(404);
    await zhangsan.post(`/api/filings/${caseId}/submit`);
    for (const stranger of [lisi, otherClerk]) {
      expect((await stranger.get(`/api/filings/${caseId}`)).status).toBe(404);
      expect((await stranger.get(`/api/cases/${caseId}`)).status).toBe(404);
      expect((await stranger.post(`/api/filings/${caseId}/accept`, {})).status).toBe(404);
      expect((await stranger.post(`/api/filings/${caseId}/payment`)).status).toBe(404);
      expect((await stranger.put(`/api/filings/${caseId}`, shoppingComplaint())).status).toBe(404);
    }
    const list = await lisi.get<{ items: Array<{ id: string }> }>("/api/cases");
    expect(list.body.items.map((i) => i.id)).not.toContain(caseId);
    // The clerk sees it but may not edit the plaintiff's complaint; the plaintiff may not register it.
    expect((await clerk.get(`/api/filings/${caseId}`)).status).toBe(200);
    expect((await clerk.put(`/api/filings/${caseId}`, shoppingComplaint())).status).toBe(403);
    expect((await zhangsan.post(`/api/filings/${caseId}/accept`, {})).status).toBe(403);
    expect((await otherClerk.get(`/api/review-queue?courtId=${hangzhou.id}`)).status).toBe(403);
    expect((await zhangsan.get("/api/review-queue")).status).toBe(403);
    expect((await new TestClient(app).get(`/api/filings/${caseId}`)).status).toBe(401);
  });

  it("answers bad input with 4xx and the error shape and writes nothing", async () => {
    const caseId = (await zhangsan.post<TFilingView>("/api/filings", { courtId: hangzhou.id })).body.caseId;
    const before = await app.context.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const cases: Array<[string, () => Promise<{ status: number; body: unknown }>, number, string]> = [
      [
        "unknown field",
        () => zhangsan.put(`/api/filings/${caseId}`, { ...shoppingComplaint(), surprise: 1 }),
        400,
        "validation_failed",
      ],
      [
        // A wrong check digit is kept in a draft (filing-wizard.db.test.ts); a number longer than any is not.
        "ID number longer than any",
        () =>
          zhangsan.put(`/api/filings/${caseId}`, {
            ...shoppingComplaint(),
            parties: [{ ...shoppingComplaint().parties[0], idNumber: "3301061990030721311" }],
          }),
        400,
        "validation_failed",
      ],
      [
        "three decimals",
        () =>
          zhangsan.put(`/api/filings/${caseId}`, {
            ...shoppingComplaint(),
            claims: [{ text: "x", amount: 1.234 }],
          }),
        400,
        "validation_failed",
      ],
      [
        "wrong type",
        () => zhangsan.put(`/api/filings/${caseId}`, { ...shoppingComplaint(), claims: "all" }),
        400,
        "validation_failed",
      ],
      [
        "malformed JSON",
        () =>
          zhangsan.request("PUT", `/api/filings/${caseId}`, {
            payload: "{",
            headers: { "content-type": "application/json" },
          }),
        400,
        "malformed_json",
      ],
      ["not a uuid", () => zhangsan.get("/api/filings/not-a-uuid"), 400, "validation_failed"],
      [
        "unknown court",
        () => zhangsan.post("/api/filings", { courtId: "00000000-0000-4000-8000-000000000000" }),
        404,
        "court_not_found",
      ],
      [
        "traversal in file name",
        () =>
          zhangsan.upload(
            `/api/filings/${caseId}/attachments`,
            { name: "../../etc/passwd.png", content: PNG },
            { category: "evidence" },
          ),
        400,
        "file_name_invalid",
      ],
      [
        "PDF name, PNG content",
        () =>
          zhangsan.upload(
            `/api/filings/${caseId}/attachments`,
            { name: "contract.pdf", content: PNG },
            { category: "evidence" },
          ),
        415,
        "file_type_mismatch",
      ],
      [
        "executable",
        () =>
          zhangsan.upload(
            `/api/filings/${caseId}/attachments`,
            { name: "a.exe", content: Buffer.from("4d5a90000300000004000000ffff0000", "hex") },
            { category: "evidence" },
          ),
        415,
        "file_type_not_allowed",
      ],
      [
        "empty file",
        () =>
          zhangsan.upload(
            `/api/filings/${caseId}/attachments`,
            { name: "a.txt", content: Buffer.alloc(0) },
            { category: "evidence" },
          ),
        400,
        "file_empty",
      ],
      [
        "unknown category",
        () =>
          zhangsan.upload(
            `/api/filings/${caseId}/attachments`,
            { name: "a.txt", content: "hello" },
            { category: "secret" },
          ),
        400,
        "validation_failed",
      ],
      [
        "incomplete submission",
        () => zhangsan.post(`/api/filings/${caseId}/submit`),
        422,
        "filing_incomplete",
      ],
      [
        "fee quote of an unknown kind",
        () => zhangsan.get("/api/fees/quote?kind=lottery&amount=5"),
        400,
        "fee_input_invalid",
      ],
      [
        "fee quote with a negative amount",
        () => zhangsan.get("/api/fees/quote?kind=property&amount=-5"),
        400,
        "fee_input_invalid",
      ],
    ];
    for (const [label, call, status, code] of cases) {
      const response = await call();
      expect(response.status, label).toBe(status);
      expect((response.body as ErrorBody).error, label).toBe(code);
      expect((response.body as ErrorBody).requestId, label).toBeTruthy();
    }
    const after = await app.context.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const view = await zhangsan.get<TFilingView>(`/api/filings/${caseId}`);
    expect(view.body.content.parties).toEqual([]);
    expect(view.body.attachments).toEqual([]);
    expect(view.body.missing.map((m) => m.code)).toEqual(
      expect.arrayContaining(["plaintiff_required", "claims_required"]),
    );
  });

  it("restarts the review clock after a requested correction", async () => {
    const caseId = await draftWithEvidence();
    await zhangsan.post(`/api/filings/${caseId}/submit`);
    const asked = await clerk.post<TFilingView>(`/api/filings/${caseId}/request-correction`, {
      items: ["补充被告统一社会信用代码"],
    });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe("correction_requested");
    const start = app.clock.now();
    app.clock.advance(3 * 24 * 3600_000);
    await signInEveryone();
    const complaint = shoppingComplaint({
      evidenceAttachmentId: (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.attachments[0]!
        .id,
    });
    complaint.parties[1]!.creditCode = "914403001922038217";
    // The check character of that code is wrong on purpose: the corrected draft keeps it for the filer to
    // see, and the resubmission is refused at that field with nothing changed.
    expect((await zhangsan.put(`/api/filings/${caseId}`, complaint)).status).toBe(200);
    const refused = await zhangsan.post<ErrorBody>(`/api/filings/${caseId}/resubmit`);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ path: "parties.1.creditCode", code: "credit_code_check_character_mismatch" }),
    ]);
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe(
      "correction_requested",
    );
    complaint.parties[1]!.creditCode = null;
    expect((await zhangsan.put(`/api/filings/${caseId}`, complaint)).status).toBe(200);
    const resubmitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/resubmit`);
    expect(resubmitted.status).toBe(200);
    // Resubmitted Thursday 2026-03-05 + 7 = Thursday 2026-03-12.
    expect(resubmitted.body.reviewDueOn).toBe("2026-03-12");
    expect(app.clock.now().getTime()).toBeGreaterThan(start.getTime());
  });

  it("refuses a suit with a reasoned ruling in Chinese and English", async () => {
    const caseId = await draftWithEvidence();
    await zhangsan.post(`/api/filings/${caseId}/submit`);
    // The filing clerk is no judge: the ruling names the judge of the court who makes it.
    const { listJudges } = await import("../courts/index");
    const [judge] = await listJudges(app.context.db, hangzhou.id);
    const refused = await clerk.post<TFilingView>(`/api/filings/${caseId}/refuse`, {
      reason: "原告在法律规定不得起诉的期限内起诉。",
      basis: ["127-6"],
      judgeId: judge!.userId,
    });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe("refused");
    const review = refused.body.reviews.at(-1)!;
    expect(review.decision).toBe("refused");
    const ruling = await zhangsan.request("GET", review.rulingUrl!);
    expect(ruling.status).toBe(200);
    expect(ruling.raw.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const { readDocxText } = await import("./extraction.docx");
    const text = await readDocxText(ruling.raw.rawPayload);
    expect(text).toContain("不予受理");
    expect(text).toContain("第一百二十七条第六项");
    expect(text).toContain(`审判员\u3000${judge!.name}`);
    expect(text).toContain(refused.body.caseNumber!);
    expect(text).toContain("十日内");
    const english = await readDocxText((await zhangsan.request("GET", review.rulingEnUrl!)).raw.rawPayload);
    expect(english).toContain("not accepted");
    expect((await lisi.request("GET", review.rulingUrl!)).status).toBe(404);

    // The signed ruling and its service on the filer are court events for the evidence ledger, committing
    // to the two documents' fingerprints.
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    const documents = [
      sha256(ruling.raw.rawPayload),
      sha256((await zhangsan.request("GET", review.rulingEnUrl!)).raw.rawPayload),
    ];
    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind", "opening"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute();
    const openings = new Map(
      events.map((e) => [e.kind, JSON.parse(e.opening) as { payload: Record<string, unknown> }]),
    );
    expect(openings.get("ruling_signed")?.payload).toMatchObject({ ruling: "refusal_to_accept", documents });
    expect(openings.get("documents_served")?.payload).toMatchObject({
      documents,
      channel: "platform_inbox",
      recipients: [expect.any(String)],
    });
  });

  it("treats a filing as withdrawn when the fee is still unpaid after its deadline (a durable job)", async () => {
    const caseId = await draftWithEvidence();
    const submitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/submit`);
    const dueAt = new Date(submitted.body.fee!.dueAt);
    // Seven days after the notice, at the end of the court day (诉讼费用交纳办法第二十二条).
    expect(dueAt.toISOString().endsWith("T15:59:59.999Z")).toBe(true);
    app.clock.set(new Date(dueAt.getTime() - 3600_000));
    await app.jobs.runDue();
    await signInEveryone();
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe("under_review");
    app.clock.set(new Date(dueAt.getTime() + 1000));
    await app.jobs.runDue();
    await signInEveryone();
    const view = await zhangsan.get<TFilingView>(`/api/filings/${caseId}`);
    expect(view.body.status).toBe("deemed_withdrawn");
    expect(view.body.fee?.status).toBe("expired");
  });

  // More registrations racing than the PostgreSQL pool has connections (12), so they queue on the counter.
  it("numbers 60 racing registrations without duplicates or gaps", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const caseId = await draftWithEvidence();
      expect((await zhangsan.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
      ids.push(caseId);
    }
    await app.context.db
      .updateTable("fee_orders")
      .set({ status: "paid", paid_at: app.clock.now() })
      .where("case_id", "in", ids)
      .execute();
    const before = await app.context.db
      .selectFrom("case_number_counters")
      .select("last_sequence")
      .where("court_id", "=", hangzhou.id)
      .executeTakeFirst();
    const results = await Promise.all(
      ids.map((id) => clerk.post<TFilingView>(`/api/filings/${id}/accept`, {})),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const sequences = results
      .map((r) => Number(/民初(\d+)号/.exec(r.body.caseNumber!)![1]))
      .sort((a, b) => a - b);
    const first = (before?.last_sequence ?? 0) + 1;
    expect(sequences).toEqual(Array.from({ length: 60 }, (_, i) => first + i));
  }, 600_000);

  it("keeps each court's numbering separate", async () => {
    const count = await app.context.db
      .selectFrom("case_number_counters")
      .select(["court_id", "last_sequence"])
      .execute();
    expect(count.every((c) => c.court_id === hangzhou.id)).toBe(true);
    expect(beijing.id).not.toBe(hangzhou.id);
  });
});
