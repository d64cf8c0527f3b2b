import type { ErrorBody } from "@netcourt/shared";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../platform";
import type { SimulatedEmailSender } from "../../platform/ports/email";
import { HttpSmsSender, type SimulatedSmsSender, type SmsSender } from "../../platform/ports/sms";
import { payFilingFee, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { DemoAccount } from "../../seed/demo-seed";
import { recordPartyActed, serveDocument, type AddressBasis } from "./index";
import type { TService } from "./services.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

const DEFENDANT_PHONE = "13900002222";
const DEFENDANT_EMAIL = "legal@yunqi.example";

describe.each(testDatabaseKinds())("service of process on %s", (kind) => {
  let app: TestApp;
  let accounts: Map<string, DemoAccount>;
  let zhangsan: TestClient;
  let yunqi: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient;
  let otherClerk: TestClient;
  let caseId: string;
  let courtId: string;
  let defendantId: string;
  let responseNoticeIssue: string;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    yunqi = await signIn(app, "yunqi@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
    const courts = (
      await new TestClient(app).get<{ items: Array<{ id: string; code: string }> }>("/api/courts")
    ).body.items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;

    // A registered case: filed by 张三, fee paid, accepted by the clerk (the notices are issued).
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", { courtId });
    caseId = created.body.caseId;
    const upload = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    expect(
      (
        await zhangsan.put(
          `/api/filings/${caseId}`,
          shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
        )
      ).status,
    ).toBe(200);
    expect((await zhangsan.request("POST", `/api/filings/${caseId}/submit`)).status).toBe(200);
    await payFilingFee(app, zhangsan, caseId);
    expect((await clerk.post(`/api/filings/${caseId}/accept`, {})).status).toBe(200);
    // The defendant company holds an account on the platform (linked as the registered party).
    const defendant = await app.context.db
      .selectFrom("case_parties")
      .select("id")
      .where("case_id", "=", caseId)
      .where("role", "=", "defendant")
      .executeTakeFirstOrThrow();
    defendantId = defendant.id;
    await app.context.db
      .updateTable("case_parties")
      .set({ user_id: accounts.get("yunqi@netcourt.demo")!.userId })
      .where("id", "=", defendantId)
      .execute();
    const issued = await app.context.db
      .selectFrom("case_documents")
      .select(["issue_id"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "response_notice")
      .executeTakeFirstOrThrow();
    responseNoticeIssue = issued.issue_id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  /** Moves the clock (days on) and signs everyone in again, as people come back after days. */
  async function moveTo(instant: string): Promise<void> {
    app.clock.set(new Date(instant));
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    yunqi = await signIn(app, "yunqi@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
  }

  const sms = () => app.context.ports.sms as SimulatedSmsSender;
  const email = () => app.context.ports.email as SimulatedEmailSender;

  async function serve(options: {
    addressBasis: AddressBasis;
    userId?: string | null;
    phone?: string | null;
    email?: string | null;
    following?: boolean;
  }): Promise<string> {
    const { serviceId } = await inTransaction(app.context.db, (trx) =>
      serveDocument(trx, {
        caseId,
        courtId,
        documentIssueId: responseNoticeIssue,
        kind: "response_notice",
        recipient: {
          partyId: defendantId,
          userId: options.userId === undefined ? accounts.get("yunqi@netcourt.demo")!.userId : options.userId,
          name: "杭州某某电子商务有限公司",
          role: "defendant",
          phone: options.phone === undefined ? DEFENDANT_PHONE : options.phone,
          email: options.email === undefined ? DEFENDANT_EMAIL : options.email,
          addressBasis: options.addressBasis,
        },
        servedBy: null,
        followingDeadline:
          options.following === false
            ? null
            : { kind: "answer_period", days: 15, basis: "民事诉讼法第一百二十八条第一款" },
        now: app.clock.now(),
      }),
    );
    return serviceId;
  }

  async function serviceOf(serviceId: string): Promise<TService> {
    const listed = await clerk.get<{ items: TService[] }>(`/api/cases/${caseId}/services`);
    expect(listed.status).toBe(200);
    return listed.body.items.find((s) => s.id === serviceId)!;
  }

  async function answerDeadline() {
    return app.context.db
      .selectFrom("case_deadlines")
      .select(["due_at", "basis"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "answer_period")
      .where("status", "=", "open")
      .executeTakeFirst();
  }

  it("serves at a confirmed address when the message reaches the system, and opens the answer period from that day", async () => {
    const serviceId = await serve({ addressBasis: "confirmed" });
    // In the serving transaction: the inbox message and the ledger event exist; nothing is sent yet.
    const inbox = await yunqi.get<{
      items: Array<{ kind: string; body: string; params: Record<string, unknown> }>;
    }>("/api/inbox");
    const message = inbox.body.items.find(
      (m) => m.kind === "document_served" && m.params.serviceId === serviceId,
    )!;
    expect(message.body).toContain("应诉通知书");
    expect(message.body).toContain(`/served/${serviceId}`);
    expect((await serviceOf(serviceId)).status).toBe("pending");
    const served = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "in", ["document_served", "service_completed"])
      .execute();
    expect(served.map((e) => e.kind)).toContain("document_served");

    await app.jobs.runDue();
    const record = await serviceOf(serviceId);
    expect(record.status).toBe("served");
    expect(record.servedHow).toBe("delivered");
    expect(record.openedAt).toBeNull();
    expect(record.attempts.map((a) => [a.channel, a.status])).toEqual([
      ["inbox", "delivered"],
      ["sms", "delivered"],
    ]);
    // Court staff see the addresses served at.
    expect(record.attempts[1]!.address).toBe(DEFENDANT_PHONE);
    // The SMS carries the link and nothing else of the case.
    const text = sms().sent.find((m) => m.text.includes(serviceId))!.text;
    expect(text).toContain(`${app.context.config.publicUrl}/served/${serviceId}`);
    expect(text).not.toContain("张三");
    expect(text).not.toContain(DEFENDANT_PHONE);
    // 民事诉讼法第一百二十八条, 第八十五条: fifteen days from the day after service (served Monday 2 March).
    const deadline = await answerDeadline();
    expect(deadline?.due_at.toISOString()).toBe("2026-03-17T15:59:59.999Z");
    expect(deadline?.basis).toBe("民事诉讼法第一百二十八条第一款");
    const completed = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .where("kind", "=", "service_completed")
      .execute();
    expect(completed.length).toBeGreaterThanOrEqual(1);

    // The certificate (电子送达凭证) reads the record: the addressee and the court have it, in both languages.
    const certificate = await yunqi.get<{
      zh: { title: string; fields: Array<{ label: string; value: string }> };
    }>(`/api/cases/${caseId}/services/${serviceId}/certificate`);
    expect(certificate.status).toBe(200);
    expect(certificate.body.zh.title).toBe("电子送达凭证");
    const values = certificate.body.zh.fields.map((f) => `${f.label}:${f.value}`).join("\n");
    expect(values).toContain("第三十一条第一款");
    expect(values).not.toContain(DEFENDANT_PHONE);
    const docx = await clerk.get(`/api/cases/${caseId}/services/${serviceId}/certificate/en/docx`);
    expect(docx.status).toBe(200);
    const english = (await mammoth.extractRawText({ buffer: docx.raw.rawPayload })).value;
    expect(english).toContain("Certificate of Electronic Service");
    expect(english).toContain("Courtesy translation");
  });

  it("falls back to e-mail when the SMS is refused", async () => {
    sms().refusing.add("13900003333");
    const serviceId = await serve({ addressBasis: "confirmed", userId: null, phone: "13900003333" });
    await app.jobs.runDue();
    const record = await serviceOf(serviceId);
    expect(record.attempts.map((a) => [a.channel, a.status])).toEqual([
      ["sms", "refused"],
      ["email", "delivered"],
    ]);
    expect(record.status).toBe("served");
    expect(email().sent.some((m) => m.text.includes(`/served/${serviceId}`))).toBe(true);
  });

  it("fails a service whose only channel, the SMS gateway, rejects it, and lists it for the clerk", async () => {
    const ports = app.context.ports as { sms: SmsSender };
    const simulator = ports.sms;
    const calls: string[] = [];
    ports.sms = new HttpSmsSender(
      { url: "https://sms.gateway.example/send", key: "test-key", timeoutMs: 1000 },
      (_url, init) => {
        calls.push(typeof init?.body === "string" ? init.body : "");
        return Promise.resolve(
          new Response(JSON.stringify({ status: "rejected", id: "GW-1", error: "blacklisted number" }), {
            status: 200,
            headers: { "content-type": "application/json" },
          }),
        );
      },
    );
    try {
      const serviceId = await serve({ addressBasis: "confirmed", userId: null, email: null });
      await app.jobs.runDue();
      expect(calls).toHaveLength(1);
      const record = await serviceOf(serviceId);
      expect(record.attempts.map((a) => [a.channel, a.status, a.sentAt])).toEqual([["sms", "refused", null]]);
      expect(record.status).toBe("failed");
      expect(record.sentAt).toBeNull();
      const list = await clerk.get<{ items: TService[] }>(`/api/courts/${courtId}/services/undeliverable`);
      const listed = list.body.items.find((s) => s.id === serviceId);
      expect(listed?.status).toBe("failed");
      expect(listed?.caseNumber).toMatch(/^（2026）浙0192民初\d+号$/);
      // Another court's clerk does not get the list.
      expect((await otherClerk.get(`/api/courts/${courtId}/services/undeliverable`)).status).toBe(403);
    } finally {
      ports.sms = simulator;
    }
  });

  it("falls back to e-mail when the SMS gateway rejects the message", async () => {
    const ports = app.context.ports as { sms: SmsSender };
    const simulator = ports.sms;
    ports.sms = new HttpSmsSender(
      { url: "https://sms.gateway.example/send", key: "test-key", timeoutMs: 1000 },
      () => Promise.resolve(new Response(JSON.stringify({ status: "rejected" }), { status: 200 })),
    );
    try {
      const serviceId = await serve({ addressBasis: "confirmed", userId: null });
      await app.jobs.runDue();
      const record = await serviceOf(serviceId);
      expect(record.attempts.map((a) => [a.channel, a.status])).toEqual([
        ["sms", "refused"],
        ["email", "delivered"],
      ]);
      expect(record.status).toBe("served");
    } finally {
      ports.sms = simulator;
    }
  });

  it("makes an unopened service at an unconfirmed address undeliverable, and the clerk serves it by post", async () => {
    const serviceId = await serve({ addressBasis: "provided", userId: null });
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("delivered");
    expect(await answerDeadline()).toBeDefined(); // the earlier test's period, untouched
    // Three days from Monday 2 March end Thursday 5 March; the check runs after that day.
    await moveTo("2026-03-05T23:00:00+08:00");
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("delivered");
    await moveTo("2026-03-06T08:00:00+08:00");
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("undeliverable");
    // The court's clerks are told in their inbox.
    const clerkInbox = await clerk.get<{
      items: Array<{ kind: string; body: string; params: Record<string, unknown> }>;
    }>("/api/inbox");
    const needs = clerkInbox.body.items.find(
      (m) => m.kind === "service_needs_clerk" && m.params.serviceId === serviceId,
    );
    expect(needs?.body).toContain("在期限内未被查阅");

    const list = await clerk.get<{ items: TService[] }>(`/api/courts/${courtId}/services/undeliverable`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s) => s.id)).toContain(serviceId);

    const future = await clerk.post<ErrorBody>(`/api/services/${serviceId}/post`, {
      trackingNumber: "EMS1234567890",
      signedOn: "2026-03-07",
      signedBy: "钱七",
    });
    expect(future.status).toBe(400);
    expect(future.body.error).toBe("service_date_in_future");
    const post = await clerk.post<TService>(`/api/services/${serviceId}/post`, {
      trackingNumber: "EMS1234567890",
      signedOn: "2026-03-06",
      signedBy: "钱七",
    });
    expect(post.status, JSON.stringify(post.body)).toBe(200);
    expect(post.body.status).toBe("served_by_post");
    expect(post.body.servedAt).toBe("2026-03-05T16:00:00.000Z");
    // The answer period now runs from the signed-for day: 6 March + 15 = 21 March, a Saturday → Monday 23 March.
    expect((await answerDeadline())?.due_at.toISOString()).toBe("2026-03-23T15:59:59.999Z");
    const again = await clerk.post<ErrorBody>(`/api/services/${serviceId}/notice`, {
      noticeOn: "2026-03-06",
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("service_already_complete");
    expect(
      (
        await clerk.get<{ items: TService[] }>(`/api/courts/${courtId}/services/undeliverable`)
      ).body.items.map((s) => s.id),
    ).not.toContain(serviceId);
  });

  it("fails a service with no channel, and completes a public notice thirty days after it", async () => {
    const serviceId = await serve({
      addressBasis: "provided",
      userId: null,
      phone: null,
      email: null,
      following: false,
    });
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("failed");
    const today = "2026-03-06";
    const notice = await clerk.post<TService>(`/api/services/${serviceId}/notice`, { noticeOn: today });
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    expect(notice.body.status).toBe("pending");
    // 民事诉讼法第九十五条: deemed served thirty days after 6 March.
    expect(notice.body.deemedServedOn).toBe("2026-04-05");
    await moveTo("2026-04-05T12:00:00+08:00");
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("pending");
    await moveTo("2026-04-06T00:00:01+08:00");
    await app.jobs.runDue();
    const record = await serviceOf(serviceId);
    expect(record.status).toBe("served_by_notice");
    // 民事诉讼法第九十五条: 6 March + 30 days = 5 April.
    expect(record.servedAt).toBe("2026-04-05T15:59:59.999Z");
  });

  it("serves an unconfirmed address when the addressee opens it, and when they act in the case", async () => {
    await moveTo("2026-04-07T09:00:00+08:00");
    const opened = await serve({ addressBasis: "provided", following: false });
    await app.jobs.runDue();
    expect((await serviceOf(opened)).status).toBe("delivered");
    const view = await yunqi.get<{
      service: TService;
      documents: Array<{ locale: string; docxUrl: string }>;
    }>(`/api/served/${opened}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.service.status).toBe("served");
    expect(view.body.service.servedHow).toBe("opened");
    // The addressee sees their own addresses masked too.
    expect(view.body.service.recipient.phone).toBe("139****2222");
    expect(view.body.documents.map((d) => d.locale)).toEqual(["zh-CN", "en"]);
    expect((await yunqi.get(view.body.documents[0]!.docxUrl)).status).toBe(200);
    // Opening again changes nothing.
    const second = await yunqi.get<{ service: TService }>(`/api/served/${opened}`);
    expect(second.body.service.openedAt).toBe(view.body.service.openedAt);

    const acted = await serve({ addressBasis: "provided", following: false });
    await app.jobs.runDue();
    const result = await inTransaction(app.context.db, (trx) =>
      recordPartyActed(trx, {
        caseId,
        userId: accounts.get("yunqi@netcourt.demo")!.userId,
        now: app.clock.now(),
      }),
    );
    expect(result.completed).toContain(acted);
    expect((await serviceOf(acted)).servedHow).toBe("acted");
  });

  it("lets each route answer only whom the rules allow", async () => {
    await moveTo("2026-04-08T09:00:00+08:00");
    const serviceId = await serve({ addressBasis: "provided", following: false });
    await app.jobs.runDue();
    const anonymous = new TestClient(app);

    // The list: the court sees all with addresses; the addressee its side, masked; the other side sees
    // that and how it was served, without the addressee's contact details or case code.
    const forClerk = await clerk.get<{ items: TService[] }>(`/api/cases/${caseId}/services`);
    expect(forClerk.body.items.find((s) => s.id === serviceId)?.recipient.phone).toBe(DEFENDANT_PHONE);
    const forAddressee = await yunqi.get<{ items: TService[] }>(`/api/cases/${caseId}/services`);
    expect(forAddressee.status).toBe(200);
    const own = forAddressee.body.items.find((s) => s.id === serviceId)!;
    expect(own.recipient.phone).toBe("139****2222");
    expect(own.recipient.email).toBe("l***@yunqi.example");
    expect(own.attempts.every((a) => a.address === null || !a.address.includes("13900002222"))).toBe(true);
    const forPlaintiff = await zhangsan.get<{ items: TService[] }>(`/api/cases/${caseId}/services`);
    expect(forPlaintiff.status).toBe(200);
    const theirs = forPlaintiff.body.items.find((s) => s.id === serviceId)!;
    expect(theirs).toMatchObject({
      status: own.status,
      addressBasis: "provided",
      sentAt: own.sentAt,
      deliveredAt: own.deliveredAt,
      recipient: { partyId: defendantId, name: own.recipient.name, phone: null, email: null },
      caseCode: null,
      certificate: false,
    });
    expect(theirs.attempts.length).toBeGreaterThan(0);
    expect(theirs.attempts.every((a) => a.address === null && a.error === null)).toBe(true);
    expect(JSON.stringify(theirs)).not.toMatch(/139\*{4}2222|13900002222|yunqi\.example/);
    for (const outsider of [lawyer, otherClerk, lisi]) {
      expect((await outsider.get(`/api/cases/${caseId}/services`)).status).toBe(404);
    }
    expect((await anonymous.get(`/api/cases/${caseId}/services`)).status).toBe(401);

    // Opening: only the addressee.
    for (const other of [zhangsan, lawyer, otherClerk, lisi, clerk]) {
      const answer = await other.get<ErrorBody>(`/api/served/${serviceId}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe("service_not_found");
    }
    expect((await anonymous.get(`/api/served/${serviceId}`)).status).toBe(401);
    expect((await serviceOf(serviceId)).openedAt).toBeNull();

    // The clerk's list: the court's clerk only.
    expect((await clerk.get(`/api/courts/${courtId}/services/undeliverable`)).status).toBe(200);
    for (const other of [otherClerk, zhangsan, yunqi, lisi, lawyer]) {
      expect((await other.get(`/api/courts/${courtId}/services/undeliverable`)).status).toBe(403);
    }

    // Post and notice: the parties see the service but may not record it (403); others do not see it (404).
    const postBody = { trackingNumber: "EMS0000000001", signedOn: "2026-04-08", signedBy: "钱七" };
    for (const [path, body] of [
      ["post", postBody],
      ["notice", { noticeOn: "2026-04-08" }],
    ] as const) {
      const addressee = await yunqi.post<ErrorBody>(`/api/services/${serviceId}/${path}`, body);
      expect(addressee.status).toBe(403);
      expect(addressee.body.error).toBe("service_clerk_only");
      const otherSide = await zhangsan.post<ErrorBody>(`/api/services/${serviceId}/${path}`, body);
      expect(otherSide.status).toBe(403);
      expect(otherSide.body.error).toBe("service_clerk_only");
      for (const other of [lawyer, otherClerk, lisi]) {
        expect((await other.post(`/api/services/${serviceId}/${path}`, body)).status).toBe(404);
      }
      expect((await anonymous.post(`/api/services/${serviceId}/${path}`, body)).status).toBe(401);
      const bad = await clerk.post<ErrorBody>(`/api/services/${serviceId}/${path}`, { ...body, extra: 1 });
      expect(bad.status).toBe(400);
    }
    expect((await serviceOf(serviceId)).status).toBe("delivered");

    // The certificate: not before service is complete; then the addressee and the court, nobody else.
    const early = await clerk.get<ErrorBody>(`/api/cases/${caseId}/services/${serviceId}/certificate`);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe("service_not_complete");
    await yunqi.get(`/api/served/${serviceId}`);
    expect((await yunqi.get(`/api/cases/${caseId}/services/${serviceId}/certificate`)).status).toBe(200);
    expect(
      (await clerk.get(`/api/cases/${caseId}/services/${serviceId}/certificate/zh-CN/docx`)).status,
    ).toBe(200);
    expect((await serviceOf(serviceId)).certificate).toBe(true);
    expect((await zhangsan.get(`/api/cases/${caseId}/services/${serviceId}/certificate`)).status).toBe(404);
    for (const outsider of [lawyer, otherClerk, lisi]) {
      expect((await outsider.get(`/api/cases/${caseId}/services/${serviceId}/certificate`)).status).toBe(404);
      expect(
        (await outsider.get(`/api/cases/${caseId}/services/${serviceId}/certificate/zh-CN/docx`)).status,
      ).toBe(404);
    }
  });

  it("catches an unopened service whose own check was lost, in the periodic sweep", async () => {
    await moveTo("2026-04-09T09:00:00+08:00");
    const serviceId = await serve({ addressBasis: "provided", following: false });
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("delivered");
    await app.context.db
      .updateTable("jobs")
      .set({ status: "cancelled", dedupe_key: null })
      .where("dedupe_key", "=", `service-due:${serviceId}`)
      .execute();
    await moveTo("2026-04-20T09:00:00+08:00");
    await app.jobs.runDue();
    expect((await serviceOf(serviceId)).status).toBe("undeliverable");
    const next = await app.context.db
      .selectFrom("jobs")
      .select("run_at")
      .where("dedupe_key", "=", "service-sweep")
      .where("status", "=", "pending")
      .executeTakeFirst();
    expect(next?.run_at.getTime()).toBeGreaterThan(app.clock.now().getTime());
  });

  it("keeps each account's confirmed service address to itself, with the text agreed to", async () => {
    const empty = await lisi.get<{ address: unknown; confirmation: { version: string; zh: string[] } }>(
      "/api/me/service-address",
    );
    expect(empty.status).toBe(200);
    expect(empty.body.address).toBeNull();
    expect(empty.body.confirmation.zh.join("")).toContain("适用范围");
    expect(empty.body.confirmation.zh.join("")).toContain("变更方式");
    const version = empty.body.confirmation.version;
    const outdated = await lisi.put<ErrorBody>("/api/me/service-address", {
      phone: "13700001234",
      email: null,
      consentVersion: "2020-01-01",
      agree: true,
    });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error).toBe("service_consent_outdated");
    const nothing = await lisi.put<ErrorBody>("/api/me/service-address", {
      phone: null,
      email: null,
      consentVersion: version,
      agree: true,
    });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error).toBe("service_address_empty");
    const notAgreed = await lisi.put("/api/me/service-address", {
      phone: "13700001234",
      email: null,
      consentVersion: version,
      agree: false,
    });
    expect(notAgreed.status).toBe(400);
    const saved = await lisi.put<{ address: { phone: string; consentVersion: string } }>(
      "/api/me/service-address",
      {
        phone: "13700001234",
        email: "lisi@example.cn",
        consentVersion: version,
        agree: true,
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.address.phone).toBe("13700001234");
    expect((await zhangsan.get<{ address: unknown }>("/api/me/service-address")).body.address).toBeNull();
    expect((await new TestClient(app).get("/api/me/service-address")).status).toBe(401);
    expect((await lisi.delete<{ withdrawn: boolean }>("/api/me/service-address")).body.withdrawn).toBe(true);
    expect((await lisi.get<{ address: unknown }>("/api/me/service-address")).body.address).toBeNull();
  });
});
