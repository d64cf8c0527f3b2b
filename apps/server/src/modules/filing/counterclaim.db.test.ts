import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdNumber } from "../../seed/demo-seed";
import { acceptedCase, linkByCaseCode, seedDemo, shoppingComplaint, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";
import type { SimulatedPaymentGateway } from "./adapters/simulated-payment";
import type { TDefence } from "./defendant.schemas";
import type { TFilingView } from "./filing.schemas";

const LISI_ID = demoIdNumber("110105", "1988-11-20", 124);

type Defended = TDefence["counterclaims"][number];

/** A complaint by 张三 against 李四, who can link the case with his verified identity. */
function complaintAgainstLisi() {
  const base = shoppingComplaint();
  return {
    ...base,
    parties: [
      base.parties[0]!,
      {
        role: "defendant" as const,
        kind: "natural_person" as const,
        name: "李四",
        idNumber: LISI_ID,
        phone: "13900002222",
        address: "北京市朝阳区建国路1号",
      },
    ],
  };
}

const counterclaim = {
  claims: [{ text: "判令反诉被告支付货款差价人民币100000元", amount: 100000 }],
  factsAndReasons: "反诉被告收货后未支付约定的差价。",
};

// 民事诉讼法第一百四十三条; 诉讼费用交纳办法第十八条、第二十条、第二十二条; 民诉法解释第二百一十三条: a counterclaim
// is a document served on the plaintiff, its halved fee is prepaid online by the counterclaimant within 7
// days, and unpaid it is treated as withdrawn while the action goes on.
describe.each(testDatabaseKinds())("a counterclaim's document and fee on %s", (kind) => {
  let app: TestApp;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  let courtId: string;
  let zhangsan: TestClient;
  let lisi: TestClient;
  let lawyer: TestClient;
  let clerk: TestClient;

  async function signInEveryone(): Promise<void> {
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    lisi = await signIn(app, "lisi@netcourt.demo");
    lawyer = await signIn(app, "wanglawyer@netcourt.demo");
    clerk = await signIn(app, "hzhlw.clerk1@netcourt.demo");
  }

  beforeAll(async () => {
    app = await createTestApp(kind, { now: "2026-03-02T09:00:00+08:00" });
    accounts = await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    await signInEveryone();
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    courtId = courts.find((c) => c.code === "浙0192")!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function notify(orderId: string, amountFen: number, reference: string) {
    const gateway = app.context.ports.payment as SimulatedPaymentGateway;
    const body = JSON.stringify({ reference, orderId, amountFen, status: "paid" });
    return app.http.inject({
      method: "POST",
      url: "/api/payments/simulator/notify",
      payload: body,
      headers: gateway.signatureHeaders(body),
    });
  }

  /** A registered case whose complaint was served and which 李四 has linked. */
  async function linkedCase(): Promise<string> {
    const complaint = complaintAgainstLisi();
    const caseId = await acceptedCase(app, { filer: zhangsan, clerk, courtId, complaint });
    await linkByCaseCode(app, lisi, caseId);
    return caseId;
  }

  async function fileCounterclaim(caseId: string) {
    const filed = await lisi.post<{ counterclaimId: string; fee: number; feeDueOn: string; issueId: string }>(
      `/api/cases/${caseId}/counterclaims`,
      counterclaim,
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    return filed.body;
  }

  async function judgeOf(caseId: string): Promise<{ client: TestClient; userId: string }> {
    const { judge_id } = await app.context.db
      .selectFrom("cases")
      .select("judge_id")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const judge = [...accounts.values()].find((a) => a.userId === judge_id)!;
    return { client: await signIn(app, judge.login), userId: judge.userId };
  }

  async function counterclaimOf(client: TestClient, caseId: string, id: string): Promise<Defended> {
    const defence = await client.get<TDefence>(`/api/cases/${caseId}/defence`);
    expect(defence.status).toBe(200);
    return defence.body.counterclaims.find((c) => c.id === id)!;
  }

  async function courtEvents(caseId: string): Promise<string[]> {
    const rows = await app.context.db
      .selectFrom("ledger_court_events")
      .select("kind")
      .where("case_id", "=", caseId)
      .execute();
    return rows.map((r) => r.kind);
  }

  async function inboxKinds(userId: string, caseId: string): Promise<string[]> {
    const rows = await app.context.db
      .selectFrom("inbox_messages")
      .select("kind")
      .where("recipient_id", "=", userId)
      .where("case_id", "=", caseId)
      .execute();
    return rows.map((r) => r.kind);
  }

  const userIdOf = (login: string) => [...accounts.values()].find((a) => a.login === login)!.userId;

  it("issues the 民事反诉状 and serves its copy on the plaintiff", async () => {
    const caseId = await linkedCase();
    const filed = await fileCounterclaim(caseId);
    const versions = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "locale", "title", "model"])
      .where("issue_id", "=", filed.issueId)
      .orderBy("locale")
      .execute();
    expect(versions.map((v) => [v.kind, v.locale, v.title])).toEqual([
      ["counterclaim", "en", "Counterclaim"],
      ["counterclaim", "zh-CN", "民事反诉状"],
    ]);
    const zh = versions.find((v) => v.locale === "zh-CN")!.model;
    const text = [...zh.parties, ...zh.body.map((p) => p.text), ...zh.signature].join("\n");
    expect(text).toContain("反诉原告（本诉被告）：李四");
    expect(text).toContain("反诉被告（本诉原告）：张三");
    expect(text).toContain("判令反诉被告支付货款差价人民币100000元（金额：人民币100,000.00元）");
    expect(text).toContain(counterclaim.factsAndReasons);

    const served = await app.context.db
      .selectFrom("service_records")
      .select(["recipient_name", "recipient_role", "document_issue_id"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "counterclaim_copy")
      .execute();
    expect(served).toEqual([
      { recipient_name: "张三", recipient_role: "plaintiff", document_issue_id: filed.issueId },
    ]);
    const seen = await counterclaimOf(zhangsan, caseId, filed.counterclaimId);
    expect(seen).toMatchObject({
      documentIssueId: filed.issueId,
      status: "fee_due",
      feeStatus: "unpaid",
      fee: 1150,
      canPay: false,
    });
    expect((await counterclaimOf(lisi, caseId, filed.counterclaimId)).canPay).toBe(true);
    const listed = await zhangsan.get<{ items: Array<{ issueId: string; kind: string }> }>(
      `/api/cases/${caseId}/documents`,
    );
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ issueId: filed.issueId, kind: "counterclaim" }),
    );
    expect(await courtEvents(caseId)).toContain("counterclaim_filed");
  });

  it("lets only the counterclaimant start paying its fee", async () => {
    const caseId = await linkedCase();
    const filed = await fileCounterclaim(caseId);
    const url = `/api/cases/${caseId}/counterclaims/${filed.counterclaimId}/pay`;
    const judge = await judgeOf(caseId);
    // The plaintiff and the court's staff see the case but do not pay the counterclaimant's fee.
    for (const client of [zhangsan, clerk, judge.client]) {
      const refused = await client.post(url);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: "forbidden" });
    }
    // A user who is not in the case does not see it at all.
    expect((await lawyer.post(url)).status).toBe(404);
    expect((await lisi.post(`/api/cases/${caseId}/counterclaims/${caseId}/pay`)).body).toMatchObject({
      error: "counterclaim_not_found",
    });
    const started = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .where("action", "=", "filing.counterclaim_fee_payment_started")
      .execute();
    expect(started).toHaveLength(0);
  });

  it("pays the counterclaim's fee through the gateway, files it and issues the receipt", async () => {
    const caseId = await linkedCase();
    const filed = await fileCounterclaim(caseId);
    const caseFeeBefore = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.fee;
    const start = await lisi.post<{ orderId: string; amount: number; payUrl: string }>(
      `/api/cases/${caseId}/counterclaims/${filed.counterclaimId}/pay`,
    );
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    expect(start.body.amount).toBe(1150);
    expect(start.body.payUrl).toContain("/sim/pay?ticket=");

    const paid = await notify(start.body.orderId, 115000, "SIM-COUNTERCLAIM");
    expect(paid.json()).toEqual({ result: "paid" });
    // Gateways repeat notifications: a repeat changes nothing.
    expect((await notify(start.body.orderId, 115000, "SIM-COUNTERCLAIM")).json()).toEqual({
      result: "already_paid",
    });

    const seen = await counterclaimOf(lisi, caseId, filed.counterclaimId);
    expect(seen).toMatchObject({ status: "filed", feeStatus: "paid", canPay: false });
    expect(seen.feePaidAt).not.toBeNull();
    expect(seen.feeReceiptIssueId).not.toBeNull();
    const receipt = await app.context.db
      .selectFrom("case_documents")
      .select(["kind", "model"])
      .where("issue_id", "=", seen.feeReceiptIssueId)
      .where("locale", "=", "zh-CN")
      .executeTakeFirstOrThrow();
    expect(receipt.kind).toBe("fee_receipt");
    expect(receipt.model.fields).toEqual(
      expect.arrayContaining([
        { label: "交款人", value: "李四" },
        { label: "费用项目", value: "反诉案件受理费（预交）" },
        { label: "金额", value: "1,150.00 元" },
      ]),
    );

    // The case acceptance fee is untouched: its order, its status and its amount.
    const caseFeeAfter = (await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.fee;
    expect(caseFeeAfter).toEqual(caseFeeBefore);
    expect(caseFeeAfter).toMatchObject({ amount: 50, status: "paid" });

    const judge = await judgeOf(caseId);
    expect(await inboxKinds(userIdOf("lisi@netcourt.demo"), caseId)).toContain("counterclaim_fee_paid");
    expect(await inboxKinds(judge.userId, caseId)).toContain("counterclaim_fee_paid");
    expect(await courtEvents(caseId)).toEqual(
      expect.arrayContaining(["fee_payment_started", "counterclaim_fee_paid"]),
    );
    const audits = await app.context.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", caseId)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["filing.counterclaim_fee_payment_started", "filing.counterclaim_fee_paid"]),
    );
    // Paid once: nothing more to pay.
    const again = await lisi.post(`/api/cases/${caseId}/counterclaims/${filed.counterclaimId}/pay`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: "fee_not_payable" });
  });

  // Moves the clock past the fee's due date: last, so the other tests run on the original day.
  it("treats the counterclaim as withdrawn when its fee is unpaid after 7 days, and records a late payment for refund", async () => {
    const caseId = await linkedCase();
    const filed = await fileCounterclaim(caseId);
    const start = await lisi.post<{ orderId: string; amount: number }>(
      `/api/cases/${caseId}/counterclaims/${filed.counterclaimId}/pay`,
    );
    expect(start.status).toBe(200);
    const due = await counterclaimOf(lisi, caseId, filed.counterclaimId);
    const dueAt = new Date(due.feeDueAt);
    // 诉讼费用交纳办法第二十二条: 7 days from the day after filing, to the end of the court day.
    expect(filed.feeDueOn).toBe("2026-03-09");
    expect(dueAt.toISOString()).toBe("2026-03-09T15:59:59.999Z");

    app.clock.set(new Date(dueAt.getTime() - 3600_000));
    await app.jobs.runDue();
    await signInEveryone();
    expect((await counterclaimOf(lisi, caseId, filed.counterclaimId)).status).toBe("fee_due");

    app.clock.set(new Date(dueAt.getTime() + 1000));
    await app.jobs.runDue();
    await signInEveryone();
    const withdrawn = await counterclaimOf(lisi, caseId, filed.counterclaimId);
    expect(withdrawn).toMatchObject({ status: "deemed_withdrawn", feeStatus: "expired", canPay: false });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const order = await app.context.db
      .selectFrom("fee_orders")
      .select("status")
      .where("counterclaim_id", "=", filed.counterclaimId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("expired");
    // The action goes on (民诉法解释第二百三十九条): the case keeps its status and its paid fee.
    const caseRow = await app.context.db
      .selectFrom("cases")
      .select("status")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow.status).not.toBe("deemed_withdrawn");
    expect((await zhangsan.get<TFilingView>(`/api/filings/${caseId}`)).body.fee).toMatchObject({
      status: "paid",
    });
    expect(await inboxKinds(userIdOf("lisi@netcourt.demo"), caseId)).toContain(
      "counterclaim_deemed_withdrawn",
    );
    expect(await inboxKinds(userIdOf("zhangsan@netcourt.demo"), caseId)).toContain(
      "counterclaim_deemed_withdrawn",
    );
    expect(await courtEvents(caseId)).toContain("counterclaim_deemed_withdrawn");

    const late = await lisi.post(`/api/cases/${caseId}/counterclaims/${filed.counterclaimId}/pay`);
    expect(late.body).toMatchObject({ error: "fee_not_payable" });
    // Money that arrives anyway is recorded for a refund and changes nothing else.
    expect((await notify(start.body.orderId, 115000, "SIM-LATE")).json()).toEqual({ result: "late" });
    const refund = await app.context.db
      .selectFrom("audit_events")
      .select("data")
      .where("subject_id", "=", caseId)
      .where("action", "=", "filing.fee_paid_late")
      .executeTakeFirstOrThrow();
    expect(refund.data).toMatchObject({ orderId: start.body.orderId, refundDue: true });
    expect((await counterclaimOf(lisi, caseId, filed.counterclaimId)).status).toBe("deemed_withdrawn");
  });
});
