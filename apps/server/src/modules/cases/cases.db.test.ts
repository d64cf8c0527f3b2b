import type { ErrorBody } from "@netcourt/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";

type Court = { id: string; code: string; parentId: string | null; isInternetCourt: boolean };

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

describe.each(testDatabaseKinds())("courts, cases, inbox, audit and payment on %s", (kind) => {
  let app: TestApp;
  let courts: Court[];
  let zhangsan: TestClient;
  let lisi: TestClient;
  let clerk: TestClient;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let judge: TestClient;
  let caseId: string;
  let queryCode: string;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00", listen: true });
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    admin = await signIn(app, "hzhlw.admin1@netcourt.demo");
    otherAdmin = await signIn(app, "bjhlw.admin1@netcourt.demo");
    // A filed, paid and registered case to look at.
    const hangzhou = courts.find((c) => c.code === "浙0192")!;
    caseId = (await zhangsan.post<{ caseId: string }>("/api/filings", { courtId: hangzhou.id })).body.caseId;
    const upload = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "a.png", content: PNG },
      { category: "evidence" },
    );
    await zhangsan.put(`/api/filings/${caseId}`, shoppingComplaint({ evidenceAttachmentId: upload.body.id }));
    queryCode = (await zhangsan.post<{ queryCode: string }>(`/api/filings/${caseId}/submit`)).body.queryCode;
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists the court hierarchy publicly, with Internet courts under their appeal courts", async () => {
    const byCode = new Map(courts.map((c) => [c.code, c]));
    expect(byCode.get("浙0192")!.isInternetCourt).toBe(true);
    expect(byCode.get("浙0192")!.parentId).toBe(byCode.get("浙01")!.id);
    expect(byCode.get("最高法")!.parentId).toBeNull();
    const detail = await new TestClient(app).get<{
      path: Array<{ code: string }>;
      divisions: Array<{ kind: string }>;
    }>(`/api/courts/${byCode.get("京0491")!.id}`);
    expect(detail.body.path.map((p) => p.code)).toEqual(["最高法", "京", "京04", "京0491"]);
    expect(detail.body.divisions.map((d) => d.kind)).toContain("filing");
    expect((await new TestClient(app).get("/api/courts/00000000-0000-4000-8000-000000000000")).status).toBe(
      404,
    );
  });

  it("computes periods across the National Day holiday and refuses uncovered years", async () => {
    const anon = new TestClient(app);
    const across = await anon.get<{ end: string; extendedForHoliday: boolean }>(
      "/api/calendar/period-end?start=2026-09-26&length=7",
    );
    // 7 days from 2026-09-26 end on 10-03, inside the holiday: the period ends on 10-08 (民事诉讼法第八十五条).
    expect(across.body).toMatchObject({ end: "2026-10-08", extendedForHoliday: true });
    expect((await anon.get<ErrorBody>("/api/calendar/period-end?start=2031-01-01&length=7")).body.error).toBe(
      "calendar_year_not_covered",
    );
    expect((await anon.get<ErrorBody>("/api/calendar/period-end?start=2026-02-30&length=7")).status).toBe(
      400,
    );
  });

  it("finds causes of action an Internet court hears", async () => {
    const found = await new TestClient(app).get<{ items: Array<{ id: string; internetCourt: boolean }> }>(
      `/api/causes?q=${encodeURIComponent("网络")}&internetCourtOnly=true`,
    );
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items.every((c) => c.internetCourt)).toBe(true);
    expect((await new TestClient(app).get("/api/causes?unknown=1")).status).toBe(400);
  });

  it("quotes fees publicly at bracket boundaries", async () => {
    const anon = new TestClient(app);
    expect(
      (await anon.get<{ fee: number }>("/api/fees/quote?kind=property&amount=100000&procedure=ordinary")).body
        .fee,
    ).toBe(2300);
    expect(
      (await anon.get<{ fee: number }>("/api/fees/quote?kind=property&amount=100000&procedure=simplified"))
        .body.fee,
    ).toBe(1150);
    expect((await anon.get<{ fee: number }>("/api/fees/quote?kind=labour")).body.fee).toBe(10);
  });

  it("lists each caller's cases and nobody else's", async () => {
    expect(
      (await zhangsan.get<{ items: Array<{ id: string }> }>("/api/cases")).body.items.map((c) => c.id),
    ).toContain(caseId);
    expect((await lisi.get<{ items: Array<{ id: string }> }>("/api/cases")).body.items).toEqual([]);
    expect((await clerk.get<{ total: number }>("/api/cases?status=under_review")).body.total).toBe(1);
    expect((await otherAdmin.get<{ total: number }>("/api/cases")).body.total).toBe(0);
    expect((await new TestClient(app).get("/api/cases")).status).toBe(401);
    expect((await zhangsan.get("/api/cases?status=flying")).status).toBe(400);
  });

  it("pays through the simulated gateway over real HTTP", async () => {
    const start = await zhangsan.post<{ payUrl: string }>(`/api/filings/${caseId}/payment`);
    expect(start.status).toBe(200);
    const cashier = await fetch(start.body.payUrl);
    expect(await cashier.text()).toContain("¥ 50.00");
    const paid = await fetch(start.body.payUrl, {
      method: "POST",
      body: "action=pay",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toContain(`/cases/${caseId}`);
    const view = await zhangsan.get<{ fee: { status: string } }>(`/api/filings/${caseId}`);
    expect(view.body.fee.status).toBe("paid");
    // A forged notification changes nothing.
    const forged = await fetch(`${app.context.config.publicUrl}/api/payments/simulator/notify`, {
      method: "POST",
      body: JSON.stringify({
        reference: "x",
        orderId: "00000000-0000-4000-8000-000000000000",
        amountFen: 5000,
        status: "paid",
      }),
      headers: { "content-type": "application/json", "x-netcourt-sim-signature": "00" },
    });
    expect(forged.status).toBe(400);
  });

  it("shows public progress for the query code, hides it otherwise, and throttles guessing", async () => {
    const anon = new TestClient(app);
    const progress = await anon.get<{ status: string; timeline: Array<{ kind: string }> }>(
      `/api/public/progress?code=${queryCode}`,
    );
    expect(progress.body.status).toBe("under_review");
    expect(progress.body.timeline.map((t) => t.kind)).toContain("submitted");
    expect(progress.body.timeline.map((t) => t.kind)).not.toContain("draft_created");
    let last = 0;
    for (let i = 0; i < 31; i += 1)
      last = (await anon.get(`/api/public/progress?code=0000-0000-${String(i).padStart(4, "0")}`)).status;
    expect(last).toBe(429);
    expect((await anon.get(`/api/public/progress?code=${queryCode}`)).status).toBe(429);
    expect((await anon.get("/api/public/progress?code=bad")).status).toBe(400);
  });

  it("keeps the inbox private and marks messages read", async () => {
    const inbox = await zhangsan.get<{
      items: Array<{ id: string; kind: string; title: string }>;
      unread: number;
    }>("/api/inbox");
    const message = inbox.body.items.find((m) => m.kind === "filing_submitted")!;
    expect(message.title).toBe("起诉材料已提交");
    zhangsan.locale = "en";
    expect(
      (await zhangsan.get<{ items: Array<{ kind: string; title: string }> }>("/api/inbox")).body.items.find(
        (m) => m.kind === "filing_submitted",
      )!.title,
    ).toBe("Complaint submitted");
    zhangsan.locale = "zh-CN";
    expect((await lisi.post(`/api/inbox/${message.id}/read`)).status).toBe(404);
    expect((await zhangsan.post(`/api/inbox/${message.id}/read`)).status).toBe(204);
    const after = await zhangsan.get<{ unread: number }>("/api/inbox/unread-count");
    expect(after.body.unread).toBe(inbox.body.unread - 1);
    const clerkInbox = await clerk.get<{ items: Array<{ kind: string }> }>("/api/inbox");
    expect(clerkInbox.body.items.map((m) => m.kind)).toContain("filing_to_review");
  });

  it("lets a court administrator browse their own court's audit trail only", async () => {
    const trail = await admin.get<{ items: Array<{ action: string; subjectId: string; ip: string | null }> }>(
      "/api/audit?action=filing.",
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items.filter((e) => e.subjectId === caseId).map((e) => e.action)).toEqual(
      expect.arrayContaining(["filing.submitted", "filing.fee_paid"]),
    );
    const hangzhou = courts.find((c) => c.code === "浙0192")!;
    expect(
      (await otherAdmin.get<{ items: unknown[] }>("/api/audit")).body.items.every(
        (e) => (e as { courtId: string }).courtId !== hangzhou.id,
      ),
    ).toBe(true);
    expect((await otherAdmin.get(`/api/audit?courtId=${hangzhou.id}`)).status).toBe(403);
    expect((await clerk.get("/api/audit")).status).toBe(403);
    expect((await zhangsan.get("/api/audit")).status).toBe(403);
    expect((await new TestClient(app).get("/api/audit")).status).toBe(401);
  });

  it("keeps the judge's view to assigned cases", async () => {
    const accepted = await clerk.post<{ caseNumber: string }>(`/api/filings/${caseId}/accept`, {});
    expect(accepted.status).toBe(200);
    const detail = await clerk.get<{
      judge: { id: string; name: string };
      judgeAssignment: { candidates: unknown[] };
    }>(`/api/cases/${caseId}`);
    expect(detail.body.judgeAssignment.candidates.length).toBeGreaterThan(1);
    expect(
      (await zhangsan.get<{ judgeAssignment: unknown }>(`/api/cases/${caseId}`)).body.judgeAssignment,
    ).toBeNull();
    const judgeLogin = detail.body.judge.name.endsWith("法官甲")
      ? "hzhlw.judge1@netcourt.demo"
      : detail.body.judge.name.endsWith("法官乙")
        ? "hzhlw.judge2@netcourt.demo"
        : "hzhlw.judge3@netcourt.demo";
    judge = await signIn(app, judgeLogin);
    expect((await judge.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await judge.get<{ total: number }>("/api/cases?assignedToMe=true")).body.total).toBe(1);
    const otherJudge = await signIn(
      app,
      judgeLogin === "hzhlw.judge1@netcourt.demo"
        ? "hzhlw.judge2@netcourt.demo"
        : "hzhlw.judge1@netcourt.demo",
    );
    expect((await otherJudge.get(`/api/cases/${caseId}`)).status).toBe(404);
    // 张三 sees 李四-free, unmasked data of his own party; the opposing company's phone is not his to see.
    const mine = await zhangsan.get<{ parties: Array<{ isMe: boolean; idNumber: string }> }>(
      `/api/cases/${caseId}`,
    );
    expect(mine.body.parties.find((p) => p.isMe)!.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("pre-fills the wizard from a pasted complaint and from a .docx, and refuses other files", async () => {
    const text = [
      "民事起诉状",
      "原告：张三，男，1990年3月7日出生，汉族，住浙江省杭州市西湖区文三路1号，公民身份号码330106199003072132，联系电话13800001111。",
      "被告：杭州某某电子商务有限公司，住所地浙江省杭州市余杭区五常街道2号。",
      "法定代表人：钱七，总经理。",
      "诉讼请求：",
      "1.判令被告退还货款人民币伍仟元整；",
      "2.本案诉讼费用由被告承担。",
      "事实与理由：",
      "2026年1月5日，原告通过网络购物平台向被告购买手机一部，收货后发现系翻新机，现诉至法院，因网络购物合同纠纷请求判如所请。",
      "此致",
      "杭州互联网法院",
    ].join("\n");
    const result = await zhangsan.post<{
      suggestion: {
        parties: Array<{ name: string; idNumber: string | null }>;
        claims: Array<{ amount: number | null }>;
        causeCode: string | null;
      };
    }>("/api/filings/extract", { text });
    expect(result.status).toBe(200);
    expect(result.body.suggestion.parties.map((p) => p.name)).toEqual(["张三", "杭州某某电子商务有限公司"]);
    expect(result.body.suggestion.parties[0]!.idNumber).toBe("330106199003072132");
    expect(result.body.suggestion.claims[0]!.amount).toBe(5000);
    expect(result.body.suggestion.causeCode).not.toBeNull();
    const { Document, Packer, Paragraph } = await import("docx");
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: text.split("\n").map((line) => new Paragraph(line)) }] }),
    );
    const fromDocx = await zhangsan.upload<{ suggestion: { claims: Array<{ amount: number | null }> } }>(
      "/api/filings/extract/file",
      { name: "起诉状.docx", content: docx },
    );
    expect(fromDocx.status).toBe(200);
    expect(fromDocx.body.suggestion.claims[0]!.amount).toBe(5000);
    expect(
      (await zhangsan.upload<ErrorBody>("/api/filings/extract/file", { name: "x.docx", content: PNG })).body
        .error,
    ).toBe("extraction_input_invalid");
    expect((await zhangsan.post("/api/filings/extract", { text: "" })).status).toBe(400);
    expect((await new TestClient(app).post("/api/filings/extract", { text })).status).toBe(401);
  });

  it("serves the OpenAPI document and health", async () => {
    const anon = new TestClient(app);
    const doc = await anon.get<{ openapi: string; paths: Record<string, unknown> }>("/api/openapi.json");
    expect(doc.body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/filings/{caseId}/accept",
      "/api/fees/quote",
      "/api/audit",
      "/api/public/progress",
    ])
      expect(doc.body.paths).toHaveProperty([path]);
    expect((await anon.get<{ status: string }>("/api/health")).body.status).toBe("ok");
  });
});
