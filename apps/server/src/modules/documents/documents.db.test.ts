import type { ErrorBody } from "@netcourt/shared";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { TestClient, createTestApp, type TestApp } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { DemoAccount } from "../../seed/demo-seed";
import type { SimulatedPaymentGateway } from "../filing/index";

type TFilingView = {
  caseId: string;
  status: string;
  caseNumber: string | null;
  attachments: Array<{ id: string }>;
};
import type { TCaseDocument } from "./documents.schemas";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

type Court = { id: string; code: string };
type Preview = { sha256: string; zh: { docxUrl: string; pdfUrl: string }; en: { docxUrl: string } };

async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

describe.each(testDatabaseKinds())("court documents on %s", (kind) => {
  let app: TestApp;
  let accounts: Map<string, DemoAccount>;
  let hangzhou: Court;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let clerk: TestClient;
  let otherClerk: TestClient;

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192", "京", "京04", "京0491"]);
    const courts = (await new TestClient(app).get<{ items: Court[] }>("/api/courts")).body.items;
    hangzhou = courts.find((c) => c.code === "浙0192")!;
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
    otherClerk = await signIn(app, "bjhlw.clerk1@netcourt.demo");
  });
  afterAll(async () => {
    await app?.close();
  });

  async function draft(): Promise<string> {
    const created = await zhangsan.post<TFilingView>("/api/filings", { courtId: hangzhou.id });
    const caseId = created.body.caseId;
    const upload = await zhangsan.upload<{ id: string }>(
      `/api/filings/${caseId}/attachments`,
      { name: "订单截图.png", content: PNG },
      { category: "evidence" },
    );
    const saved = await zhangsan.put(
      `/api/filings/${caseId}`,
      shoppingComplaint({ evidenceAttachmentId: upload.body.id }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return caseId;
  }

  async function payFee(caseId: string): Promise<void> {
    const start = await zhangsan.post<{ orderId: string; amount: number }>(`/api/filings/${caseId}/payment`);
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({
      reference: "SIM-RECEIPT-1",
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

  async function documentsOf(client: TestClient, caseId: string) {
    return client.get<{ items: TCaseDocument[] }>(`/api/cases/${caseId}/documents`);
  }

  it("previews the draft as the 起诉状, refuses a submission after the draft changed, and files the confirmed one", async () => {
    const caseId = await draft();
    const preview = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const docx = await zhangsan.get(preview.body.zh.docxUrl);
    expect(docx.status).toBe(200);
    expect(docx.headers["x-complaint-sha256"]).toBe(preview.body.sha256);
    const text = await docxText(docx.raw.rawPayload);
    expect(text).toContain("民 事 起 诉 状");
    expect(text).toContain("原告：张三");
    expect(text).toContain("诉讼请求");
    expect(text).toContain("具状人：张三");
    expect(text).not.toContain("13800001111");
    // The preview is not stored: nothing is listed yet, and the other side cannot preview a draft.
    expect((await lisi.get(`/api/filings/${caseId}/complaint-preview`)).status).toBe(404);

    const attachmentId = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.attachments[0]!.id;
    const changed = shoppingComplaint({ evidenceAttachmentId: attachmentId });
    changed.factsAndReasons = `${changed.factsAndReasons}补充：卖家拒绝退货。`;
    const saved = await zhangsan.put(`/api/filings/${caseId}`, changed);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stale = await zhangsan.post<ErrorBody>(`/api/filings/${caseId}/submit`, {
      complaintSha256: preview.body.sha256,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe("complaint_changed_since_preview");
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe("draft");

    const fresh = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    expect(fresh.body.sha256).not.toBe(preview.body.sha256);
    const submitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/submit`, {
      complaintSha256: fresh.body.sha256,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const listed = await documentsOf(zhangsan, caseId);
    expect(listed.body.items.map((d) => d.kind)).toEqual(["complaint"]);
    expect(listed.body.items[0]!.versions.map((v) => v.locale)).toEqual(["zh-CN", "en"]);
  });

  it("records the filed 起诉状 by its content hash and renders its DOCX after commit, the same bytes a download renders first", async () => {
    const caseId = await draft();
    const preview = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    const submitted = await zhangsan.post(`/api/filings/${caseId}/submit`, {
      complaintSha256: preview.body.sha256,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const courtEvents = async () =>
      (
        await app.context.db
          .selectFrom("ledger_court_events")
          .select(["kind", "opening"])
          .where("case_id", "=", caseId)
          .where("kind", "in", ["document_issued", "document_rendered"])
          .orderBy("id")
          .execute()
      ).map((row) => ({
        kind: row.kind,
        payload: (JSON.parse(row.opening) as { payload: Record<string, unknown> }).payload,
      }));

    // Issued in the filing's transaction: listed, its content hashes in the ledger, no DOCX yet.
    const listed = (await documentsOf(zhangsan, caseId)).body.items[0]!;
    expect(listed.versions.map((v) => v.docxSha256)).toEqual([null, null]);
    const [issued] = await courtEvents();
    expect(issued).toMatchObject({ kind: "document_issued", payload: { kind: "complaint", version: 2 } });
    expect(issued!.payload.contents).toHaveLength(2);
    expect(issued!.payload.contentSha256).toBe((issued!.payload.contents as string[])[0]);

    // A download before the job renders the English version on the spot.
    const [zhVersion, enVersion] = listed.versions;
    const early = await zhangsan.get(enVersion!.docxUrl);
    expect(early.status).toBe(200);
    expect(await docxText(early.raw.rawPayload)).toContain("Civil Complaint");

    // The job renders both, records them once, and leaves one document_rendered event with their hashes.
    await app.jobs.runDue();
    await app.jobs.runDue();
    const rendered = (await documentsOf(zhangsan, caseId)).body.items[0]!;
    const hashes = rendered.versions.map((v) => v.docxSha256);
    expect(hashes.every((h) => h !== null && /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const events = await courtEvents();
    expect(events.map((e) => e.kind)).toEqual(["document_issued", "document_rendered"]);
    expect(events[1]!.payload).toEqual({ issueId: listed.issueId, documents: hashes });
    // What was downloaded before the job is byte for byte what the ledger now records.
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(early.raw.rawPayload).digest("hex")).toBe(hashes[1]);
    const zhDocx = await zhangsan.get(zhVersion!.docxUrl);
    expect(createHash("sha256").update(zhDocx.raw.rawPayload).digest("hex")).toBe(hashes[0]);
    expect(await docxText(zhDocx.raw.rawPayload)).toContain("民 事 起 诉 状");
  });

  it("has the corrected 起诉状 previewed and confirmed before resubmission, and issues it beside the first", async () => {
    const caseId = await draft();
    const first = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    expect(
      (await zhangsan.post(`/api/filings/${caseId}/submit`, { complaintSha256: first.body.sha256 })).status,
    ).toBe(200);
    const asked = await clerk.post(`/api/filings/${caseId}/request-correction`, {
      items: ["补充事实与理由中的订单号。"],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);

    const attachmentId = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.attachments[0]!.id;
    const corrected = shoppingComplaint({ evidenceAttachmentId: attachmentId });
    corrected.factsAndReasons = `${corrected.factsAndReasons}订单号：SO-20261101-0001。`;
    const preview = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    expect((await zhangsan.put(`/api/filings/${caseId}`, corrected)).status).toBe(200);
    // Previewed before the last change: refused, nothing changes.
    const stale = await zhangsan.post<ErrorBody>(`/api/filings/${caseId}/resubmit`, {
      complaintSha256: preview.body.sha256,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe("complaint_changed_since_preview");
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.status).toBe(
      "correction_requested",
    );
    expect((await documentsOf(zhangsan, caseId)).body.items).toHaveLength(1);

    const fresh = await zhangsan.get<Preview>(`/api/filings/${caseId}/complaint-preview`);
    const resubmitted = await zhangsan.post<TFilingView>(`/api/filings/${caseId}/resubmit`, {
      complaintSha256: fresh.body.sha256,
    });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.status).toBe("under_review");
    const listed = (await documentsOf(clerk, caseId)).body.items;
    expect(listed.map((d) => d.kind)).toEqual(["complaint", "complaint"]);
    const latest = listed.at(-1)!.versions.find((v) => v.locale === "zh-CN")!;
    const docx = await clerk.get(latest.docxUrl);
    expect(await docxText(docx.raw.rawPayload)).toContain("SO-20261101-0001");
  });

  it("issues the fee receipt on payment and the notices on acceptance, each with a ledger event; parties and the court read them, others do not", async () => {
    const caseId = await draft();
    // A client that sends no body at all submits without a preview hash, as before.
    const submitted = await zhangsan.request("POST", `/api/filings/${caseId}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await payFee(caseId);
    const afterPayment = await documentsOf(zhangsan, caseId);
    const receipt = afterPayment.body.items.find((d) => d.kind === "fee_receipt")!;
    expect(receipt).toBeDefined();
    const receiptText = await docxText((await zhangsan.get(receipt.versions[0]!.docxUrl)).raw.rawPayload);
    expect(receiptText).toContain("交款人");
    expect(receiptText).toContain("张三");
    expect(receiptText).toContain("50.00 元");
    expect(receiptText).toContain("SIM-RECEIPT-1");
    expect(receiptText).toContain("诉讼费用交纳办法");

    const accepted = await clerk.post<TFilingView>(`/api/filings/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const caseNumber = accepted.body.caseNumber!;
    const listed = await documentsOf(zhangsan, caseId);
    expect(listed.body.items.map((d) => d.kind)).toEqual([
      "complaint",
      "fee_receipt",
      "acceptance_notice",
      "evidence_notice",
      "response_notice",
    ]);
    const notice = listed.body.items.find((d) => d.kind === "acceptance_notice")!;
    expect(notice.caseNumber).toBe(caseNumber);
    const noticeText = await docxText((await zhangsan.get(notice.versions[0]!.docxUrl)).raw.rawPayload);
    expect(noticeText).toContain(caseNumber);
    expect(noticeText).toContain("第一百二十六条");
    const evidence = listed.body.items.find((d) => d.kind === "evidence_notice")!;
    const evidenceText = await docxText((await zhangsan.get(evidence.versions[0]!.docxUrl)).raw.rawPayload);
    // Ordinary procedure: not less than fifteen days (民诉法解释第九十九条).
    expect(evidenceText).toContain("自收到本通知书之次日起15日");
    const english = await docxText((await zhangsan.get(evidence.versions[1]!.docxUrl)).raw.rawPayload);
    expect(english).toContain("Courtesy translation");

    const events = await app.context.db
      .selectFrom("ledger_court_events")
      .select(["kind"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "document_issued")
      .execute();
    expect(events).toHaveLength(5);

    // Access: the court's clerk and the assigned judge read them; another litigant, another court's
    // clerk and the public do not.
    expect((await documentsOf(clerk, caseId)).status).toBe(200);
    const { judge_id: judgeId } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const assigned = [...accounts.values()].find((a) => a.userId === judgeId)!;
    expect((await documentsOf(await signIn(app, assigned.login), caseId)).status).toBe(200);
    for (const outsider of [lisi, otherClerk]) {
      expect((await documentsOf(outsider, caseId)).status).toBe(404);
      expect((await outsider.get(notice.versions[0]!.docxUrl)).status).toBe(404);
    }
    const anonymous = new TestClient(app);
    expect((await anonymous.get(`/api/cases/${caseId}/documents`)).status).toBe(401);
    expect((await anonymous.get(notice.versions[0]!.pdfUrl)).status).toBe(401);
    // A document of one case is not found through another.
    const other = await draft();
    expect((await zhangsan.get(`/api/cases/${other}/documents/${notice.versions[0]!.id}/docx`)).status).toBe(
      404,
    );

    const pdf = await zhangsan.get(notice.versions[0]!.pdfUrl);
    expect(pdf.status, String(pdf.body)).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.raw.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    // Printed once, then served from the store.
    const again = await zhangsan.get(notice.versions[0]!.pdfUrl);
    expect(Buffer.compare(again.raw.rawPayload, pdf.raw.rawPayload)).toBe(0);
  }, 60_000);

  it("has a ruling not to accept made by a judge, numbered and signed by judge and clerk; 第一百二十七条 grounds alone give a 告知书", async () => {
    const caseId = await draft();
    expect((await zhangsan.post(`/api/filings/${caseId}/submit`)).status).toBe(200);
    const reason = "起诉人未提供被告的明确信息。";
    type Judges = { reviewerIsJudge: boolean; items: Array<{ id: string; name: string }> };
    const judges = await clerk.get<Judges>(`/api/filings/${caseId}/ruling-judges`);
    expect(judges.status).toBe(200);
    expect(judges.body.reviewerIsJudge).toBe(false);
    expect(judges.body.items.map((j) => j.id)).toContain(accounts.get("hzhlw.judge1@netcourt.demo")!.userId);
    expect((await zhangsan.get(`/api/filings/${caseId}/ruling-judges`)).status).toBe(403);
    expect((await otherClerk.get(`/api/filings/${caseId}/ruling-judges`)).status).toBe(404);
    const unnamed = await clerk.post<ErrorBody>(`/api/filings/${caseId}/refuse`, { reason, basis: ["122"] });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error).toBe("ruling_judge_required");
    const otherCourtsJudge = accounts.get("bjhlw.judge1@netcourt.demo")!;
    const wrong = await clerk.post<ErrorBody>(`/api/filings/${caseId}/refuse`, {
      reason,
      basis: ["122"],
      judgeId: otherCourtsJudge.userId,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toBe("ruling_judge_invalid");
    expect((await documentsOf(zhangsan, caseId)).body.items.map((d) => d.kind)).toEqual(["complaint"]);

    const hzJudge = accounts.get("hzhlw.judge1@netcourt.demo")!;
    const refused = await clerk.post<TFilingView>(`/api/filings/${caseId}/refuse`, {
      reason,
      basis: ["122"],
      judgeId: hzJudge.userId,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const ruling = (await documentsOf(zhangsan, caseId)).body.items.find((d) => d.kind === "refusal_ruling")!;
    expect(ruling.caseNumber).toMatch(/^（2026）浙0192民初\d+号$/);
    const text = await docxText((await zhangsan.get(ruling.versions[0]!.docxUrl)).raw.rawPayload);
    expect(text).toContain(ruling.caseNumber!);
    expect(text).toContain("民 事 裁 定 书");
    expect(text).toContain(`审判员\u3000${hzJudge.name}`);
    expect(text).toContain("书记员\u3000");
    expect(text).not.toContain("立案庭");
    expect(text).toContain("本院不予受理");

    const second = await draft();
    expect((await zhangsan.post(`/api/filings/${second}/submit`)).status).toBe(200);
    const referred = await clerk.post<TFilingView>(`/api/filings/${second}/refuse`, {
      reason: "双方合同约定争议提交杭州仲裁委员会仲裁。",
      basis: ["127-2"],
    });
    expect(referred.status, JSON.stringify(referred.body)).toBe(200);
    const items = (await documentsOf(zhangsan, second)).body.items;
    expect(items.map((d) => d.kind)).toEqual(["complaint", "referral_notice"]);
    const notice = await docxText((await zhangsan.get(items[1]!.versions[0]!.docxUrl)).raw.rawPayload);
    expect(notice).toContain("告 知 书");
    expect(notice).toContain("向双方约定的仲裁机构申请仲裁");
    expect(notice).not.toContain("裁定如下");
  });
});
